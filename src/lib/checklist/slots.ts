/**
 * The occurrences ("slots") of a duty in one calendar year, each with the
 * window it falls due in, as local calendar dates (YYYY-MM-DD, never UTC).
 * The periods the texts leave open are read as follows (shown on the page):
 *
 *   全年 1月1日–12月31日 · 年初 1月1日–3月31日 · 年中 6月1日–7月31日 · 年终/年末 12月1日–12月31日
 *   上半年 1月1日–6月30日 · 下半年 7月1日–12月31日 · 季度 三个月 · 月 整月
 *   春季学期 2月1日–7月31日 · 秋季学期 8月1日–次年1月31日 · 周 周一至周日
 *
 * Stated months narrow a slot to that month's window (3月中旬 = 11–20日; see
 * src/lib/obligations/schedule.ts). Event duties tied to named festivals and
 * time nodes get the calendar's windows (src/lib/obligations/timeNodes.ts);
 * other event, ongoing and triggered duties have one undated slot: they are
 * ticked when done, never overdue.
 */
import { addDays, eachWeekOfInterval, formatISO, lastDayOfMonth } from 'date-fns';
import type { Cadence, PartOfYear } from '../../schemas/obligation';
import { WINDOW_DAYS } from '../obligations/schedule';
import { nodeWindowsStartingIn } from '../obligations/timeNodes';

export interface Slot {
  /** Stable within a duty and year: y, h1, q3, m7, s2, w12, o, p-年中 … (+ -2 for a second time). */
  key: string;
  label: string;
  /** First and last day (inclusive); null for undated slots. */
  start: string | null;
  end: string | null;
}

export const PERIOD_TABLE: readonly { name: string; days: string }[] = [
  { name: '全年', days: '1月1日—12月31日' },
  { name: '年初', days: '1月1日—3月31日' },
  { name: '年中', days: '6月1日—7月31日' },
  { name: '年终、年末', days: '12月1日—12月31日' },
  { name: '上半年 / 下半年', days: '1月1日—6月30日 / 7月1日—12月31日' },
  { name: '季度', days: '第一季度 1—3月，依次类推' },
  { name: '春季学期 / 秋季学期', days: '2月1日—7月31日 / 8月1日—次年1月31日' },
  { name: '周', days: '周一至周日' },
];

// formatISO rather than format(…, 'yyyy-MM-dd'): the same local date without format's pattern parser and locale.
const iso = (date: Date) => formatISO(date, { representation: 'date' });
const day = (year: number, month: number, date: number) => iso(new Date(year, month - 1, date));
const monthEnd = (year: number, month: number) => iso(lastDayOfMonth(new Date(year, month - 1, 1)));

const PARTS: Record<PartOfYear, [from: [number, number], to: [number, number]]> = {
  年初: [
    [1, 1],
    [3, 31],
  ],
  年中: [
    [6, 1],
    [7, 31],
  ],
  年终: [
    [12, 1],
    [12, 31],
  ],
  年末: [
    [12, 1],
    [12, 31],
  ],
};

/** The parts of the year a cadence may name (the schema's list, without loading the schema). */
export const PARTS_OF_YEAR = Object.keys(PARTS) as PartOfYear[];

/** A stated month narrowed to its window (3月中旬 → 11–20). */
function monthWindow(year: number, month: number, window: Cadence['window']): [string, string] {
  const last = lastDayOfMonth(new Date(year, month - 1, 1)).getDate();
  const [first, lastDay] = WINDOW_DAYS[window ?? '整月'](last);
  return [day(year, month, first), day(year, month, lastDay)];
}

/** `count` slots per base window ("第1次"… when more than one). */
function repeat(base: Slot[], count: number): Slot[] {
  if (count <= 1) return base;
  return base.flatMap((slot) =>
    Array.from({ length: count }, (_, i) => ({
      ...slot,
      key: i === 0 ? slot.key : `${slot.key}-${i + 1}`,
      label: `${slot.label}第${i + 1}次`,
    })),
  );
}

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

export function slotsFor(c: Cadence, year: number): Slot[] {
  // Named festivals and time nodes: the calendar's windows that begin this year (none in other years for 2022年冬奥会).
  if (c.period === 'event' && c.nodes)
    return nodeWindowsStartingIn(c.nodes, year).map(({ key, label, start, end }) => ({ key, label, start, end }));
  const count = c.count ?? 1;
  switch (c.period) {
    case 'year': {
      if (c.months && c.months.length === count) {
        return c.months.map((month) => {
          const [start, end] = monthWindow(year, month, c.window);
          return {
            key: `m${month}`,
            label: `${month}月${c.window && c.window !== '整月' ? c.window : ''}`,
            start,
            end,
          };
        });
      }
      if (c.months) {
        const [start] = monthWindow(year, Math.min(...c.months), c.window);
        const [, end] = monthWindow(year, Math.max(...c.months), c.window);
        return repeat([{ key: 'y', label: `${c.months.join('/')}月`, start, end }], count);
      }
      if (c.partsOfYear && c.partsOfYear.length === count) {
        return c.partsOfYear.map((part) => {
          const [[fm, fd], [tm, td]] = PARTS[part];
          return { key: `p-${part}`, label: part, start: day(year, fm, fd), end: day(year, tm, td) };
        });
      }
      if (c.partsOfYear) {
        const [[fm, fd]] = PARTS[c.partsOfYear[0] as PartOfYear];
        const [, [tm, td]] = PARTS[c.partsOfYear[c.partsOfYear.length - 1] as PartOfYear];
        return repeat(
          [{ key: 'y', label: c.partsOfYear.join('、'), start: day(year, fm, fd), end: day(year, tm, td) }],
          count,
        );
      }
      return repeat(
        [{ key: 'y', label: count > 1 ? '' : '全年', start: day(year, 1, 1), end: day(year, 12, 31) }],
        count,
      );
    }
    case 'half-year':
      return repeat(
        [1, 2].map((half) => {
          const month = c.months?.find((m) => (half === 1 ? m <= 6 : m > 6));
          const [start, end] = month
            ? monthWindow(year, month, c.window)
            : half === 1
              ? [day(year, 1, 1), day(year, 6, 30)]
              : [day(year, 7, 1), day(year, 12, 31)];
          return { key: `h${half}`, label: half === 1 ? '上半年' : '下半年', start, end };
        }),
        count,
      );
    case 'quarter':
      return repeat(
        [1, 2, 3, 4].map((quarter) => {
          const month = c.months?.find((m) => Math.ceil(m / 3) === quarter);
          const [start, end] = month
            ? monthWindow(year, month, c.window)
            : [day(year, quarter * 3 - 2, 1), monthEnd(year, quarter * 3)];
          return { key: `q${quarter}`, label: QUARTER_NAMES[quarter - 1] as string, start, end };
        }),
        count,
      );
    case 'month':
      return repeat(
        Array.from({ length: 12 }, (_, i) => {
          const [start, end] = monthWindow(year, i + 1, c.window === '月底前' ? '整月' : c.window);
          return { key: `m${i + 1}`, label: `${i + 1}月`, start, end };
        }),
        count,
      );
    case 'semester':
      return repeat(
        [
          { key: 's1', label: '春季学期', start: day(year, 2, 1), end: day(year, 7, 31) },
          { key: 's2', label: '秋季学期', start: day(year, 8, 1), end: day(year + 1, 1, 31) },
        ],
        count,
      );
    case 'week':
      return repeat(
        eachWeekOfInterval({ start: new Date(year, 0, 1), end: new Date(year, 11, 31) }, { weekStartsOn: 1 })
          .filter((monday) => monday.getFullYear() === year)
          .map((monday, i) => ({
            key: `w${i + 1}`,
            label: `第${i + 1}周（${monday.getMonth() + 1}月${monday.getDate()}日起）`,
            start: iso(monday),
            end: iso(addDays(monday, 6)),
          })),
        count,
      );
    case 'once':
      if (c.dates) {
        const { from, to } = c.dates;
        return [
          {
            key: 'o',
            label: `${from.month}月${from.day}日至${to.month}月${to.day}日`,
            start: day(year, from.month, from.day),
            end: day(year, to.month, to.day),
          },
        ];
      }
      return slotsFor({ ...c, period: 'year', count: 1 }, year).map((slot) => ({ ...slot, key: 'o' }));
    default:
      return [{ key: 'x', label: '本年度', start: null, end: null }];
  }
}
