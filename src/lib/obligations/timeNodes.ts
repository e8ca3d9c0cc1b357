/**
 * The named times of the year that duties are tied to (春节前, 国庆期间, 临近开学季 …) and the days they
 * mean in a given year. The same windows serve the calendar page, the .ics files and the self-check.
 * The days of each node are the site's reading, shown on /calendar/ (NODE_TABLE, RELATION_TABLE):
 *
 *   元旦 1月1日 · 春节 除夕至正月初六 · 两会 3月3日—15日 · 清明 节气当天 · 五一 5月1日—5日 · 五四 5月4日
 *   端午 五月初五 · 七一 7月1日 · 建军节 8月1日 · 中秋 八月十五 · 国庆 10月1日—7日
 *   开学 春季按元宵节（正月十五）、秋季9月1日 · 冬奥会、党的二十大 只在2022年
 *
 * and around a node: X前 the 14 days before it, X期间 its own days, X初 its first 14 days, X alone
 * (前后) from 7 days before it to its last day. Lunar dates come from lunarDates.ts.
 */
import { parseNodePhrase, type Relation, type TimeNode } from '../../schemas/timeNode';
import { FIRST_LUNAR_YEAR, LUNAR_ROWS } from './lunarDates';

/** A day as year, month (1–12), day; arithmetic in UTC so no time zone can shift it. */
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

type LunarColumn = 0 | 1 | 2 | 3; // 春节, 清明, 端午, 中秋
function lunarDay(year: number, column: LunarColumn): Date | undefined {
  const mmdd = LUNAR_ROWS[year - FIRST_LUNAR_YEAR]?.split(' ')[column];
  return mmdd ? utc(year, Number(mmdd.slice(0, 2)), Number(mmdd.slice(2))) : undefined;
}

/** How an instance repeats: same day every year, a lunar or solar-term date, or one year only. */
export type Recurrence = 'yearly' | 'lunar' | 'once';

interface Instance {
  key: string;
  name: string;
  recurrence: Recurrence;
  /** The one year a 'once' node happens in. */
  onlyYear?: number;
  /** First and last day of the node itself in `year`, or undefined when it has none that year. */
  days(year: number): [Date, Date] | undefined;
}

const fixed = (key: string, name: string, from: [number, number], to = from): Instance => ({
  key,
  name,
  recurrence: 'yearly',
  days: (year) => [utc(year, ...from), utc(year, ...to)],
});
/** A lunar or solar-term date, moved by `offset` days (元宵 = 春节 + 14), spanning `length` days. */
const lunar = (key: string, name: string, column: LunarColumn, offset = 0, length = 1): Instance => ({
  key,
  name,
  recurrence: 'lunar',
  days(year) {
    const day = lunarDay(year, column);
    return day && [addDays(day, offset), addDays(day, offset + length - 1)];
  },
});
const oneYear = (key: string, name: string, year: number, from: [number, number], to: [number, number]): Instance => ({
  key,
  name,
  recurrence: 'once',
  onlyYear: year,
  days: (y) => (y === year ? [utc(year, ...from), utc(year, ...to)] : undefined),
});

/** Each node the texts name, with the days it covers (the readings above). */
export const TIME_NODES = {
  元旦: { days: '1月1日', instances: [fixed('yuandan', '元旦', [1, 1])] },
  春节: { days: '除夕至正月初六', instances: [lunar('chunjie', '春节', 0, -1, 8)] },
  两会: { days: '3月3日—15日（全国两会会期历年在此间）', instances: [fixed('lianghui', '两会', [3, 3], [3, 15])] },
  清明: { days: '清明节气当天', instances: [lunar('qingming', '清明', 1)] },
  五一: { days: '5月1日—5日', instances: [fixed('wuyi', '五一', [5, 1], [5, 5])] },
  五四: { days: '5月4日', instances: [fixed('wusi', '五四', [5, 4])] },
  端午: { days: '农历五月初五', instances: [lunar('duanwu', '端午', 2)] },
  七一: { days: '7月1日', instances: [fixed('qiyi', '七一', [7, 1])] },
  建军节: { days: '8月1日', instances: [fixed('jianjun', '建军节', [8, 1])] },
  中秋: { days: '农历八月十五', instances: [lunar('zhongqiu', '中秋', 3)] },
  国庆: { days: '10月1日—7日', instances: [fixed('guoqing', '国庆', [10, 1], [10, 7])] },
  开学: {
    days: '春季按元宵节（正月十五，各地春季开学多在其前后），秋季9月1日',
    instances: [lunar('kaixue-spring', '春季开学', 0, 14), fixed('kaixue-autumn', '秋季开学', [9, 1])],
  },
  冬奥会: { days: '2022年2月4日—20日', instances: [oneYear('dongaohui', '冬奥会', 2022, [2, 4], [2, 20])] },
  二十大: { days: '2022年10月16日—22日', instances: [oneYear('ershida', '党的二十大', 2022, [10, 16], [10, 22])] },
} satisfies Record<TimeNode, { days: string; instances: Instance[] }>;

/** Where a duty falls relative to a node: 春节前, 国庆期间, 开学初, or 元旦 alone for 前后. */
const RELATIONS = {
  前: {
    key: 'before',
    words: '前',
    days: '节点前14天',
    window: (from: Date) => [addDays(from, -14), addDays(from, -1)],
  },
  期间: { key: 'during', words: '期间', days: '节点当天或会期、假期', window: (from: Date, to: Date) => [from, to] },
  初: { key: 'start', words: '初', days: '节点起14天', window: (from: Date) => [from, addDays(from, 13)] },
  '': {
    key: 'around',
    words: '前后',
    days: '节点前7天至节点结束',
    window: (from: Date, to: Date) => [addDays(from, -7), to],
  },
} satisfies Record<Relation, { key: string; words: string; days: string; window: (from: Date, to: Date) => Date[] }>;

export const NODE_TABLE = Object.entries(TIME_NODES).map(([name, node]) => ({ name, days: node.days }));
export const RELATION_TABLE = (['前', '期间', '初', ''] as const).map((r) => ({
  example: r ? `春节${r}` : '只写“春节”（前后）',
  days: RELATIONS[r].days,
}));

export interface NodeWindow {
  /** Stable per duty: n-<node>-<relation>, e.g. n-chunjie-before. */
  key: string;
  /** 春节前, 秋季开学初, 元旦前后 … */
  label: string;
  /** First and last day, inclusive, as YYYY-MM-DD. */
  start: string;
  end: string;
  /** The year of the node itself (a window may begin in the year before: 元旦前). */
  year: number;
  recurrence: Recurrence;
}

/** The windows of the given nodes in the node year `year`, in the order the phrases list them. */
export function nodeWindows(phrases: readonly string[], year: number): NodeWindow[] {
  const windows: NodeWindow[] = [];
  for (const phrase of phrases) {
    const parsed = parseNodePhrase(phrase);
    if (!parsed) continue;
    const relation = RELATIONS[parsed.relation];
    for (const instance of TIME_NODES[parsed.node].instances as readonly Instance[]) {
      const days = instance.days(year);
      if (!days) continue;
      const [start, end] = relation.window(...days) as [Date, Date];
      windows.push({
        key: `n-${instance.key}-${relation.key}`,
        label: `${instance.name}${relation.words}`,
        start: isoDay(start),
        end: isoDay(end),
        year,
        recurrence: instance.recurrence,
      });
    }
  }
  return windows;
}

// ISO dates sort as plain strings (no localeCompare: its collator is slow to build in a browser).
const byStart = (a: NodeWindow, b: NodeWindow) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

/** Windows that touch calendar year `year`, whichever node year they belong to (元旦前 falls in December). */
export function nodeWindowsInYear(phrases: readonly string[], year: number): NodeWindow[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return [year - 1, year, year + 1]
    .flatMap((y) => nodeWindows(phrases, y))
    .filter((w) => w.end >= first && w.start <= last)
    .sort(byStart);
}

/**
 * The windows of `year` for a yearly plan: those that begin in it, as a 秋季学期 does (元旦前后 from
 * 25 December runs into the next year; 元旦前 of next year's 元旦 is this December's).
 */
export function nodeWindowsStartingIn(phrases: readonly string[], year: number): NodeWindow[] {
  return [year, year + 1]
    .flatMap((y) => nodeWindows(phrases, y))
    .filter((w) => w.start.startsWith(`${year}-`))
    .sort(byStart);
}

const instancesOf = (phrases: readonly string[]): readonly Instance[] =>
  phrases.flatMap((p) => {
    const parsed = parseNodePhrase(p);
    return parsed ? (TIME_NODES[parsed.node].instances as readonly Instance[]) : [];
  });

/** The years of the nodes that happen in one year only (冬奥会 2022). */
export function onceYears(phrases: readonly string[]): number[] {
  const years = instancesOf(phrases).flatMap((i) => (i.onlyYear === undefined ? [] : [i.onlyYear]));
  return [...new Set(years)].sort((a, b) => a - b);
}

/** True when every node is an event of one past or given year: the duty belongs to that year alone. */
export const onlyOnceNodes = (phrases: readonly string[]): boolean => {
  const instances = instancesOf(phrases);
  return instances.length > 0 && instances.every((i) => i.onlyYear !== undefined);
};
