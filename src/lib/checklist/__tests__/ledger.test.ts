import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildLedger, cadenceSchema, ledgerOccurrences, parseLedger, type LedgerExport } from '../ledger';
import { ownDuty, type ChecklistDuty } from '../plan';
import { APP, CURRENT_VERSION, type ChecklistRecord } from '../record';
import { PERIODS } from '../../../schemas/obligation';
import { slotsFor } from '../slots';

const NOW = '2026-11-21T08:00:00.000Z';
const SITE = 'https://example.edu.cn/zerenzhi/';
const published: ChecklistDuty = {
  id: 'D01-18',
  source: 'published',
  document: 'tongliao-no5-middle-school-rules',
  docTitle: '通辽五中意识形态工作责任制实施细则',
  locator: '三、1',
  path: 'docs/tongliao-no5-middle-school-rules/#s3-1',
  duty: '召开上半年意识形态工作分析研判会',
  cadence: { period: 'half-year', count: 1, months: [3, 9], window: '中旬' },
  cadenceText: '每半年1次（3/9月中旬）',
  roles: ['party-organization'],
  printedRole: '校党委',
  citation: null,
};
const record: ChecklistRecord = {
  app: APP,
  version: CURRENT_VERSION,
  unit: '某某小学党支部',
  selection: { documents: ['tongliao-no5-middle-school-rules'], roles: [] },
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
      ticks: { 'D01-18/h1': { done: '2026-03-15', note: '纪要' }, 'U-k3j9x2ab/m1': { done: null, note: '' } },
      accountability: {},
      notApplicable: { 'U-k3j9x2ab/m8': { reason: '暑假' } },
      evidence: {
        'D01-18/h1': [{ sha256: 'c'.repeat(64), name: '纪要.pdf', type: 'application/pdf', size: 10, added: NOW }],
      },
    },
  },
  savedAt: NOW,
};
const own = record.list?.[1];
const duties = [published, ...(own?.kind === 'own' ? [ownDuty(own)] : [])];
const roleName = (id: string) => ({ 'party-organization': '党组织', 'branch-secretary': '支部书记' })[id] ?? id;
const ledger = (content: 'ledger' | 'list' = 'ledger'): LedgerExport =>
  buildLedger(record, duties, { content, exportedAt: NOW, site: SITE, roleName });

describe('buildLedger', () => {
  it('carries the record and a readable snapshot of every duty', () => {
    const built = ledger();
    expect(built).toMatchObject({ format: 'zerenzhi-ledger', formatVersion: 1, content: 'ledger', exportedAt: NOW });
    expect(built.record).toEqual(record);
    expect(built.duties).toEqual([
      {
        id: 'D01-18',
        source: 'published',
        title: '召开上半年意识形态工作分析研判会',
        document: { slug: 'tongliao-no5-middle-school-rules', title: '通辽五中意识形态工作责任制实施细则' },
        locator: '三、1',
        url: 'https://example.edu.cn/zerenzhi/docs/tongliao-no5-middle-school-rules/#s3-1',
        citation: null,
        cadence: published.cadence,
        cadenceText: '每半年1次（3/9月中旬）',
        roles: [{ id: 'party-organization', name: '党组织' }],
        printedRole: '校党委',
      },
      {
        id: 'U-k3j9x2ab',
        source: 'own',
        title: '每月组织党员学习',
        document: null,
        locator: null,
        url: null,
        citation: '本支部《学习制度》第三条',
        cadence: { period: 'month', count: 1 },
        cadenceText: '每月1次',
        roles: [{ id: 'branch-secretary', name: '支部书记' }],
        printedRole: null,
      },
    ]);
  });

  it('leaves the years out of a list handed on', () => {
    expect(ledger('list').record.years).toEqual({});
    expect(ledger('list').record.list).toEqual(record.list);
  });
});

describe('parseLedger', () => {
  it('reads back what was exported', () => {
    expect(parseLedger(JSON.stringify(ledger()))).toEqual({ ledger: ledger(), problem: null });
  });

  it('says what is wrong with a file that is not a ledger', () => {
    const good = ledger();
    const cases: [string, string][] = [
      ['{"format":', 'unreadable'],
      [JSON.stringify(record), 'foreign'],
      ['[]', 'foreign'],
      [JSON.stringify({ ...good, formatVersion: 2 }), 'newer'],
      [JSON.stringify({ ...good, exportedAt: '' }), 'invalid'],
      [JSON.stringify({ ...good, duties: [good.duties[0], good.duties[0]] }), 'invalid'],
      [
        JSON.stringify({ ...good, duties: [{ ...good.duties[0], cadence: { period: 'year', window: '某旬' } }] }),
        'invalid',
      ],
      [JSON.stringify({ ...good, record: { ...record, version: 99 } }), 'newer'],
      [JSON.stringify({ ...good, record: { ...record, years: { '2026': {} } } }), 'invalid'],
      [JSON.stringify({ ...good, record: { todo: 1 } }), 'invalid'],
    ];
    for (const [raw, kind] of cases) {
      const result = parseLedger(raw);
      expect(result.ledger, raw).toBeNull();
      expect(result.problem?.kind, raw).toBe(kind);
      expect(result.problem?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('never throws (property)', () => {
    const text = JSON.stringify(ledger());
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((x) => JSON.stringify({ ...ledger(), duties: x })),
          fc.jsonValue().map((x) => JSON.stringify({ ...ledger(), record: x })),
          fc
            .tuple(fc.nat(text.length - 1), fc.nat(5), fc.string({ maxLength: 5 }))
            .map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut)),
        ),
        (raw) => {
          const result = parseLedger(raw);
          expect(result.ledger === null).toBe(result.problem !== null);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accepts only cadences whose occurrences can be computed in any year (property)', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            period: fc.constantFrom(...PERIODS, 'other'),
            count: fc.integer({ min: -1, max: 101 }),
            maxCount: fc.integer({ min: 0, max: 5 }),
            months: fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 13 }),
            window: fc.constantFrom('上旬', '中旬', '下旬', '第一周', '月底前', '整月', '某旬'),
            dates: fc.record({
              from: fc.record({ month: fc.integer({ min: 0, max: 13 }), day: fc.integer({ min: 0, max: 32 }) }),
              to: fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) }),
            }),
            partsOfYear: fc.array(fc.constantFrom('年初', '年中', '年终', '年末', '岁末'), { maxLength: 5 }),
            event: fc.string({ maxLength: 10 }),
            nodes: fc.array(fc.constantFrom('春节前', '国庆期间', '开学初', '元旦', '2022年冬奥会', '某节'), {
              maxLength: 3,
            }),
          },
          { requiredKeys: ['period'] },
        ),
        fc.integer({ min: 1990, max: 2100 }),
        (cadence, year) => {
          const parsed = v.safeParse(cadenceSchema, cadence);
          if (!parsed.success) return;
          const slots = slotsFor(parsed.output as never, year);
          // Every cadence has occurrences, except time nodes that fall in other years (2022年冬奥会) or are unknown.
          if (!parsed.output.nodes || parsed.output.period !== 'event') expect(slots.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('ledgerOccurrences', () => {
  const rows = ledgerOccurrences(ledger(), 2026, '2026-09-25');

  it('lists every duty × occurrence with its window and state', () => {
    expect(rows).toHaveLength(2 + 12);
    const [first, second] = rows;
    expect(first).toMatchObject({
      tickKey: 'D01-18/h1',
      occurrence: { key: 'h1', label: '上半年', start: '2026-03-11', end: '2026-03-20' },
      state: 'done',
      done: '2026-03-15',
      note: '纪要',
    });
    expect(first?.evidence.map((e) => e.name)).toEqual(['纪要.pdf']);
    expect(second).toMatchObject({ tickKey: 'D01-18/h2', state: 'overdue', status: 'overdue', done: null });
    expect(rows.find((r) => r.tickKey === 'U-k3j9x2ab/m8')).toMatchObject({ state: 'not-applicable', reason: '暑假' });
    expect(rows.find((r) => r.tickKey === 'U-k3j9x2ab/m9')).toMatchObject({ state: 'open', status: 'due-soon' });
    expect(rows.find((r) => r.tickKey === 'U-k3j9x2ab/m10')).toMatchObject({ state: 'open', status: 'not-yet' });
    expect(rows.filter((r) => r.duty.id === 'U-k3j9x2ab' && r.state === 'overdue')).toHaveLength(7);
  });

  it('applies a whole duty’s 不适用 to each occurrence, and is empty for a year without records', () => {
    const l = ledger();
    const marked = {
      ...l,
      record: {
        ...l.record,
        years: { '2026': { ...record.years['2026']!, notApplicable: { 'D01-18': { reason: '无' } } } },
      },
    };
    const d18 = ledgerOccurrences(marked, 2026, '2026-09-25').filter((r) => r.duty.id === 'D01-18');
    expect(d18.map((r) => [r.state, r.reason])).toEqual([
      ['done', '无'],
      ['not-applicable', '无'],
    ]);
    expect(ledgerOccurrences(l, 2030, '2026-09-25').every((r) => r.state === 'open' && r.done === null)).toBe(true);
  });
});
