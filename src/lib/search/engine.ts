/**
 * Clause search: BM25F over the words of the query, each found through the folded character bigrams of
 * the index (searchFiles.ts), in two phases.
 *
 *  1. From the postings alone (postingMatch.ts): per word and record, how much of the word the record
 *     holds, in its text, its surroundings (enclosing headings and clauses) and its document's title,
 *     combined by BM25F with the weights of ranking.ts. Every record that holds a word is a candidate.
 *  2. The best candidates' texts (the chunks that hold them) settle what phase 1 could only guess
 *     (verification.ts): the word as printed, with a wrong character, spread out, or in part, and where to
 *     mark them. Then one document may not fill the first
 *     places while other documents match too (diversity).
 *
 * A word's alternatives — its concept's other wordings in the thesaurus, and a role as a document defines
 * it — count with a weight below the word itself.
 */
import Fuse from 'fuse.js';
import { createPostingMatcher, type WordState } from './postingMatch';
import { roleKey } from './postings';
import { foldExpansions, parseQuery, type ParsedQuery } from './query';
import { DEFAULT_PARAMS, bestOf, diversify, tier, type Candidate, type RankingParams } from './ranking';
import type { KindCode } from './layout';
import type { SearchStore, StoredRecord } from './store';
import { keysOfWord, leadEnd, mergeRanges, type Range } from './textMatch';
import { typoMatches, verify, type VerificationContext } from './verification';

/** A clause missing some words of the query must still match this share of their weight. */
const PARTIAL_MIN_SHARE = 0.5;
/**
 * Phase 2 reads the texts of the results asked for and at most this many more candidates: each text is a
 * request while its chunk is not loaded, and reading more (1.5 × the results + 5) changed no expected
 * clause in the first five on the tuning half or the validation set.
 */
const VERIFIED_EXTRA = 2;
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

export function createSearchEngine(store: SearchStore, params: RankingParams = DEFAULT_PARAMS): SearchEngine {
  const { manifest } = store;
  const n = manifest.records;
  const expansions = foldExpansions(manifest.thesaurus, manifest.roleAliases);
  const matcher = createPostingMatcher(store, params, expansions);
  const { docOfRecord, matchWord, release, withHomophones, withOtherWordsRecords, withCompoundsSplit, wordScore } =
    matcher;
  const checking: VerificationContext = { params, sourceWeight: matcher.sourceWeight, inDocs: matcher.inDocs };
  /** Records already taken as candidates by the search under way. */
  const taken = new Uint8Array(n);

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
    // The sentences of a paste (several phrases) are not each required: a clause that says one of them is whole.
    const pasted = required.filter((w) => w.term.phrase).length > 1;
    const needed = pasted ? required.filter((w) => !w.term.phrase).length + 1 : required.length;

    /** A record's score from the values above; undefined when it does not match enough. */
    function score(record: number, doc: number): Candidate | undefined {
      let total = 0;
      let matchedIdf = 0;
      let matchedWords = 0;
      let matchedLong = false;
      let matchedPhrase = false;
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
        if (!pasted || !word.term.phrase) matchedWords += 1;
        else matchedPhrase = true;
        if (word.term.text.length > 1) matchedLong = true;
      }
      const complete = matchedWords + (matchedPhrase ? 1 : 0) === needed;
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

    // Which texts to read: of the best candidates by their best case, those that may still make the first
    // `limit` places, i.e. beat what `limit` of them surely keep, one diversity step lower.
    const upper = (c: Candidate) => c.score;
    const cap = limit + VERIFIED_EXTRA;
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
    const typos = words.map((word) => typoMatches(word, texts, checking));
    const hits: SearchHit[] = [];
    const fullnessOf = new Map<SearchHit, number>();
    pool.forEach((candidate, c) => {
      const record = texts[c] as StoredRecord;
      const perWord = words.map((word, i) => {
        const verified = verify(word, record, checking);
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
        score: rescored.score,
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
