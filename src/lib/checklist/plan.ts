/**
 * The self-check for one year: the duties of the unit's list (its own list, or
 * every duty of the chosen documents) for the chosen roles, each with its
 * slots, what the record says of them and where they stand on a given day;
 * grouped by when they fall due, with progress and what to do next.
 */
import type { Cadence } from '../../schemas/obligation';
import { describeCadence } from '../obligations/schedule';
import type { ListEntry, OwnDuty, YearRecord } from './record';
import { slotsFor, type Slot } from './slots';
import { DUE_SOON_DAYS, dutyStatus, slotStatus, type DutyStatus, type SlotStatus } from './status';

export interface ChecklistDuty {
  /** Obligation id (D01-18) or own duty id (U-…): ticks are keyed `<id>/<occurrence>`. */
  id: string;
  source: 'published' | 'own';
  /** Published duties: the document's slug and title, the printed locator, the clause's site path. */
  document: string | null;
  docTitle: string | null;
  locator: string | null;
  path: string | null;
  duty: string;
  cadence: Cadence;
  cadenceText: string;
  roles: string[];
  printedRole: string | null;
  /** Own duties: the unit's own rule it rests on. */
  citation: string | null;
}

export interface PlannedSlot extends Slot {
  /** Key of the tick in the year record: `<duty id>/<slot key>`. */
  tickKey: string;
  done: string | null;
  note: string;
  /** Why it does not apply (the duty's or this occurrence's 不适用), or null. */
  reason: string | null;
  /** Where that reason is recorded: the duty's id (the whole duty) or this tick key. */
  reasonKey: string | null;
  /** Evidence files attached to it. */
  evidence: number;
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

/** An own duty of the record as a duty of the list. */
export function ownDuty(entry: OwnDuty): ChecklistDuty {
  return {
    id: entry.id,
    source: 'own',
    document: null,
    docTitle: null,
    locator: null,
    path: null,
    duty: entry.text,
    cadence: entry.cadence as Cadence,
    cadenceText: describeCadence(entry.cadence as Cadence),
    roles: entry.roles,
    printedRole: null,
    citation: entry.citation ?? null,
  };
}

/** A duty is listed for the chosen roles when it has one of them (all when none is chosen, or it names none). */
export const forRoles = (duty: Pick<ChecklistDuty, 'roles'>, roles: readonly string[]) =>
  roles.length === 0 || duty.roles.length === 0 || duty.roles.some((role) => roles.includes(role));

export interface ResolvedList {
  /** Every duty on the list, whatever its roles. */
  all: ChecklistDuty[];
  /** Those for the chosen roles: what the page lists. */
  duties: ChecklistDuty[];
  /** Published entries whose duty the loaded data does not have (a retired duty, or its document not loaded). */
  unresolved: ListEntry[];
}

/**
 * The duties on the list, in its order, for the chosen roles: the record's own
 * list, or (without one) every duty of the chosen documents in their order.
 * `published` holds the loaded duty data by document.
 */
export function resolveList(
  list: readonly ListEntry[] | null,
  documents: readonly string[],
  roles: readonly string[],
  published: ReadonlyMap<string, readonly ChecklistDuty[]>,
): ResolvedList {
  const duties: ChecklistDuty[] = [];
  const unresolved: ListEntry[] = [];
  if (list === null) {
    for (const document of documents) duties.push(...(published.get(document) ?? []));
  } else {
    for (const entry of list) {
      if (entry.kind === 'own') {
        duties.push(ownDuty(entry));
        continue;
      }
      const found = published.get(entry.document)?.find((d) => d.id === entry.id);
      if (found) duties.push(found);
      else unresolved.push(entry);
    }
  }
  return { all: duties, duties: duties.filter((d) => forRoles(d, roles)), unresolved };
}

/** The occurrences of a duty in `year` with their ticks, 不适用 and status on `today`. */
export function planSlots(
  id: string,
  cadence: Cadence,
  year: number,
  record: YearRecord,
  today: string,
): PlannedSlot[] {
  const wholeDuty = record.notApplicable[id]?.reason ?? null;
  return slotsFor(cadence, year).map((slot: Slot): PlannedSlot => {
    const tickKey = `${id}/${slot.key}`;
    const tick = record.ticks[tickKey];
    const done = tick?.done ?? null;
    const own = record.notApplicable[tickKey]?.reason ?? null;
    const reason = wholeDuty ?? own;
    return {
      ...slot,
      tickKey,
      done,
      note: tick?.note ?? '',
      reason,
      reasonKey: wholeDuty ? id : own ? tickKey : null,
      evidence: record.evidence[tickKey]?.length ?? 0,
      status: !done && reason ? 'not-applicable' : slotStatus(slot, done, today),
    };
  });
}

export function planDuty(duty: ChecklistDuty, year: number, record: YearRecord, today: string): PlannedDuty {
  const slots = planSlots(duty.id, duty.cadence, year, record, today);
  return {
    duty,
    slots,
    status: dutyStatus(slots.map((s) => s.status)),
    done: slots.filter((s) => s.status === 'done').length,
  };
}

export interface Progress {
  done: number;
  /** Occurrences that apply (不适用 ones are left out). */
  total: number;
}

export interface DueSlot {
  duty: ChecklistDuty;
  slot: PlannedSlot;
}

export interface YearPlan {
  groups: { group: Group; duties: PlannedDuty[] }[];
  overall: Progress;
  /** Progress of each chosen role (none when no role is chosen). */
  byRole: { role: string; progress: Progress }[];
  /** Open now or opening within DUE_SOON_DAYS, by urgency: the nearest end first. */
  nextDue: DueSlot[];
  /** Past their window, the most recent first. */
  overdue: DueSlot[];
  /** Not done and due by the end of today's month (overdue ones aside): the reminder's 本月应办. */
  dueThisMonth: number;
}

// ISO dates sort as plain strings; localeCompare would first build a collator, 20–100 ms in a browser.
const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const addDaysIso = (iso: string, days: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** Open dated slots by urgency, as the plan lists them. */
export function urgency(planned: readonly PlannedDuty[], today: string) {
  type Open = DueSlot & { start: string; end: string };
  const open: Open[] = planned.flatMap((p) =>
    p.slots
      .filter((s) => s.start && s.end && s.status !== 'done' && s.status !== 'not-applicable')
      .map((slot) => ({ duty: p.duty, slot, start: slot.start as string, end: slot.end as string })),
  );
  const soon = addDaysIso(today, DUE_SOON_DAYS);
  const monthEnd = `${today.slice(0, 8)}31`;
  return {
    now: open.filter((s) => s.start <= today && s.end >= today).sort((a, b) => byDate(a.end, b.end)),
    soon: open.filter((s) => s.start > today && s.start <= soon).sort((a, b) => byDate(a.start, b.start)),
    overdue: open.filter((s) => s.end < today).sort((a, b) => byDate(b.end, a.end)),
    dueThisMonth: open.filter((s) => s.end >= today && s.end <= monthEnd).length,
  };
}

export function planYear(
  duties: readonly ChecklistDuty[],
  year: number,
  record: YearRecord,
  today: string,
  roles: readonly string[] = [],
  listed = 6,
): YearPlan {
  const planned = duties.map((d) => planDuty(d, year, record, today));
  const progress = (list: PlannedDuty[]): Progress => ({
    done: list.reduce((n, p) => n + p.done, 0),
    total: list.reduce((n, p) => n + p.slots.filter((s) => s.status !== 'not-applicable').length, 0),
  });
  const due = urgency(planned, today);
  return {
    groups: GROUPS.map((group) => ({ group, duties: planned.filter((p) => groupOf(p.duty.cadence) === group) })).filter(
      (g) => g.duties.length > 0,
    ),
    overall: progress(planned),
    byRole: roles.map((role) => ({ role, progress: progress(planned.filter((p) => p.duty.roles.includes(role))) })),
    nextDue: [...due.now, ...due.soon]
      .sort((a, b) => byDate(a.end, b.end) || byDate(a.start, b.start))
      .slice(0, listed),
    overdue: due.overdue,
    dueThisMonth: due.dueThisMonth,
  };
}
