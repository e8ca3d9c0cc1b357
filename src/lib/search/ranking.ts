/**
 * The weights of the ranking and how the first places are chosen: BM25F's parameters and the field
 * weights (postingMatch.ts scores a word in a record with them), and the diversity of the first places.
 */
import type { KindCode } from './layout';

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
  /** Each further result of one document counts this much less when the first places are chosen. */
  diversity: number;
  /** Field weight of a role definition ("党组书记是第一责任人", the documents' roleDefinitions): its text counts again. */
  definitionField: number;
  /** Field weight of a clause's lead, its text up to the first comma or stop: what the clause is about. */
  leadField: number;
}

export const DEFAULT_PARAMS: RankingParams = {
  k1: 0.6,
  b: 0.5,
  contextField: 0.4,
  titleField: 0.2,
  expansion: 0.7,
  typo: 0.8,
  spread: 0.7,
  scatter: 0.5,
  diversity: 0.8,
  definitionField: 0.5,
  leadField: 0.5,
};

/** Ranking tier: clauses with every word, then (marked 部分匹配) those missing one. */
export const tier = (hit: { complete: boolean }) => (hit.complete ? 0 : 1);

export interface Candidate {
  record: number;
  doc: number;
  score: number;
  complete: boolean;
}

/** The `count` first items in the given order, sorted, without sorting them all. */
export function bestOf<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
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
