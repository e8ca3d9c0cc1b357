/**
 * Completion dates of an occurrence: a tick records today only when today is
 * in the occurrence's window (for an undated one, in its year); otherwise the
 * page asks for the date. A date may be any day of the year on show, or of
 * the window where it runs into the next year (秋季学期 ends on 31 January); a
 * date outside the window is kept but pointed out.
 */
import type { Slot } from './slots';

type Window = Pick<Slot, 'start' | 'end'>;

/** The first and last date the field accepts. */
export function dateBounds(year: number, slot: Window): { min: string; max: string } {
  const yearEnd = `${year}-12-31`;
  return { min: `${year}-01-01`, max: slot.end && slot.end > yearEnd ? slot.end : yearEnd };
}

/** The date a tick records: today inside the window, otherwise null (ask). */
export function tickDate(today: string, year: number, slot: Window): string | null {
  if (slot.start && slot.end) return today >= slot.start && today <= slot.end ? today : null;
  return today.startsWith(`${year}-`) ? today : null;
}

/** True when a dated occurrence was done before its window opened or after it closed. */
export const outsideWindow = (date: string, slot: Window) =>
  !!slot.start && !!slot.end && (date < slot.start || date > slot.end);
