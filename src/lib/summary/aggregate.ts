/**
 * The 汇总 of several units' ledgers for one year: every unit × duty × occurrence as the ledger reads
 * it (ledgerOccurrences in src/lib/checklist/ledger.ts, never a second calculation), filtered by state,
 * role and unit, with counts per unit and per duty. Files of the same unit are reported, never merged:
 * each stays a unit of its own, named with its file.
 */
import {
  ledgerOccurrences,
  type DutySnapshot,
  type LedgerExport,
  type OccurrenceRow,
  type OccurrenceState,
} from '../checklist/ledger';
import { forRoles } from '../checklist/plan';
import { STATUS_LABELS } from '../checklist/status';
import type { OpenedLedger } from './open';
import { emptyCounts, STATES, type Counts } from './present';

export interface SummaryUnit {
  /** Position among the opened files: units are told apart by it. */
  index: number;
  /** The unit's name as its ledger gives it ('' when it gives none). */
  name: string;
  /** The name shown: with the file when another file has the same name, or when there is none. */
  label: string;
  file: string;
  exportedAt: string;
}

export interface SummaryRow extends OccurrenceRow {
  unit: SummaryUnit;
  /** The self-check's word for where it stands (办理期内, 即将到期 …). */
  statusLabel: string;
}

export interface DutyTotal {
  duty: DutySnapshot;
  /** Units with occurrences of it among those shown. */
  units: number;
  counts: Counts;
}

export interface Summary {
  year: number;
  /** The day the states are reckoned on (YYYY-MM-DD). */
  today: string;
  units: SummaryUnit[];
  rows: SummaryRow[];
  byUnit: { unit: SummaryUnit; counts: Counts }[];
  byDuty: DutyTotal[];
  totals: Counts;
}

export interface SummaryFilter {
  states: readonly OccurrenceState[];
  /** A role id, or null for every role. */
  role: string | null;
  /** A unit's index, or null for every unit. */
  unit: number | null;
}

export const ALL: SummaryFilter = { states: STATES, role: null, unit: null };

/** Names compare without width, case or spaces: 某某支部 and 某某支部␣ are one unit. */
export const unitKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Units that more than one file claims, each with its files, in the order opened. */
export function sameUnitFiles(files: readonly OpenedLedger[]): { name: string; files: string[] }[] {
  const byName = new Map<string, OpenedLedger[]>();
  for (const file of files) {
    const key = unitKey(file.ledger.record.unit);
    if (!key) continue;
    byName.set(key, [...(byName.get(key) ?? []), file]);
  }
  return [...byName.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({ name: group[0]!.ledger.record.unit.trim(), files: group.map((f) => f.name) }));
}

export function summaryUnits(files: readonly OpenedLedger[]): SummaryUnit[] {
  const shared = new Set(sameUnitFiles(files).flatMap((group) => group.files));
  return files.map((file, index) => {
    const name = file.ledger.record.unit.trim();
    return {
      index,
      name,
      label: !name ? `（未填单位名称）${file.name}` : shared.has(file.name) ? `${name}（${file.name}）` : name,
      file: file.name,
      exportedAt: file.ledger.exportedAt,
    };
  });
}

/** Years any ledger has entries for, and this year, newest first. */
export function summaryYears(files: readonly OpenedLedger[], thisYear: number): number[] {
  const years = new Set([thisYear, ...files.flatMap((f) => Object.keys(f.ledger.record.years).map(Number))]);
  return [...years].sort((a, b) => b - a);
}

/** The year to show first: this year when a ledger has entries for it, else the latest year one has. */
export function defaultYear(files: readonly OpenedLedger[], thisYear: number): number {
  const years = files.flatMap((f) => Object.keys(f.ledger.record.years).map(Number));
  return years.length === 0 || years.includes(thisYear) ? thisYear : Math.max(...years);
}

/** The roles the ledgers' duties name, in the order first met. */
export function summaryRoles(files: readonly OpenedLedger[]): { id: string; name: string }[] {
  const roles = new Map<string, string>();
  for (const file of files) for (const duty of file.ledger.duties) for (const r of duty.roles) roles.set(r.id, r.name);
  return [...roles].map(([id, name]) => ({ id, name }));
}

function add(counts: Counts, state: OccurrenceState) {
  counts[state] += 1;
  counts.total += 1;
}

const occurrenceCache = new WeakMap<LedgerExport, Map<string, OccurrenceRow[]>>();

/**
 * ledgerOccurrences, kept per ledger, year and day: a filter or another year then only recounts. The page
 * asks for each file's years as the file is read, so opening thirty ledgers is not one long task.
 */
export function occurrencesOf(ledger: LedgerExport, year: number, today: string): OccurrenceRow[] {
  let byDay = occurrenceCache.get(ledger);
  if (!byDay) {
    byDay = new Map();
    occurrenceCache.set(ledger, byDay);
  }
  const key = `${year}/${today}`;
  let rows = byDay.get(key);
  if (!rows) {
    rows = ledgerOccurrences(ledger, year, today);
    byDay.set(key, rows);
  }
  return rows;
}

export function summarize(
  files: readonly OpenedLedger[],
  year: number,
  today: string,
  filter: SummaryFilter = ALL,
): Summary {
  const units = summaryUnits(files);
  const rows: SummaryRow[] = [];
  const byUnit = units.map((unit) => ({ unit, counts: emptyCounts() }));
  const byDuty = new Map<string, DutyTotal>();
  const totals = emptyCounts();
  files.forEach((file, index) => {
    if (filter.unit !== null && filter.unit !== index) return;
    const unit = units[index]!;
    const listed = new Set<string>();
    for (const row of occurrencesOf(file.ledger, year, today)) {
      const roles = row.duty.roles.map((r) => r.id);
      if (filter.role !== null && !forRoles({ roles }, [filter.role])) continue;
      if (!filter.states.includes(row.state)) continue;
      rows.push({ ...row, unit, statusLabel: STATUS_LABELS[row.status] });
      add(byUnit[index]!.counts, row.state);
      add(totals, row.state);
      let total = byDuty.get(row.duty.id);
      if (!total) {
        total = { duty: row.duty, units: 0, counts: emptyCounts() };
        byDuty.set(row.duty.id, total);
      }
      if (!listed.has(row.duty.id)) {
        listed.add(row.duty.id);
        total.units += 1;
      }
      add(total.counts, row.state);
    }
  });
  return {
    year,
    today,
    units,
    rows,
    byUnit: byUnit.filter((u) => filter.unit === null || u.unit.index === filter.unit),
    byDuty: [...byDuty.values()],
    totals,
  };
}
