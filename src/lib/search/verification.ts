/**
 * Phase 2 of the search: what a candidate's text says of each word — the word as printed, a wording of
 * it, fuse.js for a word with a wrong character, its characters in order but apart, or only some of its
 * bigrams — and where to mark it. Phase 1 (postingMatch.ts) could only estimate these from the postings.
 */
import Fuse from 'fuse.js';
import { MAX_TF } from './postings';
import { MAX_TERM_WORD, type Alternative } from './query';
import type { RankingParams } from './ranking';
import type { StoredRecord } from './store';
import { MIN_COVERAGE, type WordState } from './postingMatch';
import {
  MAX_SPREAD_WORD,
  alignedSpan,
  keyRanges,
  keysOfWord,
  leadEnd,
  occurrences,
  spreadWindow,
  type Range,
} from './textMatch';

/** What phase 2 needs of the engine: the weights, an alternative's weight, and whether a record is in a set of documents. */
export interface VerificationContext {
  params: RankingParams;
  sourceWeight: (alternative: Alternative) => number;
  inDocs: (record: number, docs: readonly number[] | undefined) => boolean;
}

/** fuse.js threshold: one wrong character in four; shorter words must be exact. */
export const FUZZY_THRESHOLD = 0.26;
const MIN_FUZZY_LENGTH = 4;
const MAX_FUZZY_LENGTH = 12;

/** A word in one record's text, as phase 2 finds it. */
export interface Verified {
  own: number;
  tf: number;
  /** The match's quality where it falls in the clause's lead, else 0. */
  lead: number;
  ranges: Range[];
}

/** Phase 2 for one word in one record: what its text says. */
export function verify(
  word: WordState,
  record: StoredRecord,
  { params, sourceWeight, inDocs }: VerificationContext,
): Verified {
  let best = 0;
  let tf = 0;
  let ranges: Range[] = [];
  const keep = (value: number, found: Range[], count = 1) => {
    if (value > best) {
      best = value;
      tf = count;
      ranges = found;
    }
  };
  for (const alternative of word.term.alternatives) {
    if (!inDocs(record.index, alternative.docs)) continue;
    const weight = sourceWeight(alternative);
    const text = alternative.text;
    const exact = occurrences(record.folded, text);
    if (exact.length > 0) {
      keep(weight, exact, Math.min(exact.length, MAX_TF));
      continue;
    }
    if (text.length < 3 || weight * Math.max(params.spread, params.typo, params.scatter) <= best) continue;
    if (text.length <= MAX_SPREAD_WORD) {
      const window = spreadWindow(record.folded, text);
      if (window) keep(weight * params.spread * Math.sqrt(text.length / (window[1] - window[0])), [window]);
    }
    // Some of the bigrams count for a phrase, or for a word found nowhere as typed (有偿补习 for 违规补课);
    // the bigrams of a word that does occur, scattered over a clause, are not that word.
    const keys = new Set(keysOfWord(text));
    const inText =
      word.term.phrase || text.length > MAX_TERM_WORD || word.typedCount === 0 ? keyRanges(record.folded, keys) : [];
    if (inText.length > 0) {
      let present = 0;
      let total = 0;
      for (const key of keys) {
        const w = word.keyWeights.get(key) ?? 0;
        total += w;
        if (record.folded.includes(key)) present += w;
      }
      const share = total > 0 ? present / total : 0;
      if (share >= MIN_COVERAGE) keep(weight * params.scatter * share, inText);
    } else {
      const pieces = wordPieces(text, record.folded, word.keyWeights);
      if (pieces) keep(weight * params.scatter * pieces.share, pieces.ranges);
    }
  }
  const end = leadEnd(record.text);
  return { own: best, tf, ranges, lead: ranges.some(([start]) => start < end) ? best : 0 };
}

/**
 * A word of two-character words (专题汇报, 听取汇报) that occurs as typed elsewhere, where only some of its words
 * stand in the text (汇报), or all of them apart: their share of the word's weight, and where they stand. Undefined
 * for other words.
 */
function wordPieces(
  text: string,
  folded: string,
  keyWeights: ReadonlyMap<string, number>,
): { share: number; ranges: Range[] } | undefined {
  if (text.length !== 4 && text.length !== 6) return undefined;
  let present = 0;
  let total = 0;
  const ranges: Range[] = [];
  for (let at = 0; at < text.length; at += 2) {
    const piece = text.slice(at, at + 2);
    const w = keyWeights.get(piece) ?? 0;
    total += w;
    const found = occurrences(folded, piece);
    if (found.length === 0) continue;
    present += w;
    ranges.push(...found);
  }
  const share = total > 0 ? present / total : 0;
  return share >= MIN_COVERAGE ? { share, ranges } : undefined;
}

/** fuse.js over the candidates that lack the word: one wrong character in four is forgiven. */
export function typoMatches(
  word: WordState,
  records: StoredRecord[],
  { params, sourceWeight, inDocs }: VerificationContext,
): Map<number, { own: number; range: Range }> {
  const matches = new Map<number, { own: number; range: Range }>();
  for (const alternative of word.term.alternatives) {
    const text = alternative.text;
    if (text.length < MIN_FUZZY_LENGTH || text.length > MAX_FUZZY_LENGTH) continue;
    const pool = records.filter((r) => !r.folded.includes(text) && inDocs(r.index, alternative.docs));
    if (pool.length === 0) continue;
    const fuse = new Fuse(
      pool.map((r) => r.folded),
      {
        includeScore: true,
        includeMatches: true,
        ignoreLocation: true,
        ignoreFieldNorm: true,
        isCaseSensitive: true,
        shouldSort: false,
        threshold: FUZZY_THRESHOLD,
        minMatchCharLength: 2,
      },
    );
    for (const result of fuse.search(text)) {
      const record = pool[result.refIndex] as StoredRecord;
      const pieces = (result.matches ?? []).flatMap((m) => m.indices.map(([s, e]): Range => [s, e + 1]));
      const range = alignedSpan(result.item, text, pieces);
      const own = sourceWeight(alternative) * params.typo * (1 - (result.score ?? 1));
      if (range && own > (matches.get(record.index)?.own ?? 0)) matches.set(record.index, { own, range });
    }
  }
  return matches;
}
