import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldChar, foldText } from '../fold';

describe('foldText', () => {
  it('keeps the length of the input', () => {
    for (const text of ['“一岗双责”', 'ＡＢＣ１２３', '每年至少召开2次', '😀 表情', '（一）']) {
      expect(foldText(text)).toHaveLength(text.length);
    }
  });

  it('folds numerals, width and case', () => {
    expect(foldText('两次')).toBe(foldText('2次'));
    expect(foldText('二次')).toBe(foldText('２次'));
    expect(foldText('QQ群')).toBe(foldText('ｑｑ群'));
  });

  it('turns punctuation, symbols and operators into separators', () => {
    expect(foldText('“一岗双责”')).toBe(' 一岗双责 ');
    expect(foldText("'!^=|<>")).toBe('       ');
    expect(foldText('😀').trim()).toBe('');
  });

  it('folds each unit as foldChar does, whatever the text (property)', () => {
    const unitByUnit = (text: string) =>
      Array.from({ length: text.length }, (_, i) => foldChar(text[i] as string)).join('');
    const units = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom(..."零两〇一二九十ＡａZz0９　，。（）“”、·—-_'!^=|".split('')) }),
      fc.string({ unit: fc.integer({ min: 0x3000, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
    );
    fc.assert(
      fc.property(units, (text) => {
        expect(foldText(text)).toBe(unitByUnit(text));
      }),
      { numRuns: 500 },
    );
  });
});
