import { describe, expect, it } from 'vitest';
import { matchesDuty, matchesFilter } from '../filter';

describe('matchesFilter', () => {
  const school = { bodyType: '学校', kind: '实施细则' };
  it('matches everything when no criterion is set', () => {
    expect(matchesFilter(school, { bodyType: '', kind: '' })).toBe(true);
  });
  it('requires every criterion that is set', () => {
    expect(matchesFilter(school, { bodyType: '学校', kind: '' })).toBe(true);
    expect(matchesFilter(school, { bodyType: '学校', kind: '工作计划' })).toBe(false);
    expect(matchesFilter(school, { bodyType: '乡镇', kind: '实施细则' })).toBe(false);
  });
});

describe('matchesDuty', () => {
  const duty = { document: 'tongliao', roles: ['party-organization', 'first-responsible'] };
  it('matches everything when no criterion is set', () => {
    expect(matchesDuty(duty, { doc: '', role: '' })).toBe(true);
  });
  it('requires the document and one of the role tags', () => {
    expect(matchesDuty(duty, { doc: 'tongliao', role: 'first-responsible' })).toBe(true);
    expect(matchesDuty(duty, { doc: 'tongliao', role: 'youth-league' })).toBe(false);
    expect(matchesDuty(duty, { doc: 'other', role: '' })).toBe(false);
  });
});
