import { describe, expect, it } from 'vitest';
import { canonicalize, canonicalText } from '../canonical';

describe('canonicalText', () => {
  it('ignores punctuation width, quote style and whitespace', () => {
    expect(canonicalText('学习(党组):“两学一做”，好;')).toBe(canonicalText('学习 （党组）： "两学一做",好；'));
  });
  it('keeps characters that differ', () => {
    expect(canonicalText('敷衍应付')).not.toBe(canonicalText('敷行应付'));
  });
  it('removes full-width spaces and tabs', () => {
    expect(canonicalText('\u3000\u3000第一条\t为')).toBe('第一条为');
  });
});

describe('canonicalize', () => {
  it('maps each output character to its input position', () => {
    const { text, origin } = canonicalize('一 二\n三');
    expect(text).toBe('一二三');
    expect(origin).toEqual([0, 2, 4]);
  });
});
