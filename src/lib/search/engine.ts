/**
 * Clause search: BM25F over the words of the query, each found through the
 * folded character bigrams of the index (searchFiles.ts), in two phases.
 *
 *  1. From the postings alone (store.ts loads the shards of the query's
 *     keys): per word and record, the share of the word's bigram weight the
 *     record holds (rare bigrams weigh more). All of it counts as the word;
 *     part of it (≥ MIN_COVERAGE) as a possible typo or spread-out word. The
 *     word also counts in two more fields: the record's enclosing headings and
 *     clauses, and its document's title. BM25F combines the fields: a field's
 *     weight times the occurrences (the text's normalised by the record's
 *     length), saturated by k1, times the word's IDF; the record's score is
 *     the sum over the words.
 *  2. The best candidates' texts (the chunks that hold them) settle what
 *     phase 1 could only guess: the word as printed, fuse.js for a word with
 *     a wrong character, its characters in order but apart, or only some of
 *     its bigrams; how close together the words are (proximity); where to
 *     mark them. Then one document may not fill the first places while other
 *     documents match too (diversity).
 *
 * A word's alternatives — its concept's other wordings in the thesaurus, and a
 * role as a document defines it — count with a weight below the word itself.
 */
import Fuse from 'fuse.js';
import { SEPARATOR } from './fold';
import { LENGTHS, MAX_TF, roleKey } from './postings';
import {
  MAX_TERM_WORD,
  parseQuery,
  foldExpansions,
  queryTerm,
  splitCompound,
  type Alternative,
  type ParsedQuery,
  type QueryTerm,
} from './query';
import type { KindCode } from './layout';
import type { KeyPostings, SearchStore, StoredRecord } from './store';

export type Range = [start: number, end: number];

/** The weights of the ranking, each with one meaning; chosen on the tuning half of the evaluation set. */
export interface RankingParams {
  /** BM25 saturation: how fast further occurrences stop adding. */
  k1: number;
  /** BM25 length normalisation of the clause text (0 none, 1 full). */
  b: number;
  /** Field weight of the enclosing headings and clauses (1 = the clause's own text). */
  contextField: number;
  /** Field weight of the document title. */
  titleField: number;
  /** A thesaurus wording or a role as the document defines it, relative to the typed word. */
  expansion: number;
  /** A word with one wrong character (fuse.js), times fuse.js's similarity. */
  typo: number;
  /** A word whose characters are all there in order but apart, times √(length / span). */
  spread: number;
  /** A word of which only some bigrams are there, times their share of its weight. */
  scatter: number;
  /** Up to this much more for a clause whose words stand close together (1 + proximity · closeness). */
  proximity: number;
  /** Each further result of one document counts this much less when the first places are chosen. */
  diversity: number;
  /** Field weight of a role definition ("党组书记是第一责任人", the documents' roleDefinitions): its text counts again. */
  definitionField: number;
  /** Field weight of a clause's lead, its text up to the first comma or stop: what the clause is about. */
  leadField: number;
}

export const DEFAULT_PARAMS: RankingParams = {
  k1: 1.2,
  b: 0.5,
  contextField: 0.4,
  titleField: 0.2,
  expansion: 0.7,
  typo: 0.8,
  spread: 0.7,
  scatter: 0.5,
  proximity: 0.3,
  diversity: 0.8,
  definitionField: 0.5,
  leadField: 0.5,
};

/** A record must hold this share of a phrase's bigram weight to count as a partial match. */
const MIN_COVERAGE = 0.3;
/** … or, for a term, the bigrams covering this share of its characters (one wrong character in four leaves half). */
const MIN_TERM_SHARE = 0.5;

/** A bigram in more than this share of the records brings no candidates of its own. */
const COMMON_SHARE = 0.05;

/** Where `value` is in the sorted list, or -1. */
function indexOf(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = sorted[mid] as number;
    if (at === value) return mid;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}
/** A clause missing some words of the query must still match this share of their weight. */
const PARTIAL_MIN_SHARE = 0.5;
/** fuse.js threshold: one wrong character in four; shorter words must be exact. */
export const FUZZY_THRESHOLD = 0.26;
const MIN_FUZZY_LENGTH = 4;
const MAX_FUZZY_LENGTH = 12;
/** Characters in order count as the word spread out up to this many times its length. */
const MAX_SPREAD = 3;
const MAX_SPREAD_WORD = 8;
/** Phase 2 reads the texts of at most this many candidates per result asked for (and a few more). */
const VERIFIED_PER_RESULT = 1.5;
const VERIFIED_EXTRA = 5;
const MAX_SUGGESTIONS = 6;

export interface SearchFilters {
  /** Document number (its position in the index). */
  doc?: number | undefined;
  bodyType?: string | undefined;
  role?: string | undefined;
}

export interface SearchHit {
  record: number;
  /** Document number (its position in the index). */
  doc: number;
  slug: string;
  title: string;
  id: string;
  kind: KindCode;
  locator: string;
  text: string;
  /** Titles of the enclosing headings, outermost first. */
  path: string[];
  score: number;
  /** False when only some of the words matched. */
  complete: boolean;
  /** Where the words matched in the text (ends exclusive). */
  ranges: Range[];
}

export interface SearchResponse {
  query: ParsedQuery;
  hits: SearchHit[];
  total: number;
  /** Words of the corpus close to words that matched nothing. */
  suggestions: string[];
}

export interface SearchEngine {
  search(raw: string, filters?: SearchFilters, limit?: number): Promise<SearchResponse>;
}

/** The keys a text is looked up by: its bigrams, or the character itself. */
function keysOfWord(text: string): string[] {
  if (text.length === 1) return [text];
  const keys = new Set<string>();
  for (let at = 0; at + 1 < text.length; at += 1) keys.add(text.slice(at, at + 2));
  return [...keys];
}

function occurrences(haystack: string, needle: string): Range[] {
  const ranges: Range[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}

/** The shortest span of `text` holding the characters of `word` in order, if not longer than MAX_SPREAD × the word. */
function spreadWindow(text: string, word: string): Range | undefined {
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
function keyRanges(text: string, keys: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (let at = 0; at + 1 < text.length; at += 1) {
    if (!keys.has(text.slice(at, at + 2))) continue;
    const last = ranges[ranges.length - 1];
    if (last && at <= last[1]) last[1] = at + 2;
    else ranges.push([at, at + 2]);
  }
  return ranges;
}

function mergeRanges(ranges: Range[]): Range[] {
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
function leadEnd(text: string): number {
  const at = text.slice(1).search(LEAD_END);
  return at === -1 ? text.length : at + 1;
}

/** fuse.js reports the characters that agree; mark the whole stretch the word lines up with. */
function alignedSpan(text: string, word: string, pieces: Range[]): Range | undefined {
  let longest: Range | undefined;
  for (const piece of pieces) if (!longest || piece[1] - piece[0] > longest[1] - longest[0]) longest = piece;
  if (!longest) return undefined;
  const offset = word.indexOf(text.slice(longest[0], longest[1]));
  if (offset === -1) return longest;
  const start = Math.max(0, longest[0] - offset);
  return [start, Math.min(text.length, start + word.length)];
}

/**
 * The smallest window of the text that holds one range of each word, as the share of it the
 * words fill: 1 when they stand side by side, towards 0 when far apart.
 */
export function closeness(perWord: readonly Range[][]): number {
  const events: { at: number; end: number; word: number }[] = [];
  perWord.forEach((ranges, word) => ranges.forEach(([at, end]) => events.push({ at, end, word })));
  if (perWord.length < 2) return 0;
  events.sort((a, b) => a.at - b.at);
  const lastSeen = new Array<number>(perWord.length).fill(-1);
  let best = 0;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as (typeof events)[number];
    lastSeen[event.word] = i;
    if (lastSeen.some((at) => at === -1)) continue;
    const first = Math.min(...lastSeen);
    let filled = 0;
    let end = 0;
    for (const at of lastSeen) {
      const e = events[at] as (typeof events)[number];
      filled += e.end - e.at;
      end = Math.max(end, e.end);
    }
    const start = (events[first] as (typeof events)[number]).at;
    best = Math.max(best, Math.min(1, filled / (end - start)));
  }
  return best;
}

interface WordState {
  term: QueryTerm;
  /** The per-record arrays below, to hand back when the search is done. */
  arrays: { own: Float32Array; tf: Uint8Array; whole: Float32Array; context: Float32Array };
  /** Phase-1 estimate of the match in the record's own text: 1 for the word as typed, less for an alternative or a partial match. */
  own: Float32Array;
  /** Occurrences of that match (at most MAX_TF). */
  tf: Uint8Array;
  /** Where the word is there whole (all bigrams present): the weight of one occurrence of that alternative. */
  whole: Float32Array;
  /** Best own estimate among the records' enclosing records (headings and parent clauses). */
  context: Float32Array;
  /** Per document: the word (or an alternative, weighted) is in the title. */
  title: Float32Array;
  idf: number;
  /** Records holding the word as typed (all its bigrams). */
  typedCount: number;
  /** Weight of each key (rare bigrams weigh more); 0 for a key of a long word found nowhere. */
  keyWeights: Map<string, number>;
  found: number[];
  /** Records that hold none of it but whose enclosing records do (context > 0). */
  around: number[];
  /** Some bigram was too common to bring partial matches of its own: other words' records may still hold one. */
  partialSkipped: boolean;
}

/** A word in one record's text, as phase 2 finds it. */
interface Verified {
  own: number;
  tf: number;
  /** The match's quality where it falls in the clause's lead, else 0. */
  lead: number;
  ranges: Range[];
}

/** Ranking tier: clauses with every word, then (marked 部分匹配) those missing one. */
const tier = (hit: { complete: boolean }) => (hit.complete ? 0 : 1);

interface Candidate {
  record: number;
  doc: number;
  score: number;
  complete: boolean;
}

/** The `count` first items in the given order, sorted, without sorting them all. */
function bestOf<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === count && order(item, best[count - 1] as T) >= 0) continue;
    let at = best.length;
    while (at > 0 && order(item, best[at - 1] as T) < 0) at -= 1;
    best.splice(at, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}

/**
 * Picks the first places so that one document does not fill them while others match too: each further
 * result of a document counts `diversity` less, but only against results of other documents that match
 * at least as fully (`fullness`: the share of the query's words in their own text, as typed), so a
 * document's second full match still comes before another document's partial one. `sorted` is by score.
 */
export function diversify<T extends { score: number; doc: number; kind: KindCode }>(
  sorted: readonly T[],
  limit: number,
  diversity: number,
  fullness: (hit: T) => number,
): T[] {
  const taken = new Map<number, number>();
  const pool = sorted.slice();
  const picked: T[] = [];
  while (picked.length < limit && pool.length > 0) {
    // The pool stays sorted: its first hit is the best before diversity.
    const floor = fullness(pool[0] as T);
    let bestAt = 0;
    let best = -Infinity;
    for (let i = 0; i < pool.length; i += 1) {
      const hit = pool[i] as T;
      if (fullness(hit) < floor) continue;
      const adjusted = hit.score * diversity ** (taken.get(hit.doc) ?? 0);
      if (adjusted > best) {
        best = adjusted;
        bestAt = i;
      }
    }
    const [hit] = pool.splice(bestAt, 1) as [T];
    // A heading or a 责任部门 line leads to the clauses it heads or ends: it does not crowd them out.
    if (hit.kind !== 'h' && hit.kind !== 'a') taken.set(hit.doc, (taken.get(hit.doc) ?? 0) + 1);
    picked.push(hit);
  }
  return picked;
}

export function createSearchEngine(store: SearchStore, params: RankingParams = DEFAULT_PARAMS): SearchEngine {
  const { manifest } = store;
  const n = manifest.records;
  const expansions = foldExpansions(manifest.thesaurus, manifest.roleAliases);
  const sourceWeight = (alternative: Alternative) =>
    alternative.source === 'typed' ? 1 : alternative.source === 'typo' ? params.typo : params.expansion;
  /** The document of each record. */
  const docOfRecord = new Int32Array(n);
  for (let d = 0; d + 1 < store.docStarts.length; d += 1)
    docOfRecord.fill(d, store.docStarts[d] as number, store.docStarts[d + 1] as number);
  /** Per list of documents (an alternative's), which documents are in it. */
  const docMasks = new WeakMap<readonly number[], Uint8Array>();
  const docMask = (docs: readonly number[]) => {
    let mask = docMasks.get(docs);
    if (!mask) {
      mask = new Uint8Array(manifest.docs.records.length);
      for (const d of docs) mask[d] = 1;
      docMasks.set(docs, mask);
    }
    return mask;
  };
  // Scratch space of phase 1, reset after each use.
  const coverage = new Float32Array(n);
  const hits = new Uint8Array(n);
  /** Records in this alternative's `touched` list. */
  const entered = new Uint8Array(n);
  const minTf = new Uint8Array(n);
  /** Per record, the characters of the word its present bigrams cover (bit i = character i). */
  const covered = new Uint32Array(n);
  /** Per record: in how many of the sets being intersected it is, and the last set that counted it. */
  const memberships = new Uint8Array(n);
  const lastSet = new Int16Array(n).fill(-1);
  /** Records already taken as candidates by the search under way. */
  const taken = new Uint8Array(n);
  const keyWeight = (df: number) => Math.log(1 + n / (df + 1));
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  /** Per record, from its postings: length, section span, heading or not (filled as lists are read). */
  const lengthOf = new Float32Array(n);
  const spanOf = new Int32Array(n);
  const backOf = new Int32Array(n);
  const headingOf = new Uint8Array(n);
  const definitionOf = new Uint8Array(n);

  function inDocs(record: number, docs: readonly number[] | undefined): boolean {
    return !docs || docMask(docs)[docOfRecord[record] as number] === 1;
  }

  /** Phase 1 for one word: estimates from the postings. */
  /** The stretches of a posting list (sorted record numbers) that lie in the given documents (all when none are given). */
  function entryRanges(records: Int32Array, docs: readonly number[] | undefined): [number, number][] {
    if (!docs) return [[0, records.length]];
    const firstAtLeast = (value: number) => {
      let low = 0;
      let high = records.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((records[mid] as number) < value) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    return docs.map((d): [number, number] => [
      firstAtLeast(store.docStarts[d] as number),
      firstAtLeast(store.docStarts[d + 1] as number),
    ]);
  }

  /** Per-record arrays of a word, reused across searches (a search may wait for files while another runs). */
  interface WordArrays {
    own: Float32Array;
    tf: Uint8Array;
    whole: Float32Array;
    context: Float32Array;
  }
  const spare: WordArrays[] = [];
  const acquire = (): WordArrays => {
    const arrays = spare.pop();
    if (!arrays)
      return {
        own: new Float32Array(n),
        tf: new Uint8Array(n),
        whole: new Float32Array(n),
        context: new Float32Array(n),
      };
    for (const array of Object.values(arrays)) array.fill(0);
    return arrays;
  };
  const release = (word: WordState) => spare.push(word.arrays);

  /**
   * Phase 1 for one word. `seeds` are records other words of the query matched (or whose section they
   * name): the word's common bigrams, which bring no candidates of their own, are looked up for them, so a
   * clause spelling the word apart or with a typo is found where the rest of the query is.
   */
  function matchWord(term: QueryTerm, lists: Map<string, KeyPostings>, seeds: readonly number[] = []): WordState {
    const arrays = acquire();
    const { own, tf, whole, context } = arrays;
    const title = new Float32Array(manifest.docs.records.length);
    const found: number[] = [];
    const keyWeights = new Map<string, number>();
    let typedCount = 0;
    let partialSkipped = false;
    for (const alternative of term.alternatives) {
      const weight = sourceWeight(alternative);
      const keys = keysOfWord(alternative.text);
      const isTerm = alternative.text.length <= MAX_TERM_WORD;
      let total = 0;
      const present: KeyPostings[] = [];
      const weights: number[] = [];
      const charMasks: number[] = [];
      for (const key of keys) {
        const postings = lists.get(key);
        const w = keyWeight(postings ? postings.list.records.length : 0);
        // A bigram found nowhere: in a short word, a typo that costs its weight; in a question, a word of the asker's.
        if (postings || isTerm) total += w;
        keyWeights.set(key, postings || isTerm ? w : 0);
        if (postings) {
          present.push(postings);
          weights.push(w);
          let mask = 0;
          for (let at = alternative.text.indexOf(key); at !== -1; at = alternative.text.indexOf(key, at + 1))
            mask |= (key.length === 1 ? 1 : 3) << at;
          charMasks.push(mask);
        }
      }
      if (present.length === 0 || total === 0) continue;
      const touched: number[] = [];
      // A word as typed or worded in the thesaurus may be there in part (a typo, spread out); a role as a document
      // defines it and a homophone correction must be there whole.
      const partialAllowed =
        alternative.text.length >= 3 &&
        (alternative.source === 'typed' || alternative.source === 'thesaurus' || !isTerm);
      const add = (list: KeyPostings['list'], i: number, w: number, mask: number) => {
        const record = list.records[i] as number;
        if (hits[record] === 0) {
          if (entered[record] === 0) touched.push(record);
          entered[record] = 1;
          minTf[record] = 255;
          lengthOf[record] = LENGTHS[list.lengths[i] as number] as number;
          spanOf[record] = list.span[i] as number;
          backOf[record] = list.back[i] as number;
          headingOf[record] = list.heading[i] as number;
          definitionOf[record] = list.definition[i] as number;
        }
        hits[record] = (hits[record] as number) + 1;
        coverage[record] = (coverage[record] as number) + w;
        covered[record] = (covered[record] as number) | mask;
        minTf[record] = Math.min(minTf[record] as number, list.tf[i] as number);
      };
      if (partialAllowed)
        for (const record of seeds) {
          if (entered[record] === 1 || !inDocs(record, alternative.docs)) continue;
          entered[record] = 1;
          touched.push(record);
        }
      // Rarest bigram first. Records enter from the rarest list (every whole match is in it) and, for a partial
      // match, from any list of a bigram that is not common; a common bigram only counts for records already in.
      const order = present
        .map((_, k) => k)
        .sort((a, b) => present[a]!.list.records.length - present[b]!.list.records.length);
      order.forEach((k, rank) => {
        const { list } = present[k] as KeyPostings;
        const w = weights[k] as number;
        const mask = charMasks[k] as number;
        const admits = rank === 0 || (partialAllowed && list.records.length <= COMMON_SHARE * n);
        if (partialAllowed && !admits) partialSkipped = true;
        if (admits || touched.length * Math.log2(list.records.length + 1) > list.records.length) {
          for (const [from, to] of entryRanges(list.records, alternative.docs))
            for (let i = from; i < to; i += 1) if (admits || entered[list.records[i] as number]) add(list, i, w, mask);
          return;
        }
        for (const record of touched.slice()) {
          const i = indexOf(list.records, record);
          if (i !== -1) add(list, i, w, mask);
        }
      });
      const allKeys = present.length === keys.length;
      for (const record of touched) {
        // A term's share is of its characters (a typo leaves two bigrams out), a phrase's of its bigram weight.
        const share = isTerm
          ? bitCount(covered[record] as number) / alternative.text.length
          : (coverage[record] as number) / total;
        let estimate = 0;
        let isWhole = false;
        if (allKeys && hits[record] === keys.length) {
          estimate = weight;
          isWhole = true;
          if (alternative.source === 'typed') typedCount += 1;
        } else if (partialAllowed && share >= (isTerm ? MIN_TERM_SHARE : MIN_COVERAGE)) {
          // Optimistic: phase 2 may find a typo or the word spread out, or (a phrase, a word found nowhere) this share of it.
          estimate = weight * (isTerm ? Math.max(params.typo, params.spread, params.scatter) : params.scatter) * share;
        }
        if (estimate > 0 && inDocs(record, alternative.docs)) {
          if ((own[record] as number) === 0) found.push(record);
          if (estimate > (own[record] as number)) {
            own[record] = estimate;
            tf[record] = isWhole ? (minTf[record] as number) : 1;
          }
          if (isWhole && weight > (whole[record] as number)) whole[record] = weight;
        }
        hits[record] = 0;
        coverage[record] = 0;
        covered[record] = 0;
        entered[record] = 0;
      }
      // The title: every key of the alternative in the title.
      if (allKeys) {
        const counts = new Map<number, number>();
        for (const { titles } of present) for (const d of titles) counts.set(d, (counts.get(d) ?? 0) + 1);
        for (const [d, count] of counts) {
          if (count === present.length && (!alternative.docs || alternative.docs.includes(d)))
            title[d] = Math.max(title[d] as number, weight);
        }
      }
    }
    // The enclosing records' field: what a heading or parent clause holds, its section holds (and what an
    // assignment line holds, the rest of its section).
    const around: number[] = [];
    for (const record of found) {
      const end = Math.min(n - 1, record + (spanOf[record] as number));
      const value = own[record] as number;
      for (let r = record - (backOf[record] as number); r <= end; r += 1) {
        if (r === record || (context[r] as number) >= value) continue;
        if ((context[r] as number) === 0) around.push(r);
        context[r] = value;
      }
    }
    let wholeCount = 0;
    for (const record of found) if (whole[record]) wholeCount += 1;
    return {
      term,
      arrays,
      own,
      tf,
      whole,
      context,
      title,
      idf: idfOf(wholeCount > 0 ? wholeCount : found.length),
      typedCount,
      keyWeights,
      found,
      around,
      partialSkipped,
    };
  }

  /** A word found nowhere as typed, of two to eight Chinese characters: add its homophone variants that may occur. */
  async function withHomophones(word: WordState, lists: Map<string, KeyPostings>): Promise<WordState> {
    const text = word.term.text;
    if (word.typedCount > 0 || text.length < 2 || text.length > MAX_SPREAD_WORD || !/^[\u4e00-\u9fff]+$/.test(text))
      return word;
    const variants = (await store.typoCorrector()).homophones(text);
    if (variants.length === 0) return word;
    const more = await store.postings(variants.flatMap(keysOfWord));
    for (const [key, postings] of more) lists.set(key, postings);
    const alternatives = [
      ...word.term.alternatives,
      ...variants.map((v): Alternative => ({ text: v, source: 'typo' })),
    ];
    release(word);
    return matchWord({ ...word.term, alternatives }, lists);
  }

  /** The records in every one of the sets, each set the union of its lists (in the order of the first set). */
  function inEvery(sets: readonly (readonly (readonly number[])[])[]): number[] {
    const [first] = sets;
    if (!first) return [];
    sets.forEach((lists, k) => {
      for (const list of lists)
        for (const record of list) {
          if (lastSet[record] === k) continue;
          lastSet[record] = k;
          memberships[record] = (memberships[record] as number) + 1;
        }
    });
    const result: number[] = [];
    for (const list of first)
      for (const record of list)
        if (memberships[record] === sets.length && lastSet[record] !== -2) {
          result.push(record);
          lastSet[record] = -2;
        }
    for (const lists of sets)
      for (const list of lists)
        for (const record of list) {
          memberships[record] = 0;
          lastSet[record] = -1;
        }
    return result;
  }

  /**
   * A word's partial matches (spelt apart, one character wrong, part of a question's bigrams) through its
   * common bigrams, in the records where every other word of the query is (in the record or its
   * surroundings) and, for a question or a paste, where one of the concepts inside it is.
   */
  function withOtherWordsRecords(words: WordState[], lists: Map<string, KeyPostings>): WordState[] {
    return words.map((word, index) => {
      if (!word.partialSkipped || word.term.within !== undefined) return word;
      const sets: (readonly number[])[][] = [];
      for (const other of words) {
        if (other !== word && other.term.within === undefined) sets.push([other.found, other.around]);
      }
      const concepts = words.filter((w) => w.term.within === index).map((w) => w.found);
      if (concepts.length > 0) sets.push(concepts);
      const fresh = inEvery(sets).filter((r) => (word.own[r] as number) === 0);
      if (fresh.length === 0) return word;
      release(word);
      return matchWord(word.term, lists, fresh);
    });
  }

  /**
   * A word found nowhere as typed and with no homophone that occurs, but made of words that do (老师上课):
   * its parts instead, each with its own alternatives (教师 … 课堂教学), all required like typed words.
   */
  async function withCompoundsSplit(words: WordState[], lists: Map<string, KeyPostings>): Promise<WordState[]> {
    const parts = words.map((word) =>
      word.typedCount > 0 ||
      word.term.within !== undefined ||
      word.term.text.length > MAX_TERM_WORD ||
      word.term.alternatives.some((a) => a.source === 'typo')
        ? []
        : splitCompound(word.term.text, (bigram) => lists.has(bigram), expansions),
    );
    if (parts.every((p) => p.length === 0)) return words;
    const keys = parts
      .flat()
      .flatMap((part) => queryTerm(part, expansions).alternatives.flatMap((a) => keysOfWord(a.text)));
    const more = await store.postings(keys);
    for (const [key, postings] of more) lists.set(key, postings);
    // Concepts inside a long word point at it by position: a split word's first part takes its place.
    const rest: QueryTerm[] = [];
    const inPlace = words.map((word, i) => {
      const [first, ...others] = parts[i] as string[];
      if (first === undefined) return word;
      release(word);
      rest.push(...others.map((part) => queryTerm(part, expansions)));
      return matchWord(queryTerm(first, expansions), lists);
    });
    return [...inPlace, ...rest.map((term) => matchWord(term, lists))];
  }

  /**
   * BM25F of one word in one record: the occurrences in each field (the text's normalised by the record's
   * length) times the field's weight, saturated by k1, times the word's IDF and the match's quality (the
   * fields' qualities weighted like their occurrences), so a long clause loses on repetition, not on quality.
   */
  function wordScore(word: WordState, own: number, tf: number, lead: number, record: number, doc: number): number {
    const norm = 1 - params.b + (params.b * (lengthOf[record] as number)) / manifest.averageLength;
    // The clause's surroundings: its headings and parent clauses, and (not for a heading or an assignment
    // line, which only head them) its sub-items and 责任部门 line.
    let around = word.context[record] as number;
    if (!headingOf[record] && !backOf[record]) {
      const end = Math.min(n - 1, record + (spanOf[record] as number));
      for (let inside = record + 1; inside <= end; inside += 1) around = Math.max(around, word.own[inside] as number);
    }
    const title = word.title[doc] as number;
    const text = own > 0 ? ((definitionOf[record] ? 1 + params.definitionField : 1) * tf) / norm : 0;
    const x =
      text +
      (lead > 0 ? params.leadField : 0) +
      (around > 0 ? params.contextField : 0) +
      (title > 0 ? params.titleField : 0);
    if (x === 0) return 0;
    const quality =
      (own * text + params.leadField * lead + params.contextField * around + params.titleField * title) / x;
    return (word.idf * quality * x * (params.k1 + 1)) / (x + params.k1);
  }

  async function filterSet(filters: SearchFilters): Promise<((record: number, doc: number) => boolean) | undefined> {
    const checks: ((record: number, doc: number) => boolean)[] = [];
    if (filters.doc !== undefined) checks.push((_, doc) => doc === filters.doc);
    if (filters.bodyType) {
      const type = manifest.bodyTypes.indexOf(filters.bodyType);
      checks.push((_, doc) => manifest.docs.bodyType[doc] === type);
    }
    if (filters.role) {
      const role = manifest.roles.findIndex((r) => r.id === filters.role);
      const key = roleKey(role);
      const list = role === -1 ? undefined : (await store.postings([key])).get(key)?.list.records;
      const members = new Set(list ?? []);
      checks.push((record) => members.has(record));
    }
    return checks.length ? (record, doc) => checks.every((check) => check(record, doc)) : undefined;
  }

  /** Phase 2 for one word in one record: what its text says. */
  function verify(word: WordState, record: StoredRecord): Verified {
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
      const inText = text.length > MAX_TERM_WORD || word.typedCount === 0 ? keyRanges(record.folded, keys) : [];
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
      }
    }
    const end = leadEnd(record.text);
    return { own: best, tf, ranges, lead: ranges.some(([start]) => start < end) ? best : 0 };
  }

  /** fuse.js over the candidates that lack the word: one wrong character in four is forgiven. */
  function typoMatches(word: WordState, records: StoredRecord[]): Map<number, { own: number; range: Range }> {
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

  async function suggest(words: string[]): Promise<string[]> {
    if (words.length === 0) return [];
    const fuse = new Fuse(await store.vocabularyWords(), { includeScore: true, ignoreLocation: true, threshold: 0.5 });
    const suggestions = words.flatMap((word) =>
      fuse
        .search(word, { limit: 12 })
        .filter((result) => result.item !== word)
        .map((result) => ({
          word: result.item,
          rank:
            (result.score ?? 1) -
            (result.item[0] === word[0] ? 0.2 : 0) +
            Math.abs(result.item.length - word.length) * 0.02,
        }))
        .sort((a, b) => a.rank - b.rank)
        .slice(0, 3)
        .map((candidate) => candidate.word),
    );
    return [...new Set(suggestions)].slice(0, MAX_SUGGESTIONS);
  }

  async function search(raw: string, filters: SearchFilters = {}, limit = 50): Promise<SearchResponse> {
    const query = parseQuery(raw, expansions);
    if (query.terms.length === 0) return { query, hits: [], total: 0, suggestions: [] };
    const keys = query.terms.flatMap((term) => term.alternatives.flatMap((a) => keysOfWord(a.text)));
    const [lists, passes] = await Promise.all([store.postings(keys), filterSet(filters)]);
    const corrected = await Promise.all(query.terms.map((term) => withHomophones(matchWord(term, lists), lists)));
    const firstPass = await withCompoundsSplit(corrected, lists);
    const words = withOtherWordsRecords(firstPass, lists);
    const required = words.filter((w) => w.term.within === undefined);
    const totalIdf = required.reduce((sum, w) => sum + w.idf, 0);
    const sectionWords = required.length > 1;

    // Phase 1: every record that holds a word itself, scored from the postings. A record's values per word
    // (own match, occurrences, lead) go into these before it is scored.
    const ownNow = new Float32Array(words.length);
    const tfNow = new Float32Array(words.length);
    const leadNow = new Float32Array(words.length);
    const isRequired = words.map((w) => w.term.within === undefined);

    /** A record's score from the values above; undefined when it does not match enough. */
    function score(record: number, doc: number): Candidate | undefined {
      let total = 0;
      let matchedIdf = 0;
      let matchedWords = 0;
      let matchedLong = false;
      let ownAny = false;
      for (let i = 0; i < words.length; i += 1) {
        const word = words[i] as WordState;
        const own = ownNow[i] as number;
        const s = wordScore(word, own, tfNow[i] as number, leadNow[i] as number, record, doc);
        if (s <= 0) continue;
        total += s;
        if (own > 0) ownAny = true;
        if (!isRequired[i]) continue;
        matchedIdf += word.idf;
        matchedWords += 1;
        if (word.term.text.length > 1) matchedLong = true;
      }
      const complete = matchedWords === required.length;
      // A clause none of whose words are its own may still be what its section's words name (the heading
      // says 讲座, the assignment line 科研副院长): when its surroundings hold every word of several. (For one
      // word, the heading that holds it stands for its section.)
      if (!ownAny && !(complete && sectionWords && required.every((w) => (w.context[record] as number) > 0)))
        return undefined;
      if (!complete && (matchedIdf / totalIdf < PARTIAL_MIN_SHARE || !matchedLong)) return undefined;
      return { record, doc, score: total, complete };
    }

    const candidates: Candidate[] = [];
    const seen: number[] = [];
    const sectionOnly = sectionWords
      ? required.reduce((a, b) => (b.around.length < a.around.length ? b : a)).around
      : [];
    for (const list of [...words.map((w) => w.found), sectionOnly]) {
      for (const record of list) {
        if (taken[record] === 1) continue;
        taken[record] = 1;
        seen.push(record);
        const doc = docOfRecord[record] as number;
        if (passes && !passes(record, doc)) continue;
        // The lead is not known before the text is read: the estimate assumes each word is in it.
        words.forEach((w, i) => {
          ownNow[i] = w.own[record] as number;
          tfNow[i] = w.tf[record] as number;
          leadNow[i] = w.own[record] as number;
        });
        const estimate = score(record, doc);
        if (estimate) candidates.push(estimate);
      }
    }

    for (const record of seen) taken[record] = 0;

    // Which texts to read: of the best candidates by their best case (proximity at most), those that may
    // still make the first `limit` places, i.e. beat what `limit` of them surely keep, one diversity step lower.
    const upper = (c: Candidate) => c.score * (1 + params.proximity);
    const cap = Math.ceil(limit * VERIFIED_PER_RESULT) + VERIFIED_EXTRA;
    const best = bestOf(candidates, cap, (a, b) => tier(a) - tier(b) || upper(b) - upper(a));
    const sure: number[] = [];
    for (const c of best) {
      words.forEach((w, i) => {
        ownNow[i] = w.whole[c.record] as number;
        tfNow[i] = 1;
        leadNow[i] = 0;
      });
      const lower = score(c.record, c.doc);
      if (lower?.complete) sure.push(lower.score);
    }
    sure.sort((a, b) => b - a);
    const threshold = sure.length >= limit ? (sure[limit - 1] as number) * params.diversity : 0;
    const pool = best.filter((c) => tier(c) > 0 || upper(c) >= threshold);

    // Phase 2: the texts of the best candidates.
    const stored = await store.records(pool.map((c) => c.record));
    const texts = pool.map((c) => stored.get(c.record) as StoredRecord);
    const typos = words.map((word) => typoMatches(word, texts));
    const hits: SearchHit[] = [];
    const fullnessOf = new Map<SearchHit, number>();
    pool.forEach((candidate, c) => {
      const record = texts[c] as StoredRecord;
      const perWord = words.map((word, i) => {
        const verified = verify(word, record);
        const typo = (typos[i] as Map<number, { own: number; range: Range }>).get(record.index);
        return typo && typo.own > verified.own
          ? { own: typo.own, tf: 1, ranges: [typo.range], lead: typo.range[0] < leadEnd(record.text) ? typo.own : 0 }
          : verified;
      });
      perWord.forEach((verified, i) => {
        ownNow[i] = verified.own;
        tfNow[i] = verified.tf;
        leadNow[i] = verified.lead;
      });
      const rescored = score(candidate.record, candidate.doc);
      if (!rescored) return;
      const ranges = perWord.map((w) => w.ranges).filter((r) => r.length > 0);
      const near = closeness(ranges);
      let fullness = 0;
      perWord.forEach((verified, i) => {
        if (isRequired[i]) fullness += ((words[i] as WordState).idf * verified.own) / totalIdf;
      });
      const hit: SearchHit = {
        record: record.index,
        doc: candidate.doc,
        slug: record.slug,
        title: record.title,
        id: record.id,
        kind: record.kind,
        locator: record.locator,
        text: record.text,
        path: record.path,
        score: rescored.score * (1 + params.proximity * near),
        complete: rescored.complete,
        ranges: mergeRanges(ranges.flat()),
      };
      fullnessOf.set(hit, fullness);
      hits.push(hit);
    });
    hits.sort((a, b) => b.score - a.score);
    const top: SearchHit[] = [];
    for (const level of [0, 1]) {
      const picked = diversify(
        hits.filter((hit) => tier(hit) === level),
        limit - top.length,
        params.diversity,
        (hit) => fullnessOf.get(hit) ?? 0,
      );
      top.push(...picked);
    }
    const unmatched = words.filter((w) => w.found.length === 0).map((w) => w.term.text);
    const total = candidates.length - (pool.length - hits.length);
    words.forEach(release);
    const suggestions =
      top.length === 0 || unmatched.length > 0
        ? await suggest(unmatched.length ? unmatched : query.terms.map((t) => t.text))
        : [];
    return { query, hits: top, total, suggestions };
  }

  return { search };
}
