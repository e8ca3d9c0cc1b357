/**
 * Where a slot stands on a given day (local calendar dates, YYYY-MM-DD):
 * done; overdue after its window; due soon within DUE_SOON_DAYS of the end
 * of its window; open inside it; not yet due before it; undated (随时);
 * not applicable (不适用, with a reason in the record), which never falls due.
 */
import { differenceInCalendarDays, formatISO } from 'date-fns';
import type { Slot } from './slots';

export const DUE_SOON_DAYS = 14;

export type SlotStatus = 'done' | 'overdue' | 'due-soon' | 'open' | 'not-yet' | 'undated' | 'not-applicable';
export type DutyStatus = SlotStatus | 'in-progress';

export const STATUS_LABELS: Record<DutyStatus, string> = {
  done: '已完成',
  'in-progress': '进行中',
  overdue: '已逾期',
  'due-soon': '即将到期',
  open: '办理期内',
  'not-yet': '未到期',
  undated: '随时',
  'not-applicable': '不适用',
};

/** Today as a local calendar date. */
export const localToday = (now: Date = new Date()) => formatISO(now, { representation: 'date' });

/** A YYYY-MM-DD date as a local Date (date-fns' parseISO does the same with far more work, per slot on every render). */
const localDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};

export function slotStatus(slot: Slot, done: string | null | undefined, today: string): SlotStatus {
  if (done) return 'done';
  if (!slot.start || !slot.end) return 'undated';
  if (today > slot.end) return 'overdue';
  const left = differenceInCalendarDays(localDate(slot.end), localDate(today));
  if (today >= slot.start && left <= DUE_SOON_DAYS) return 'due-soon';
  if (today >= slot.start) return 'open';
  return left <= DUE_SOON_DAYS ? 'due-soon' : 'not-yet';
}

/** One status for a duty from its slots': the most pressing, or done / in progress; 不适用 slots do not count. */
export function dutyStatus(all: readonly SlotStatus[]): DutyStatus {
  const statuses = all.filter((s) => s !== 'not-applicable');
  if (all.length > 0 && statuses.length === 0) return 'not-applicable';
  if (statuses.length > 0 && statuses.every((s) => s === 'done')) return 'done';
  for (const pressing of ['overdue', 'due-soon'] as const) if (statuses.includes(pressing)) return pressing;
  if (statuses.includes('done')) return 'in-progress';
  for (const next of ['open', 'not-yet', 'undated'] as const) if (statuses.includes(next)) return next;
  return 'undated';
}
