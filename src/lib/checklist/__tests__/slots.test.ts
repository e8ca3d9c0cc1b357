import { describe, expect, it } from 'vitest';
import { slotsFor } from '../slots';

const spans = (slots: ReturnType<typeof slotsFor>) => slots.map((s) => `${s.key} ${s.start}..${s.end}`);

describe('slotsFor', () => {
  it('gives one slot per time a yearly duty is owed, over the whole year', () => {
    expect(spans(slotsFor({ period: 'year', count: 2 }, 2026))).toEqual([
      'y 2026-01-01..2026-12-31',
      'y-2 2026-01-01..2026-12-31',
    ]);
    expect(slotsFor({ period: 'year', count: 2 }, 2026).map((s) => s.label)).toEqual(['第1次', '第2次']);
  });

  it('narrows stated months to their window', () => {
    expect(spans(slotsFor({ period: 'quarter', count: 1, months: [3, 6, 9, 12], window: '中旬' }, 2026))).toEqual([
      'q1 2026-03-11..2026-03-20',
      'q2 2026-06-11..2026-06-20',
      'q3 2026-09-11..2026-09-20',
      'q4 2026-12-11..2026-12-20',
    ]);
    expect(spans(slotsFor({ period: 'year', count: 1, months: [3], window: '第一周' }, 2026))).toEqual([
      'm3 2026-03-01..2026-03-07',
    ]);
    expect(spans(slotsFor({ period: 'year', count: 1, months: [2], window: '下旬' }, 2028))).toEqual([
      'm2 2028-02-21..2028-02-29',
    ]);
  });

  it('splits half-years, quarters and months, with 月底前 due at the month end', () => {
    expect(spans(slotsFor({ period: 'half-year', count: 1 }, 2026))).toEqual([
      'h1 2026-01-01..2026-06-30',
      'h2 2026-07-01..2026-12-31',
    ]);
    expect(spans(slotsFor({ period: 'quarter', count: 1 }, 2026))[1]).toBe('q2 2026-04-01..2026-06-30');
    const months = slotsFor({ period: 'month', count: 1, window: '月底前' }, 2024);
    expect(months).toHaveLength(12);
    expect(spans(months)[1]).toBe('m2 2024-02-01..2024-02-29');
  });

  it('reads 年初/年中/年终 with the documented table', () => {
    expect(spans(slotsFor({ period: 'year', count: 2, partsOfYear: ['年中', '年终'] }, 2026))).toEqual([
      'p-年中 2026-06-01..2026-07-31',
      'p-年终 2026-12-01..2026-12-31',
    ]);
  });

  it('lets the autumn semester run into the next year', () => {
    expect(spans(slotsFor({ period: 'semester', count: 1 }, 2026))).toEqual([
      's1 2026-02-01..2026-07-31',
      's2 2026-08-01..2027-01-31',
    ]);
  });

  it('gives a weekly duty one slot per week starting in the year', () => {
    const weeks = slotsFor({ period: 'week', count: 1 }, 2026);
    expect(weeks.length).toBeGreaterThanOrEqual(52);
    expect(weeks[0]?.start).toBe('2026-01-05');
    expect(weeks.at(-1)?.end).toBe('2027-01-03');
  });

  it('dates a one-off phase in the chosen year, and leaves event, ongoing and triggered duties undated', () => {
    expect(
      spans(slotsFor({ period: 'once', dates: { from: { month: 4, day: 25 }, to: { month: 5, day: 10 } } }, 2026)),
    ).toEqual(['o 2026-04-25..2026-05-10']);
    for (const period of ['event', 'ongoing', 'triggered'] as const) {
      expect(slotsFor(period === 'event' ? { period, event: '开学季' } : { period }, 2026)).toEqual([
        { key: 'x', label: '本年度', start: null, end: null },
      ]);
    }
  });

  it('keeps slot keys unique within a duty', () => {
    for (const cadence of [
      { period: 'year', count: 3 },
      { period: 'quarter', count: 2 },
      { period: 'month', count: 1 },
      { period: 'week', count: 1 },
    ] as const) {
      const keys = slotsFor(cadence, 2026).map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
