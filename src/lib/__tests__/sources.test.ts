import { describe, expect, it } from 'vitest';
import { describeSpans, lineRange, sourceAnchor, sourceMaterial, sourceSpanAnchor } from '../sources';

describe('source names', () => {
  it('counts the original materials from 1, as a reader does', () => {
    expect(sourceMaterial('000_fd5524586e1f7b2e.txt')).toBe('第 1 份原始材料');
    expect(sourceMaterial('012_bd6f39c04adbc918.txt')).toBe('第 13 份原始材料');
    expect(() => sourceMaterial('notes.txt')).toThrow(/notes\.txt/);
  });

  it('gives the 来源说明 anchors of a file and of one span in it', () => {
    expect(sourceAnchor('003_e7277aadc7950027.txt')).toBe('src-003');
    expect(sourceSpanAnchor({ file: '003_e7277aadc7950027.txt', from: 45, to: 110 })).toBe('src-003-45');
  });

  it('writes one line as a single number', () => {
    expect(lineRange({ from: 1, to: 185 })).toBe('1–185');
    expect(lineRange({ from: 79, to: 79 })).toBe('79');
  });

  it('names each file once in a list of spans', () => {
    const file = '002_7de5d04c64a363aa.txt';
    expect(
      describeSpans([
        { file, from: 4, to: 60 },
        { file, from: 185, to: 185 },
        { file: '004_c5da065745b1b46e.txt', from: 3, to: 9 },
      ]),
    ).toBe('第 3 份原始材料第 4–60 行、第 185 行、第 5 份原始材料第 3–9 行');
  });
});
