/** Ledgers of a few branches, made with the ledger's own export code (buildLedger, writeLedgerZip). */
import { buildLedger, type LedgerExport } from '../../checklist/ledger';
import { ownDuty, type ChecklistDuty } from '../../checklist/plan';
import {
  emptyRecord,
  emptyYear,
  type ChecklistRecord,
  type EvidenceRef,
  type YearRecord,
} from '../../checklist/record';
import { sha256Hex, writeLedgerZip, type FileStore } from '../../checklist/zip';

export const NOW = '2026-11-21T08:00:00.000Z';
export const TODAY = '2026-09-25';

export const halfYear: ChecklistDuty = {
  id: 'D01-18',
  source: 'published',
  document: 'tongliao-no5-middle-school-rules',
  docTitle: '通辽第五中学意识形态工作责任实施细则（试行）',
  locator: '附2·3月中旬',
  path: 'docs/tongliao-no5-middle-school-rules/#f2-3',
  duty: '召开意识形态工作分析研判会',
  cadence: { period: 'half-year', count: 1, months: [3, 9], window: '中旬' },
  cadenceText: '每半年1次（3/9月中旬）',
  roles: ['party-organization'],
  printedRole: '校党委',
  citation: null,
};
export const yearly: ChecklistDuty = {
  ...halfYear,
  id: 'D01-05',
  locator: '一、（一）3',
  path: 'docs/tongliao-no5-middle-school-rules/#s1-1-3',
  duty: '专题汇报意识形态工作',
  cadence: { period: 'year', count: 1 },
  cadenceText: '每年1次',
  roles: [],
  printedRole: '各党支部',
};
export const monthly = ownDuty({
  kind: 'own',
  id: 'U-k3j9x2ab',
  text: '每月组织党员学习',
  cadence: { period: 'month', count: 1 },
  roles: ['branch-secretary'],
  citation: '本支部《学习制度》第三条',
});
export const DUTIES = [halfYear, yearly, monthly];

const roleName = (id: string) => ({ 'party-organization': '党组织', 'branch-secretary': '支部书记' })[id] ?? id;

export function branchRecord(unit: string, year: Partial<YearRecord>, years = '2026'): ChecklistRecord {
  return {
    ...emptyRecord(NOW),
    unit,
    list: [
      { kind: 'published', id: halfYear.id, document: halfYear.document! },
      { kind: 'published', id: yearly.id, document: yearly.document! },
      {
        kind: 'own',
        id: monthly.id,
        text: monthly.duty,
        cadence: { period: 'month', count: 1 },
        roles: monthly.roles,
        citation: monthly.citation!,
      },
    ],
    years: { [years]: { ...emptyYear(), ...year } },
  };
}

export const ledgerOf = (record: ChecklistRecord, duties: readonly ChecklistDuty[] = DUTIES): LedgerExport =>
  buildLedger(record, duties, { content: 'ledger', exportedAt: NOW, site: 'https://example.edu.cn/', roleName });

const encoder = new TextEncoder();
export const bytesOf = (text: string) => encoder.encode(text);

/** A record with one evidence file (a small "PDF") on D01-18's first half-year, and its bytes. */
export async function withEvidence(record: ChecklistRecord, name = '纪要.pdf') {
  const bytes = bytesOf(`%PDF-1.4 ${record.unit} ${name}`);
  const ref: EvidenceRef = {
    sha256: await sha256Hex(bytes),
    name,
    type: 'application/pdf',
    size: bytes.length,
    added: NOW,
  };
  const year = record.years['2026'] ?? emptyYear();
  const evidenced: ChecklistRecord = {
    ...record,
    years: { ...record.years, '2026': { ...year, evidence: { 'D01-18/h1': [ref] } } },
  };
  return { record: evidenced, files: new Map([[ref.sha256, bytes]]) };
}

export async function zipOf(ledger: LedgerExport, files: Map<string, Uint8Array>): Promise<Uint8Array> {
  const store: FileStore = {
    get: async (sha) => {
      const bytes = files.get(sha);
      return bytes && new Blob([bytes as BlobPart]);
    },
    put: async () => false,
    remove: async () => {},
  };
  return new Uint8Array(await (await writeLedgerZip(ledger, store)).arrayBuffer());
}
