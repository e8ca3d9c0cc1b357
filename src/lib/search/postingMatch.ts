/**
 * Phase 1 of the search: per query word, from the postings alone (store.ts loads the shards of its keys),
 * the share of the word's bigram weight each record holds (rare bigrams weigh more). All of it counts as
 * the word; part of it (≥ MIN_COVERAGE) as a possible typo or spread-out word. The word also counts in two
 * more fields: the record's enclosing headings and clauses, and its document's title; BM25F combines the
 * fields (wordScore). A word found nowhere as typed may be a homophone typo or a compound of words that
 * occur, and a word's common bigrams are looked up where the rest of the query is.
 */
import { LENGTHS } from './postings';
import { MAX_TERM_WORD, queryTerm, splitCompound, type Alternative, type Expansions, type QueryTerm } from './query';
import type { RankingParams } from './ranking';
import type { KeyPostings, SearchStore } from './store';
import { MAX_SPREAD_WORD, keysOfWord } from './textMatch';

/** A record must hold this share of a phrase's bigram weight to count as a partial match. */
export const MIN_COVERAGE = 0.3;
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

export interface WordState {
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

/**
 * The phase-1 matcher of one index: per-record scratch space and what the postings tell of each record
 * (length, section span, heading or not), filled as lists are read and reused across searches.
 */
export function createPostingMatcher(store: SearchStore, params: RankingParams, expansions: Expansions) {
  const { manifest } = store;
  const n = manifest.records;
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
      const isTerm = !term.phrase && alternative.text.length <= MAX_TERM_WORD;
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
      // A word as typed or worded in the thesaurus may be there in part (a typo, spread out), and so may a homophone
      // correction of four characters or more (宗教进校园: 宗教…进入校园); a role as a document defines it and a short
      // correction must be there whole.
      const partialAllowed =
        alternative.text.length >= 3 &&
        (alternative.source === 'typed' ||
          alternative.source === 'thesaurus' ||
          (alternative.source === 'typo' && alternative.text.length >= 4) ||
          !isTerm);
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
      word.term.phrase ||
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

  return {
    docOfRecord,
    sourceWeight,
    inDocs,
    matchWord,
    release,
    withHomophones,
    withOtherWordsRecords,
    withCompoundsSplit,
    wordScore,
  };
}

export type PostingMatcher = ReturnType<typeof createPostingMatcher>;
