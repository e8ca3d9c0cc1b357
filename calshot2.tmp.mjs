import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const [w, ...ids] = process.argv.slice(2);
const page = await browser.newPage({ viewport: { width: Number(w), height: 900 } });
await page.goto('http://127.0.0.1:4399/calendar/');
await page.waitForTimeout(300);
for (const id of ids) {
  const el = page.locator(id.startsWith('.') ? id : `section:has(> h2#${id})`).first();
  await el.screenshot({ path: `/tmp/cal-${w}-${id.replace('.', '')}.png` });
}
await browser.close();
