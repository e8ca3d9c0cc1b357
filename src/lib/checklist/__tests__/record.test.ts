import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  APP,
  CURRENT_VERSION,
  doneDateProblem,
  emptyRecord,
  OWN_PERIODS,
  ownCadenceProblem,
  parseRecord,
  recordSchema,
  serializeRecord,
  tickSchema,
  type ChecklistRecord,
  type ChecklistRecordV2,
} from '../record';
import { mergeRecords, previewImport } from '../merge';

const NOW = '2026-11-21T08:00:00.000Z';
const now = () => NOW;
const SHA = 'a'.repeat(64);

const sample: ChecklistRecord = {
  app: APP,
  version: CURRENT_VERSION,
  unit: '通辽五中',
  selection: { documents: ['tongliao-no5-middle-school-rules'], roles: ['first-responsible'] },
  list: [
    { kind: 'published', id: 'D01-18', document: 'tongliao-no5-middle-school-rules' },
    {
      kind: 'own',
      id: 'U-k3j9x2ab',
      text: '每月组织党员学习',
      cadence: { period: 'month', count: 1 },
      roles: ['branch-secretary'],
      citation: '本支部《学习制度》第三条',
    },
  ],
  years: {
    '2026': {
      ticks: { 'D01-18/m3': { done: '2026-03-15', note: '会议纪要〔2026〕3号' } },
      accountability: { 'tongliao-no5-middle-school-rules#s3-1': { answer: 'no', note: '' } },
      notApplicable: { 'D01-20': { reason: '本校未设网评员队伍' }, 'U-k3j9x2ab/m8': { reason: '暑假' } },
      evidence: {
        'D01-18/m3': [{ sha256: SHA, name: '纪要.pdf', type: 'application/pdf', size: 48213, added: NOW }],
      },
    },
  },
  savedAt: NOW,
};

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const date = fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }).map(isoDay);
const dateTime = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString());
const tick = fc.record({ done: fc.option(date, { nil: null }), note: fc.string({ maxLength: 50 }) });
const answer = fc.record({ answer: fc.constantFrom('yes', 'no', 'unsure', null), note: fc.string({ maxLength: 50 }) });
/** A key part; the record refuses keys that Valibot's record() would skip, so none is generated. */
const part = (separator: string) =>
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((p) => !p.includes(separator) && !['__proto__', 'constructor', 'prototype'].includes(p));
const tickKey = fc.tuple(part('/'), part('/')).map(([duty, slot]) => `${duty}/${slot}`);
const accountabilityKey = fc.tuple(part('#'), part('#')).map(([doc, clause]) => `${doc}#${clause}`);
const filled = (max: number) => fc.string({ minLength: 1, maxLength: max });
const roleId = fc.constantFrom('party-organization', 'first-responsible', 'branch-secretary', 'youth-league');

const v2Year = fc.record({
  ticks: fc.dictionary(tickKey, tick),
  accountability: fc.dictionary(accountabilityKey, answer),
});
/** Any valid version 2 record. */
const v2Record = fc.record({
  app: fc.constant(APP),
  version: fc.constant(2 as const),
  selection: fc.option(
    fc.record({
      documents: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
      roles: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
      unit: fc.string({ maxLength: 30 }),
    }),
    { nil: null },
  ),
  years: fc.dictionary(fc.integer({ min: 1990, max: 2099 }).map(String), v2Year, { maxKeys: 3 }),
  savedAt: fc.oneof(fc.constant(''), dateTime, fc.string({ maxLength: 30 })),
});

/** Every cadence an own duty may have. */
const ownCadence = fc.oneof(
  fc.record({ period: fc.constantFrom('ongoing' as const, 'triggered' as const) }),
  fc.record({
    period: fc.constantFrom('half-year' as const, 'quarter' as const, 'month' as const, 'semester' as const),
    count: fc.integer({ min: 1, max: 12 }),
  }),
  fc.integer({ min: 1, max: 12 }).map((count) => ({ period: 'year' as const, count })),
  fc
    .uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 })
    .map((months) => ({ period: 'year' as const, count: months.length, months })),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 7, max: 12 }), fc.integer({ min: 1, max: 3 }))
    .map(([a, b, count]) => ({ period: 'half-year' as const, count, months: [a, b] })),
  fc
    .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 }))
    .map(([offset, count]) => ({ period: 'quarter' as const, count, months: [1, 4, 7, 10].map((m) => m + offset) })),
);
const ownId = fc.stringMatching(/^U-[0-9a-z]{4,16}$/);
const entry = fc.oneof(
  fc.record({
    kind: fc.constant('published' as const),
    id: fc.stringMatching(/^D\d{2,4}-\d{2,3}$/),
    document: fc.string({ maxLength: 40 }),
  }),
  fc.record(
    {
      kind: fc.constant('own' as const),
      id: ownId,
      text: filled(60),
      cadence: ownCadence,
      roles: fc.uniqueArray(roleId, { maxLength: 3 }),
      citation: filled(60),
    },
    { requiredKeys: ['kind', 'id', 'text', 'cadence', 'roles'] },
  ),
);
const evidenceRef = fc.record({
  sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  name: filled(40),
  type: fc.constantFrom('image/jpeg', 'application/pdf', ''),
  size: fc.integer({ min: 0, max: 20 * 1024 * 1024 }),
  added: dateTime,
});
const v3Year = fc.record({
  ticks: fc.dictionary(tickKey, tick),
  accountability: fc.dictionary(accountabilityKey, answer),
  notApplicable: fc.dictionary(fc.oneof(part('/'), tickKey), fc.record({ reason: filled(40) })),
  evidence: fc.dictionary(tickKey, fc.uniqueArray(evidenceRef, { maxLength: 3, selector: (r) => r.sha256 })),
});
/** Any valid version 3 record. */
const v3Record = fc.record({
  app: fc.constant(APP),
  version: fc.constant(CURRENT_VERSION),
  unit: fc.string({ maxLength: 30 }),
  selection: fc.option(
    fc.record({
      documents: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
      roles: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
    }),
    { nil: null },
  ),
  list: fc.option(fc.uniqueArray(entry, { maxLength: 6, selector: (e) => e.id }), { nil: null }),
  years: fc.dictionary(fc.integer({ min: 1990, max: 2099 }).map(String), v3Year, { maxKeys: 3 }),
  savedAt: dateTime,
});

/** A version 3 record read back as version 2: what a lossless migration must give back. */
const asV2 = (r: ChecklistRecord, savedAt: string): ChecklistRecordV2 => ({
  app: APP,
  version: 2,
  selection: r.selection && { ...r.selection, unit: r.unit },
  years: Object.fromEntries(
    Object.entries(r.years).map(([year, y]) => [year, { ticks: y.ticks, accountability: y.accountability }]),
  ),
  savedAt,
});

describe('parseRecord', () => {
  it('starts empty when nothing is stored, with savedAt set', () => {
    expect(parseRecord(null, now)).toEqual({ record: emptyRecord(NOW), problem: null });
  });

  it('reads back what it wrote', () => {
    expect(parseRecord(serializeRecord(sample), now)).toEqual({ record: sample, problem: null });
  });

  it('migrates a version 1 record through version 2', () => {
    const v1 = {
      app: APP,
      version: 1,
      selection: { documents: ['a'], roles: ['party-branch'], unit: '某校' },
      years: { '2025': { ticks: { 'D05-01/y': { done: '2025-04-01', note: '' } } } },
    };
    expect(parseRecord(JSON.stringify(v1), now).record).toEqual({
      app: APP,
      version: 3,
      unit: '某校',
      selection: { documents: ['a'], roles: ['party-branch'] },
      list: null,
      years: {
        '2025': {
          ticks: { 'D05-01/y': { done: '2025-04-01', note: '' } },
          accountability: {},
          notApplicable: {},
          evidence: {},
        },
      },
      savedAt: NOW,
    });
  });

  it('migrates every valid version 2 record without loss (property)', () => {
    fc.assert(
      fc.property(v2Record, (old) => {
        const { record, problem } = parseRecord(JSON.stringify(old), now);
        expect(problem).toBeNull();
        if (!record) return;
        // Read back as version 2, the migrated record is the old one; savedAt is kept when it was a time.
        const kept = /^\d{4}-\d{2}-\d{2}T/.test(old.savedAt) && v.is(recordSchema.entries.savedAt, old.savedAt);
        expect(record.savedAt).toBe(kept ? old.savedAt : NOW);
        expect(asV2(record, old.savedAt)).toEqual(old);
        expect(record.list).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('reports unreadable, foreign, invalid and newer data with the raw text', () => {
    const year = (y: object) => JSON.stringify({ ...sample, years: { '2026': { ...sample.years['2026'], ...y } } });
    const cases: [string, string][] = [
      ['{"app":"zerenzhi-checklist",', 'unreadable'],
      ['{"todo":[1,2,3]}', 'foreign'],
      ['[1,2,3]', 'foreign'],
      ['"text"', 'foreign'],
      [year({ ticks: { 'D01-01/y': { done: '2026-02-30', note: '' } } }), 'invalid'],
      // A key the record cannot have is reported, never quietly left out (constructor is one a record() skips).
      ...['constructor', '__proto__', 'D01-01'].map((key): [string, string] => [
        `{"app":"${APP}","version":${CURRENT_VERSION},"unit":"","selection":null,"list":null,"savedAt":"${NOW}","years":{"2026":{"accountability":{},"notApplicable":{},"evidence":{},"ticks":{"${key}":{"done":null,"note":""}}}}}`,
        'invalid',
      ]),
      [year({ accountability: { 'no-clause': { answer: 'no', note: '' } } }), 'invalid'],
      [year({ notApplicable: { 'D01-01': { reason: '' } } }), 'invalid'],
      [
        year({ evidence: { 'D01-01/y': [{ ...sample.years['2026']?.evidence['D01-18/m3']?.[0], sha256: 'xyz' }] } }),
        'invalid',
      ],
      [JSON.stringify({ ...sample, savedAt: '' }), 'invalid'],
      [JSON.stringify({ ...sample, list: [sample.list?.[0], sample.list?.[0]] }), 'invalid'],
      [
        JSON.stringify({
          ...sample,
          list: [
            {
              kind: 'own',
              id: 'U-abcd',
              text: '学习',
              roles: [],
              cadence: { period: 'quarter', count: 1, months: [1, 2, 7, 10] },
            },
          ],
        }),
        'invalid',
      ],
      [JSON.stringify({ ...sample, version: 0 }), 'invalid'],
      [JSON.stringify({ app: APP, version: 1, selection: null, years: 'x' }), 'invalid'],
      [JSON.stringify({ ...sample, version: CURRENT_VERSION + 1, somethingNew: true }), 'newer'],
    ];
    for (const [raw, kind] of cases) {
      const result = parseRecord(raw, now);
      expect(result.record, raw).toBeNull();
      expect(result.problem?.kind, raw).toBe(kind);
      expect(result.problem?.raw).toBe(raw);
      expect(result.problem?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('never throws, whatever the stored text (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((x) => JSON.stringify({ app: APP, version: 2, ...(x as object) })),
          fc.jsonValue().map((x) => JSON.stringify({ app: APP, version: 3, ...(x as object) })),
          fc.jsonValue().map((x) => JSON.stringify({ ...sample, list: x })),
          fc
            .jsonValue()
            .map((x) => JSON.stringify({ ...sample, years: { '2026': { ...sample.years['2026'], evidence: x } } })),
        ),
        (raw) => {
          const result = parseRecord(raw, now);
          expect(result.record === null).toBe(result.problem !== null);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on corrupted copies of a valid record (property)', () => {
    const text = serializeRecord(sample);
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.nat(text.length), fc.string({ maxLength: 5 }), (at, cut, insert) => {
        const corrupted = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + (cut % 5)));
        expect(() => parseRecord(corrupted, now)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips every valid record exactly (property)', () => {
    fc.assert(
      fc.property(v3Record, (r) => {
        expect(parseRecord(serializeRecord(r as ChecklistRecord), now)).toEqual({ record: r, problem: null });
      }),
      { numRuns: 300 },
    );
  });
});

describe('ownCadenceProblem', () => {
  it('accepts the vocabulary of the obligations data, and refuses what it would', () => {
    for (const period of OWN_PERIODS) {
      const periodic = !['ongoing', 'triggered'].includes(period);
      expect(ownCadenceProblem(periodic ? { period, count: 1 } : { period }), period).toBeNull();
      expect(ownCadenceProblem(periodic ? { period } : { period, count: 1 }), period).toMatch(/几次|次数/);
    }
    expect(ownCadenceProblem({ period: 'year', count: 2, months: [3, 9] })).toBeNull();
    expect(ownCadenceProblem({ period: 'year', count: 1, months: [3, 9] })).toMatch(/月份个数/);
    expect(ownCadenceProblem({ period: 'month', count: 1, months: [3] })).toMatch(/指定月份/);
    expect(ownCadenceProblem({ period: 'quarter', count: 1, months: [1, 2, 7, 10] })).toMatch(/季度/);
    expect(ownCadenceProblem({ period: 'half-year', count: 1, months: [1, 2] })).toMatch(/上、下半年/);
  });
});

describe('import', () => {
  const incoming: ChecklistRecord = {
    ...sample,
    years: {
      '2026': {
        ticks: {
          'D01-18/m3': { done: '2026-03-16', note: '改期' },
          'D01-19/m9': { done: '2026-09-15', note: '' },
        },
        accountability: {},
        notApplicable: {},
        evidence: {
          'D01-18/m3': [{ sha256: 'b'.repeat(64), name: '照片.jpg', type: 'image/jpeg', size: 1000, added: NOW }],
        },
      },
      '2025': {
        ticks: { 'D01-01/y': { done: '2025-05-01', note: '' } },
        accountability: {},
        notApplicable: {},
        evidence: {},
      },
    },
  };

  it('previews what a merge adds and changes, and what a replace removes', () => {
    expect(previewImport(sample, incoming, 'merge')).toEqual({
      years: [
        { year: '2025', added: 1, changed: 0, removed: 0 },
        { year: '2026', added: 1, changed: 2, removed: 0 },
      ],
      selectionChanges: false,
      listChanges: false,
      newFiles: 1,
    });
    // Replacing drops the accountability answer and both 不适用 of 2026, and the first file.
    expect(previewImport(sample, incoming, 'replace').years.find((y) => y.year === '2026')).toEqual({
      year: '2026',
      added: 1,
      changed: 2,
      removed: 3,
    });
    expect(previewImport(sample, { ...sample, unit: '别的学校', list: null }, 'replace')).toMatchObject({
      years: [],
      selectionChanges: true,
      listChanges: true,
    });
  });

  it('merges entry by entry, the imported one winning on the same key, and joins evidence files', () => {
    const merged = mergeRecords(sample, incoming);
    expect(merged.years['2026']?.ticks['D01-18/m3']).toEqual({ done: '2026-03-16', note: '改期' });
    expect(Object.keys(merged.years['2026']?.ticks ?? {})).toHaveLength(2);
    expect(merged.years['2026']?.accountability).toEqual(sample.years['2026']?.accountability);
    expect(merged.years['2026']?.notApplicable).toEqual(sample.years['2026']?.notApplicable);
    expect(merged.years['2026']?.evidence['D01-18/m3']?.map((r) => r.sha256)).toEqual(['b'.repeat(64), SHA]);
    expect(merged.years['2025']).toEqual(incoming.years['2025']);
    expect(mergeRecords(merged, incoming)).toEqual(merged);
  });

  it('keeps every entry of both sides in a merge (property)', () => {
    fc.assert(
      fc.property(v3Record, v3Record, (a, b) => {
        const merged = mergeRecords(a as ChecklistRecord, b as ChecklistRecord);
        for (const source of [a, b])
          for (const [year, y] of Object.entries(source.years))
            for (const key of Object.keys(y.ticks)) expect(merged.years[year]?.ticks).toHaveProperty([key]);
        expect(v.is(recordSchema, merged)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('doneDateProblem', () => {
  it('accepts a real date from the year before to the year after', () => {
    expect(doneDateProblem('2026-03-15', 2026)).toBeNull();
    expect(doneDateProblem('2025-01-01', 2026)).toBeNull();
    expect(doneDateProblem('2027-12-31', 2026)).toBeNull();
    expect(doneDateProblem('2028-02-29', 2028)).toBeNull();
  });

  it('refuses an empty, impossible or far-off date', () => {
    expect(doneDateProblem('', 2026)).toBe('empty');
    expect(doneDateProblem('2026-02-29', 2026)).toBe('invalid');
    // What Chromium's date field gives when eight digits are typed into its year part.
    expect(doneDateProblem('60315-02-02', 2026)).toBe('invalid');
    expect(doneDateProblem('2024-12-31', 2026)).toBe('out-of-range');
    expect(doneDateProblem('0006-02-02', 2026)).toBe('out-of-range');
    expect(doneDateProblem('2028-01-01', 2026)).toBe('out-of-range');
  });

  it('never lets through a date the record schema would refuse on the next load', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const dateLike = fc
      .tuple(
        fc.oneof(fc.integer({ min: 1995, max: 2105 }), fc.integer({ min: 0, max: 99999 })),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(
        fc.oneof(dateLike, fc.string({ maxLength: 12 })),
        fc.integer({ min: 2000, max: 2100 }),
        (value, year) => {
          if (doneDateProblem(value, year) === null) {
            expect(v.is(tickSchema, { done: value, note: '' })).toBe(true);
          }
        },
      ),
    );
  });
});
