/**
 * The fixed split of the search evaluation set into a tuning half and a test half.
 *
 * A query's half depends only on its own text: the FNV-1a 32-bit hash of the UTF-8 bytes of
 * the query after Unicode NFKC normalisation (so full- and half-width forms of one query land
 * in the same half); an even hash is `tune`, an odd one `test`. Adding, removing or reordering
 * other queries never moves a query, and nobody chooses which half a query goes to.
 */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash;
}

export type EvalHalf = 'tune' | 'test';

export function evalHalf(query: string): EvalHalf {
  return (fnv1a32(query.normalize('NFKC')) & 1) === 0 ? 'tune' : 'test';
}
