/**
 * How the 汇总 words what it shows (on the page and in the workbook): the four states, the share done,
 * where a duty comes from. Kept apart from the aggregation so the page can show its controls without
 * loading the ledger code, which comes with the first file opened.
 */
import type { DutySnapshot, OccurrenceState } from '../checklist/ledger';

export const STATES: readonly OccurrenceState[] = ['done', 'overdue', 'open', 'not-applicable'];
export const STATE_LABELS: Record<OccurrenceState, string> = {
  done: '已完成',
  overdue: '已逾期',
  open: '未完成',
  'not-applicable': '不适用',
};

export type Counts = Record<OccurrenceState, number> & { total: number };

export const emptyCounts = (): Counts => ({ done: 0, overdue: 0, open: 0, 'not-applicable': 0, total: 0 });

/** Share of the occurrences that apply which are done, as a whole percentage ('—' when none applies). */
export function doneShare(counts: Counts): string {
  const applying = counts.total - counts['not-applicable'];
  return applying === 0 ? '—' : `${Math.round((counts.done / applying) * 100)}%`;
}

/** Where a duty comes from: 《document》locator, or the unit's own rule. */
export function dutySource(duty: DutySnapshot): string {
  if (duty.document) return `《${duty.document.title}》${duty.locator ?? ''}`;
  return duty.citation ? `本单位：${duty.citation}` : '本单位自定';
}

const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** An occurrence's window in words: 3月11日—3月20日, 8月1日—次年1月31日, or 不定期 without one. */
export function windowText(start: string | null, end: string | null): string {
  if (!start || !end) return '不定期';
  return `${monthDay(start)}—${end.slice(0, 4) !== start.slice(0, 4) ? '次年' : ''}${monthDay(end)}`;
}
