import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  APP,
  CURRENT_VERSION,
  defaultDoneDate,
  doneDateProblem,
  emptyRecord,
  mergeRecords,
  parseRecord,
  previewImport,
  serializeRecord,
  tickSchema,
  type ChecklistRecord,
} from '../record';

const sample: ChecklistRecord = {
  app: APP,
  version: CURRENT_VERSION,
  selection: { documents: ['tongliao-no5-middle-school-rules'], roles: ['first-responsible'], unit: '通辽五中' },
  years: {
    '2026': {
      ticks: { 'D01-18/m3': { done: '2026-03-15', note: '会议纪要〔2026〕3号' } },
      accountability: { 'tongliao-no5-middle-school-rules#s3-1': { answer: 'no', note: '' } },
    },
  },
  savedAt: '2026-11-21T08:00:00.000Z',
};

describe('parseRecord', () => {
  it('starts empty when nothing is stored', () => {
    expect(parseRecord(null)).toEqual({ record: emptyRecord(), problem: null });
  });

  it('reads back what it wrote', () => {
    expect(parseRecord(serializeRecord(sample))).toEqual({ record: sample, problem: null });
  });

  it('migrates a version 1 record', () => {
    const v1 = {
      app: APP,
      version: 1,
      selection: null,
      years: { '2025': { ticks: { 'D05-01/y': { done: '2025-04-01', note: '' } } } },
    };
    const { record } = parseRecord(JSON.stringify(v1));
    expect(record).toEqual({
      app: APP,
      version: 2,
      selection: null,
      years: { '2025': { ticks: { 'D05-01/y': { done: '2025-04-01', note: '' } }, accountability: {} } },
      savedAt: '',
    });
  });

  it('reports unreadable, foreign, invalid and newer data with the raw text', () => {
    const cases: [string, string][] = [
      ['{"app":"zerenzhi-checklist",', 'unreadable'],
      ['{"todo":[1,2,3]}', 'foreign'],
      ['[1,2,3]', 'foreign'],
      ['"text"', 'foreign'],
      [
        JSON.stringify({
          ...sample,
          years: { '2026': { ticks: { 'D01-01/y': { done: '2026-02-30', note: '' } }, accountability: {} } },
        }),
        'invalid',
      ],
      // A key the record cannot have is reported, never quietly left out (constructor is one a record() skips).
      ...['constructor', '__proto__', 'D01-01'].map((key): [string, string] => [
        `{"app":"${APP}","version":${CURRENT_VERSION},"selection":null,"savedAt":"","years":{"2026":{"accountability":{},"ticks":{"${key}":{"done":null,"note":""}}}}}`,
        'invalid',
      ]),
      [
        JSON.stringify({
          ...sample,
          years: { '2026': { ticks: {}, accountability: { 'no-clause': { answer: 'no', note: '' } } } },
        }),
        'invalid',
      ],
      [JSON.stringify({ ...sample, version: 0 }), 'invalid'],
      [JSON.stringify({ app: APP, version: 1, selection: null, years: 'x' }), 'invalid'],
      [JSON.stringify({ ...sample, version: CURRENT_VERSION + 1, somethingNew: true }), 'newer'],
    ];
    for (const [raw, kind] of cases) {
      const result = parseRecord(raw);
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
          fc.jsonValue().map((v) => JSON.stringify({ app: APP, version: 2, ...(v as object) })),
        ),
        (raw) => {
          const result = parseRecord(raw);
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
        expect(() => parseRecord(corrupted)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips every valid record exactly (property)', () => {
    const date = fc
      .date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true })
      .map(
        (d) =>
          `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
      );
    const tick = fc.record({ done: fc.option(date, { nil: null }), note: fc.string({ maxLength: 50 }) });
    const answer = fc.record({
      answer: fc.constantFrom('yes', 'no', 'unsure', null),
      note: fc.string({ maxLength: 50 }),
    });
    const part = (separator: string) =>
      fc.string({ minLength: 1, maxLength: 20 }).filter((p) => !p.includes(separator));
    const tickKey = fc.tuple(part('/'), part('/')).map(([duty, slot]) => `${duty}/${slot}`);
    const accountabilityKey = fc.tuple(part('#'), part('#')).map(([doc, clause]) => `${doc}#${clause}`);
    const year = fc.record({
      ticks: fc.dictionary(tickKey, tick),
      accountability: fc.dictionary(accountabilityKey, answer),
    });
    const record = fc.record({
      app: fc.constant(APP),
      version: fc.constant(CURRENT_VERSION),
      selection: fc.option(
        fc.record({
          documents: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
          roles: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
          unit: fc.string({ maxLength: 30 }),
        }),
        { nil: null },
      ),
      years: fc.dictionary(fc.integer({ min: 1990, max: 2099 }).map(String), year, { maxKeys: 3 }),
      savedAt: fc.string({ maxLength: 30 }),
    });
    fc.assert(
      fc.property(record, (r) => {
        expect(parseRecord(serializeRecord(r as ChecklistRecord))).toEqual({ record: r, problem: null });
      }),
      { numRuns: 300 },
    );
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
      },
      '2025': { ticks: { 'D01-01/y': { done: '2025-05-01', note: '' } }, accountability: {} },
    },
  };

  it('previews what a merge adds and changes, and what a replace removes', () => {
    expect(previewImport(sample, incoming, 'merge')).toEqual({
      years: [
        { year: '2025', added: 1, changed: 0, removed: 0 },
        { year: '2026', added: 1, changed: 1, removed: 0 },
      ],
      selectionChanges: false,
    });
    expect(previewImport(sample, incoming, 'replace').years.find((y) => y.year === '2026')?.removed).toBe(1);
  });

  it('merges entry by entry, the imported one winning on the same key', () => {
    const merged = mergeRecords(sample, incoming);
    expect(merged.years['2026']?.ticks['D01-18/m3']).toEqual({ done: '2026-03-16', note: '改期' });
    expect(Object.keys(merged.years['2026']?.ticks ?? {})).toHaveLength(2);
    expect(merged.years['2026']?.accountability).toEqual(sample.years['2026']?.accountability);
    expect(merged.years['2025']).toEqual(incoming.years['2025']);
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

describe('defaultDoneDate', () => {
  it('is today for the current year', () => {
    expect(defaultDoneDate('2026-11-21', 2026, '2026-12-31')).toBe('2026-11-21');
  });

  it('is the end of the window for another year, never a date of this year', () => {
    expect(defaultDoneDate('2026-11-21', 2025, '2025-12-20')).toBe('2025-12-20');
    // 秋季学期 2025 ends in January 2026: still a date of that occurrence.
    expect(defaultDoneDate('2026-11-21', 2025, '2026-01-31')).toBe('2026-01-31');
    expect(defaultDoneDate('2026-11-21', 2025, null)).toBe('2025-12-31');
    expect(defaultDoneDate('2026-11-21', 2027, '2027-03-31')).toBe('2027-03-31');
  });

  it('always gives a date the field accepts', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }),
        fc.integer({ min: 2001, max: 2098 }),
        fc.option(fc.date({ min: new Date(1999, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true })),
        (today, year, end) => {
          const iso = (d: Date) =>
            `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          expect(doneDateProblem(defaultDoneDate(iso(today), year, end ? iso(end) : null), year)).toBeNull();
        },
      ),
    );
  });
});
