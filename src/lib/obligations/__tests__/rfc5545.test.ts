/** The .ics check finds each fault it promises to find: every case plants one into a valid file. */
import { describe, expect, it } from 'vitest';
import { buildIcs } from '../ics';
import { icsProblems } from '../rfc5545';

const valid = buildIcs(
  [
    {
      id: 'D05-17',
      duty: '召开意识形态工作联席会议',
      printedRole: '联席会议协调领导小组',
      quote: '联席会议每季度召开一次，原则上安排在每年的3月中旬、6月中旬、9月中旬、12月中旬进行',
      cadence: { period: 'quarter', count: 1, months: [3, 6], window: '中旬' },
      docTitle: '中心学校党总支意识形态领域风险防控机制（领导组职责及十项工作制度）',
      locator: '九、4',
      url: 'https://www.example.org/docs/central-school-risk-prevention-mechanism/#s9-4',
    },
  ],
  { year: 2026, name: '责任制手册：定期工作', host: 'www.example.org' },
);
const bytes = (text: string) => new TextEncoder().encode(text);
const check = (text: string) => icsProblems(bytes(text));

describe('icsProblems', () => {
  it('passes a file as the site writes it, with long Chinese lines folded', () => {
    expect(valid.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    expect(check(valid)).toEqual([]);
  });

  it('finds a last line without CRLF, and LF or CR line ends', () => {
    expect(check(valid.slice(0, -2))).toEqual([expect.stringContaining('没有以 CRLF 结尾')]);
    expect(check(valid.replace(/\r\n/g, '\n'))).toEqual(['第 1 行：行尾不是 CRLF']);
    expect(check(valid.replace('\r\nVERSION', '\rVERSION'))).toEqual(['第 1 行：行尾不是 CRLF']);
  });

  it('finds a line over 75 octets, counting UTF-8 bytes, not characters', () => {
    const long = valid.replace('SUMMARY:', `SUMMARY:${'会'.repeat(22)}\r\n `); // 8 + 66 = 74 octets: fine
    expect(check(long)).toEqual([]);
    const tooLong = valid.replace('SUMMARY:', `SUMMARY:${'会'.repeat(23)}\r\n `); // 8 + 69 = 77 octets
    expect(check(tooLong)).toEqual([expect.stringMatching(/：77 个字节，超过 75$/)]);
  });

  it('finds a fold that splits a Chinese character', () => {
    const file = bytes(valid);
    // The byte offset of 召, the first character of the summary (three bytes in UTF-8).
    const at = bytes(valid.slice(0, valid.indexOf('SUMMARY:') + 'SUMMARY:'.length)).length;
    expect(valid[valid.indexOf('SUMMARY:') + 8]).toBe('召');
    const split = new Uint8Array([...file.subarray(0, at + 1), 0x0d, 0x0a, 0x20, ...file.subarray(at + 1)]);
    expect(icsProblems(split)).toEqual(
      expect.arrayContaining([expect.stringContaining('不是完整的 UTF-8（折行切开了一个字符）')]),
    );
  });

  it('finds a missing or wrong calendar property', () => {
    expect(check(valid.replace('CALSCALE:GREGORIAN\r\n', ''))).toEqual(['日历须有且只有一个 CALSCALE（现有 0 个）']);
    expect(check(valid.replace('METHOD:PUBLISH', 'METHOD:REQUEST'))).toEqual(['METHOD 应为 PUBLISH：REQUEST']);
    expect(check(valid.replace(/X-WR-CALNAME:[^\r]*\r\n/, ''))).toEqual([
      '日历须有且只有一个 X-WR-CALNAME（现有 0 个）',
    ]);
    expect(check(valid.replace(/PRODID:[^\r]*\r\n/, ''))).toEqual(['日历须有且只有一个 PRODID（现有 0 个）']);
    expect(check(valid.replace('VERSION:2.0', 'VERSION:1.0'))).toEqual(['VERSION 应为 2.0：1.0']);
  });

  it('finds an event without UID or DTSTAMP, and a UID used twice', () => {
    expect(check(valid.replace(/UID:D05-17-m3[^\r]*\r\n/, ''))).toEqual([
      expect.stringContaining('须有且只有一个 UID'),
    ]);
    expect(check(valid.replace(/DTSTAMP:[^\r]*\r\n/, ''))).toEqual([
      '事件 D05-17-m3@www.example.org：须有一个 UTC 时间的 DTSTAMP',
    ]);
    expect(check(valid.replace('UID:D05-17-m6', 'UID:D05-17-m3'))).toEqual([
      '事件 UID 重复：D05-17-m3@www.example.org',
    ]);
  });

  it('finds unbalanced components and content after the calendar', () => {
    expect(check(valid.replace('END:VEVENT\r\n', ''))).toEqual(
      expect.arrayContaining([expect.stringContaining('不配对')]),
    );
    expect(check(`${valid}BEGIN:VEVENT\r\n`)).toEqual(expect.arrayContaining(['END:VCALENDAR 之后还有内容']));
    expect(check('')).toEqual(['文件为空']);
  });
});
