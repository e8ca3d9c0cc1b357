import { describe, expect, it } from 'vitest';
import { evalHalf, fnv1a32 } from './eval-split';

describe('fnv1a32', () => {
  // Reference values from the FNV specification's test suite (draft-eastlake-fnv, FNV-1a 32-bit).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['b', 0xe70c2de5],
    ['foobar', 0xbf9cf968],
  ])('hashes %j as the specification does', (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });

  it('hashes the UTF-8 bytes, not UTF-16 code units', () => {
    // 一 is E4 B8 80 in UTF-8; folding those three bytes by hand gives the expected value.
    let hash = 0x811c9dc5;
    for (const byte of [0xe4, 0xb8, 0x80]) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    expect(fnv1a32('一')).toBe(hash);
  });
});

describe('evalHalf', () => {
  it('is the low bit of the hash of the NFKC form', () => {
    expect(evalHalf('foobar')).toBe('tune');
    expect(evalHalf('a')).toBe('tune');
    expect(evalHalf('b')).toBe('test');
  });

  it('puts full-width and half-width forms of a query in the same half', () => {
    expect(evalHalf('ｆｏｏｂａｒ')).toBe(evalHalf('foobar'));
    expect(evalHalf('LED电子宣传屏')).toBe(evalHalf('ＬＥＤ电子宣传屏'));
  });

  it('splits many queries roughly in half', () => {
    const queries = Array.from({ length: 2000 }, (_, i) => `查询${i}`);
    const tune = queries.filter((q) => evalHalf(q) === 'tune').length;
    expect(tune).toBeGreaterThan(900);
    expect(tune).toBeLessThan(1100);
  });
});
