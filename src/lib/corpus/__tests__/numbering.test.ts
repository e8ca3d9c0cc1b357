import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatLocator, numberedId, paragraphId, parseMarker } from '../numbering';

describe('chineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十四', 14],
    ['二十', 20],
    ['二十三', 23],
    ['两', 2],
    ['一百零五', 105],
  ])('%s → %i', (text, value) => expect(chineseNumeral(text)).toBe(value));
  it('rejects other text', () => expect(chineseNumeral('12')).toBeNull());
});

describe('parseMarker', () => {
  it.each([
    ['第二章', 'chapter', 2],
    ['第十三条', 'article', 13],
    ['三、', 'section', 3],
    ['〔二〕', 'section', 2],
    ['（十二）', 'sub', 12],
    ['(四)', 'sub', 4],
    ['二是', 'sub', 2],
    ['3.', 'item', 3],
    ['3、', 'item', 3],
    ['1)', 'item', 1],
    ['（2）', 'item', 2],
    ['附2', 'attachment', 2],
  ])('%s', (printed, kind, value) => expect(parseMarker(printed)).toEqual({ kind, value }));
  it.each(['（3', '十、、', '', 'A.', '0.'])('rejects %j', (printed) => expect(parseMarker(printed)).toBeNull());
});

describe('numberedId', () => {
  it('derives readable ids from the printed numbering', () => {
    expect(numberedId(null, { kind: 'section', value: 1 })).toBe('s1');
    expect(numberedId('s1', { kind: 'sub', value: 3 })).toBe('s1-3');
    expect(numberedId('s1-3', { kind: 'item', value: 2 })).toBe('s1-3-2');
    expect(numberedId('c2', { kind: 'article', value: 9 })).toBe('a9');
    expect(numberedId(null, { kind: 'chapter', value: 2 })).toBe('c2');
    expect(numberedId(null, { kind: 'item', value: 4 })).toBe('i4');
    expect(numberedId('s3', { kind: 'attachment', value: 2 })).toBe('f2');
  });
  it('numbers unnumbered paragraphs within their parent', () => {
    expect(paragraphId('s1-2', 1)).toBe('s1-2-p1');
    expect(paragraphId(null, 2)).toBe('p2');
  });
});

describe('formatLocator', () => {
  it('reproduces the printed numbering with full-width brackets', () => {
    expect(formatLocator(['一、', '(一)', '3.'])).toBe('一、（一）3');
    expect(formatLocator(['第九条'])).toBe('第九条');
    expect(formatLocator(['三、', '（十二）'])).toBe('三、（十二）');
  });

  it('sets off what follows a 一是 marker, which has no closing mark', () => {
    expect(formatLocator(['二、', '一是', '三是'])).toBe('二、一是·三是');
    expect(formatLocator(['二、', '三是'])).toBe('二、三是');
  });
});
