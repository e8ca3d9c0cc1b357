import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, url } from './browser';

describe.skipIf(!hasBrowser)('offline after one visit (service worker)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is installable: a manifest with a name, start URL and icon', async () => {
    const manifest = await (await fetch(url('manifest.webmanifest'))).json();
    expect(manifest).toMatchObject({ name: '责任制手册', lang: 'zh-CN', start_url: './', display: 'standalone' });
    expect(manifest.icons.length).toBeGreaterThan(0);
    expect((await fetch(url(manifest.icons[0].src))).status).toBe(200);
  });

  it('reads pages, searches and keeps the self-check with the network cut', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(url());
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
      .toBe(true);
    // One search online, so the index is cached on first use.
    await page.getByRole('searchbox', { name: '搜索条款' }).fill('网评员');
    await page.getByRole('list', { name: '搜索结果' }).waitFor();

    await page.context().setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBeDefined();

    await page.goto(url('roles/first-responsible/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('第一责任人的责任清单');

    await page.goto(url('docs/central-school-risk-prevention-mechanism/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('中心学校党总支');
    await page.getByRole('searchbox', { name: '搜索条款' }).fill('联席会议');
    await expect.poll(() => page.getByRole('list', { name: '搜索结果' }).locator('li').count()).toBeGreaterThan(0);

    await page.goto(url(`search/?q=${encodeURIComponent('一岗两责')}`));
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor();

    await page.goto(url('checklist/'));
    await page.locator('.check-duty .status').first().waitFor();
    const box = page.locator('.check-duty input[type="checkbox"]').first();
    await box.check();
    await expect(box.isChecked()).resolves.toBe(true);

    await page.context().setOffline(false);
    expect(errors).toEqual([]);
    await close();
  });
});
