import { describe, expect, it } from 'vitest';
import { SEPARATOR } from '../fold';
import { alignedSpan, keyRanges, keysOfWord, leadEnd, mergeRanges, occurrences, spreadWindow } from '../textMatch';

describe('where a word stands in a text', () => {
  it('looks a word up by its bigrams, a single character by itself', () => {
    expect(keysOfWord('一岗双责')).toEqual(['一岗', '岗双', '双责']);
    expect(keysOfWord('会')).toEqual(['会']);
    expect(keysOfWord('谁主管谁')).toEqual(['谁主', '主管', '管谁']);
  });

  it('finds every occurrence, not overlapping', () => {
    expect(occurrences('每年每年', '每年')).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(occurrences('联席会议', '会商')).toEqual([]);
  });

  it('finds a word spread out within three times its length, never across a separator', () => {
    expect(spreadWindow('召开意识形态专题会议', '专会')).toEqual([6, 9]);
    expect(spreadWindow('专题研究部署学习会议', '专会')).toBeUndefined();
    expect(spreadWindow(`专题${SEPARATOR}会`, '专会')).toBeUndefined();
  });

  it('marks where any of the bigrams stand, merged', () => {
    expect(keyRanges('定期报送舆情信息', new Set(['报送', '送舆', '信息']))).toEqual([
      [2, 5],
      [6, 8],
    ]);
  });

  it('merges overlapping ranges in order', () => {
    expect(
      mergeRanges([
        [5, 7],
        [0, 2],
        [1, 3],
        [7, 8],
      ]),
    ).toEqual([
      [0, 3],
      [5, 8],
    ]);
  });

  it("ends a clause's lead at its first comma, colon or stop, not at its first character", () => {
    expect(leadEnd('（一）加强领导，落实责任。')).toBe(7);
    expect(leadEnd('，开头')).toBe(3);
    expect(leadEnd('没有标点')).toBe(4);
  });

  it('lines a fuzzy match up with the whole word it stands for', () => {
    expect(alignedSpan('落实一岗两责要求', '一岗双责', [[2, 4]])).toEqual([2, 6]);
    expect(alignedSpan('文本', '词', [])).toBeUndefined();
  });
});
