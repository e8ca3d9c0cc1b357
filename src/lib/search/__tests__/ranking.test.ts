import { describe, expect, it } from 'vitest';
import { bestOf, diversify } from '../ranking';

describe('bestOf', () => {
  it('gives the first items in order without sorting them all, and no more than there are', () => {
    const byValue = (a: number, b: number) => a - b;
    expect(bestOf([5, 3, 9, 1, 7, 3], 3, byValue)).toEqual([1, 3, 3]);
    expect(bestOf([2, 1], 5, byValue)).toEqual([1, 2]);
    expect(bestOf([], 2, byValue)).toEqual([]);
  });
});

describe('diversify', () => {
  const hit = (name: string, doc: number, score: number, full: number) => ({
    name,
    doc,
    score,
    full,
    kind: 'c' as const,
  });
  const order = (hits: ReturnType<typeof hit>[]) => diversify(hits, 4, 0.8, (h) => h.full).map((h) => h.name);

  it("puts another document's equally full match before a document's further results", () => {
    expect(order([hit('a1', 0, 10, 1), hit('a2', 0, 9, 1), hit('a3', 0, 8.5, 1), hit('b1', 1, 7.5, 1)])).toEqual([
      'a1',
      'b1',
      'a2',
      'a3',
    ]);
  });

  it("keeps a document's second full match before another document's partial one", () => {
    expect(order([hit('a1', 0, 10, 1), hit('a2', 0, 9, 1), hit('b1', 1, 8, 0.7), hit('a3', 0, 5, 1)])).toEqual([
      'a1',
      'a2',
      'b1',
      'a3',
    ]);
  });
});
