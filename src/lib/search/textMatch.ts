/**
 * Where a word stands in a clause's text: the keys a word is looked up by, its occurrences, the word
 * spread out, some of its bigrams, and a clause's lead.
 * Pure functions over folded text, shared by both phases of the search (postingMatch.ts, verification.ts).
 */
import { SEPARATOR } from './fold';

export type Range = [start: number, end: number];

/** Characters in order count as the word spread out up to this many times its length. */
const MAX_SPREAD = 3;
/** … for words of up to this many characters. */
export const MAX_SPREAD_WORD = 8;

/** The keys a text is looked up by: its bigrams, or the character itself. */
export function keysOfWord(text: string): string[] {
  if (text.length === 1) return [text];
  const keys = new Set<string>();
  for (let at = 0; at + 1 < text.length; at += 1) keys.add(text.slice(at, at + 2));
  return [...keys];
}

export function occurrences(haystack: string, needle: string): Range[] {
  const ranges: Range[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}

/** The shortest span of `text` holding the characters of `word` in order, if not longer than MAX_SPREAD × the word. */
export function spreadWindow(text: string, word: string): Range | undefined {
  let best: Range | undefined;
  const first = word[0] as string;
  for (let start = text.indexOf(first); start !== -1; start = text.indexOf(first, start + 1)) {
    let at = start;
    for (let k = 1; k < word.length && at !== -1; k += 1) {
      at = text.indexOf(word[k] as string, at + 1);
      if (at !== -1 && text.slice(start, at).includes(SEPARATOR)) at = -1;
    }
    if (at === -1) continue;
    const span = at + 1 - start;
    if (span <= MAX_SPREAD * word.length && (!best || span < best[1] - best[0])) best = [start, at + 1];
  }
  return best;
}

/** Where any of the keys occur in `text`, merged into ranges. */
export function keyRanges(text: string, keys: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (let at = 0; at + 1 < text.length; at += 1) {
    if (!keys.has(text.slice(at, at + 2))) continue;
    const last = ranges[ranges.length - 1];
    if (last && at <= last[1]) last[1] = at + 2;
    else ranges.push([at, at + 2]);
  }
  return ranges;
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Where a clause's lead ends: at its first comma, colon, semicolon or stop. */
const LEAD_END = /[，。；：！？,;:!?]/;
export function leadEnd(text: string): number {
  const at = text.slice(1).search(LEAD_END);
  return at === -1 ? text.length : at + 1;
}

/** fuse.js reports the characters that agree; mark the whole stretch the word lines up with. */
export function alignedSpan(text: string, word: string, pieces: Range[]): Range | undefined {
  let longest: Range | undefined;
  for (const piece of pieces) if (!longest || piece[1] - piece[0] > longest[1] - longest[0]) longest = piece;
  if (!longest) return undefined;
  const offset = word.indexOf(text.slice(longest[0], longest[1]));
  if (offset === -1) return longest;
  const start = Math.max(0, longest[0] - offset);
  return [start, Math.min(text.length, start + word.length)];
}
