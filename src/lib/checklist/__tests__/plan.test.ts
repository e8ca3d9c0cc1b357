import { describe, expect, it } from 'vitest';
import { emptyYear } from '../record';
import { groupOf, ownDuty, planYear, resolveList } from '../plan';
import { testDuty } from './fixtures';

const duty = testDuty;

const meetings = duty('D01-01', { period: 'year', count: 2 });
const march = duty('D01-18', { period: 'year', count: 1, months: [3], window: '中旬' }, [
  'party-organization',
  'first-responsible',
]);
const quarterly = duty(
  'D05-17',
  { period: 'quarter', count: 1, months: [3, 6, 9, 12], window: '中旬' },
  ['leading-group'],
  'b',
);
const anytime = duty('D05-07', { period: 'triggered' }, ['party-branch'], 'b');

describe('groupOf', () => {
  it('puts one-month duties in their month and the rest in 全年, 每学期, 时间节点 or 随时', () => {
    expect(groupOf(march.cadence)).toBe('3月');
    expect(groupOf(meetings.cadence)).toBe('全年');
    expect(groupOf(quarterly.cadence)).toBe('全年');
    expect(groupOf({ period: 'semester', count: 1 })).toBe('每学期');
    expect(groupOf({ period: 'year', count: 1, partsOfYear: ['年末'] })).toBe('年终');
    expect(groupOf(anytime.cadence)).toBe('随时');
  });
});

describe('resolveList', () => {
  const loaded = new Map([
    ['a', [meetings, march]],
    ['b', [quarterly, anytime]],
  ]);
  const study = {
    kind: 'own' as const,
    id: 'U-abcd1234',
    text: '每月组织党员学习',
    cadence: { period: 'month' as const, count: 1 },
    roles: ['party-branch'],
  };

  it('without a list of its own, lists the chosen documents, for the chosen roles (all when none chosen)', () => {
    expect(resolveList(null, ['a'], [], loaded).duties.map((d) => d.id)).toEqual(['D01-01', 'D01-18']);
    expect(resolveList(null, ['a', 'b'], ['first-responsible'], loaded).duties.map((d) => d.id)).toEqual(['D01-18']);
  });

  it('with a list, keeps its order and its own duties, and reports duties the data lacks', () => {
    const list = [
      { kind: 'published' as const, id: 'D05-07', document: 'b' },
      study,
      { kind: 'published' as const, id: 'D01-18', document: 'a' },
      { kind: 'published' as const, id: 'D01-99', document: 'a' },
      { kind: 'published' as const, id: 'D07-01', document: 'c' },
    ];
    const resolved = resolveList(list, [], [], loaded);
    expect(resolved.duties.map((d) => d.id)).toEqual(['D05-07', 'U-abcd1234', 'D01-18']);
    expect(resolved.unresolved.map((e) => e.id)).toEqual(['D01-99', 'D07-01']);
    expect(resolveList(list, [], ['party-branch'], loaded).duties.map((d) => d.id)).toEqual(['D05-07', 'U-abcd1234']);
    expect(ownDuty(study)).toMatchObject({
      source: 'own',
      duty: '每月组织党员学习',
      cadenceText: '每月1次',
      document: null,
    });
  });
});

describe('planYear', () => {
  const record = {
    ...emptyYear(),
    ticks: {
      'D01-01/y': { done: '2026-02-10', note: '第一次专题会' },
      'D05-17/q1': { done: '2026-03-12', note: '' },
    },
  };
  const plan = planYear([meetings, march, quarterly, anytime], 2026, record, '2026-06-05', ['leading-group']);

  it('shows each occurrence with its tick, note and status', () => {
    const yearGroup = plan.groups.find((g) => g.group === '全年');
    const m = yearGroup?.duties.find((p) => p.duty.id === 'D01-01');
    expect(m?.slots.map((s) => [s.tickKey, s.done, s.status])).toEqual([
      ['D01-01/y', '2026-02-10', 'done'],
      ['D01-01/y-2', null, 'open'],
    ]);
    expect(m?.status).toBe('in-progress');
    expect(plan.groups.find((g) => g.group === '3月')?.duties[0]?.status).toBe('overdue');
  });

  it('counts progress overall and for each chosen role only', () => {
    expect(plan.overall).toEqual({ done: 2, total: 2 + 1 + 4 + 1 });
    expect(plan.byRole).toEqual([{ role: 'leading-group', progress: { done: 1, total: 4 } }]);
    expect(planYear([meetings], 2026, record, '2026-06-05').byRole).toEqual([]);
  });

  it('leads with what is due now and soon, then lists what is overdue, the most recent first', () => {
    // 6-05: the second quarter's window (6月11–20日) starts within 14 days and ends before the year-long one.
    expect(plan.nextDue.map(({ slot }) => slot.tickKey)).toEqual(['D05-17/q2', 'D01-01/y-2']);
    expect(plan.overdue.map(({ slot }) => slot.tickKey)).toEqual(['D01-18/m3']);
    // In December (the case found by a user): the December window first, not January's overdue ones.
    const monthly = duty('D02-01', { period: 'month', count: 1 });
    const december = planYear([monthly, quarterly], 2026, record, '2026-12-02');
    expect(december.nextDue.map(({ slot }) => slot.tickKey)).toEqual(['D05-17/q4', 'D02-01/m12']);
    expect(december.overdue.map(({ slot }) => slot.tickKey).slice(0, 4)).toEqual([
      'D02-01/m11',
      'D02-01/m10',
      'D02-01/m9',
      'D05-17/q3',
    ]);
    expect(december.dueThisMonth).toBe(2);
  });

  it('leaves 不适用 occurrences out of progress and of what is due', () => {
    const marked = {
      ...record,
      notApplicable: { 'D05-17': { reason: '本单位无联席会议' }, 'D01-18/m3': { reason: '停课' } },
    };
    const p = planYear([march, quarterly], 2026, marked, '2026-06-05');
    expect(p.overall).toEqual({ done: 1, total: 0 + 1 });
    expect(p.groups.flatMap((g) => g.duties.map((d) => d.status))).toEqual(['not-applicable', 'done']);
    expect(p.nextDue).toEqual([]);
    expect(p.overdue).toEqual([]);
  });
});
