/**
 * Builds typos.json (see typos.ts): the homophone groups of the characters a
 * user may type — the 6,763 characters of GB 2312, which an input method
 * offers first, and every character of the corpus — by their toneless pinyin
 * (pinyin-pro, every reading of a character), and the Bloom filter of the
 * corpus's bigrams.
 */
import { pinyin } from 'pinyin-pro';
import { buildBloom, type TypoData } from './typos';

function gb2312Characters(): string[] {
  const decoder = new TextDecoder('gb18030');
  const characters: string[] = [];
  for (let high = 0xb0; high <= 0xf7; high += 1) {
    for (let low = 0xa1; low <= 0xfe; low += 1) {
      const char = decoder.decode(new Uint8Array([high, low]));
      if (/^\p{Script=Han}$/u.test(char)) characters.push(char);
    }
  }
  return characters;
}

export function buildTypoData(version: number, corpusKeys: Iterable<string>): TypoData {
  const bigrams: string[] = [];
  const characters = new Set(gb2312Characters());
  for (const key of corpusKeys) {
    if (key.length === 2) bigrams.push(key);
    else if (/^\p{Script=Han}$/u.test(key)) characters.add(key);
  }
  const bySound = new Map<string, string>();
  for (const char of [...characters].sort()) {
    for (const sound of new Set(pinyin(char, { toneType: 'none', multiple: true, type: 'array' }))) {
      if (!/^[a-zü]+$/.test(sound)) continue;
      bySound.set(sound, (bySound.get(sound) ?? '') + char);
    }
  }
  const sounds = [...bySound.keys()].sort().map((sound) => bySound.get(sound) as string);
  return { version, sounds: sounds.filter((group) => group.length > 1), bloom: buildBloom(bigrams) };
}
