/**
 * What a cadence means in plain words and on the calendar. The day ranges of
 * the month windows are the site's reading of the texts' terms:
 *
 *   上旬 1–10 · 中旬 11–20 · 下旬 21–月末 · 第一周 1–7 · 月底前 月末那天 · 整月 1–月末
 */
import type { Cadence, Window } from '../../schemas/obligation';
import { nodeWindows, nodeWindowsInYear, onceYears, onlyOnceNodes } from './timeNodes';

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
    case 'event': {
      const text = c.event ?? '按时间节点';
      return c.nodes && onlyOnceNodes(c.nodes) ? `${text}（仅${onceYears(c.nodes).join('、')}年）` : text;
    }
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

/** Where a duty sits on the year's calendar: in a month, or in one of the groups. */
export type CalendarGroup = '年初' | '年中' | '年终' | '全年' | '每学期' | '时间节点' | '随时' | '往年';
/** `day`: the first day of the month it is due on (1 when it runs on from the month before), for ordering. */
export type Placement = { month: number; day: number; when?: string } | { group: CalendarGroup; when?: string };

const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** "2月3日—16日", "2025年12月25日—1月1日" (the year only where it is not `year`). */
export function dayRange(start: string, end: string, year: number): string {
  const from = `${start.startsWith(`${year}-`) ? '' : `${start.slice(0, 4)}年`}${monthDay(start)}`;
  if (start === end) return from;
  const sameMonth = start.slice(0, 7) === end.slice(0, 7);
  const to = sameMonth ? `${Number(end.slice(8, 10))}日` : monthDay(end);
  return `${from}—${end.startsWith(`${year}-`) || sameMonth ? '' : `${end.slice(0, 4)}年`}${to}`;
}

/**
 * The months of `year` a duty falls due in, as the .ics has it: its stated months, every month for a
 * 每月 duty with a time of the month, each festival window in the months it touches (with its days).
 * The rest go to a group: 年初/年中/年终, 全年, 每学期, 时间节点 (not named), 随时, and 往年 for one-off
 * duties of a past year (nodes of one year, or phases whose year the text does not give).
 */
export function placeOnCalendar(c: Cadence, year: number): Placement[] {
  const firstDay = (month: number) => WINDOW_DAYS[c.window ?? '整月'](daysInMonth(year, month))[0];
  if (c.period === 'once') return [{ group: '往年', when: '原文没有写明年份的一次性工作' }];
  if (c.months) return c.months.map((month) => ({ month, day: firstDay(month) }));
  if (c.period === 'month' && c.window)
    return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, day: firstDay(i + 1) }));
  if (c.period === 'event' && c.nodes) {
    if (onlyOnceNodes(c.nodes))
      return [
        {
          group: '往年',
          when: onceYears(c.nodes)
            .flatMap((y) => nodeWindows(c.nodes ?? [], y))
            .map((w) => `${w.label}：${w.start.slice(0, 4)}年${dayRange(w.start, w.end, Number(w.start.slice(0, 4)))}`)
            .join('；'),
        },
      ];
    return nodeWindowsInYear(c.nodes, year).flatMap((w) => {
      const first = w.start < `${year}-01-01` ? 1 : Number(w.start.slice(5, 7));
      const last = w.end > `${year}-12-31` ? 12 : Number(w.end.slice(5, 7));
      const when = `${w.label}：${dayRange(w.start, w.end, year)}`;
      const startDay = w.start < `${year}-01-01` ? 1 : Number(w.start.slice(8, 10));
      return Array.from({ length: last - first + 1 }, (_, i) => ({
        month: first + i,
        day: i === 0 ? startDay : 1,
        when,
      }));
    });
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
  if (!c.months || c.period === 'once') return [];
  return c.months.map((month) => {
    const last = daysInMonth(year, month);
    const [firstDay, lastDay] = WINDOW_DAYS[c.window ?? '整月'](last);
    return { month, firstDay, lastDay };
  });
}
