/**
 * Clause search over the index. fuse.js alone misses clauses whose words are
 * not adjacent, cannot require several terms and slows down linearly with the
 * corpus, so it works inside a pipeline:
 *
 *  1. fold text and query (width, numerals, punctuation) and expand synonyms;
 *  2. per term, find candidates through a character-bigram index: exact
 *     occurrences, and "coverage" (share of the term's bigrams in the clause)
 *     for words that are apart in the clause;
 *  3. fuse.js scores the best candidates that do not contain the term
 *     verbatim, so a one-character typo still matches (一岗两责 → 一岗双责);
 *  4. a term also matches through the enclosing headings and document title
 *     (context), and a heading through the clauses of its section;
 *  5. rank: clauses matching all terms first, then by match quality, with
 *     headings and defining sentences ("X是第一责任人") lifted.
 */
import Fuse from 'fuse.js';
import { SEPARATOR, foldText } from './fold';
import type { SearchDoc, SearchIndexData, SearchRecord } from './indexData';
import { foldSynonyms, parseQuery, type ParsedQuery, type QueryTerm } from './query';

/** Score of a clause that contains the term verbatim. */
const EXACT = 1;
/** Ceiling of a fuzzy (fuse.js) match, so any exact match ranks above. */
const FUZZY_WEIGHT = 0.85;
/** fuse.js threshold: one wrong character in four (a 2- or 3-character term has to be exact). */
export const FUZZY_THRESHOLD = 0.26;
const MIN_FUZZY_LENGTH = 4;
/** Longer terms (pasted phrases) are matched by bigram coverage alone: fuzzy matching them is slow and adds nothing. */
const MAX_FUZZY_LENGTH = 12;
/** Candidates handed to fuse.js per term, best bigram overlap first. */
const FUZZY_CANDIDATES = 300;
/** Weight of a match by bigram coverage (words apart), times the coverage (bigrams weighted by rarity). */
const COVERAGE_WEIGHT = 0.7;
const MIN_COVERAGE = 0.3;
/** Weight of a match whose characters are all there, in order, but spread out (微信群 in 微信工作群), times √(term length / span). */
const PROXIMITY_WEIGHT = 0.8;
/** The longest span (in multiples of the term length) still counted as the term spread out. */
const MAX_SPREAD = 3;
const MAX_SPREAD_TERM = 8;
/** Below this a term does not count as matched. */
const MIN_TERM_SCORE = 0.15;
/** A clause missing some words of the query must still match this share of their weight. */
const PARTIAL_MIN_SHARE = 0.5;
const MAX_SUGGESTIONS = 6;
/** A match at least this good counts towards a term's frequency and a complete match. */
const STRONG_MATCH = 0.45;

/** How matches combine into a rank; measured on the evaluation queries (see README). */
export interface RankingWeights {
  /** A term found only in the enclosing headings or the document title. */
  context: number;
  /** Extra for a clause that contains the term and sits under a heading that names it too. */
  contextSupport: number;
  /** A heading or clause whose sub-clauses or 责任部门 line (not its own text) contain the term. */
  section: number;
  heading: number;
  /** "X是第一责任人", "由校长担任": the clause defines or assigns the term. */
  defining: number;
  /** Bonus for clauses the terms make up much of (short clauses about the term). */
  length: number;
  /** Bonus for a clause that opens with the term (it is what the clause is about). */
  early: number;
  /** A clause with every term of a several-word query outranks one missing a term. */
  complete: number;
  /** Multiply by the document kind's weight (rules before plans before reports). */
  kindWeights: boolean;
  /** Each further hit from one document counts this much less. */
  sameDocumentDecay: number;
}

export const DEFAULT_WEIGHTS: RankingWeights = {
  context: 0.3,
  contextSupport: 0.1,
  section: 0.3,
  heading: 1.2,
  defining: 1.2,
  length: 0.1,
  early: 0.15,
  complete: 1.1,
  kindWeights: true,
  sameDocumentDecay: 0.9,
};
const LENGTH_NORM = 6;

export type Range = [start: number, end: number];

export interface SearchFilters {
  doc?: string | undefined;
  bodyType?: string | undefined;
  role?: string | undefined;
}

export interface SearchHit {
  record: SearchRecord;
  doc: SearchDoc;
  /** Titles of the enclosing headings, outermost first. */
  path: string[];
  score: number;
  /** False when only some of the terms matched. */
  complete: boolean;
  /** Where the terms matched in the record's own text (ends exclusive). */
  ranges: Range[];
}

export interface SearchResponse {
  query: ParsedQuery;
  hits: SearchHit[];
  total: number;
  /** Words of the corpus close to terms that matched nothing. */
  suggestions: string[];
}

/** One term's matches in the records' own text, indexed by record. */
interface TermMatches {
  /** Best score per record, 0 where the term does not occur. */
  score: Float32Array;
  ranges: (Range[] | undefined)[];
  /** The records with a score, in the order found. */
  found: number[];
}

interface EngineRecord {
  record: SearchRecord;
  folded: string;
}

export interface SearchEngine {
  search(raw: string, filters?: SearchFilters, limit?: number): SearchResponse;
  readonly data: SearchIndexData;
}

const bigramKey = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

function bigramsOf(text: string): number[] {
  const keys = new Set<number>();
  for (let at = 0; at + 1 < text.length; at += 1) keys.add(bigramKey(text, at));
  return [...keys];
}

function occurrences(haystack: string, needle: string): Range[] {
  const ranges: Range[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}

/** Where any of the given bigrams occur in `text`, merged into ranges. */
function bigramRanges(text: string, keys: ReadonlySet<number>): Range[] {
  const ranges: Range[] = [];
  for (let at = 0; at + 1 < text.length; at += 1) {
    if (!keys.has(bigramKey(text, at))) continue;
    const last = ranges.at(-1);
    if (last && at <= last[1]) last[1] = at + 2;
    else ranges.push([at, at + 2]);
  }
  return ranges;
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * fuse.js reports the characters that agree (一岗 of 一岗双责 for 一岗两责);
 * mark the whole stretch the term lines up with instead.
 */
function alignedSpan(text: string, term: string, pieces: Range[]): Range[] {
  const longest = pieces.reduce<Range | undefined>((a, b) => (!a || b[1] - b[0] > a[1] - a[0] ? b : a), undefined);
  if (!longest) return [];
  const offset = term.indexOf(text.slice(longest[0], longest[1]));
  if (offset === -1) return [longest];
  const start = Math.max(0, longest[0] - offset);
  return [[start, Math.min(text.length, start + term.length)]];
}

/** The shortest span of `text` holding the characters of `term` in order, if not longer than MAX_SPREAD × the term. */
function subsequenceWindow(text: string, term: string): Range | undefined {
  let best: Range | undefined;
  for (let start = text.indexOf(term[0] as string); start !== -1; start = text.indexOf(term[0] as string, start + 1)) {
    let at = start;
    for (let k = 1; k < term.length && at !== -1; k += 1) at = text.indexOf(term[k] as string, at + 1);
    if (at === -1) break;
    const span = at + 1 - start;
    if (span <= MAX_SPREAD * term.length && (!best || span < best[1] - best[0])) best = [start, at + 1];
  }
  return best;
}

/** Only the first few matches of a clause are checked for a defining sentence. */
const MAX_DEFINING_CHECKS = 4;
const DEFINING_AFTER = /^\s?(是|为|负责|担任)/;
// 是/为 as the copula of the sentence, not inside 作为, 成为, 但是, 还是 … (no lookbehind: Safari 14 cannot parse it)
const DEFINING_BEFORE = /(?:(?:^|[^作成认以因行])为|(?:^|[^于但还就只凡或总要可])是|由)[^\s]{0,8}\s?$/;

/** The match is what a sentence defines or assigns: "X是第一责任人", "第一责任人要…", "由校长担任". */
function isDefining(folded: string, [start, end]: Range): boolean {
  return (
    DEFINING_AFTER.test(folded.slice(end, end + 3)) ||
    DEFINING_BEFORE.test(folded.slice(Math.max(0, start - 12), start))
  );
}

/** How many of the best hits (× the limit) the diversity re-ranking chooses from. */
const DIVERSITY_POOL = 4;

/** The `count` best hits, best first, without sorting all of them. */
function best(hits: SearchHit[], count: number): SearchHit[] {
  if (hits.length > count) {
    const scores = Float64Array.from(hits, (hit) => hit.score).sort();
    const threshold = scores[scores.length - count] as number;
    hits = hits.filter((hit) => hit.score >= threshold);
  }
  return hits.sort((a, b) => b.score - a.score);
}

/**
 * Picks the top results so that one document does not fill the first places
 * with near-identical clauses: each further hit from the same document counts
 * a little less. Headings do not count: they lead to the clauses under them.
 */
function diversify(sorted: SearchHit[], limit: number, decay: number): SearchHit[] {
  const taken = new Map<number, number>();
  const pool = sorted.slice(0, limit * DIVERSITY_POOL);
  const picked: SearchHit[] = [];
  while (picked.length < limit && pool.length > 0) {
    let bestAt = 0;
    let best = -Infinity;
    for (let i = 0; i < pool.length; i += 1) {
      const hit = pool[i] as SearchHit;
      const adjusted = hit.score * decay ** (taken.get(hit.record.d) ?? 0);
      if (adjusted > best) {
        best = adjusted;
        bestAt = i;
      }
    }
    const [hit] = pool.splice(bestAt, 1) as [SearchHit];
    // A heading only leads to its clauses: it does not crowd them out.
    if (hit.record.k !== 'heading') taken.set(hit.record.d, (taken.get(hit.record.d) ?? 0) + 1);
    picked.push(hit);
  }
  return picked;
}

export function createSearchEngine(data: SearchIndexData, weights: RankingWeights = DEFAULT_WEIGHTS): SearchEngine {
  const records: EngineRecord[] = data.records.map((record) => ({ record, folded: foldText(record.t) }));
  const parentOf = Int32Array.from(data.records, (record) => record.p);
  const docOf = Int32Array.from(data.records, (record) => record.d);
  const synonyms = foldSynonyms(data.synonyms);
  const foldedTitles = data.docs.map((doc) => foldText(doc.title));
  const roleIds = data.roles.map((role) => role.id);

  const postings = new Map<number, number[]>();
  records.forEach(({ folded }, index) => {
    let previous = -1;
    for (let at = 0; at + 1 < folded.length; at += 1) {
      if (folded[at] === SEPARATOR || folded[at + 1] === SEPARATOR) continue;
      const key = bigramKey(folded, at);
      if (key === previous) continue;
      previous = key;
      const list = postings.get(key);
      if (!list) postings.set(key, [index]);
      else if (list.at(-1) !== index) list.push(index);
    }
  });

  const hitCounts = new Uint16Array(records.length);
  const hitWeights = new Float32Array(records.length);
  /** Rare bigrams say more than common ones (工作 is everywhere); one found nowhere counts as found once. */
  const bigramWeight = (matches: number) => Math.log(1 + records.length / (Math.max(matches, 1) + 1));

  /** Own-text matches of one folded alternative, merged into `best` (max score per record). */
  function matchAlternative(text: string, weight: number, best: TermMatches) {
    const keep = (index: number, score: number, ranges: Range[]) => {
      const current = best.score[index] as number;
      if (score <= current) return;
      if (current === 0) best.found.push(index);
      best.score[index] = score;
      best.ranges[index] = ranges;
    };
    if (text.length === 1) {
      records.forEach(({ folded }, index) => {
        if (folded.includes(text)) keep(index, EXACT * weight, occurrences(folded, text));
      });
      return;
    }
    const keys = bigramsOf(text);
    const lists = keys.map((key) => postings.get(key) ?? []).sort((a, b) => a.length - b.length);
    const listWeights = lists.map((list) => bigramWeight(list.length));
    const totalWeight = listWeights.reduce((a, b) => a + b, 0);
    let remaining = totalWeight;
    const touched: number[] = [];
    lists.forEach((list, k) => {
      const keyWeight = listWeights[k] as number;
      // Rarest bigrams first: once the bigrams left cannot reach MIN_COVERAGE, a clause not seen yet
      // cannot match (an exact match holds the rarest bigram), so only clauses already seen are counted.
      const admitNew = remaining / totalWeight >= MIN_COVERAGE || touched.length < FUZZY_CANDIDATES;
      for (const index of list) {
        if (hitCounts[index] === 0) {
          if (!admitNew) continue;
          touched.push(index);
        }
        hitCounts[index] = (hitCounts[index] as number) + 1;
        hitWeights[index] = (hitWeights[index] as number) + keyWeight;
      }
      remaining -= keyWeight;
    });
    const keySet = new Set(keys);
    const spreadable = text.length >= 3 && text.length <= MAX_SPREAD_TERM;
    const fuzzyByHits: number[][] = [];
    for (const index of touched) {
      const hits = hitCounts[index] as number;
      const { folded } = records[index] as EngineRecord;
      if (hits === keys.length && folded.includes(text)) {
        keep(index, EXACT * weight, occurrences(folded, text));
        continue;
      }
      if (text.length < 3) continue;
      (fuzzyByHits[hits] ??= []).push(index);
      const coverage = (hitWeights[index] as number) / totalWeight;
      const window = spreadable ? subsequenceWindow(folded, text) : undefined;
      const proximity = window ? PROXIMITY_WEIGHT * Math.sqrt(text.length / (window[1] - window[0])) : 0;
      if (window && proximity >= COVERAGE_WEIGHT * coverage) {
        keep(index, proximity * weight, [window]);
      } else if (coverage >= MIN_COVERAGE) {
        keep(index, COVERAGE_WEIGHT * coverage * weight, bigramRanges(folded, keySet));
      }
    }
    if (text.length >= MIN_FUZZY_LENGTH && text.length <= MAX_FUZZY_LENGTH) {
      // The best-overlapping candidates, shorter clauses first within a bucket.
      const candidates: number[] = [];
      for (let hits = fuzzyByHits.length - 1; hits > 0 && candidates.length < FUZZY_CANDIDATES; hits -= 1) {
        const bucket = fuzzyByHits[hits];
        if (!bucket) continue;
        bucket.sort((a, b) => (records[a] as EngineRecord).folded.length - (records[b] as EngineRecord).folded.length);
        candidates.push(...bucket.slice(0, FUZZY_CANDIDATES - candidates.length));
      }
      const fuse = new Fuse(
        candidates.map((index) => (records[index] as EngineRecord).folded),
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
        const index = candidates[result.refIndex] as number;
        const pieces = (result.matches ?? []).flatMap((m) => m.indices.map(([s, e]): Range => [s, e + 1]));
        keep(index, FUZZY_WEIGHT * (1 - (result.score ?? 1)) * weight, alignedSpan(result.item, text, pieces));
      }
    }
    for (const index of touched) {
      hitCounts[index] = 0;
      hitWeights[index] = 0;
    }
  }

  function matchTerm(term: QueryTerm): TermMatches {
    const best: TermMatches = { score: new Float32Array(records.length), ranges: [], found: [] };
    for (const { text, weight } of term.alternatives) matchAlternative(text, weight, best);
    return best;
  }

  function titleScore(term: QueryTerm, doc: number): number {
    const title = foldedTitles[doc] as string;
    return term.alternatives.some((a) => title.includes(a.text)) ? EXACT : 0;
  }

  function pathOf(record: SearchRecord): string[] {
    const path: string[] = [];
    for (let p = record.p; p !== -1; p = (data.records[p] as SearchRecord).p) {
      const parent = data.records[p] as SearchRecord;
      if (parent.k === 'heading') path.unshift(parent.t);
    }
    return path;
  }

  function passes(record: SearchRecord, filters: SearchFilters): boolean {
    const doc = data.docs[record.d] as SearchDoc;
    if (filters.doc && doc.slug !== filters.doc) return false;
    if (filters.bodyType && doc.bodyType !== filters.bodyType) return false;
    if (filters.role) {
      const role = roleIds.indexOf(filters.role);
      if (!record.r.includes(role)) return false;
    }
    return true;
  }

  const suggestionFuse = new Fuse(data.vocabulary, {
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.5,
  });

  /** Corpus words close to a term that matched nothing; among equally close, those starting alike and of similar length first. */
  function suggest(term: string): string[] {
    return suggestionFuse
      .search(term, { limit: 12 })
      .filter((result) => result.item !== term)
      .map((result) => ({
        word: result.item,
        rank:
          (result.score ?? 1) -
          (result.item[0] === term[0] ? 0.2 : 0) +
          Math.abs(result.item.length - term.length) * 0.02,
      }))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, 3)
      .map((candidate) => candidate.word);
  }

  function search(raw: string, filters: SearchFilters = {}, limit = 50): SearchResponse {
    const query = parseQuery(raw, synonyms);
    const n = records.length;
    if (query.terms.length === 0) return { query, hits: [], total: 0, suggestions: [] };

    const termWeights: number[] = [];
    const ownMatches: TermMatches[] = [];
    const sections: Float32Array[] = [];
    const titleScores: number[][] = [];
    const unmatchedTerms: string[] = [];
    for (const term of query.terms) {
      const own = matchTerm(term);
      ownMatches.push(own);
      // A heading or clause "contains" what its sub-clauses contain.
      const section = new Float32Array(n);
      for (const index of own.found) {
        const score = own.score[index] as number;
        for (let p = parentOf[index] as number; p !== -1 && (section[p] as number) < score; p = parentOf[p] as number) {
          section[p] = score;
        }
      }
      sections.push(section);
      titleScores.push(data.docs.map((_, d) => titleScore(term, d)));
      // Rarer terms weigh more (inverse document frequency over clauses).
      let frequency = 0;
      for (const index of own.found) if ((own.score[index] as number) >= STRONG_MATCH) frequency += 1;
      termWeights.push(Math.log(1 + n / (frequency + 1)));
      if (own.found.length === 0) unmatchedTerms.push(term.text);
    }

    /** How well term t matches record i: in its own text, or through its headings, title or sub-clauses. */
    const termScore = (t: number, i: number): number => {
      const own = (ownMatches[t] as TermMatches).score;
      let context = (titleScores[t] as number[])[docOf[i] as number] as number;
      for (let p = parentOf[i] as number; p !== -1; p = parentOf[p] as number) {
        context = Math.max(context, own[p] as number);
      }
      const ownScore = own[i] as number;
      if (ownScore > 0) return ownScore + weights.contextSupport * context;
      return Math.max(weights.context * context, weights.section * ((sections[t] as Float32Array)[i] as number));
    };

    // A result must contain at least one term itself; context alone only supports it.
    const candidates = new Set<number>();
    for (const own of ownMatches) for (const index of own.found) candidates.add(index);
    const hits: SearchHit[] = [];
    for (const i of candidates) {
      const { record, folded } = records[i] as EngineRecord;
      let matched = 0;
      let matchedWeight = 0;
      let matchedLong = false;
      let strong = 0;
      let sum = 0;
      let totalWeight = 0;
      for (let t = 0; t < query.terms.length; t += 1) {
        const score = termScore(t, i);
        const weight = termWeights[t] as number;
        totalWeight += weight;
        if (score >= MIN_TERM_SCORE) {
          matched += 1;
          matchedWeight += weight;
          matchedLong ||= (query.terms[t] as QueryTerm).text.length > 1;
          sum += weight * score;
        }
        if (score >= STRONG_MATCH) strong += 1;
      }
      if (matched === 0 || !passes(record, filters)) continue;
      const ranges =
        ownMatches.length === 1
          ? ((ownMatches[0] as TermMatches).ranges[i] ?? [])
          : mergeRanges(ownMatches.flatMap((own) => own.ranges[i] ?? []));
      if (ranges.length === 0) continue;
      const complete = matched === query.terms.length;
      // A clause with only some of the words must carry the weightier half, and more than a single character.
      if (!complete && (matchedWeight / totalWeight < PARTIAL_MIN_SHARE || !matchedLong)) continue;
      let score = sum / totalWeight;
      if (strong === query.terms.length && query.terms.length > 1) score *= weights.complete;
      if (record.k === 'heading') score *= weights.heading;
      if (weights.kindWeights) score *= (data.docs[record.d] as SearchDoc).weight;
      if (ranges.slice(0, MAX_DEFINING_CHECKS).some((range) => isDefining(folded, range))) score *= weights.defining;
      const matchedLength = ranges.reduce((total, [start, end]) => total + end - start, 0);
      score += weights.early * (1 - (ranges[0] as Range)[0] / record.t.length);
      score += weights.length * Math.min(1, (LENGTH_NORM * matchedLength) / record.t.length);
      hits.push({
        record,
        doc: data.docs[record.d] as SearchDoc,
        path: [],
        score,
        complete,
        ranges,
      });
    }
    const top = diversify(best(hits, limit * DIVERSITY_POOL), limit, weights.sameDocumentDecay);
    for (const hit of top) hit.path = pathOf(hit.record);

    const suggestions =
      hits.length === 0 || unmatchedTerms.length > 0
        ? [...new Set(unmatchedTerms.flatMap((term) => suggest(term)))].slice(0, MAX_SUGGESTIONS)
        : [];
    return { query, hits: top, total: hits.length, suggestions };
  }

  return { search, data };
}
