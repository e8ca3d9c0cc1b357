/**
 * The self-check record kept in the browser: a versioned schema, migrations
 * from older versions, and a loader that never throws. Anything that cannot
 * be read as a record is reported with the raw text, so that it can be kept
 * aside and offered for download rather than lost.
 *
 * Version history: 1 = selection and ticks per year; 2 = adds the yearly
 * self-assessment of accountability clauses (accountability) and savedAt.
 */
// Valibot rather than Zod (which validates the content at build time): this
// runs in the browser as the self-check opens. Zod Mini's schemas took about
// 20 ms to build (80 ms at a slow phone's speed) and 32 KB of script;
// Valibot's are plain objects, a few KB, and it never compiles code (the
// site's CSP forbids eval).
import * as v from 'valibot';

export const APP = 'zerenzhi-checklist';
export const CURRENT_VERSION = 2;
export const NOTE_MAX = 500;

const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/),
  v.check((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
  }, '不是有效日期'),
);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/**
 * Completion dates accepted for a duty of `year`: from the year before (done
 * ahead) to the year after (done late, or a 秋季学期 that ends in January).
 */
export const doneDateRange = (year: number) => ({ min: `${year - 1}-01-01`, max: `${year + 1}-12-31` });

/**
 * The date a new tick records: today when today falls in the year on show;
 * for another year, the end of the occurrence's window (or of that year), so
 * that ticking last year's duties never dates them this year.
 */
export function defaultDoneDate(today: string, year: number, windowEnd: string | null): string {
  if (today.startsWith(`${year}-`)) return today;
  const { min, max } = doneDateRange(year);
  return windowEnd && windowEnd >= min && windowEnd <= max ? windowEnd : `${year}-12-31`;
}

export type DoneDateProblem = 'empty' | 'invalid' | 'out-of-range';

/** Why a typed completion date cannot be saved, or null when it can. */
export function doneDateProblem(value: string, year: number): DoneDateProblem | null {
  if (value === '') return 'empty';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'invalid';
  const { min, max } = doneDateRange(year);
  if (value < min || value > max) return 'out-of-range';
  return v.is(isoDate, value) ? null : 'invalid';
}

export const tickSchema = v.strictObject({ done: v.nullable(isoDate), note: text(NOTE_MAX) });
export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export const answerSchema = v.strictObject({ answer: v.nullable(v.picklist(ANSWERS)), note: text(NOTE_MAX) });
export const selectionSchema = v.strictObject({
  documents: v.pipe(v.array(text(100)), v.maxLength(50)),
  roles: v.pipe(v.array(text(100)), v.maxLength(50)),
  unit: text(100),
});
const yearKey = v.pipe(v.string(), v.regex(/^\d{4}$/));
/** Valibot's record() leaves these keys out; the record refuses them instead, so nothing is lost unreported. */
const SKIPPED_KEYS = ['__proto__', 'constructor', 'prototype'];
const keyedRecord = <K extends v.GenericSchema<string>, V extends v.GenericSchema>(key: K, value: V) =>
  v.pipe(
    v.unknown(),
    v.check(
      (input) => typeof input !== 'object' || input === null || !SKIPPED_KEYS.some((k) => Object.hasOwn(input, k)),
    ),
    v.record(key, value),
  );
/** `<obligation id>/<slot key>`, e.g. D01-18/m3. */
const tickKey = v.pipe(v.string(), v.maxLength(120), v.regex(/^[^/]+\/[^/]+$/));
/** `<document>#<clause>`, e.g. tongliao-no5-middle-school-rules#s3-1. */
const accountabilityKey = v.pipe(v.string(), v.maxLength(120), v.regex(/^[^#]+#[^#]+$/));

export const yearRecordSchema = v.strictObject({
  ticks: keyedRecord(tickKey, tickSchema),
  accountability: keyedRecord(accountabilityKey, answerSchema),
});

export const recordSchema = v.strictObject({
  app: v.literal(APP),
  version: v.literal(CURRENT_VERSION),
  /** null: nothing chosen yet, the page shows its default selection. */
  selection: v.nullable(selectionSchema),
  years: keyedRecord(yearKey, yearRecordSchema),
  /** When the record was last written (ISO date-time), '' if never. */
  savedAt: text(40),
});
export type ChecklistRecord = v.InferOutput<typeof recordSchema>;
export type YearRecord = v.InferOutput<typeof yearRecordSchema>;
export type Tick = v.InferOutput<typeof tickSchema>;
export type Answer = v.InferOutput<typeof answerSchema>;
export type Selection = v.InferOutput<typeof selectionSchema>;

const recordV1Schema = v.strictObject({
  app: v.literal(APP),
  version: v.literal(1),
  selection: v.nullable(selectionSchema),
  years: keyedRecord(yearKey, v.strictObject({ ticks: keyedRecord(tickKey, tickSchema) })),
});

/** Each step turns version n into n + 1; the input is validated against version n first. */
const MIGRATIONS: Record<number, { schema: v.GenericSchema; up: (old: never) => unknown }> = {
  1: {
    schema: recordV1Schema,
    up: (old: v.InferOutput<typeof recordV1Schema>) => ({
      ...old,
      version: 2,
      years: Object.fromEntries(Object.entries(old.years).map(([year, y]) => [year, { ...y, accountability: {} }])),
      savedAt: '',
    }),
  },
};

export const emptyRecord = (): ChecklistRecord => ({
  app: APP,
  version: CURRENT_VERSION,
  selection: null,
  years: {},
  savedAt: '',
});

export const emptyYear = (): YearRecord => ({ ticks: {}, accountability: {} });

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

const fail = (kind: ProblemKind, raw: string): LoadResult => ({
  record: null,
  problem: { kind, message: MESSAGES[kind], raw },
});

/** Reads a record from its stored text. Never throws. `null` text means nothing stored yet. */
export function parseRecord(raw: string | null): LoadResult {
  if (raw === null) return { record: emptyRecord(), problem: null };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return fail('unreadable', raw);
  }
  if (typeof value !== 'object' || value === null || (value as { app?: unknown }).app !== APP)
    return fail('foreign', raw);
  let version = (value as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('invalid', raw);
  if (version > CURRENT_VERSION) return fail('newer', raw);
  while (version < CURRENT_VERSION) {
    const step = MIGRATIONS[version];
    const old = step && v.safeParse(step.schema, value);
    if (!step || !old?.success) return fail('invalid', raw);
    value = step.up(old.output as never);
    version += 1;
  }
  const parsed = v.safeParse(recordSchema, value);
  return parsed.success ? { record: parsed.output, problem: null } : fail('invalid', raw);
}

export const serializeRecord = (record: ChecklistRecord) => JSON.stringify(record);

/** What importing `incoming` would change in `current`, for the preview before anything is written. */
export interface ImportPreview {
  years: { year: string; added: number; changed: number; removed: number }[];
  selectionChanges: boolean;
}

function sameEntry(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function previewImport(
  current: ChecklistRecord,
  incoming: ChecklistRecord,
  mode: 'merge' | 'replace',
): ImportPreview {
  const years = [...new Set([...Object.keys(current.years), ...Object.keys(incoming.years)])].sort();
  return {
    years: years
      .map((year) => {
        const before = current.years[year] ?? emptyYear();
        const after = incoming.years[year] ?? emptyYear();
        let added = 0;
        let changed = 0;
        let removed = 0;
        for (const part of ['ticks', 'accountability'] as const) {
          const a = before[part] as Record<string, unknown>;
          const b = after[part] as Record<string, unknown>;
          for (const key of Object.keys(b)) {
            if (!(key in a)) added += 1;
            else if (!sameEntry(a[key], b[key])) changed += 1;
          }
          if (mode === 'replace') for (const key of Object.keys(a)) if (!(key in b)) removed += 1;
        }
        return { year, added, changed, removed };
      })
      .filter((y) => y.added + y.changed + y.removed > 0),
    selectionChanges: incoming.selection !== null && !sameEntry(current.selection, incoming.selection),
  };
}

/** Merge: the imported entries are added, and replace the current ones with the same key. */
export function mergeRecords(current: ChecklistRecord, incoming: ChecklistRecord): ChecklistRecord {
  const years = { ...current.years };
  for (const [year, y] of Object.entries(incoming.years)) {
    const before = years[year] ?? emptyYear();
    years[year] = {
      ticks: { ...before.ticks, ...y.ticks },
      accountability: { ...before.accountability, ...y.accountability },
    };
  }
  return { ...current, selection: incoming.selection ?? current.selection, years };
}
