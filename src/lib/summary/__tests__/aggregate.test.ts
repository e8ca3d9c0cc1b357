import { describe, expect, it } from 'vitest';
import { ledgerOccurrences } from '../../checklist/ledger';
import { ALL, defaultYear, sameUnitFiles, summarize, summaryRoles, summaryYears } from '../aggregate';
import { doneShare, emptyCounts, type Counts } from '../present';
import type { OpenedLedger } from '../open';
import { branchRecord, ledgerOf, TODAY } from './fixtures';

const opened = (name: string, ledger: ReturnType<typeof ledgerOf>): OpenedLedger => ({
  ok: true,
  name,
  kind: 'json',
  ledger,
  evidence: { files: 0, bytes: 0, included: false, missing: [] },
});

const first = opened(
  '一支部.json',
  ledgerOf(
    branchRecord('第一党支部', {
      ticks: {
        'D01-18/h1': { done: '2026-03-15', note: '研判会纪要' },
        'U-k3j9x2ab/m1': { done: '2026-01-20', note: '' },
        'U-k3j9x2ab/m2': { done: null, note: '改期' },
      },
      notApplicable: { 'U-k3j9x2ab/m8': { reason: '暑假' } },
    }),
  ),
);
const second = opened(
  '二支部.json',
  ledgerOf(branchRecord('第二党支部', { notApplicable: { 'D01-05': { reason: '不设' } } })),
);
// The same branch again, exported later: a unit of its own, reported, not merged.
const secondAgain = opened(
  '二支部-新.zip',
  ledgerOf(branchRecord('第二党支部 ', { ticks: { 'D01-05/y': { done: '2026-06-30', note: '' } } })),
);
const unnamed = opened('无名.json', ledgerOf(branchRecord('', {})));
const files = [first, second, secondAgain, unnamed];

const sum = (list: Counts[]) =>
  list.reduce((a, c) => {
    for (const k of Object.keys(a) as (keyof Counts)[]) a[k] += c[k];
    return a;
  }, emptyCounts());

describe('summarize', () => {
  const summary = summarize(files, 2026, TODAY);

  it('lists every unit × duty × occurrence as the ledger reads it', () => {
    for (const [index, file] of files.entries()) {
      const own = summary.rows.filter((r) => r.unit.index === index);
      expect(own.map(({ unit: _unit, statusLabel: _label, ...row }) => row)).toEqual(
        ledgerOccurrences(file.ledger, 2026, TODAY),
      );
    }
    // 3 duties: 2 half-years + 1 year + 12 months = 15 occurrences per unit.
    expect(summary.rows).toHaveLength(4 * 15);
    const d18 = summary.rows.find((r) => r.unit.index === 0 && r.tickKey === 'D01-18/h1');
    expect(d18).toMatchObject({ state: 'done', done: '2026-03-15', note: '研判会纪要', statusLabel: '已完成' });
    expect(summary.rows.find((r) => r.unit.index === 0 && r.tickKey === 'U-k3j9x2ab/m9')).toMatchObject({
      state: 'open',
      statusLabel: '即将到期',
    });
    expect(summary.rows.find((r) => r.unit.index === 0 && r.tickKey === 'U-k3j9x2ab/m8')).toMatchObject({
      state: 'not-applicable',
      reason: '暑假',
    });
  });

  it('counts per unit and per duty, adding up to the total', () => {
    // 9-25: D01-18 first half done, the second (9月中旬) overdue; the year open; January done, Feb–July overdue,
    // August 不适用, September–December open.
    expect(summary.byUnit[0]!.counts).toEqual({ done: 2, overdue: 7, open: 5, 'not-applicable': 1, total: 15 });
    expect(summary.byUnit[1]!.counts).toMatchObject({ 'not-applicable': 1, done: 0 });
    expect(summary.byUnit[2]!.counts).toMatchObject({ done: 1 });
    expect(sum(summary.byUnit.map((u) => u.counts))).toEqual(summary.totals);
    expect(sum(summary.byDuty.map((d) => d.counts))).toEqual(summary.totals);
    expect(summary.totals.total).toBe(summary.rows.length);
    const monthly = summary.byDuty.find((d) => d.duty.id === 'U-k3j9x2ab');
    expect(monthly).toMatchObject({ units: 4, counts: { done: 1, 'not-applicable': 1, total: 48 } });
    expect(summary.byDuty.map((d) => d.duty.id)).toEqual(['D01-18', 'D01-05', 'U-k3j9x2ab']);
  });

  it('reports two files of one unit and keeps both, told apart by file', () => {
    expect(sameUnitFiles(files)).toEqual([{ name: '第二党支部', files: ['二支部.json', '二支部-新.zip'] }]);
    expect(summary.units.map((u) => u.label)).toEqual([
      '第一党支部',
      '第二党支部（二支部.json）',
      '第二党支部（二支部-新.zip）',
      '（未填单位名称）无名.json',
    ]);
  });

  it('filters by state, role and unit, counting only what is shown', () => {
    const overdue = summarize(files, 2026, TODAY, { ...ALL, states: ['overdue'] });
    expect(overdue.rows.every((r) => r.state === 'overdue')).toBe(true);
    expect(overdue.totals).toEqual({ ...emptyCounts(), overdue: overdue.rows.length, total: overdue.rows.length });
    // A duty that names no role is every role's (D01-05); the monthly one is the branch secretary's.
    const secretary = summarize(files, 2026, TODAY, { ...ALL, role: 'branch-secretary' });
    expect(new Set(secretary.rows.map((r) => r.duty.id))).toEqual(new Set(['D01-05', 'U-k3j9x2ab']));
    const one = summarize(files, 2026, TODAY, { ...ALL, unit: 1 });
    expect(new Set(one.rows.map((r) => r.unit.index))).toEqual(new Set([1]));
    expect(one.byUnit.map((u) => u.unit.index)).toEqual([1]);
    expect(summarize(files, 2026, TODAY, { ...ALL, states: [] }).rows).toEqual([]);
  });

  it('offers the years the ledgers hold and this year, and the roles their duties name', () => {
    const later = opened('三支部.json', ledgerOf(branchRecord('第三党支部', {}, '2027')));
    expect(summaryYears([...files, later], 2025)).toEqual([2027, 2026, 2025]);
    // This year when a ledger has it, else the latest a ledger has.
    expect(defaultYear(files, 2026)).toBe(2026);
    expect(defaultYear(files, 2027)).toBe(2026);
    expect(defaultYear([], 2027)).toBe(2027);
    expect(summaryRoles(files)).toEqual([
      { id: 'party-organization', name: '党组织' },
      { id: 'branch-secretary', name: '支部书记' },
    ]);
  });

  it('gives the share done among the occurrences that apply', () => {
    expect(doneShare({ ...emptyCounts(), done: 1, open: 2, 'not-applicable': 1, total: 4 })).toBe('33%');
    expect(doneShare({ ...emptyCounts(), 'not-applicable': 2, total: 2 })).toBe('—');
  });
});
