import { describe, expect, it } from 'vitest';
import { foldText } from '../fold';

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
});
