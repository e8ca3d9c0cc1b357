import { describe, expect, it } from 'vitest';
import { cadenceWords } from '../lint';

describe('cadenceWords', () => {
  it('finds frequencies, times of year, months and unscheduled markers', () => {
    expect(cadenceWords('每年至少两次专题研究，每半年向局党委汇报一次')).toEqual(['每年', '每半年']);
    expect(cadenceWords('原则上安排在每年的3月中旬、6月中旬')).toEqual(['每年', '3月', '6月']);
    expect(cadenceWords('12月份进行')).toEqual(['12月']);
    expect(cadenceWords('年初制定工作计划，年中、年终进行工作总结')).toEqual(['年初', '年中', '年终']);
    expect(cadenceWords('定期分析研判，遇有重大问题随时报告')).toEqual(['定期', '随时']);
    expect(cadenceWords('临近开学季')).toEqual(['开学']);
  });

  it('finds nothing in a clause without them', () => {
    expect(cadenceWords('加强网上正面宣传和舆论引导。')).toEqual([]);
  });
});
