import { describe, expect, it } from 'vitest';
import { makeSnippet, matchedWords } from '../snippet';

describe('makeSnippet', () => {
  it('marks the matched ranges and keeps the rest as plain text', () => {
    expect(makeSnippet('按照“一岗双责”要求', [[3, 7]]).pieces).toEqual([
      { text: '按照“', mark: false },
      { text: '一岗双责', mark: true },
      { text: '”要求', mark: false },
    ]);
  });

  it('centres a long text on the first match and says what was cut', () => {
    const text = `${'甲'.repeat(100)}第一责任人${'乙'.repeat(100)}`;
    const snippet = makeSnippet(text, [[100, 105]], 40);
    expect(snippet.before).toBe(true);
    expect(snippet.after).toBe(true);
    expect(snippet.pieces.map((p) => p.text).join('')).toHaveLength(40);
    expect(snippet.pieces.find((p) => p.mark)?.text).toBe('第一责任人');
  });

  it('keeps markup in the text as text', () => {
    const text = '<img src=x onerror=alert(1)>';
    expect(makeSnippet(text, []).pieces).toEqual([{ text, mark: false }]);
  });

  it('ignores ranges outside the text', () => {
    expect(makeSnippet('短文', [[5, 9]]).pieces).toEqual([{ text: '短文', mark: false }]);
  });
});

describe('matchedWords', () => {
  it('lists each matched word once', () => {
    expect(
      matchedWords('联席会议和联席会议', [
        [0, 4],
        [5, 9],
      ]),
    ).toEqual(['联席会议']);
  });
});
