import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obligationsFileSchema, type ObligationsFile } from '../../src/schemas/obligationsFile';
import { hasBrowser, launch, openPage, url } from './browser';

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

  it('exports an iCalendar file that an independent parser reads back, one event per dated month', async () => {
    const { text, type } = await fetchText('obligations.ics');
    expect(type).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const expected = data.obligations.reduce(
      (n, o) =>
        n +
        (o.cadence.period === 'once' ? 0 : (o.cadence.months?.length ?? 0)) +
        (o.cadence.period === 'month' && o.cadence.window ? 1 : 0),
      0,
    );
    expect(expected).toBeGreaterThan(10);
    expect(events).toHaveLength(expected);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const event of events) {
      expect(event.startDate.isDate).toBe(true);
      expect(event.isRecurring()).toBe(true);
      const id = event.uid.split('-m')[0]?.replace(/-monthly.*/, '');
      const o = data.obligations.find((x) => x.id === id);
      expect(o, event.uid).toBeDefined();
      expect(event.description).toContain(o?.url);
    }
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
