/**
 * The exported ledger (台账): the record (record.ts, version 3) plus a readable
 * snapshot of every duty on the unit's list, so that a person, or another
 * program such as the 汇总 page, can read it without the site's data.
 *
 * ledger.json (also the self-check's 导出记录（JSON）):
 *
 *   {
 *     "format": "zerenzhi-ledger", "formatVersion": 1,
 *     "content": "ledger",              // or "list": a duty list handed on (years left empty)
 *     "exportedAt": "2026-11-21T08:00:00.000Z",
 *     "site": "https://example.edu.cn/",  // the site root the URLs start with
 *     "record": { … },                  // the record as stored, version 3 (record.ts)
 *     "duties": [                       // the unit's list for its chosen roles, in its order
 *       { "id": "D01-18", "source": "published",
 *         "title": "召开上半年意识形态工作分析研判会",
 *         "document": { "slug": "tongliao-no5-middle-school-rules", "title": "通辽市第五中学…实施细则" },
 *         "locator": "三、1", "url": "https://example.edu.cn/docs/tongliao-no5-middle-school-rules/#s3-1",
 *         "citation": null,
 *         "cadence": { "period": "year", "count": 1, "months": [3], "window": "中旬" },
 *         "cadenceText": "每年1次（3月中旬）",
 *         "roles": [{ "id": "party-organization", "name": "党组织" }], "printedRole": "校党委" },
 *       { "id": "U-k3j9x2ab", "source": "own", "title": "每月组织党员学习",
 *         "document": null, "locator": null, "url": null, "citation": "本支部《学习制度》第三条",
 *         "cadence": { "period": "month", "count": 1 }, "cadenceText": "每月1次",
 *         "roles": [{ "id": "branch-secretary", "name": "支部书记" }], "printedRole": null }
 *     ]
 *   }
 *
 * A duty's occurrences in a year follow from its cadence (slots.ts); each is
 * ticked under `<duty id>/<occurrence key>` in record.years[year]: use
 * ledgerOccurrences() below rather than reading the keys by hand.
 *
 * The ZIP (导出台账（ZIP）, zip.ts) holds:
 *   ledger.json                         the above
 *   manifest.json                       { "format": "zerenzhi-ledger-manifest", "formatVersion": 1,
 *                                         "files": [{ "path", "size", "sha256" }, …] } for every other file
 *   佐证材料/<year>/<duty id> <title>/<occurrence key> <label>/<n>-<file name>
 *                                       each evidence file, once per occurrence it is attached to;
 *                                       the record's evidence refs find their bytes by SHA-256.
 * Both formats are kept stable; a change that old readers cannot read raises formatVersion.
 */
import * as v from 'valibot';
import { WINDOW_DAYS } from '../obligations/schedule';
import type { Cadence } from '../../schemas/obligation';
import type { ChecklistDuty } from './plan';
import { planSlots, type PlannedSlot } from './plan';
import { emptyYear, isoDateTime, recordFromValue, type ChecklistRecord, type EvidenceRef } from './record';
import { PARTS_OF_YEAR } from './slots';

export const LEDGER_FORMAT = 'zerenzhi-ledger';
export const LEDGER_FORMAT_VERSION = 1;
export const MANIFEST_FORMAT = 'zerenzhi-ledger-manifest';

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const monthDay = v.strictObject({ month: int(1, 12), day: int(1, 31) });
const words = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A cadence as the obligations data writes it; slots.ts never throws on anything this accepts. */
export const cadenceSchema = v.strictObject({
  period: words(20),
  count: v.optional(int(1, 100)),
  maxCount: v.optional(int(1, 100)),
  months: v.optional(v.pipe(v.array(int(1, 12)), v.minLength(1), v.maxLength(12))),
  window: v.optional(v.picklist(Object.keys(WINDOW_DAYS) as (keyof typeof WINDOW_DAYS)[])),
  dates: v.optional(v.strictObject({ from: monthDay, to: monthDay })),
  partsOfYear: v.optional(v.pipe(v.array(v.picklist(PARTS_OF_YEAR)), v.minLength(1), v.maxLength(4))),
  event: v.optional(words(100)),
  /** Named festivals and time nodes (春节前, 国庆期间); unknown ones simply have no window. */
  nodes: v.optional(v.pipe(v.array(words(20)), v.minLength(1), v.maxLength(20))),
});

export const dutySnapshotSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[^/]{1,40}$/)),
  source: v.picklist(['published', 'own']),
  title: words(200),
  document: v.nullable(v.strictObject({ slug: words(100), title: words(200) })),
  locator: v.nullable(words(100)),
  url: v.nullable(words(500)),
  citation: v.nullable(words(200)),
  cadence: cadenceSchema,
  cadenceText: words(100),
  roles: v.pipe(v.array(v.strictObject({ id: words(60), name: words(60) })), v.maxLength(20)),
  printedRole: v.nullable(words(100)),
});
export type DutySnapshot = v.InferOutput<typeof dutySnapshotSchema>;

const envelopeSchema = v.strictObject({
  format: v.literal(LEDGER_FORMAT),
  formatVersion: v.literal(LEDGER_FORMAT_VERSION),
  content: v.picklist(['ledger', 'list']),
  exportedAt: isoDateTime,
  site: words(500),
  record: v.unknown(),
  duties: v.pipe(
    v.array(dutySnapshotSchema),
    v.maxLength(5000),
    v.check((list) => new Set(list.map((d) => d.id)).size === list.length, '重复的工作'),
  ),
});

export interface LedgerExport extends Omit<v.InferOutput<typeof envelopeSchema>, 'record'> {
  record: ChecklistRecord;
}

export interface LedgerOptions {
  content: 'ledger' | 'list';
  exportedAt: string;
  /** Absolute site root ending in /, e.g. https://example.edu.cn/zerenzhi/. */
  site: string;
  roleName(id: string): string;
}

/** The record with a snapshot of `duties` (the list as the page shows it). A list keeps no years. */
export function buildLedger(
  record: ChecklistRecord,
  duties: readonly ChecklistDuty[],
  options: LedgerOptions,
): LedgerExport {
  return {
    format: LEDGER_FORMAT,
    formatVersion: LEDGER_FORMAT_VERSION,
    content: options.content,
    exportedAt: options.exportedAt,
    site: options.site,
    record: options.content === 'list' ? { ...record, years: {} } : record,
    duties: duties.map((d) => ({
      id: d.id,
      source: d.source,
      title: d.duty,
      document: d.document ? { slug: d.document, title: d.docTitle ?? d.document } : null,
      locator: d.locator,
      url: d.path ? new URL(d.path, options.site).href : null,
      citation: d.citation,
      cadence: d.cadence,
      cadenceText: d.cadenceText,
      roles: d.roles.map((id) => ({ id, name: options.roleName(id) })),
      printedRole: d.printedRole,
    })),
  };
}

export type LedgerProblemKind = 'unreadable' | 'foreign' | 'invalid' | 'newer';
export type LedgerResult =
  { ledger: LedgerExport; problem: null } | { ledger: null; problem: { kind: LedgerProblemKind; message: string } };

const LEDGER_MESSAGES: Record<LedgerProblemKind, string> = {
  unreadable: '文件已损坏，无法读取。',
  foreign: '文件不是本站导出的台账。',
  invalid: '台账文件格式不正确（可能被其他程序改动过）。',
  newer: '台账文件来自更新版本的网站，本页面无法识别。',
};
const ledgerFailure = (kind: LedgerProblemKind): LedgerResult => ({
  ledger: null,
  problem: { kind, message: LEDGER_MESSAGES[kind] },
});

/** Reads an exported ledger (ledger.json). Never throws; the record inside is migrated like a stored one. */
export function parseLedgerValue(value: unknown, now: () => string = () => new Date().toISOString()): LedgerResult {
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== LEDGER_FORMAT)
    return ledgerFailure('foreign');
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > LEDGER_FORMAT_VERSION) return ledgerFailure('newer');
  const envelope = v.safeParse(envelopeSchema, value);
  if (!envelope.success) return ledgerFailure('invalid');
  const loaded = recordFromValue(envelope.output.record, '', now);
  if (loaded.problem) return ledgerFailure(loaded.problem.kind === 'foreign' ? 'invalid' : loaded.problem.kind);
  return { ledger: { ...envelope.output, record: loaded.record }, problem: null };
}

export function parseLedger(raw: string, now?: () => string): LedgerResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return ledgerFailure('unreadable');
  }
  return parseLedgerValue(value, now);
}

/** Where one occurrence stands, coarsely (for a 汇总) and as the self-check says it. */
export type OccurrenceState = 'done' | 'overdue' | 'open' | 'not-applicable';

export interface OccurrenceRow {
  duty: DutySnapshot;
  /** The occurrence: key, label (3月中旬, 第一季度 …), first and last day (null: no due date). */
  occurrence: Pick<PlannedSlot, 'key' | 'label' | 'start' | 'end'>;
  /** `<duty id>/<occurrence key>`, its key in the record's year. */
  tickKey: string;
  state: OccurrenceState;
  /** The self-check's finer status: done, overdue, due-soon, open, not-yet, undated, not-applicable. */
  status: PlannedSlot['status'];
  /** Completion date (YYYY-MM-DD) when done. */
  done: string | null;
  note: string;
  /** Why it does not apply, when 不适用. */
  reason: string | null;
  evidence: EvidenceRef[];
}

const STATE: Record<PlannedSlot['status'], OccurrenceState> = {
  done: 'done',
  overdue: 'overdue',
  'due-soon': 'open',
  open: 'open',
  'not-yet': 'open',
  undated: 'open',
  'not-applicable': 'not-applicable',
};

/** Every duty × occurrence of the ledger in `year`, with its window and where it stands on `today` (YYYY-MM-DD). */
export function ledgerOccurrences(ledger: LedgerExport, year: number, today: string): OccurrenceRow[] {
  const record = ledger.record.years[String(year)] ?? emptyYear();
  return ledger.duties.flatMap((duty) =>
    planSlots(duty.id, duty.cadence as Cadence, year, record, today).map((slot) => ({
      duty,
      occurrence: { key: slot.key, label: slot.label, start: slot.start, end: slot.end },
      tickKey: slot.tickKey,
      state: STATE[slot.status],
      status: slot.status,
      done: slot.done,
      note: slot.note,
      reason: slot.reason,
      evidence: record.evidence[slot.tickKey] ?? [],
    })),
  );
}
