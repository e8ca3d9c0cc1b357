/**
 * Synthetic corpora for the benchmarks: the real index replicated `factor`
 * times, each copy's texts perturbed (about one character in twenty replaced
 * by another character of the corpus), so copies are similar but not equal.
 */
import type { SearchIndexData } from '../../src/lib/search/indexData';

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function scaleIndex(data: SearchIndexData, factor: number, seed = 7): SearchIndexData {
  if (factor === 1) return data;
  const next = random(seed);
  const alphabet = [...new Set(data.records.flatMap((r) => [...r.t]).filter((c) => /\p{Script=Han}/u.test(c)))];
  const perturb = (text: string) =>
    [...text]
      .map((c) => (/\p{Script=Han}/u.test(c) && next() < 0.05 ? alphabet[Math.floor(next() * alphabet.length)] : c))
      .join('');
  const docs = [];
  const records = [];
  for (let copy = 0; copy < factor; copy += 1) {
    const docOffset = copy * data.docs.length;
    const recordOffset = copy * data.records.length;
    docs.push(
      ...data.docs.map((doc) =>
        copy === 0 ? doc : { ...doc, slug: `${doc.slug}-${copy}`, title: `${doc.title}（${copy}）` },
      ),
    );
    records.push(
      ...data.records.map((record) =>
        copy === 0
          ? record
          : {
              ...record,
              d: record.d + docOffset,
              p: record.p === -1 ? -1 : record.p + recordOffset,
              t: perturb(record.t),
            },
      ),
    );
  }
  return { ...data, docs, records };
}
