import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, selfCheckRendered, url } from './browser';
import { builtPages } from './site';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const pages = builtPages();

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

describe.skipIf(!hasBrowser)('every page, light and dark', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Light and dark on a desktop screen; light on a phone, where targets sit closer and text wraps. */
  const SETTINGS = [
    { name: 'light', colorScheme: 'light' },
    { name: 'dark', colorScheme: 'dark' },
    { name: 'light, 412 px phone', colorScheme: 'light', viewport: { width: 412, height: 823 } },
  ] as const;
  for (const { name, ...options } of SETTINGS) {
    it(`has no serious or critical axe violation (WCAG 2.2 AA) and requests only its own origin (${name})`, async () => {
      // axe is injected as an inline script, which the site's CSP (tested in security.test.ts) would block.
      const { page, foreignRequests, errors, close } = await openPage(browser, { ...options, bypassCSP: true });
      const found: string[] = [];
      for (const path of pages) {
        await page.goto(url(path));
        if (path === 'checklist/') await selfCheckRendered(page);
        await page.addScriptTag({ content: axeSource });
        const violations = (await page.evaluate(
          `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }).then((r) => r.violations)`,
        )) as AxeViolation[];
        for (const violation of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          found.push(
            `/${path}: ${violation.id} (${violation.impact}) at ${violation.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
          );
        }
        const structure = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          mains: document.querySelectorAll('main').length,
          h1: document.querySelectorAll('h1').length,
        }));
        expect(structure, path).toEqual({ lang: 'zh-CN', mains: 1, h1: 1 });
      }
      expect(found).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('can be used with the keyboard: skip link, visible focus', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(url('docs/xx-bureau-party-group-rules/'));
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await close();
  });

  it('fits a 360 px phone screen: no page scrolls sideways or shifts its layout while loading', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 360, height: 740 } });
    await page.addInitScript(() => {
      const shifts: number[] = ((window as unknown as { __shifts: number[] }).__shifts = []);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const wide: string[] = [];
    const shifting: string[] = [];
    for (const path of pages) {
      await page.goto(url(path));
      await page.waitForLoadState('networkidle');
      if (path === 'checklist/') await selfCheckRendered(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`/${path}: ${width}px`);
      const shift = await page.evaluate(() =>
        (window as unknown as { __shifts: number[] }).__shifts.reduce((a, b) => a + b, 0),
      );
      if (shift > 0.01) shifting.push(`/${path}: layout shift ${shift.toFixed(3)}`);
    }
    expect(wide).toEqual([]);
    expect(shifting).toEqual([]);
    await close();
  });
});
