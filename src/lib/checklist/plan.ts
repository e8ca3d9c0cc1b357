/**
 * The self-check for one year: the duties of the chosen documents and roles,
 * each with its slots, what the record says of them and where they stand on
 * a given day; grouped by when they fall due, with progress and "next due".
 */
import type { Cadence } from '../../schemas/obligation';
import type { Selection, YearRecord } from './record';
import { slotsFor, type Slot } from './slots';
import { dutyStatus, slotStatus, type DutyStatus, type SlotStatus } from './status';

export interface ChecklistDuty {
  id: string;
  document: string;
  docTitle: string;
  locator: string;
  /** Site path of the clause (docs/<slug>/#<id>). */
  path: string;
  duty: string;
  cadence: Cadence;
  cadenceText: string;
  roles: string[];
  printedRole: string;
}

export interface PlannedSlot extends Slot {
  /** Key of the tick in the year record: `<duty id>/<slot key>`. */
  tickKey: string;
  done: string | null;
  note: string;
  status: SlotStatus;
}

export interface PlannedDuty {
  duty: ChecklistDuty;
  slots: PlannedSlot[];
  status: DutyStatus;
  done: number;
}

export const GROUPS = [
  '年初',
  ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
  '年中',
  '年终',
  '全年',
  '每学期',
  '时间节点',
  '随时',
] as const;
export type Group = (typeof GROUPS)[number];

/** Duties of one month go under that month; the rest by kind (multi-month duties under 全年). */
export function groupOf(c: Cadence): Group {
  const months = c.months ?? (c.dates ? [c.dates.from.month] : undefined);
  if (months?.length === 1) return `${months[0]}月` as Group;
  if (c.partsOfYear?.length === 1) return c.partsOfYear[0] === '年末' ? '年终' : (c.partsOfYear[0] ?? '全年');
  if (c.period === 'semester') return '每学期';
  if (c.period === 'event') return '时间节点';
  if (c.period === 'ongoing' || c.period === 'triggered') return '随时';
  return '全年';
}

export function selectDuties(duties: readonly ChecklistDuty[], selection: Pick<Selection, 'documents' | 'roles'>) {
  return duties.filter(
    (d) =>
      selection.documents.includes(d.document) &&
      (selection.roles.length === 0 || d.roles.some((role) => selection.roles.includes(role))),
  );
}

export function planDuty(duty: ChecklistDuty, year: number, record: YearRecord, today: string): PlannedDuty {
  const slots = slotsFor(duty.cadence, year).map((slot: Slot): PlannedSlot => {
    const tickKey = `${duty.id}/${slot.key}`;
    const tick = record.ticks[tickKey];
    return {
      ...slot,
      tickKey,
      done: tick?.done ?? null,
      note: tick?.note ?? '',
      status: slotStatus(slot, tick?.done, today),
    };
  });
  return {
    duty,
    slots,
    status: dutyStatus(slots.map((s) => s.status)),
    done: slots.filter((s) => s.status === 'done').length,
  };
}

export interface Progress {
  done: number;
  total: number;
}

export interface YearPlan {
  groups: { group: Group; duties: PlannedDuty[] }[];
  overall: Progress;
  byRole: { role: string; progress: Progress }[];
  /** Open slots by how soon they fall due: overdue first, then due soon, then the next ones. */
  nextDue: { duty: ChecklistDuty; slot: PlannedSlot }[];
}

export function planYear(
  duties: readonly ChecklistDuty[],
  year: number,
  record: YearRecord,
  today: string,
  nextDueCount = 5,
): YearPlan {
  const planned = duties.map((d) => planDuty(d, year, record, today));
  const progress = (list: PlannedDuty[]): Progress => ({
    done: list.reduce((n, p) => n + p.done, 0),
    total: list.reduce((n, p) => n + p.slots.length, 0),
  });
  const roles = [...new Set(duties.flatMap((d) => d.roles))];
  const open = planned
    .flatMap((p) => p.slots.filter((s) => s.status !== 'done' && s.end).map((slot) => ({ duty: p.duty, slot })))
    // ISO dates sort as plain strings; localeCompare would first build a collator, 20–100 ms in a browser.
    .sort((a, b) => ((a.slot.end ?? '') < (b.slot.end ?? '') ? -1 : (a.slot.end ?? '') > (b.slot.end ?? '') ? 1 : 0));
  return {
    groups: GROUPS.map((group) => ({ group, duties: planned.filter((p) => groupOf(p.duty.cadence) === group) })).filter(
      (g) => g.duties.length > 0,
    ),
    overall: progress(planned),
    byRole: roles.map((role) => ({ role, progress: progress(planned.filter((p) => p.duty.roles.includes(role))) })),
    nextDue: open.slice(0, nextDueCount),
  };
}
