/**
 * What a cadence means in plain words and on the calendar. The day ranges of
 * the month windows are the site's reading of the texts' terms:
 *
 *   上旬 1–10 · 中旬 11–20 · 下旬 21–月末 · 第一周 1–7 · 月底前 月末那天 · 整月 1–月末
 */
import type { Cadence, Window } from '../../schemas/obligation';

export const WINDOW_DAYS: Record<Window, (lastDay: number) => [first: number, last: number]> = {
  上旬: () => [1, 10],
  中旬: () => [11, 20],
  下旬: (last) => [21, last],
  第一周: () => [1, 7],
  月底前: (last) => [last, last],
  整月: (last) => [1, last],
};

/** Days in a month of a given year (month 1–12). */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Periodic cadences in plain words (每年, 每季度 …). */
export const PERIOD_WORDS = {
  year: '每年',
  'half-year': '每半年',
  quarter: '每季度',
  month: '每月',
  semester: '每学期',
  week: '每周',
} as const;

function countWords(c: Cadence): string {
  if (c.count === undefined) return '';
  if (c.maxCount !== undefined && c.maxCount > c.count) return `${c.count}—${c.maxCount}次`;
  return c.count > 1 ? `至少${c.count}次` : '1次';
}

function whenWords(c: Cadence): string {
  if (c.months) return `${c.months.join('/')}月${c.window && c.window !== '整月' ? c.window : ''}`;
  if (c.window) return c.window;
  if (c.partsOfYear) return c.partsOfYear.join('、');
  return '';
}

/** "每年至少2次", "每季度1次（3/6/9/12月中旬）", "4月25日至5月10日", "遇事随时". */
export function describeCadence(c: Cadence): string {
  switch (c.period) {
    case 'once': {
      if (c.dates) {
        const { from, to } = c.dates;
        return `${from.month}月${from.day}日至${to.month}月${to.day}日`;
      }
      return `${whenWords(c)}（一次）`;
    }
    case 'event':
      return c.event ?? '按时间节点';
    case 'ongoing':
      return '定期（未规定周期）';
    case 'triggered':
      return '遇事随时';
    default: {
      const when = whenWords(c);
      return `${PERIOD_WORDS[c.period]}${countWords(c)}${when ? `（${when}）` : ''}`;
    }
  }
}

/** Where a duty sits on the year's calendar: in months, or in one of the groups. */
export type CalendarGroup = '年初' | '年中' | '年终' | '全年' | '每学期' | '时间节点' | '随时';
export type Placement = { months: number[] } | { group: CalendarGroup };

export function placeOnCalendar(c: Cadence): Placement[] {
  if (c.months) return [{ months: c.months }];
  if (c.dates) {
    const months: number[] = [];
    for (let m = c.dates.from.month; m <= c.dates.to.month; m += 1) months.push(m);
    return [{ months }];
  }
  if (c.partsOfYear) {
    const groups = new Set(c.partsOfYear.map((part): CalendarGroup => (part === '年末' ? '年终' : part)));
    return [...groups].map((group) => ({ group }));
  }
  switch (c.period) {
    case 'semester':
      return [{ group: '每学期' }];
    case 'event':
      return [{ group: '时间节点' }];
    case 'ongoing':
    case 'triggered':
      return [{ group: '随时' }];
    default:
      return [{ group: '全年' }];
  }
}

/** An all-day span in one month (days inclusive). */
export interface MonthSpan {
  month: number;
  firstDay: number;
  lastDay: number;
}

/** The days each scheduled month of a cadence covers in `year`, when the text gives months. */
export function monthSpans(c: Cadence, year: number): MonthSpan[] {
  if (!c.months || c.dates) return [];
  return c.months.map((month) => {
    const last = daysInMonth(year, month);
    const [firstDay, lastDay] = WINDOW_DAYS[c.window ?? '整月'](last);
    return { month, firstDay, lastDay };
  });
}
