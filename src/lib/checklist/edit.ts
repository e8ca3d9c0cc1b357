/**
 * Changes to the record, as pure functions: ticks, 不适用, evidence references
 * and the unit's own duty list. Each returns a new record; nothing is deleted
 * that another part still refers to (a duty taken off the list keeps its
 * ticks and files, shown again if it comes back).
 */
import { forRoles, type ChecklistDuty } from './plan';
import {
  emptyYear,
  type Answer,
  type ChecklistRecord,
  type EvidenceRef,
  type ListEntry,
  type OwnDuty,
  type Selection,
  type YearRecord,
} from './record';

export function updateYear(
  record: ChecklistRecord,
  year: number,
  change: (y: YearRecord) => YearRecord,
): ChecklistRecord {
  const key = String(year);
  return { ...record, years: { ...record.years, [key]: change(record.years[key] ?? emptyYear()) } };
}

const without = <T>(map: Record<string, T>, key: string) => {
  const rest = { ...map };
  delete rest[key];
  return rest;
};

/** Records a completion date (null: not done) and a note for one occurrence. */
export const setTick = (record: ChecklistRecord, year: number, tickKey: string, done: string | null, note: string) =>
  updateYear(record, year, (y) => ({ ...y, ticks: { ...y.ticks, [tickKey]: { done, note } } }));

/** Changes the yearly answer (是/否/不确定) or note on one accountability circumstance. */
export const setAnswer = (record: ChecklistRecord, year: number, key: string, change: Partial<Answer>) =>
  updateYear(record, year, (y) => ({
    ...y,
    accountability: { ...y.accountability, [key]: { answer: null, note: '', ...y.accountability[key], ...change } },
  }));

/** Marks a whole duty (key = its id) or one occurrence (its tick key) 不适用 with a reason; null clears it. */
export const setNotApplicable = (record: ChecklistRecord, year: number, key: string, reason: string | null) =>
  updateYear(record, year, (y) => ({
    ...y,
    notApplicable: reason === null ? without(y.notApplicable, key) : { ...y.notApplicable, [key]: { reason } },
  }));

export const addEvidence = (record: ChecklistRecord, year: number, tickKey: string, refs: readonly EvidenceRef[]) =>
  updateYear(record, year, (y) => {
    const before = y.evidence[tickKey] ?? [];
    const added = refs.filter((ref) => !before.some((other) => other.sha256 === ref.sha256));
    return { ...y, evidence: { ...y.evidence, [tickKey]: [...before, ...added] } };
  });

export const removeEvidence = (record: ChecklistRecord, year: number, tickKey: string, sha256: string) =>
  updateYear(record, year, (y) => {
    const left = (y.evidence[tickKey] ?? []).filter((ref) => ref.sha256 !== sha256);
    return { ...y, evidence: left.length ? { ...y.evidence, [tickKey]: left } : without(y.evidence, tickKey) };
  });

/** The list as entries: the record's own, or every duty of the chosen documents (`all` of resolveList). */
export const listEntries = (record: ChecklistRecord, all: readonly ChecklistDuty[]): ListEntry[] =>
  record.list ?? all.map((d) => ({ kind: 'published', id: d.id, document: d.document ?? '' }) satisfies ListEntry);

/** The documents a list draws on, in the order they first appear. */
const documentsOf = (list: readonly ListEntry[]) => [
  ...new Set(list.flatMap((e) => (e.kind === 'published' ? [e.document] : []))),
];

/** The record with this list as its own; the chosen documents follow the list. */
export function withList(record: ChecklistRecord, list: ListEntry[], roles?: readonly string[]): ChecklistRecord {
  const selection: Selection = { documents: documentsOf(list), roles: [...(roles ?? record.selection?.roles ?? [])] };
  return { ...record, list, selection };
}

/** Adds duties at the end of the list (those already on it stay where they are). */
export function addToList(record: ChecklistRecord, all: readonly ChecklistDuty[], added: readonly ListEntry[]) {
  const list = listEntries(record, all);
  const fresh = added.filter((entry, i) => !list.some((e) => e.id === entry.id) && added.indexOf(entry) === i);
  return withList(record, [...list, ...fresh]);
}

export const removeFromList = (record: ChecklistRecord, all: readonly ChecklistDuty[], ids: readonly string[]) =>
  withList(
    record,
    listEntries(record, all).filter((e) => !ids.includes(e.id)),
  );

/** Moves a duty `by` places up (negative) or down in the list. */
export function moveInList(record: ChecklistRecord, all: readonly ChecklistDuty[], id: string, by: number) {
  const list = [...listEntries(record, all)];
  const from = list.findIndex((e) => e.id === id);
  const to = Math.max(0, Math.min(list.length - 1, from + by));
  if (from < 0 || from === to) return record;
  const [entry] = list.splice(from, 1);
  list.splice(to, 0, entry as ListEntry);
  return withList(record, list);
}

/** Adds an own duty, or replaces the one with its id in place. */
export function saveOwnDuty(record: ChecklistRecord, all: readonly ChecklistDuty[], duty: OwnDuty) {
  const list = listEntries(record, all);
  const at = list.findIndex((e) => e.id === duty.id);
  return withList(record, at < 0 ? [...list, duty] : list.map((e, i) => (i === at ? duty : e)));
}

/** Published duties of a document as list entries, those for the chosen roles (all when none chosen). */
export const entriesOf = (duties: readonly ChecklistDuty[], roles: readonly string[]): ListEntry[] =>
  duties
    .filter((d) => d.source === 'published' && forRoles(d, roles))
    .map((d) => ({ kind: 'published', id: d.id, document: d.document ?? '' }));

/** A fresh id for an own duty (U- and 8 letters or digits): kept when the list is handed on. */
export function ownDutyId(random: () => number = Math.random, taken: readonly string[] = []): string {
  for (;;) {
    let id = 'U-';
    for (let i = 0; i < 8; i += 1) id += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)];
    if (!taken.includes(id)) return id;
  }
}
