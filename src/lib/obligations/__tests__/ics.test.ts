import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, type CalendarObligation } from '../ics';
import { icsProblems } from '../rfc5545';

const base = {
  printedRole: '联席会议协调领导小组',
  quote: '联席会议每季度召开一次，原则上安排在每年的3月中旬、6月中旬、9月中旬、12月中旬进行',
  docTitle: '中心学校党总支意识形态领域风险防控机制（领导组职责及十项工作制度）',
  locator: '九、4',
  url: 'https://example.edu.cn/docs/central-school-risk-prevention-mechanism/#s9-4',
};
const obligations: CalendarObligation[] = [
  {
    ...base,
    id: 'D05-17',
    duty: '召开意识形态工作联席会议',
    cadence: { period: 'quarter', count: 1, months: [3, 6, 9, 12], window: '中旬' },
  },
  {
    ...base,
    id: 'D05-06',
    duty: '向中心学校党总支专题报告意识形态工作',
    cadence: { period: 'month', count: 1, window: '月底前' },
  },
  { ...base, id: 'D05-01', duty: '专题研究意识形态工作', cadence: { period: 'year', count: 2 } },
  { ...base, id: 'D05-07', duty: '遇重大问题随时报告', cadence: { period: 'triggered' } },
  {
    ...base,
    id: 'D01-27',
    duty: '春节、开学季等时间节点检查应急预案和通知引导',
    cadence: { period: 'event', event: '春节、开学季等重要时间节点', nodes: ['春节前', '国庆期间'] },
  },
  {
    ...base,
    id: 'D16-08',
    duty: '围绕冬奥会、党的二十大等时间节点抓好意识形态工作',
    cadence: { period: 'event', event: '冬奥会、党的二十大等重要时间节点', nodes: ['冬奥会', '二十大'] },
  },
];
const text = buildIcs(obligations, { year: 2026, name: '责任制手册：定期工作', host: 'example.edu.cn' });
const parsed = new ICAL.Component(ICAL.parse(text));
const events = parsed.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

const byUid = (uid: string) => events.find((e) => e.uid === uid)!;

describe('buildIcs, read back with ical.js', () => {
  it('has one event per scheduled month and one for a monthly duty, none for unscheduled duties', () => {
    expect(events.filter((e) => !/^D(01-27|16-08)/.test(e.uid))).toHaveLength(5);
    expect(events.map((e) => e.uid).sort()).toEqual([
      'D01-27-n-chunjie-before-2026@example.edu.cn',
      'D01-27-n-chunjie-before-2027@example.edu.cn',
      'D01-27-n-chunjie-before-2028@example.edu.cn',
      'D01-27-n-chunjie-before-2029@example.edu.cn',
      'D01-27-n-chunjie-before-2030@example.edu.cn',
      'D01-27-n-guoqing-during@example.edu.cn',
      'D05-06-monthly@example.edu.cn',
      'D05-17-m12@example.edu.cn',
      'D05-17-m3@example.edu.cn',
      'D05-17-m6@example.edu.cn',
      'D05-17-m9@example.edu.cn',
      'D16-08-n-dongaohui-around-2022@example.edu.cn',
      'D16-08-n-ershida-around-2022@example.edu.cn',
    ]);
  });

  it('writes lunar festival windows year by year on their own days, fixed ones as a yearly repeat', () => {
    const chunjie = (year: number) => byUid(`D01-27-n-chunjie-before-${year}@example.edu.cn`);
    expect([chunjie(2026), chunjie(2027)].map((e) => [e.startDate.toString(), e.endDate.toString()])).toEqual([
      ['2026-02-02', '2026-02-16'],
      ['2027-01-22', '2027-02-05'],
    ]);
    expect(chunjie(2026).isRecurring()).toBe(false);
    const guoqing = byUid('D01-27-n-guoqing-during@example.edu.cn');
    expect([guoqing.startDate.toString(), guoqing.endDate.toString(), guoqing.isRecurring()]).toEqual([
      '2026-10-01',
      '2026-10-08',
      true,
    ]);
  });

  it('dates an event of one past year in that year only, and says so', () => {
    const games = byUid('D16-08-n-dongaohui-around-2022@example.edu.cn');
    expect([games.startDate.toString(), games.endDate.toString(), games.isRecurring()]).toEqual([
      '2022-01-28',
      '2022-02-21',
      false,
    ]);
    expect(games.description).toMatch(/^冬奥会、党的二十大等重要时间节点（仅2022年）/);
  });

  it('makes all-day events over the window, repeating yearly', () => {
    const march = events.find((e) => e.uid === 'D05-17-m3@example.edu.cn')!;
    expect(march.startDate.isDate).toBe(true);
    expect(march.startDate.toString()).toBe('2026-03-11');
    expect(march.endDate.toString()).toBe('2026-03-21');
    expect(march.isRecurring()).toBe(true);
    const next = march.iterator();
    expect([next.next()?.toString(), next.next()?.toString()]).toEqual(['2026-03-11', '2027-03-11']);
  });

  it('puts a 月底前 duty on the last day of every month', () => {
    const monthly = events.find((e) => e.uid === 'D05-06-monthly@example.edu.cn')!;
    const occurrences = monthly.iterator();
    const days = Array.from({ length: 3 }, () => occurrences.next()?.toString());
    expect(days).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('carries the citation and the clause URL', () => {
    const march = events.find((e) => e.uid === 'D05-17-m3@example.edu.cn')!;
    expect(march.summary).toBe('召开意识形态工作联席会议（联席会议协调领导小组）');
    expect(march.description).toContain('《中心学校党总支意识形态领域风险防控机制（领导组职责及十项工作制度）》九、4');
    expect(march.description).toContain(base.url);
    expect(march.component.getFirstPropertyValue('url')).toBe(base.url);
  });

  it('is RFC 5545 byte for byte: CRLF after every line including the last, folds, calendar properties', () => {
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toMatch(/\r\nEND:VCALENDAR\r\n$/);
    expect(icsProblems(new TextEncoder().encode(text))).toEqual([]);
    expect(text).toContain('\r\nCALSCALE:GREGORIAN\r\n');
    expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(text).toContain('\r\nX-WR-CALNAME:责任制手册：定期工作\r\n');
  });
});
