import { describe, expect, it } from 'vitest';
import { daysInMonth, describeCadence, monthSpans, placeOnCalendar } from '../schedule';

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
    expect(describeCadence({ period: 'ongoing' })).toBe('定期（未规定周期）');
    expect(describeCadence({ period: 'triggered' })).toBe('遇事随时');
  });
});

describe('placeOnCalendar', () => {
  it('puts duties with months in those months', () => {
    expect(placeOnCalendar({ period: 'half-year', count: 1, months: [6, 12], window: '中旬' })).toEqual([
      { months: [6, 12] },
    ]);
    expect(
      placeOnCalendar({ period: 'once', dates: { from: { month: 4, day: 25 }, to: { month: 5, day: 10 } } }),
    ).toEqual([{ months: [4, 5] }]);
  });

  it('groups the rest: 年初/年中/年终, 全年, 每学期, 时间节点, 随时', () => {
    expect(placeOnCalendar({ period: 'year', count: 2, partsOfYear: ['年中', '年终'] })).toEqual([
      { group: '年中' },
      { group: '年终' },
    ]);
    expect(placeOnCalendar({ period: 'year', count: 1, partsOfYear: ['年末'] })).toEqual([{ group: '年终' }]);
    expect(placeOnCalendar({ period: 'year', count: 2 })).toEqual([{ group: '全年' }]);
    expect(placeOnCalendar({ period: 'month', count: 1, window: '月底前' })).toEqual([{ group: '全年' }]);
    expect(placeOnCalendar({ period: 'semester', count: 1 })).toEqual([{ group: '每学期' }]);
    expect(placeOnCalendar({ period: 'event', event: '开学季' })).toEqual([{ group: '时间节点' }]);
    expect(placeOnCalendar({ period: 'triggered' })).toEqual([{ group: '随时' }]);
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
