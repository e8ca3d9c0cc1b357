import { describe, expect, it } from 'vitest';
import { createMentionFinder, createRoleMatcher } from '../roles';

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

describe('createMentionFinder', () => {
  const find = createMentionFinder([
    { id: 'party-organization', aliases: ['党委', '党支部'] },
    { id: 'first-responsible', aliases: ['党委书记'] },
    { id: 'youth-league', aliases: ['团委'] },
  ]);

  it('gives every printed form with its place, in text order', () => {
    const text = '团委和党委协助党委书记，团委负责';
    expect(find(text)).toEqual([
      { id: 'youth-league', start: 0, end: 2 },
      { id: 'party-organization', start: 3, end: 5 },
      { id: 'first-responsible', start: 7, end: 11 },
      { id: 'youth-league', start: 12, end: 14 },
    ]);
    expect(find(text).map(({ start, end }) => text.slice(start, end))).toEqual(['团委', '党委', '党委书记', '团委']);
  });

  it('finds nothing in unrelated text', () => {
    expect(find('加强校园管理')).toEqual([]);
  });
});
