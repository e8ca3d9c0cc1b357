import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { LunarDay } from 'tyme4ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icsProblems } from '../../src/lib/obligations/rfc5545';
import { obligationsFileSchema, type ObligationsFile } from '../../src/schemas/obligationsFile';
import { hasBrowser, launch, openPage, selfCheckRendered, url } from './browser';
import { DIST } from './site';

/** Every .ics the build wrote, as paths under dist/. */
function icsFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? icsFiles(join(dir, entry.name))
      : entry.name.endsWith('.ics')
        ? [relative(DIST, join(dir, entry.name))]
        : [],
  );
}

async function fetchText(path: string) {
  const response = await fetch(url(path));
  expect(response.status, path).toBe(200);
  return { text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

describe.skipIf(!hasBrowser)('obligations: data, roles, calendar', () => {
  let browser: Browser;
  let data: ObligationsFile;
  beforeAll(async () => {
    browser = await launch();
    data = obligationsFileSchema.parse(JSON.parse((await fetchText('obligations.json')).text));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('publishes /obligations.json that validates against the documented schema', async () => {
    expect(data.obligations.length).toBeGreaterThan(50);
    expect(new Set(data.obligations.map((o) => o.id)).size).toBe(data.obligations.length);
    const schema = JSON.parse((await fetchText('obligations.schema.json')).text);
    expect(schema.properties.obligations.type).toBe('array');
  });

  it('cites clauses that exist: every obligation URL is a page with that fragment', async () => {
    const pages = new Map<string, string>();
    for (const o of data.obligations) {
      const target = new URL(o.url);
      const path = target.pathname.replace(/^\//, '');
      if (!pages.has(path)) pages.set(path, (await fetchText(path.slice(new URL(url()).pathname.length - 1))).text);
      expect(pages.get(path), o.url).toContain(`id="${decodeURIComponent(target.hash.slice(1))}"`);
    }
  });

  it('writes every .ics RFC 5545 byte for byte, and ical.js reads each one back', async () => {
    const files = icsFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(join(DIST, file)));
      expect(icsProblems(bytes), file).toEqual([]);
      const calendar = new ICAL.Component(ICAL.parse(new TextDecoder().decode(bytes)));
      expect(calendar.getFirstPropertyValue('x-wr-calname'), file).toMatch(/^责任制手册：定期工作/);
      expect(calendar.getAllSubcomponents('vevent').length, file).toBeGreaterThan(0);
    }
  });

  it('serves /obligations.ics as text/calendar with one event per dated occurrence of each duty', async () => {
    const { text, type } = await fetchText('obligations.ics');
    expect(type).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const dutyOf = (uid: string) => uid.match(/^(D\d+-\d+)-/)?.[1] ?? '';
    for (const event of events) {
      expect(event.startDate.isDate).toBe(true);
      const o = data.obligations.find((x) => x.id === dutyOf(event.uid));
      expect(o, event.uid).toBeDefined();
      expect(event.description).toContain(o?.url);
    }
    // Stated months repeat yearly, a 每月 duty monthly; none for duties without a date.
    const months = data.obligations.reduce(
      (n, o) =>
        n +
        (o.cadence.period === 'once' ? 0 : (o.cadence.months?.length ?? 0)) +
        (o.cadence.period === 'month' && o.cadence.window ? 1 : 0),
      0,
    );
    expect(events.filter((e) => /-(m\d+|monthly)@/.test(e.uid))).toHaveLength(months);
    for (const o of data.obligations.filter((x) => ['ongoing', 'triggered'].includes(x.cadence.period)))
      expect(events.some((e) => dutyOf(e.uid) === o.id)).toBe(false);
    // 春节前 of each year ends the day before 除夕, by tyme4ts, independently of the site's table.
    const chunjie = events.filter((e) => /^D01-27-n-chunjie-before-\d{4}@/.test(e.uid));
    expect(chunjie).toHaveLength(5);
    for (const event of chunjie) {
      const year = Number(event.uid.match(/(\d{4})@/)?.[1]);
      const newYear = LunarDay.fromYmd(year, 1, 1).getSolarDay();
      const eve = new Date(Date.UTC(year, newYear.getMonth() - 1, newYear.getDay() - 1));
      expect(event.endDate.toString(), event.uid).toBe(eve.toISOString().slice(0, 10));
      expect(event.isRecurring()).toBe(false);
    }
    const games = events.find((e) => e.uid.startsWith('D16-08-n-dongaohui-around-2022@'));
    expect([games?.startDate.toString(), games?.endDate.toString(), games?.isRecurring()]).toEqual([
      '2022-01-28',
      '2022-02-21',
      false,
    ]);
  });

  it('names no placeholder host: every absolute URL starts with the site the build was given', async () => {
    const origin = new URL(data.site).origin;
    expect(origin).not.toMatch(/example\./);
    for (const file of ['obligations.json', ...icsFiles()]) {
      const text = readFileSync(join(DIST, file), 'utf8');
      expect(text, file).not.toContain('example.edu.cn');
      const unfolded = text.replace(/\r\n[ \t]/g, '');
      for (const url of unfolded.match(/https?:\/\/[^\s"\\,]+/g) ?? [])
        expect(url.startsWith(origin), `${file}: ${url}`).toBe(true);
    }
  });

  it('shows every dated occurrence of the file in its month on the page, a 每月 duty in every month', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url('calendar/'));
    const year = Number(await page.locator('#calendar-year-note').getAttribute('data-year'));
    const onPage = new Map<number, Set<string>>();
    for (let month = 1; month <= 12; month += 1) {
      const section = page.getByRole('region', { name: new RegExp(`^${month}月`) });
      const ids = await section
        .locator('li[data-duty]')
        .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.duty ?? ''));
      onPage.set(month, new Set(ids));
    }
    // The months each event of the file touches in the year shown, its repeats expanded by ical.js.
    const inFile = new Map<number, Set<string>>(Array.from({ length: 12 }, (_, i) => [i + 1, new Set<string>()]));
    const { text } = await fetchText('obligations.ics');
    for (const vevent of new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')) {
      const event = new ICAL.Event(vevent);
      const id = event.uid.match(/^(D\d+-\d+)-/)?.[1] ?? '';
      const days = (event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()) / 86_400_000;
      const starts = event.iterator();
      for (let start = starts.next(); start && start.year <= year; start = starts.next()) {
        for (let d = 0; d < days; d += 1) {
          const day = start.clone();
          day.adjust(d, 0, 0, 0);
          if (day.year === year) inFile.get(day.month)?.add(id);
        }
      }
    }
    expect([...inFile.values()].reduce((n, ids) => n + ids.size, 0)).toBeGreaterThan(40);
    for (let month = 1; month <= 12; month += 1)
      expect([...(onPage.get(month) ?? [])].sort(), `${month}月`).toEqual([...(inFile.get(month) ?? [])].sort());
    for (const ids of onPage.values()) expect(ids.has('D05-06')).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('links to each month and marks the current one by the reader’s date, listing 本月 first', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url('calendar/'));
    const year = Number(await page.locator('#calendar-year-note').getAttribute('data-year'));
    await page.clock.setFixedTime(new Date(year, 2, 15, 10));
    await page.reload();
    const nav = page.getByRole('navigation', { name: '跳到月份' });
    await expect(nav.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(19);
    const march = nav.getByRole('link', { name: /^3月/ });
    await expect(march.getAttribute('aria-current')).resolves.toBe('date');
    await expect(march.textContent()).resolves.toContain('本月');
    await expect(nav.locator('[aria-current]').count()).resolves.toBe(1);
    const headings = () => page.locator('.calendar h2').allTextContents();
    expect((await headings())[0]).toBe('3月 本月');
    await march.click();
    await expect.poll(() => page.url()).toMatch(/#m3$/);
    // Printed, the year is in its order again.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(async () => (await headings()).slice(0, 4)).toEqual(['年初', '1月', '2月', '3月 本月']);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(async () => (await headings())[0]).toBe('3月 本月');

    // Opened in another year, nothing is marked and the page says which year its dates are for.
    await page.clock.setFixedTime(new Date(year + 1, 0, 10, 10));
    await page.reload();
    await expect(nav.locator('[aria-current]').count()).resolves.toBe(0);
    expect((await headings())[0]).toBe('年初');
    await expect(page.locator('#calendar-year-note').textContent()).resolves.toContain(`本页的日期按${year}年排列`);
    await close();
  });

  it('gives the self-check the same festival windows as the calendar file', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url('calendar/'));
    const year = Number(await page.locator('#calendar-year-note').getAttribute('data-year'));
    const { text } = await fetchText('obligations.ics');
    const event = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid.startsWith(`D01-27-n-chunjie-before-${year}@`));
    const last = event?.endDate.clone();
    last?.adjust(-1, 0, 0, 0);
    const short = (t?: ICAL.Time) => `${t?.month}月${t?.day}日`;
    await page.goto(url('checklist/'));
    await selfCheckRendered(page);
    const box = page.getByRole('checkbox', { name: /春节、开学季等时间节点检查应急预案和通知引导：\s*春节前（/ });
    await expect.poll(() => box.count(), { timeout: 20_000 }).toBe(1);
    await expect(box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '')).resolves.toContain(
      `${short(event?.startDate)}—${short(last)}`,
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('lists roles with a responsibility matrix whose cells open the role list at that document', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url('roles/'));
    const matrix = page.getByRole('table');
    const row = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '支部/支部书记' }) });
    const cell = row.getByRole('link', { name: /^\d+/ }).first();
    const count = Number((await cell.textContent())?.match(/^\d+/)?.[0]);
    const href = (await cell.getAttribute('href')) ?? '';
    expect(href).toMatch(/roles\/party-branch\/#[a-z0-9-]+$/);
    await cell.click();
    await page.waitForURL((u) => u.href.endsWith(href));
    const section = page.locator(`section:has(> h3[id="${href.split('#')[1]}"])`);
    await expect(section.locator('.duty-list > li').count()).resolves.toBe(count);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('支部/支部书记的责任清单');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows how each document defines a role, with links to the clauses', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url('roles/direct-responsible/'));
    const definitions = page.locator('.definition-list > li');
    const texts = await definitions.allTextContents();
    expect(texts.some((t) => t.includes('党委副书记、校长是直接责任人'))).toBe(true);
    expect(texts.some((t) => t.includes('部门负责人要认真履行'))).toBe(true);
    await expect(definitions.first().getByRole('link').getAttribute('href')).resolves.toMatch(/\/docs\/[a-z0-9-]+\/#/);
    await close();
  });

  it('filters the calendar by document and role, keeps the filter in the URL and links the matching .ics', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url('calendar/'));
    const visible = () => page.locator('li[data-duty]:visible').evaluateAll((items) => items.length);
    const all = await visible();
    await page.getByLabel('角色').selectOption('party-branch');
    await expect.poll(() => page.url()).toContain('role=party-branch');
    const filtered = await visible();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    for (const roles of await page
      .locator('li[data-duty]:visible')
      .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.roles))) {
      expect(roles).toContain('party-branch');
    }
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('角色：支部/支部书记');
    const ics = (await page.getByRole('link', { name: /下载日历文件/ }).getAttribute('href')) ?? '';
    expect(ics).toMatch(/calendar\/all\/party-branch\.ics$/);
    expect(
      (await fetch(new URL(ics, page.url())).then((r) => r.text())).match(/BEGIN:VEVENT/g)?.length,
    ).toBeGreaterThan(0);

    await page.getByRole('combobox', { name: /^文件/ }).selectOption('party-committee-online-ideology-rules');
    await expect(page.getByRole('link', { name: /下载日历文件/ }).isVisible()).resolves.toBe(false);
    await page.reload();
    await expect(page.getByLabel('角色').inputValue()).resolves.toBe('party-branch');
    expect(errors).toEqual([]);
    await close();
  });

  it('prints the calendar on A4 without the controls', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url('calendar/'));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('form.calendar-filters').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: /下载日历文件/ }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: '12月' }).isVisible()).resolves.toBe(true);
    // Filtered, the printout leaves out the months with nothing to do instead of printing 无 under each.
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('角色').selectOption('first-responsible');
    await page.emulateMedia({ media: 'print' });
    const empty = page.locator('.calendar-section:has(> .empty:not([hidden]))');
    expect(await empty.count()).toBeGreaterThan(0);
    expect(await empty.evaluateAll((sections) => sections.filter((s) => s.checkVisibility()).length)).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await close();
  });

  it('summarises each document’s duties on its page, linking to the clauses', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url('docs/central-school-risk-prevention-mechanism/'));
    const summary = page.locator('details.doc-duties');
    await summary.locator('summary').click();
    const items = summary.locator('.duty-list > li');
    const n = data.obligations.filter((o) => o.document === 'central-school-risk-prevention-mechanism').length;
    await expect(items.count()).resolves.toBe(n);
    await expect(summary.locator('summary').textContent()).resolves.toContain(`${n} 项`);
    await items.filter({ hasText: '召开意识形态工作联席会议' }).getByRole('link').click();
    await expect.poll(() => page.url()).toMatch(/#s9-4$/);
    await close();
  });
});
