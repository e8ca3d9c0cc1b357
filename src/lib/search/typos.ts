/**
 * A word found nowhere in the corpus is often a homophone typed by mistake
 * (an input method offers 制度 and 治度 for zhidu): its variants with one
 * character replaced by a character of the same sound (toneless pinyin) whose
 * bigrams all occur in the corpus are what the user probably meant. The
 * corpus's bigrams are a Bloom filter (about 1 % false positives, which cost
 * nothing but a lookup that finds no postings).
 */
import { hashKey } from './postings';

export interface TypoData {
  version: number;
  /** Characters of one toneless pinyin syllable each (a character with two readings is in both). */
  sounds: string[];
  bloom: { bits: number; hashes: number; data: string };
}

const bloomPositions = (key: string, bits: number, hashes: number): number[] => {
  const h1 = hashKey(key);
  const h2 = hashKey(`${key}\u0001`) | 1;
  return Array.from({ length: hashes }, (_, i) => ((h1 + Math.imul(i, h2)) >>> 0) % bits);
};

export function buildBloom(keys: readonly string[], bitsPerKey = 10): TypoData['bloom'] {
  const bits = Math.max(64, keys.length * bitsPerKey);
  const hashes = Math.max(1, Math.round(bitsPerKey * Math.LN2));
  const data = new Uint8Array(Math.ceil(bits / 8));
  for (const key of keys) {
    for (const at of bloomPositions(key, bits, hashes)) data[at >> 3] = (data[at >> 3] as number) | (1 << (at & 7));
  }
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return { bits, hashes, data: btoa(binary) };
}

const MAX_VARIANTS = 6;

export class TypoCorrector {
  private readonly filter: Uint8Array;

  constructor(private readonly data: TypoData) {
    const binary = atob(data.bloom.data);
    this.filter = Uint8Array.from({ length: binary.length }, (_, i) => binary.charCodeAt(i));
  }

  private mayOccur(key: string): boolean {
    const { bits, hashes } = this.data.bloom;
    return bloomPositions(key, bits, hashes).every((at) => ((this.filter[at >> 3] as number) & (1 << (at & 7))) !== 0);
  }

  /** Variants of `word` with one character replaced by a homophone, every bigram of which may occur in the corpus. */
  homophones(word: string): string[] {
    const variants: string[] = [];
    for (let k = 0; k < word.length && variants.length < MAX_VARIANTS; k += 1) {
      const char = word[k] as string;
      for (const group of this.data.sounds) {
        if (!group.includes(char)) continue;
        for (const other of group) {
          if (other === char) continue;
          const variant = word.slice(0, k) + other + word.slice(k + 1);
          if (variants.includes(variant)) continue;
          let ok = true;
          for (let at = 0; at + 1 < variant.length && ok; at += 1) ok = this.mayOccur(variant.slice(at, at + 2));
          if (ok) variants.push(variant);
        }
      }
    }
    return variants.slice(0, MAX_VARIANTS);
  }
}
