/**
 * The lunar table against its source, tyme4ts, for every year it holds, and against the dates
 * published for 2025–2027: the State Council's holiday notices (国务院办公厅关于2025年、2026年部分
 * 节假日安排的通知) name 春节, 清明, 端午 and 中秋 as these days, and the 2027 dates are those of the
 * Purple Mountain Observatory's calendar (紫金山天文台《2027年中国天文年历》) as reported.
 */
import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import { describe, expect, it } from 'vitest';
import { FIRST_LUNAR_YEAR, LUNAR_ROWS } from '../lunarDates';
import { nodeWindows } from '../timeNodes';

const mmdd = (d: SolarDay) => `${String(d.getMonth()).padStart(2, '0')}${String(d.getDay()).padStart(2, '0')}`;

describe('the lunar date table', () => {
  it('covers 2000–2099 and agrees with tyme4ts on every year', () => {
    expect(FIRST_LUNAR_YEAR).toBe(2000);
    expect(LUNAR_ROWS).toHaveLength(100);
    LUNAR_ROWS.forEach((row, i) => {
      const year = FIRST_LUNAR_YEAR + i;
      const lunar = (m: number, d: number) => mmdd(LunarDay.fromYmd(year, m, d).getSolarDay());
      const qingming = mmdd(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay());
      expect(row, String(year)).toBe([lunar(1, 1), qingming, lunar(5, 5), lunar(8, 15)].join(' '));
    });
  });

  const published: Record<number, Record<string, string>> = {
    2025: { 春节: '2025-01-29', 清明: '2025-04-04', 端午: '2025-05-31', 中秋: '2025-10-06' },
    2026: { 春节: '2026-02-17', 清明: '2026-04-05', 端午: '2026-06-19', 中秋: '2026-09-25' },
    2027: { 春节: '2027-02-06', 清明: '2027-04-05', 端午: '2027-06-09', 中秋: '2027-09-15' },
  };
  for (const [year, days] of Object.entries(published)) {
    it(`gives the published festival days of ${year}`, () => {
      for (const [name, day] of Object.entries(days)) {
        const [window] = nodeWindows([`${name}期间`], Number(year));
        // 春节期间 begins on 除夕, the day before 正月初一.
        const expected = name === '春节' ? new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10) : day;
        expect(window?.start, `${year} ${name}`).toBe(expected);
      }
    });
  }
});
