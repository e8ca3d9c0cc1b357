/**
 * 汇总 in Chromium: three branch ledgers made with the self-check's own export code (one a ZIP with
 * evidence, two files of one branch) opened at once; the tables read by role, the filters, the .xlsx
 * read back with exceljs, printing on A4, and bad files reported one by one while the others show.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotsFor } from '../../src/lib/checklist/slots';
import type { Cadence } from '../../src/schemas/obligation';
import { initialJs } from '../../scripts/page-weight.mjs';
import { branchLedger, ledgerZip, occurrenceKeys, siteDuties } from './branchLedgers';
import { hasBrowser, launch, openPage, url } from './browser';
import { DIST } from './site';

const FIELD = /^选择台账文件/;
// Last year: every window has passed, so an occurrence not done and not 不适用 is overdue (or open, if undated).
const YEAR = new Date().getFullYear() - 1;
const site = siteDuties(DIST);
const duties = site.duties.filter((d) => d.document === 'tongliao-no5-middle-school-rules');
const first = (index: number) => occurrenceKeys(duties[index]!, YEAR)[0]!;
const date = (month: number, day: number) =>
  `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const one = branchLedger(
  {
    unit: '第一党支部',
    exportedAt: `${YEAR}-12-20T02:00:00.000Z`,
    done: {
      [first(0)]: { date: date(3, 12), note: '支委会纪要〔1〕号' },
      [first(1)]: { date: date(4, 2) },
      [first(2)]: { date: date(6, 30) },
    },
    notApplicable: { [duties[3]!.id]: '本支部未设网评员队伍' },
  },
  duties,
  YEAR,
  site,
);
const two = branchLedger(
  { unit: '第二党支部', exportedAt: `${YEAR}-12-21T02:00:00.000Z`, done: { [first(0)]: { date: date(3, 15) } } },
  duties,
  YEAR,
  site,
);
const twoLater = branchLedger(
  {
    unit: '第二党支部',
    exportedAt: `${YEAR}-12-28T02:00:00.000Z`,
    done: { [first(0)]: { date: date(3, 15) }, [first(4)]: { date: date(9, 1) } },
  },
  duties,
  YEAR,
  site,
);

/** What the ledger's occurrences add up to for a unit, from their windows (the year is over). */
function expectedCounts(done: number, notApplicableDuty: number | null) {
  const slots = duties.flatMap((d, i) => slotsFor(d.cadence as Cadence, YEAR).map((s) => ({ s, i })));
  const na = slots.filter(({ i }) => i === notApplicableDuty).length;
  const undated = slots.filter(({ s, i }) => !s.end && i !== notApplicableDuty).length;
  return { done, overdue: slots.length - done - na - undated, open: undated, na, total: slots.length };
}

const dir = mkdtempSync(join(tmpdir(), 'summary-'));
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function openThree(page: Page, paths: string[]) {
  await page.goto(url('summary/'));
  await page.getByLabel(FIELD).setInputFiles(paths);
  await expect
    .poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 })
    .toMatch(/^已打开 \d+ 个文件/);
  await page.getByRole('region', { name: '明细', exact: true }).waitFor();
  // The detail renders a unit at a time: wait for every unit's table.
  const units = await page.getByRole('table', { name: '按单位统计' }).locator('tbody tr').count();
  await expect.poll(() => page.locator('.summary-detail').count(), { timeout: 20_000 }).toBe(units);
}

const rowCells = (page: Page, table: string, row: RegExp) =>
  page.getByRole('table', { name: table }).getByRole('row', { name: row }).locator('td, th').allTextContents();

describe.skipIf(!hasBrowser)('汇总 in Chromium', () => {
  let browser: Browser;
  let paths: string[];
  beforeAll(async () => {
    browser = await launch();
    const zip = await ledgerZip(two, YEAR, first(0), [
      { name: '会议照片.png', type: 'image/png', bytes: PNG },
      { name: '会议纪要.pdf', type: 'application/pdf', bytes: PDF },
    ]);
    paths = [
      file('一支部-台账.json', JSON.stringify(one, null, 2)),
      file('二支部-台账.zip', zip),
      file('二支部-台账-新.json', JSON.stringify(twoLater, null, 2)),
    ];
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has its labelled file field in the page’s HTML, before any script runs', async () => {
    const html = parse(readFileSync(join(DIST, 'summary', 'index.html'), 'utf8'));
    const input = html.querySelector('input[type="file"]');
    expect(input?.hasAttribute('multiple')).toBe(true);
    expect(html.querySelector(`label[for="${input?.id}"]`)?.text).toMatch(FIELD);
    const { page, close } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(url('summary/'));
    await expect(page.getByLabel(FIELD).isVisible()).resolves.toBe(true);
    await close();
  });

  it('reads files chosen before the page’s script arrived', async () => {
    const { page, close } = await openPage(browser);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/Summary\.[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url('summary/'), { waitUntil: 'domcontentloaded' });
    await page.getByLabel(FIELD).setInputFiles([paths[0]!]);
    release();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 })
      .toBe('已打开 1 个文件。');
    await expect(
      page
        .getByRole('table', { name: '按单位统计' })
        .getByRole('row', { name: /^第一党支部/ })
        .count(),
    ).resolves.toBe(1);
    await close();
  });

  it('opens three ledgers at once, counts per unit and per duty, and reports two files of one unit', async () => {
    const { page, foreignRequests, errors, close } = await openPage(browser);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') sent.push(`${request.method()} ${request.url()}`);
    });
    await openThree(page, paths);
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('已打开 3 个文件。');
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('第二党支部：二支部-台账.zip、二支部-台账-新.json');
    await expect(page.getByLabel('年度', { exact: true }).inputValue()).resolves.toBe(String(YEAR));

    const a = expectedCounts(3, 3);
    expect(await rowCells(page, '按单位统计', /^第一党支部/)).toEqual([
      '第一党支部',
      String(a.done),
      String(a.overdue),
      String(a.open),
      String(a.na),
      String(a.total),
      `${Math.round((a.done / (a.total - a.na)) * 100)}%`,
    ]);
    const b = expectedCounts(1, null);
    expect((await rowCells(page, '按单位统计', /^第二党支部（二支部-台账\.zip）/)).slice(1, 3)).toEqual([
      String(b.done),
      String(b.overdue),
    ]);
    expect((await rowCells(page, '按单位统计', /^第二党支部（二支部-台账-新\.json）/))[1]).toBe('2');
    const totals = await rowCells(page, '按单位统计', /^合计/);
    expect(totals[1]).toBe('6');
    expect(totals[5]).toBe(String(3 * a.total));

    // The first duty, done by all three files' units.
    const duty = duties[0]!;
    const dutyRow = await rowCells(page, '按工作统计', new RegExp(`^${duty.duty}`));
    expect(dutyRow[1]).toBe('3');
    expect(dutyRow[2]).toBe('3');

    // The detail: the ZIP's evidence is counted, the note and the 不适用 reason shown.
    const detail = page.getByRole('region', { name: '明细', exact: true });
    await expect(detail.getByRole('table', { name: '第一党支部' }).count()).resolves.toBe(1);
    await expect(detail.getByRole('cell', { name: '支委会纪要〔1〕号' }).count()).resolves.toBe(1);
    await expect(detail.getByRole('cell', { name: '不适用：本支部未设网评员队伍' }).count()).resolves.toBe(a.na);
    await expect(detail.getByRole('cell', { name: '2 个' }).count()).resolves.toBe(1);
    await expect(
      page
        .getByRole('table', { name: '已打开的文件' })
        .getByRole('row', { name: /二支部-台账\.zip/ })
        .textContent(),
    ).resolves.toContain('2 个');
    expect(foreignRequests).toEqual([]);
    expect(sent).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('filters by state, role and unit', async () => {
    const { page, close } = await openPage(browser);
    await openThree(page, paths);
    const detail = page.getByRole('region', { name: '明细', exact: true });
    const states = page.getByRole('group', { name: '状态' });
    for (const label of ['已完成', '未完成', '不适用']) await states.getByRole('checkbox', { name: label }).uncheck();
    const shown = await detail.locator('td.state').allTextContents();
    expect(new Set(shown)).toEqual(new Set(['已逾期']));
    const overdue = expectedCounts(3, 3).overdue + expectedCounts(1, null).overdue + expectedCounts(2, null).overdue;
    expect(shown).toHaveLength(overdue);
    expect(await rowCells(page, '按单位统计', /^合计/)).toEqual([
      '合计',
      '0',
      String(overdue),
      '0',
      '0',
      String(overdue),
      '0%',
    ]);

    await states.getByRole('checkbox', { name: '已完成' }).check();
    await states.getByRole('checkbox', { name: '未完成' }).check();
    await states.getByRole('checkbox', { name: '不适用' }).check();
    await page.getByLabel('角色', { exact: true }).selectOption({ label: '纪检' });
    const forRole = duties.filter((d) => d.roles.length === 0 || d.roles.includes('discipline-inspection'));
    const titles = await page.getByRole('table', { name: '按工作统计' }).locator('tbody th').allTextContents();
    expect(titles.map((t) => forRole.some((d) => t.startsWith(d.duty)))).toEqual(forRole.map(() => true));
    expect(titles).toHaveLength(forRole.length);

    await page.getByLabel('角色', { exact: true }).selectOption({ label: '全部角色' });
    await page.getByLabel('单位', { exact: true }).selectOption({ label: '第一党支部' });
    await expect(detail.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual(['第一党支部']);
    await expect(page.getByRole('table', { name: '按单位统计' }).locator('tbody tr').count()).resolves.toBe(1);
    await close();
  });

  it('exports a real Excel workbook: a sheet per view, frozen header, column widths, dates as dates', async () => {
    const { page, close } = await openPage(browser, { acceptDownloads: true });
    await openThree(page, paths);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`汇总-${YEAR}年度.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync((await download.path()) ?? '')).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['按单位', '按工作', '明细', '文件']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(15);
    }
    const byUnit = workbook.getWorksheet('按单位')!;
    const pageRow = await rowCells(page, '按单位统计', /^第一党支部/);
    expect(byUnit.getRow(2).values).toEqual([
      ,
      '第一党支部',
      '一支部-台账.json',
      ...pageRow.slice(1, 6).map(Number),
      Number(pageRow[1]) / (Number(pageRow[5]) - Number(pageRow[4])),
    ]);
    const detail = workbook.getWorksheet('明细')!;
    const pageDetailRows = await page.locator('.summary-detail tbody tr').count();
    expect(detail.rowCount - 1).toBe(pageDetailRows);
    const done = detail.getRows(2, detail.rowCount - 1)!.find((r) => r.getCell(9).value === '支委会纪要〔1〕号')!;
    expect(done.getCell(1).value).toBe('第一党支部');
    expect(done.getCell(8).value).toEqual(new Date(`${date(3, 12)}T00:00:00Z`));
    expect(done.getCell(8).numFmt).toBe('yyyy-mm-dd');
    expect(done.getCell(6).value).toBeInstanceOf(Date);
    await close();
  });

  it('exports a large 汇总 under the site’s CSP (a writer that needs blob: workers would never finish)', async () => {
    const all = site.duties;
    const big = Array.from({ length: 12 }, (_, n) =>
      file(
        `大-${n}.json`,
        JSON.stringify(
          branchLedger(
            {
              unit: `第${n + 1}支部`,
              exportedAt: `${YEAR}-12-20T02:00:00.000Z`,
              done: Object.fromEntries(
                // The first occurrence of each duty (a one-off of another year has none).
                all.flatMap((d, i) =>
                  occurrenceKeys(d, YEAR)
                    .slice(0, 1)
                    .map((key) => [key, { date: date(6, 1 + (i % 28)), note: `第${i}项已办，会议纪要存档备查` }]),
                ),
              ),
            },
            all,
            YEAR,
            site,
          ),
        ),
      ),
    );
    const { page, errors, close } = await openPage(browser, { acceptDownloads: true });
    await openThree(page, big);
    const rows = await page.locator('.summary-detail tbody tr').count();
    expect(rows).toBeGreaterThan(1000);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync((await download.path()) ?? '')).buffer);
    expect(workbook.getWorksheet('明细')!.rowCount - 1).toBe(rows);
    expect(errors).toEqual([]);
    await close();
  });

  it('prints on A4 without the controls', async () => {
    const { page, close } = await openPage(browser);
    await openThree(page, paths);
    await page.emulateMedia({ media: 'print' });
    for (const control of [
      page.getByLabel(FIELD),
      page.getByLabel('年度', { exact: true }),
      page.getByRole('button', { name: '导出 Excel（.xlsx）' }),
      page.getByRole('button', { name: '打印' }),
      page.getByRole('button', { name: /^移除/ }).first(),
    ])
      await expect(control.isVisible()).resolves.toBe(false);
    for (const table of ['已打开的文件', '按单位统计', '按工作统计', '第一党支部'])
      await expect(page.getByRole('table', { name: table }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^\d{4}年度，3 个单位；状态：全部；角色：全部；单位：全部/).isVisible()).resolves.toBe(
      true,
    );
    // Every unit's table is laid out for print, not only those near the screen (content-visibility).
    const skipped = await page.evaluate(
      () =>
        [...document.querySelectorAll('.detail-unit > *')].filter(
          (el) => !el.checkVisibility({ contentVisibilityAuto: true }),
        ).length,
    );
    expect(skipped).toBe(0);
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true }));
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    // A4 is 595 × 842 points.
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
    await close();
  });

  it('reports each corrupt, foreign or newer file with its reason and still shows the others', async () => {
    const zip = readFileSync(paths[1]!);
    const bad = [
      file('截断.zip', zip.subarray(0, zip.length - 100)),
      file('别的.json', JSON.stringify({ hello: 'world' })),
      file('新版.json', JSON.stringify({ ...one, formatVersion: 99 })),
      file('照片.jpg', PNG),
    ];
    const { page, errors, close } = await openPage(browser);
    await openThree(page, [paths[0]!, ...bad]);
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('已打开 5 个文件，其中 4 个未能采用。');
    const files = page.getByRole('table', { name: '已打开的文件' });
    const reason = (name: string) => files.getByRole('row', { name: new RegExp(`^${name}`) }).textContent();
    await expect(reason('截断\\.zip')).resolves.toContain('ZIP 文件已损坏或不完整');
    await expect(reason('别的\\.json')).resolves.toContain('文件不是本站导出的台账。');
    await expect(reason('新版\\.json')).resolves.toContain('台账文件来自更新版本的网站');
    await expect(reason('照片\\.jpg')).resolves.toContain('文件已损坏，无法读取。');
    expect((await rowCells(page, '按单位统计', /^第一党支部/))[1]).toBe('3');

    // A removed file leaves the summary; the field takes more files later.
    await page.getByRole('button', { name: '移除 截断.zip' }).click();
    await expect(files.getByRole('row').count()).resolves.toBe(1 + 4);
    await page.getByLabel(FIELD).setInputFiles([paths[2]!]);
    await expect
      .poll(() => page.getByRole('table', { name: '按单位统计' }).locator('tbody tr').count(), { timeout: 10_000 })
      .toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  it('passes axe (WCAG 2.2 AA) with ledgers opened, light and dark, on a desktop and a phone', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const options of [
      { colorScheme: 'light' as const },
      { colorScheme: 'dark' as const },
      { colorScheme: 'light' as const, viewport: { width: 360, height: 740 } },
    ]) {
      // axe is injected as an inline script, which the site's CSP would block.
      const { page, close } = await openPage(browser, { ...options, bypassCSP: true });
      await openThree(page, paths);
      await page.addScriptTag({ content: axe });
      const violations = (await page.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }).then((r) => r.violations.map((v) => v.id + ' ' + v.impact + ' ' + v.nodes[0].target))`,
      )) as string[];
      expect(violations, JSON.stringify(options)).toEqual([]);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(sideways).toBe(false);
      await close();
    }
  });

  it('loads little script before a file is opened: the reader comes with the first file, the Excel writer with the first export', () => {
    const js = initialJs(DIST, join(DIST, 'summary', 'index.html'));
    expect(js.gz).toBeLessThanOrEqual(20 * 1024);
    const html = readFileSync(join(DIST, 'summary', 'index.html'), 'utf8');
    expect(html).not.toMatch(/saveWorkbook|engine\./);
  });
});
