import { describe, expect, it } from 'vitest';
import { createRoleMatcher } from '../roles';

describe('createRoleMatcher', () => {
  const mentions = createRoleMatcher([
    { id: 'party-organization', aliases: ['党委', '党支部'] },
    { id: 'first-responsible', aliases: ['党委书记', '第一责任人'] },
    { id: 'party-branch', aliases: ['支部书记'] },
  ]);

  it('finds each role once, in vocabulary order', () => {
    expect(mentions('党委书记是第一责任人，党委负主体责任')).toEqual(['party-organization', 'first-responsible']);
  });

  it('lets the longest alias win where aliases overlap', () => {
    expect(mentions('党委书记抓总')).toEqual(['first-responsible']);
    expect(mentions('党支部书记')).toEqual(['party-branch']);
  });

  it('finds nothing in unrelated text', () => {
    expect(mentions('加强校园管理')).toEqual([]);
  });
});
