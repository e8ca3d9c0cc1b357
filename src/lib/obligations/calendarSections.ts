/**
 * The calendar page's sections: 年初, 1月 … 6月, 年中, 7月 … 12月, 年终, then the groups without a month
 * (全年, 每学期, 时间节点, 随时, 往年), each with the duties placed in it (placeOnCalendar).
 */
import type { Cadence } from '../../schemas/obligation';
import { placeOnCalendar, type CalendarGroup, type Placement } from './schedule';

interface SectionSpec {
  id: string;
  title: string;
  holds: (p: Placement) => boolean;
}

const month = (m: number): SectionSpec => ({
  id: `m${m}`,
  title: `${m}月`,
  holds: (p) => 'month' in p && p.month === m,
});
const group = (id: string, title: CalendarGroup): SectionSpec => ({
  id,
  title,
  holds: (p) => 'group' in p && p.group === title,
});
const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => month(from + i));

const SECTIONS: readonly SectionSpec[] = [
  group('start', '年初'),
  ...months(1, 6),
  group('mid', '年中'),
  ...months(7, 12),
  group('end', '年终'),
  group('year', '全年'),
  group('semester', '每学期'),
  group('events', '时间节点'),
  group('anytime', '随时'),
  group('past', '往年'),
];

/** Where a duty is listed: the section, the first day it falls due there (for order) and when, where it says. */
export interface CalendarEntry {
  section: string;
  day: number;
  when?: string;
}

/** The entries a duty makes on the calendar of `year`: one in each section it falls in. */
export function calendarEntries(c: Cadence, year: number): CalendarEntry[] {
  const placements = placeOnCalendar(c, year);
  return SECTIONS.flatMap(({ id, holds }) => {
    const here = placements.filter(holds);
    if (here.length === 0) return [];
    const texts = here.flatMap((p) => (p.when ? [p.when] : []));
    const day = Math.min(...here.map((p) => ('day' in p ? p.day : 0)));
    return [texts.length > 0 ? { section: id, day, when: texts.join('；') } : { section: id, day }];
  });
}

export interface CalendarSection<T> {
  id: string;
  title: string;
  /** In the order they fall due within a month; in the order given otherwise. */
  duties: T[];
  /** When each duty falls due here, by duty id, where the placement says (春节前：2月3日—16日). */
  when: Record<string, string>;
}

/** Every section, in the year's order, with the duties listed in it (none for an empty one). */
export function calendarSections<T extends { id: string; cadence: Cadence }>(
  duties: readonly T[],
  year: number,
): CalendarSection<T>[] {
  const placed = duties.map((duty) => ({ duty, entries: calendarEntries(duty.cadence, year) }));
  return SECTIONS.map(({ id, title }) => {
    const here = placed.flatMap(({ duty, entries }) =>
      entries.filter((e) => e.section === id).map((entry) => ({ duty, entry })),
    );
    const when = Object.fromEntries(here.flatMap(({ duty, entry }) => (entry.when ? [[duty.id, entry.when]] : [])));
    const sorted = here.sort((a, b) => a.entry.day - b.entry.day).map(({ duty }) => duty);
    return { id, title, duties: sorted, when };
  });
}
