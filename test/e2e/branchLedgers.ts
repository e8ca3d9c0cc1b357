/**
 * Branch ledgers as the self-check exports them, made with its own code (buildLedger, writeLedgerZip)
 * over the built site's duty data (dist/checklist/duties/*.json), for the 汇总's browser test and bench.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentDuties } from '../../src/data/checklist';
import { buildLedger, type LedgerExport } from '../../src/lib/checklist/ledger';
import type { ChecklistDuty } from '../../src/lib/checklist/plan';
import { emptyRecord, emptyYear, type EvidenceRef, type YearRecord } from '../../src/lib/checklist/record';
import { slotsFor } from '../../src/lib/checklist/slots';
import { sha256Hex, writeLedgerZip } from '../../src/lib/checklist/zip';
import type { Cadence } from '../../src/schemas/obligation';

export interface SiteDuties {
  /** Every published duty, document by document in the site's order. */
  duties: ChecklistDuty[];
  roleName(id: string): string;
}

export function siteDuties(dist: string): SiteDuties {
  const dir = join(dist, 'checklist', 'duties');
  const duties = readdirSync(dir)
    .sort()
    .flatMap((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as DocumentDuties).duties);
  const roles = new Map<string, string>(
    (
      JSON.parse(readFileSync(join(dist, 'obligations.json'), 'utf8')) as { roles: { id: string; name: string }[] }
    ).roles.map((r) => [r.id, r.name]),
  );
  return { duties, roleName: (id) => roles.get(id) ?? id };
}

export interface Branch {
  unit: string;
  exportedAt: string;
  /** The tick keys (`<duty>/<occurrence>`) done, with their dates and notes. */
  done: Record<string, { date: string; note?: string }>;
  /** 不适用: a duty id or tick key, with the reason. */
  notApplicable?: Record<string, string>;
}

/** Tick keys of a duty's occurrences in `year`, in order. */
export const occurrenceKeys = (duty: ChecklistDuty, year: number) =>
  slotsFor(duty.cadence as Cadence, year).map((slot) => `${duty.id}/${slot.key}`);

export function branchLedger(branch: Branch, duties: readonly ChecklistDuty[], year: number, site: SiteDuties) {
  const record = {
    ...emptyRecord(branch.exportedAt),
    unit: branch.unit,
    selection: { documents: [...new Set(duties.map((d) => d.document ?? ''))], roles: [] },
    list: duties.map((d) => ({ kind: 'published' as const, id: d.id, document: d.document ?? '' })),
  };
  const yearRecord: YearRecord = {
    ...emptyYear(),
    ticks: Object.fromEntries(
      Object.entries(branch.done).map(([key, { date, note = '' }]) => [key, { done: date, note }]),
    ),
    notApplicable: Object.fromEntries(
      Object.entries(branch.notApplicable ?? {}).map(([key, reason]) => [key, { reason }]),
    ),
  };
  return buildLedger({ ...record, years: { [String(year)]: yearRecord } }, duties, {
    content: 'ledger',
    exportedAt: branch.exportedAt,
    site: 'https://example.edu.cn/',
    roleName: site.roleName,
  });
}

/** The ledger with evidence files attached to one occurrence, as the ZIP export writes it. */
export async function ledgerZip(
  ledger: LedgerExport,
  year: number,
  tickKey: string,
  files: { name: string; type: string; bytes: Uint8Array }[],
): Promise<Uint8Array> {
  const store = new Map<string, Uint8Array>();
  const refs: EvidenceRef[] = [];
  for (const file of files) {
    const sha256 = await sha256Hex(file.bytes);
    store.set(sha256, file.bytes);
    refs.push({ sha256, name: file.name, type: file.type, size: file.bytes.length, added: ledger.exportedAt });
  }
  const y = ledger.record.years[String(year)] ?? emptyYear();
  const withFiles: LedgerExport = {
    ...ledger,
    record: { ...ledger.record, years: { ...ledger.record.years, [year]: { ...y, evidence: { [tickKey]: refs } } } },
  };
  const zip = await writeLedgerZip(withFiles, {
    get: async (sha) => {
      const bytes = store.get(sha);
      return bytes && new Blob([bytes as BlobPart]);
    },
    put: async () => false,
    remove: async () => {},
  });
  return new Uint8Array(await zip.arrayBuffer());
}
