/**
 * Every document's Word file against its page: the link on the page, the text as the print view
 * shows it (canonical form), the headings and their levels, and the tables cell by cell with
 * their merged cells.
 */
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalText } from '../../src/lib/corpus/canonical';
import { hasBrowser, launch, openPage, url } from './browser';
import { DIST, builtPages } from './site';

const LINK = '下载 Word 版（.docx）';
const LONGEST = 'docs/tongliao-no5-middle-school-rules/';
const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh"];
const documentPages = builtPages().filter((path) => /^docs\/[^/]+\/$/.test(path));

interface Shape {
  text: string;
  headings: string[];
  tables: string[][][];
}

/** The page as printed: title and article text, headings with their level, table cells with their row spans. */
function printedShape(page: Page): Promise<Shape> {
  return page.evaluate(() => {
    const article = document.querySelector('article.doc-body') as HTMLElement;
    const title = (document.querySelector('h1') as HTMLElement).innerText;
    const headings = [...article.querySelectorAll<HTMLElement>('h2, h3, h4')].map(
      (h) => `${Number(h.tagName[1]) - 1} ${h.innerText}`,
    );
    const tables = [...article.querySelectorAll('table')].map((table) =>
      [...table.rows].map((row) =>
        [...row.cells].map((cell) => `${cell.tagName.toLowerCase()} ${cell.rowSpan} ${cell.innerText}`),
      ),
    );
    return { text: `${title}\n${article.innerText}`, headings: [`0 ${title}`, ...headings], tables };
  });
}

/** The Word file read back with mammoth: text without the source line under the title, headings, tables. */
async function wordShape(buffer: Buffer): Promise<Shape & { sourceLine: string }> {
  const paragraphs = (await mammoth.extractRawText({ buffer })).value.split('\n').filter((line) => line.trim());
  const html = parse((await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP })).value);
  return {
    sourceLine: paragraphs[1] ?? '',
    text: [paragraphs[0], ...paragraphs.slice(2)].join('\n'),
    headings: html
      .querySelectorAll('h1, h2, h3')
      .map((h) => `${h.classList.contains('title') ? 0 : h.tagName[1]} ${h.text}`),
    tables: html
      .querySelectorAll('table')
      .map((table) =>
        table
          .querySelectorAll('tr')
          .map((row) =>
            row
              .querySelectorAll('th, td')
              .map((cell) => `${cell.tagName.toLowerCase()} ${cell.getAttribute('rowspan') ?? 1} ${cell.text}`),
          ),
      ),
  };
}

const canonicalCells = (tables: string[][][]) => tables.map((rows) => rows.map((cells) => cells.map(canonicalText)));

/** Where two canonical texts part, with some text around it, for a readable failure. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return i === a.length && i === b.length
    ? ''
    : `at ${i}: page “${a.slice(i - 20, i + 30)}” / Word “${b.slice(i - 20, i + 30)}”`;
}

describe.skipIf(!hasBrowser)('Word files of the documents', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('covers every document page', () => {
    expect(documentPages).toHaveLength(18);
  });

  it.each(documentPages)('%s links a .docx with the printed text, headings and tables', async (path) => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url(path));
    const link = page.getByRole('link', { name: LINK });
    const href = await link.getAttribute('href');
    expect(href).toBe(`${new URL(url(path)).pathname.replace(/\/$/, '')}.docx`);

    let buffer: Buffer;
    if (path === LONGEST) {
      // The longest document is downloaded the way a reader does it: by clicking the link.
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('tongliao-no5-middle-school-rules.docx');
      buffer = readFileSync((await download.path()) ?? '');
    } else {
      const response = await page.request.get(new URL(href ?? '', page.url()).href);
      expect(response.ok()).toBe(true);
      buffer = await response.body();
    }

    await page.emulateMedia({ media: 'print' });
    await expect(link.isVisible()).resolves.toBe(false);
    const printed = await printedShape(page);
    const word = await wordShape(buffer);

    // The page's address as published (SITE_URL), not the test server's.
    expect(word.sourceLine).toMatch(
      new RegExp(`^来源：.*录自 https?://\\S+/${path} ，底本为来源 \\d{3} 第 \\d+–\\d+ 行`),
    );
    // A word the editors deleted is a zero-width space on the page (something for its 校 to sit on); Word needs none.
    const pageText = canonicalText(printed.text.replace(/\u200b/g, ''));
    const wordText = canonicalText(word.text);
    expect(firstDifference(pageText, wordText)).toBe('');
    expect(word.headings.map(canonicalText)).toEqual(printed.headings.map(canonicalText));
    expect(canonicalCells(word.tables)).toEqual(canonicalCells(printed.tables));
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps the merged cells of the longest document’s tables', async () => {
    const buffer = readFileSync(`${DIST}${LONGEST.replace(/\/$/, '')}.docx`);
    const { tables } = await wordShape(buffer);
    expect(tables).toHaveLength(2);
    const spans = tables.map((rows) =>
      rows
        .flat()
        .filter((cell) => !/^t[dh] 1 /.test(cell))
        .map((cell) => cell.slice(0, 12)),
    );
    expect(spans).toEqual([
      ['td 2 3月第一周', 'td 2 12月中旬'],
      ['td 3 1.高考加分政', 'td 3 2.临近开学季'],
    ]);
  });
});
