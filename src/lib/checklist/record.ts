/**
 * The self-check record (the unit's 台账) kept in the browser: a versioned
 * schema, migrations from older versions, and a loader that never throws.
 * Anything that cannot be read as a record is reported with the raw text, so
 * that it can be kept aside and offered for download rather than lost.
 *
 * Version history: 1 = selection and ticks per year; 2 = adds the yearly
 * self-assessment of accountability clauses (accountability) and savedAt;
 * 3 = the unit's own duty list, 不适用 with a reason, evidence files per
 * occurrence, the unit name at the top, savedAt always set.
 *
 * Version 3, as stored (JSON, localStorage key `zerenzhi:checklist`):
 *
 *   {
 *     "app": "zerenzhi-checklist", "version": 3,
 *     "unit": "某某小学党支部",                       // '' when not given
 *     "selection": {                                  // null until chosen: the page shows its default document
 *       "documents": ["tongliao-no5-middle-school-rules"],   // documents the unit follows (slugs)
 *       "roles": ["branch-secretary"]                 // my roles; [] = every role
 *     },
 *     "list": [                                       // the unit's own duty list, in its order; null = not made:
 *       { "kind": "published", "id": "D01-18",        //   then every duty of the chosen documents, in their order
 *         "document": "tongliao-no5-middle-school-rules" },
 *       { "kind": "own", "id": "U-k3j9x2ab",          // stable: kept when the list is handed to a branch
 *         "text": "每月组织党员学习", "roles": ["branch-secretary"],
 *         "cadence": { "period": "month", "count": 1 },   // the vocabulary of src/schemas/obligation.ts:
 *         "citation": "本支部《学习制度》第三条" }        //   year ×N, half-year, quarter, month, semester,
 *     ],                                              //   stated months, ongoing, triggered; citation optional
 *     "years": {
 *       "2026": {
 *         "ticks": { "D01-18/m3": { "done": "2026-03-15", "note": "会议纪要〔2026〕3号" } },
 *         "accountability": { "tongliao-no5-middle-school-rules#s3-1": { "answer": "no", "note": "" } },
 *         "notApplicable": {                          // 不适用: a whole duty for the year (key = duty id)
 *           "D01-20": { "reason": "本校未设网评员队伍" },     //   or one occurrence (key = duty id/occurrence)
 *           "U-k3j9x2ab/m8": { "reason": "暑假" }
 *         },
 *         "evidence": {                               // files per occurrence; the bytes are in IndexedDB under
 *           "D01-18/m3": [{ "sha256": "9f86…", "name": "纪要.pdf",   // their SHA-256 (the file's id)
 *                           "type": "application/pdf", "size": 48213, "added": "2026-03-15T08:00:00.000Z" }]
 *         }
 *       }
 *     },
 *     "savedAt": "2026-11-21T08:00:00.000Z"           // last written (or created), always set
 *   }
 *
 * A duty's occurrences are keyed as in slots.ts (y, h1, q3, m7, s2, w12, x …).
 * Entries whose duty left the list are kept (nothing is lost; re-adding the
 * duty shows them again). The exported form, readable without the site's
 * data, is in ledger.ts.
 */
// Valibot rather than Zod (which validates the content at build time): this
// runs in the browser as the self-check opens. Zod Mini's schemas took about
// 20 ms to build (80 ms at a slow phone's speed) and 32 KB of script;
// Valibot's are plain objects, a few KB, and it never compiles code (the
// site's CSP forbids eval).
import * as v from 'valibot';
import type { Cadence } from '../../schemas/obligation';

export const APP = 'zerenzhi-checklist';
export const CURRENT_VERSION = 3;
export const NOTE_MAX = 500;
export const REASON_MAX = 200;
export const OWN_TEXT_MAX = 200;
/** Largest evidence file accepted, in bytes. */
export const FILE_MAX = 20 * 1024 * 1024;

const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/),
  v.check((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
  }, '不是有效日期'),
);
export const isoDateTime = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const filled = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

/**
 * Completion dates accepted for a duty of `year`: from the year before (done
 * ahead) to the year after (done late, or a 秋季学期 that ends in January).
 * The page narrows this to the year and the occurrence's window (dates.ts).
 */
export const doneDateRange = (year: number) => ({ min: `${year - 1}-01-01`, max: `${year + 1}-12-31` });

export type DoneDateProblem = 'empty' | 'invalid' | 'out-of-range';

/** Why a typed completion date cannot be saved, or null when it can; `range` defaults to doneDateRange. */
export function doneDateProblem(
  value: string,
  year: number,
  range: { min: string; max: string } = doneDateRange(year),
): DoneDateProblem | null {
  if (value === '') return 'empty';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'invalid';
  if (value < range.min || value > range.max) return 'out-of-range';
  return v.is(isoDate, value) ? null : 'invalid';
}

export const tickSchema = v.strictObject({ done: v.nullable(isoDate), note: text(NOTE_MAX) });
export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export const answerSchema = v.strictObject({ answer: v.nullable(v.picklist(ANSWERS)), note: text(NOTE_MAX) });
const slug = v.pipe(v.string(), v.maxLength(100));
const roleId = v.pipe(v.string(), v.maxLength(60), v.regex(/^[a-z]+(?:-[a-z]+)*$/));
export const selectionSchema = v.strictObject({
  documents: v.pipe(v.array(slug), v.maxLength(2000)),
  roles: v.pipe(v.array(text(100)), v.maxLength(50)),
});

const yearKey = v.pipe(v.string(), v.regex(/^\d{4}$/));
/** Valibot's record() leaves these keys out; the record refuses them instead, so nothing is lost unreported. */
const SKIPPED_KEYS = ['__proto__', 'constructor', 'prototype'];
const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
const keyedRecord = <K extends v.GenericSchema<string>, V extends v.GenericSchema>(key: K, value: V) =>
  v.pipe(
    v.unknown(),
    v.check((input) => typeof input !== 'object' || input === null || !SKIPPED_KEYS.some((k) => hasOwn(input, k))),
    v.record(key, value),
  );
/** `<duty id>/<occurrence key>`, e.g. D01-18/m3. */
const tickKey = v.pipe(v.string(), v.maxLength(120), v.regex(/^[^/]+\/[^/]+$/));
/** A duty id alone (the whole duty) or a tick key (one occurrence). */
const dutyOrTickKey = v.pipe(v.string(), v.maxLength(120), v.regex(/^[^/]+(?:\/[^/]+)?$/));
/** `<document>#<clause>`, e.g. tongliao-no5-middle-school-rules#s3-1. */
const accountabilityKey = v.pipe(v.string(), v.maxLength(120), v.regex(/^[^#]+#[^#]+$/));

export const OBLIGATION_ID = /^D\d{2,4}-\d{2,3}$/;
export const OWN_ID = /^U-[0-9a-z]{4,16}$/;

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const months = v.pipe(
  v.array(int(1, 12)),
  v.minLength(1),
  v.maxLength(12),
  v.check((list) => new Set(list).size === list.length, '月份重复'),
);

/** The periods a unit's own duty may have (no weeks, dated phases or time nodes: those are the texts'). */
export const OWN_PERIODS = ['year', 'half-year', 'quarter', 'month', 'semester', 'ongoing', 'triggered'] as const;
export type OwnPeriod = (typeof OWN_PERIODS)[number];
const PERIODIC_OWN: readonly string[] = ['year', 'half-year', 'quarter', 'month', 'semester'];

/** Why an own duty's cadence cannot be used, or null; the same rules as the obligations' schema. */
export function ownCadenceProblem(c: {
  period: string;
  count?: number | undefined;
  months?: number[] | undefined;
}): string | null {
  const periodic = PERIODIC_OWN.includes(c.period);
  if (periodic && c.count === undefined) return '请填写每期至少几次';
  if (!periodic && c.count !== undefined) return '定期、随时的工作没有每期次数';
  if (c.months) {
    if (!['year', 'half-year', 'quarter'].includes(c.period)) return '只有每年、每半年、每季度的工作可以指定月份';
    if (c.period === 'year' && c.months.length !== c.count) return '指定月份时，每年次数须与月份个数相同';
    if (c.period === 'quarter' && new Set(c.months.map((m) => Math.ceil(m / 3))).size !== c.months.length)
      return '每季度工作的月份须分属不同季度';
    if (c.period === 'half-year' && new Set(c.months.map((m) => (m <= 6 ? 1 : 2))).size !== c.months.length)
      return '每半年工作的月份须分属上、下半年';
  }
  return null;
}

export const ownCadenceSchema = v.pipe(
  v.strictObject({
    period: v.picklist(OWN_PERIODS),
    count: v.optional(int(1, 12)),
    months: v.optional(months),
  }),
  v.check((c) => ownCadenceProblem(c) === null, '频次不正确'),
);

export const publishedEntrySchema = v.strictObject({
  kind: v.literal('published'),
  id: v.pipe(v.string(), v.regex(OBLIGATION_ID)),
  /** The document it comes from: its duty data is loaded from there. */
  document: slug,
});
export const ownDutySchema = v.strictObject({
  kind: v.literal('own'),
  id: v.pipe(v.string(), v.regex(OWN_ID)),
  text: filled(OWN_TEXT_MAX),
  cadence: ownCadenceSchema,
  roles: v.pipe(v.array(roleId), v.maxLength(20)),
  /** The unit's own rule it rests on, e.g. 本支部《学习制度》第三条. */
  citation: v.optional(filled(200)),
});
export const listEntrySchema = v.variant('kind', [publishedEntrySchema, ownDutySchema]);

export const evidenceRefSchema = v.strictObject({
  /** SHA-256 of the bytes, lower-case hex: the file's id and its key in IndexedDB. */
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  name: filled(255),
  type: text(200),
  size: int(0, FILE_MAX),
  added: isoDateTime,
});

export const yearRecordSchema = v.strictObject({
  ticks: keyedRecord(tickKey, tickSchema),
  accountability: keyedRecord(accountabilityKey, answerSchema),
  notApplicable: keyedRecord(dutyOrTickKey, v.strictObject({ reason: filled(REASON_MAX) })),
  evidence: keyedRecord(
    tickKey,
    v.pipe(
      v.array(evidenceRefSchema),
      v.maxLength(50),
      v.check((refs) => new Set(refs.map((r) => r.sha256)).size === refs.length, '同一文件重复'),
    ),
  ),
});

export const recordSchema = v.strictObject({
  app: v.literal(APP),
  version: v.literal(CURRENT_VERSION),
  unit: text(100),
  /** null: nothing chosen yet, the page shows its default selection. */
  selection: v.nullable(selectionSchema),
  /** null: no list of its own, the duties of the chosen documents are the list. */
  list: v.nullable(
    v.pipe(
      v.array(listEntrySchema),
      v.maxLength(5000),
      v.check((list) => new Set(list.map((e) => e.id)).size === list.length, '清单中有重复的工作'),
    ),
  ),
  years: keyedRecord(yearKey, yearRecordSchema),
  /** When the record was last written, or created if never written (ISO date-time, UTC). */
  savedAt: isoDateTime,
});
export type ChecklistRecord = v.InferOutput<typeof recordSchema>;
export type YearRecord = v.InferOutput<typeof yearRecordSchema>;
export type Tick = v.InferOutput<typeof tickSchema>;
export type Answer = v.InferOutput<typeof answerSchema>;
export type Selection = v.InferOutput<typeof selectionSchema>;
export type ListEntry = v.InferOutput<typeof listEntrySchema>;
export type OwnDuty = v.InferOutput<typeof ownDutySchema>;
export type EvidenceRef = v.InferOutput<typeof evidenceRefSchema>;
/** An own duty's cadence is a cadence of the obligations' vocabulary. */
export type OwnCadence = OwnDuty['cadence'] & Cadence;

const recordV1Schema = v.strictObject({
  app: v.literal(APP),
  version: v.literal(1),
  selection: v.nullable(v.strictObject({ documents: v.array(text(100)), roles: v.array(text(100)), unit: text(100) })),
  years: keyedRecord(yearKey, v.strictObject({ ticks: keyedRecord(tickKey, tickSchema) })),
});
export const recordV2Schema = v.strictObject({
  app: v.literal(APP),
  version: v.literal(2),
  selection: v.nullable(
    v.strictObject({
      documents: v.pipe(v.array(text(100)), v.maxLength(50)),
      roles: v.pipe(v.array(text(100)), v.maxLength(50)),
      unit: text(100),
    }),
  ),
  years: keyedRecord(
    yearKey,
    v.strictObject({
      ticks: keyedRecord(tickKey, tickSchema),
      accountability: keyedRecord(accountabilityKey, answerSchema),
    }),
  ),
  savedAt: text(40),
});
export type ChecklistRecordV2 = v.InferOutput<typeof recordV2Schema>;

/** Each step turns version n into n + 1; the input is validated against version n first. */
const MIGRATIONS: Record<number, { schema: v.GenericSchema; up: (old: never, now: string) => unknown }> = {
  1: {
    schema: recordV1Schema,
    up: (old: v.InferOutput<typeof recordV1Schema>) => ({
      ...old,
      version: 2,
      years: Object.fromEntries(Object.entries(old.years).map(([year, y]) => [year, { ...y, accountability: {} }])),
      savedAt: '',
    }),
  },
  2: {
    schema: recordV2Schema,
    up: (old: ChecklistRecordV2, now: string) => ({
      app: APP,
      version: 3,
      unit: old.selection?.unit ?? '',
      selection: old.selection && { documents: old.selection.documents, roles: old.selection.roles },
      list: null,
      years: Object.fromEntries(
        Object.entries(old.years).map(([year, y]) => [year, { ...y, notApplicable: {}, evidence: {} }]),
      ),
      // A version 2 record written before savedAt was kept in memory has ''.
      savedAt: v.is(isoDateTime, old.savedAt) ? old.savedAt : now,
    }),
  },
};

export const emptyRecord = (savedAt: string = new Date().toISOString()): ChecklistRecord => ({
  app: APP,
  version: CURRENT_VERSION,
  unit: '',
  selection: null,
  list: null,
  years: {},
  savedAt,
});

export const emptyYear = (): YearRecord => ({ ticks: {}, accountability: {}, notApplicable: {}, evidence: {} });

export type ProblemKind = 'unreadable' | 'foreign' | 'invalid' | 'newer';

export interface LoadProblem {
  kind: ProblemKind;
  /** Plain Chinese, for the page. */
  message: string;
  /** The text that could not be used, kept for the backup and the download. */
  raw: string;
}

export type LoadResult = { record: ChecklistRecord; problem: null } | { record: null; problem: LoadProblem };

const MESSAGES: Record<ProblemKind, string> = {
  unreadable: '保存的自查记录已损坏，无法读取。',
  foreign: '保存的数据不是本站的自查记录。',
  invalid: '保存的自查记录格式不正确（可能被其他程序改动过）。',
  newer: '保存的自查记录来自更新版本的网站，本页面无法识别，不会改动它。',
};

export const loadFailure = (kind: ProblemKind, raw: string): LoadResult => ({
  record: null,
  problem: { kind, message: MESSAGES[kind], raw },
});

/** Reads a record from a parsed JSON value, migrating older versions. Never throws. */
export function recordFromValue(value: unknown, raw: string, now: () => string): LoadResult {
  if (typeof value !== 'object' || value === null || (value as { app?: unknown }).app !== APP)
    return loadFailure('foreign', raw);
  let version = (value as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return loadFailure('invalid', raw);
  if (version > CURRENT_VERSION) return loadFailure('newer', raw);
  while (version < CURRENT_VERSION) {
    const step = MIGRATIONS[version];
    const old = step && v.safeParse(step.schema, value);
    if (!step || !old?.success) return loadFailure('invalid', raw);
    value = step.up(old.output as never, now());
    version += 1;
  }
  const parsed = v.safeParse(recordSchema, value);
  return parsed.success ? { record: parsed.output, problem: null } : loadFailure('invalid', raw);
}

/** Reads a record from its stored text. Never throws. `null` text means nothing stored yet. */
export function parseRecord(raw: string | null, now: () => string = () => new Date().toISOString()): LoadResult {
  if (raw === null) return { record: emptyRecord(now()), problem: null };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return loadFailure('unreadable', raw);
  }
  return recordFromValue(value, raw, now);
}

export const serializeRecord = (record: ChecklistRecord) => JSON.stringify(record);

/** Every evidence file the record refers to, by SHA-256. */
export function referencedFiles(record: ChecklistRecord): Map<string, EvidenceRef> {
  const files = new Map<string, EvidenceRef>();
  for (const y of Object.values(record.years))
    for (const refs of Object.values(y.evidence)) for (const ref of refs) files.set(ref.sha256, ref);
  return files;
}
