import { describe, expect, it } from 'vitest';
import { choiceSearch, parseChoice } from '../choice';
import { dateBounds, outsideWindow, tickDate } from '../dates';
import {
  addEvidence,
  addToList,
  moveInList,
  ownDutyId,
  removeEvidence,
  removeFromList,
  saveOwnDuty,
  setNotApplicable,
  setTick,
} from '../edit';
import { testDuty } from './fixtures';
import { emptyRecord, type OwnDuty } from '../record';

const duty = (id: string, document = 'a') => testDuty(id, undefined, undefined, document);
const all = [duty('D01-01'), duty('D01-02'), duty('D02-01', 'b')];
const own: OwnDuty = {
  kind: 'own',
  id: 'U-abcd1234',
  text: '每月学习',
  cadence: { period: 'month', count: 1 },
  roles: [],
};
const start = {
  ...emptyRecord('2026-01-01T00:00:00.000Z'),
  selection: { documents: ['a', 'b'], roles: ['party-organization'] },
};

describe('the duty list', () => {
  it('becomes the unit’s own on its first change, keeping the chosen documents’ duties in order', () => {
    const added = saveOwnDuty(start, all, own);
    expect(added.list?.map((e) => e.id)).toEqual(['D01-01', 'D01-02', 'D02-01', 'U-abcd1234']);
    expect(added.selection).toEqual({ documents: ['a', 'b'], roles: ['party-organization'] });
    const moved = moveInList(added, all, 'U-abcd1234', -3);
    expect(moved.list?.map((e) => e.id)).toEqual(['U-abcd1234', 'D01-01', 'D01-02', 'D02-01']);
    expect(moveInList(moved, all, 'U-abcd1234', -1)).toBe(moved);
    const removed = removeFromList(moved, all, ['D02-01']);
    // The chosen documents follow the list.
    expect(removed.selection?.documents).toEqual(['a']);
    expect(addToList(removed, all, [{ kind: 'published', id: 'D01-01', document: 'a' }]).list).toEqual(removed.list);
    const edited = saveOwnDuty(removed, all, { ...own, text: '每月集中学习' });
    expect(edited.list?.[0]).toMatchObject({ id: 'U-abcd1234', text: '每月集中学习' });
  });

  it('keeps a removed duty’s ticks and files', () => {
    const ticked = setTick(start, 2026, 'D02-01/y', '2026-05-01', '');
    expect(removeFromList(ticked, all, ['D02-01']).years).toEqual(ticked.years);
  });

  it('gives own duties fresh ids of the record’s form', () => {
    expect(ownDutyId()).toMatch(/^U-[0-9a-z]{8}$/);
    // A taken id is never given again: the first draw (all zeros) is taken, the second is not.
    let n = 0;
    const draws = () => (n++ < 8 ? 0 : 0.99);
    expect(ownDutyId(draws, ['U-00000000'])).toBe('U-zzzzzzzz');
  });
});

describe('不适用 and evidence', () => {
  it('records and clears a reason for a duty or one occurrence', () => {
    const marked = setNotApplicable(
      setNotApplicable(start, 2026, 'D01-01', '未设此机构'),
      2026,
      'D01-02/y',
      '合并召开',
    );
    expect(marked.years['2026']?.notApplicable).toEqual({
      'D01-01': { reason: '未设此机构' },
      'D01-02/y': { reason: '合并召开' },
    });
    expect(setNotApplicable(marked, 2026, 'D01-01', null).years['2026']?.notApplicable).toEqual({
      'D01-02/y': { reason: '合并召开' },
    });
  });

  it('adds each file once per occurrence and removes it', () => {
    const file = {
      sha256: 'a'.repeat(64),
      name: 'x.pdf',
      type: 'application/pdf',
      size: 1,
      added: '2026-01-01T00:00:00.000Z',
    };
    const once = addEvidence(addEvidence(start, 2026, 'D01-01/y', [file]), 2026, 'D01-01/y', [file]);
    expect(once.years['2026']?.evidence['D01-01/y']).toEqual([file]);
    expect(removeEvidence(once, 2026, 'D01-01/y', file.sha256).years['2026']?.evidence).toEqual({});
  });
});

describe('dates of a tick', () => {
  const december = { start: '2026-12-11', end: '2026-12-20' };
  it('is today inside the window, asked for outside it', () => {
    expect(tickDate('2026-12-15', 2026, december)).toBe('2026-12-15');
    expect(tickDate('2026-12-02', 2026, december)).toBeNull();
    expect(tickDate('2027-01-05', 2026, { start: null, end: null })).toBeNull();
    expect(tickDate('2026-06-05', 2026, { start: null, end: null })).toBe('2026-06-05');
  });
  it('keeps to the year, or to a window that runs into the next', () => {
    expect(dateBounds(2026, december)).toEqual({ min: '2026-01-01', max: '2026-12-31' });
    expect(dateBounds(2026, { start: '2026-08-01', end: '2027-01-31' })).toEqual({
      min: '2026-01-01',
      max: '2027-01-31',
    });
    expect(outsideWindow('2026-12-01', december)).toBe(true);
    expect(outsideWindow('2026-12-20', december)).toBe(false);
  });
});

describe('the choice in the URL', () => {
  it('round-trips documents, roles and year, and ignores what it cannot use', () => {
    const search = choiceSearch(['a', 'b'], ['party-branch'], 2025);
    expect(search).toBe('?doc=a&doc=b&role=party-branch&year=2025');
    expect(parseChoice(search)).toEqual({ documents: ['a', 'b'], roles: ['party-branch'], year: 2025 });
    expect(parseChoice('?year=20x5&doc=&role=a&role=a')).toEqual({ documents: null, roles: ['a'], year: null });
    expect(choiceSearch(null, [], 2026)).toBe('?year=2026');
  });
});
