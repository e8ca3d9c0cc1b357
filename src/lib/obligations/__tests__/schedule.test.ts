import { describe, expect, it } from 'vitest';
import { dayRange, daysInMonth, describeCadence, monthSpans, placeOnCalendar } from '../schedule';

describe('describeCadence', () => {
  it('says periodic duties in plain words', () => {
    expect(describeCadence({ period: 'year', count: 2 })).toBe('每年至少2次');
    expect(describeCadence({ period: 'year', count: 1, maxCount: 2 })).toBe('每年1—2次');
    expect(describeCadence({ period: 'quarter', count: 1, months: [3, 6, 9, 12], window: '中旬' })).toBe(
      '每季度1次（3/6/9/12月中旬）',
    );
    expect(describeCadence({ period: 'month', count: 1, window: '月底前' })).toBe('每月1次（月底前）');
    expect(describeCadence({ period: 'year', count: 1, months: [12], window: '整月' })).toBe('每年1次（12月）');
    expect(describeCadence({ period: 'year', count: 2, partsOfYear: ['年中', '年终'] })).toBe(
      '每年至少2次（年中、年终）',
    );
    expect(describeCadence({ period: 'semester', count: 1 })).toBe('每学期1次');
  });

  it('says dated, event, ongoing and triggered duties without inventing a schedule', () => {
    expect(describeCadence({ period: 'once', dates: { from: { month: 4, day: 25 }, to: { month: 5, day: 10 } } })).toBe(
      '4月25日至5月10日',
    );
    expect(describeCadence({ period: 'event', event: '临近开学季' })).toBe('临近开学季');
    expect(describeCadence({ period: 'event', event: '冬奥会', nodes: ['冬奥会'] })).toBe('冬奥会（仅2022年）');
    expect(describeCadence({ period: 'ongoing' })).toBe('定期（未规定周期）');
    expect(describeCadence({ period: 'triggered' })).toBe('遇事随时');
  });
});

describe('placeOnCalendar', () => {
  it('puts duties with months in those months, from the first day of their window', () => {
    expect(placeOnCalendar({ period: 'half-year', count: 1, months: [6, 12], window: '中旬' }, 2026)).toEqual([
      { month: 6, day: 11 },
      { month: 12, day: 11 },
    ]);
  });

  it('puts a 每月 duty with a time of the month in every month, as the .ics does', () => {
    const placements = placeOnCalendar({ period: 'month', count: 1, window: '月底前' }, 2026);
    expect(placements.map((p) => ('month' in p ? p.month : 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(placements[1]).toEqual({ month: 2, day: 28 });
  });

  it('puts festival windows in every month they touch, with their days in that year', () => {
    expect(placeOnCalendar({ period: 'event', event: '临近开学季', nodes: ['开学前'] }, 2026)).toEqual([
      { month: 2, day: 17, when: '春季开学前：2月17日—3月2日' },
      { month: 3, day: 1, when: '春季开学前：2月17日—3月2日' },
      { month: 8, day: 18, when: '秋季开学前：8月18日—31日' },
    ]);
    expect(placeOnCalendar({ period: 'event', event: '元旦', nodes: ['元旦'] }, 2026)).toEqual([
      { month: 1, day: 1, when: '元旦前后：2025年12月25日—1月1日' },
      { month: 12, day: 25, when: '元旦前后：12月25日—2027年1月1日' },
    ]);
  });

  it('keeps one-off duties of a past year out of the months, saying when they were', () => {
    expect(
      placeOnCalendar({ period: 'event', event: '冬奥会、党的二十大', nodes: ['冬奥会', '二十大'] }, 2026),
    ).toEqual([{ group: '往年', when: '冬奥会前后：2022年1月28日—2月20日；党的二十大前后：2022年10月9日—22日' }]);
    expect(
      placeOnCalendar({ period: 'once', dates: { from: { month: 4, day: 25 }, to: { month: 5, day: 10 } } }, 2026),
    ).toEqual([{ group: '往年', when: '原文没有写明年份的一次性工作' }]);
  });

  it('groups the rest: 年初/年中/年终, 全年, 每学期, 时间节点, 随时', () => {
    expect(placeOnCalendar({ period: 'year', count: 2, partsOfYear: ['年中', '年终'] }, 2026)).toEqual([
      { group: '年中' },
      { group: '年终' },
    ]);
    expect(placeOnCalendar({ period: 'year', count: 1, partsOfYear: ['年末'] }, 2026)).toEqual([{ group: '年终' }]);
    expect(placeOnCalendar({ period: 'year', count: 2 }, 2026)).toEqual([{ group: '全年' }]);
    expect(placeOnCalendar({ period: 'week', count: 1 }, 2026)).toEqual([{ group: '全年' }]);
    expect(placeOnCalendar({ period: 'semester', count: 1 }, 2026)).toEqual([{ group: '每学期' }]);
    expect(placeOnCalendar({ period: 'event', event: '重要节点和敏感时期' }, 2026)).toEqual([{ group: '时间节点' }]);
    expect(placeOnCalendar({ period: 'triggered' }, 2026)).toEqual([{ group: '随时' }]);
  });
});

describe('dayRange', () => {
  it('writes a range of days, with the year only where it is not the year shown', () => {
    expect(dayRange('2026-02-02', '2026-02-15', 2026)).toBe('2月2日—15日');
    expect(dayRange('2026-02-17', '2026-03-02', 2026)).toBe('2月17日—3月2日');
    expect(dayRange('2026-10-06', '2026-10-06', 2026)).toBe('10月6日');
    expect(dayRange('2025-12-25', '2026-01-01', 2026)).toBe('2025年12月25日—1月1日');
  });
});

describe('monthSpans', () => {
  it('reads the month windows as day ranges', () => {
    expect(monthSpans({ period: 'quarter', count: 1, months: [3, 6], window: '下旬' }, 2026)).toEqual([
      { month: 3, firstDay: 21, lastDay: 31 },
      { month: 6, firstDay: 21, lastDay: 30 },
    ]);
    expect(monthSpans({ period: 'year', count: 1, months: [3], window: '第一周' }, 2026)).toEqual([
      { month: 3, firstDay: 1, lastDay: 7 },
    ]);
    expect(monthSpans({ period: 'year', count: 1, months: [2] }, 2028)).toEqual([
      { month: 2, firstDay: 1, lastDay: 29 },
    ]);
  });

  it('knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('gives nothing for cadences without months', () => {
    expect(monthSpans({ period: 'year', count: 2 }, 2026)).toEqual([]);
  });
});
