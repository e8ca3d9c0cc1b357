import { describe, expect, it } from 'vitest';
import { emptyYear } from '../record';
import { groupOf, planYear, selectDuties, type ChecklistDuty } from '../plan';

const duty = (
  id: string,
  cadence: ChecklistDuty['cadence'],
  roles = ['party-organization'],
  document = 'a',
): ChecklistDuty => ({
  id,
  document,
  docTitle: '某校细则',
  locator: '一、1',
  path: `docs/${document}/#s1-1`,
  duty: `工作${id}`,
  cadence,
  cadenceText: '',
  roles,
  printedRole: '校党委',
});

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

describe('selectDuties', () => {
  it('keeps the chosen documents, and the chosen roles (all when none chosen)', () => {
    const all = [meetings, march, quarterly, anytime];
    expect(selectDuties(all, { documents: ['a'], roles: [] }).map((d) => d.id)).toEqual(['D01-01', 'D01-18']);
    expect(selectDuties(all, { documents: ['a', 'b'], roles: ['first-responsible'] }).map((d) => d.id)).toEqual([
      'D01-18',
    ]);
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
  const plan = planYear([meetings, march, quarterly, anytime], 2026, record, '2026-06-05');

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

  it('counts progress overall and per role', () => {
    expect(plan.overall).toEqual({ done: 2, total: 2 + 1 + 4 + 1 });
    expect(plan.byRole.find((r) => r.role === 'leading-group')?.progress).toEqual({ done: 1, total: 4 });
  });

  it('lists what is overdue or due next, most urgent first', () => {
    expect(plan.nextDue.map(({ slot }) => slot.tickKey)).toEqual([
      'D01-18/m3',
      'D05-17/q2',
      'D05-17/q3',
      'D05-17/q4',
      'D01-01/y-2',
    ]);
  });
});
