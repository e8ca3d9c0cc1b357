/**
 * Reminders (issue 12, part 4): 本月应办 / 已逾期 on the self-check and the home page, nothing for someone who
 * never used the self-check, and a personal .ics with VALARMs, read back with ical.js. Today is fixed at
 * 2 December 2026.
 */
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloaded, hasBrowser, launch, openPage, selfCheckRendered, url } from './browser';

async function at(page: Page, path: string) {
  await page.clock.setFixedTime(new Date(2026, 11, 2, 9, 0));
  await page.goto(url(path));
}

describe.skipIf(!hasBrowser)('reminders', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows nothing on the home page to someone who never used the self-check, and loads nothing for it', async () => {
    const { page, close } = await openPage(browser);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await at(page, '');
    await page.waitForLoadState('networkidle');
    await expect(page.locator('#checklist-reminder').isHidden()).resolves.toBe(true);
    expect(requested.filter((u) => u.includes('/checklist/duties/'))).toEqual([]);
    await close();
  });

  it('says on the self-check and the home page what is due this month and what is overdue', async () => {
    const { page, errors, close } = await openPage(browser);
    await at(page, 'checklist/');
    await selfCheckRendered(page);
    await page.getByRole('checkbox', { name: '党组织', exact: true }).check();
    const notice = await page.locator('.check-summary .reminder').textContent();
    const [, due, overdue] = /本月应办 (\d+) 项 · 已逾期 (\d+) 项/.exec(notice ?? '') ?? [];
    expect(Number(due)).toBeGreaterThan(0);
    expect(Number(overdue)).toBeGreaterThan(0);
    await at(page, '');
    const home = page.locator('#checklist-reminder');
    await home.waitFor();
    await expect(home.textContent()).resolves.toBe(`本月应办 ${due} 项 · 已逾期 ${overdue} 项。打开年度自查`);
    await expect(home.getByRole('link', { name: '打开年度自查' }).getAttribute('href')).resolves.toMatch(
      /checklist\/$/,
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('exports my open duties of the year as an .ics with a reminder days before each window ends', async () => {
    const { page, close } = await openPage(browser);
    await at(page, 'checklist/');
    await selfCheckRendered(page);
    await page.getByRole('checkbox', { name: '第一责任人', exact: true }).check();
    await page.getByLabel('期限结束前几天提醒').fill('5');
    const { name, text } = await downloaded(page, () =>
      page.getByRole('button', { name: '下载我的日历（.ics）' }).click(),
    );
    expect(name).toBe('我的责任制工作-2026.ics');
    // RFC 5545: CRLF after every line, the last one too.
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const summaries = events.map((e) => e.summary);
    // Only the first responsible's duties, and only those not done whose window has not ended.
    expect(summaries).toEqual([
      '在抓基层党建述职评议考核会上述职意识形态工作（12月中旬）',
      '在民主生活会和年终述责报告中报告意识形态工作（年终）',
    ]);
    const december = events[0] as ICAL.Event;
    expect(december.startDate.toString()).toBe('2026-12-11');
    expect(december.endDate.toString()).toBe('2026-12-21');
    const alarm = december.component.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    const trigger = alarm?.getFirstProperty('trigger');
    expect(trigger?.getParameter('related')).toBe('END');
    expect(String(trigger?.getFirstValue())).toBe('-P5D');
    for (const event of events) expect(event.component.getAllSubcomponents('valarm')).toHaveLength(1);
    await close();
  });
});
