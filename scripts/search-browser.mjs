// Search as a user meets it, in Chromium against a built site (part of `npm run bench`):
//  - cold first answer: a fresh browser (empty HTTP cache, no service worker) opens /search/, the field is
//    focused and a query entered at once (as an input method commits a word); what the page fetched from the
//    focus until the answer is painted (bytes as sent, and gzip of the same bodies), and the time from the input
//    event to that paint;
//  - typing: queries typed one character at a time; per keystroke, the time from the input event to the DOM
//    holding its answer (the page's `search-results` performance mark) and to the frame that paints it; beside
//    it, the keystroke's own frame (the first painted after the input event, which typing shows with or
//    without search: its time is the floor) and how many answers were painted in that very frame.
// The engine-only figures are in test/bench/search.bench-run.ts.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/**
 * A plain static host over `dist` under `base`, without compression (what `astro preview` does too).
 * `served` lists every file sent (path, bytes), so a figure counts what the browser fetched, workers included.
 */
export function serveDist(dist, base = '/') {
  const served = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return void response.writeHead(404).end();
    let file = normalize(join(dist, path.slice(base.length)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dist) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    served.push({ path: path.slice(base.length), file, bytes: statSync(file).size });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}${base}`, served, close: () => server.close() });
    }),
  );
}

/** Records every frame: when its rAF callbacks ran and when the task after its paint ran. */
const FRAME_LOG = `(() => {
  const frames = (window.__frames = []);
  const inputs = (window.__inputs = []);
  const afterPaint = new MessageChannel();
  let pending;
  afterPaint.port1.onmessage = () => pending && (pending.painted = performance.now());
  const frame = () => requestAnimationFrame(() => {
    pending = { raf: performance.now() };
    frames.push(pending);
    afterPaint.port2.postMessage(0);
    frame();
  });
  frame();
  addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement) inputs.push({ value: event.target.value, at: event.timeStamp });
  }, true);
  addEventListener('focus', (event) => {
    if (window.__focusAt === undefined && event.target instanceof HTMLInputElement) window.__focusAt = event.timeStamp;
  }, true);
})();`;

/** For the last input: when its answer reached the DOM and when the frame that shows it was painted. */
const LAST_ANSWER = `(() => {
  const input = window.__inputs[window.__inputs.length - 1];
  const mark = performance.getEntriesByName('search-results').find((m) => m.detail === input.value && m.startTime >= input.at);
  if (!mark) return undefined;
  const of = (name) => performance.getEntriesByName(name).find((m) => m.detail === input.value && m.startTime >= input.at);
  const request = of('search-request');
  const answer = of('search-answer');
  const frame = window.__frames.find((f) => f.raf >= mark.startTime && f.painted);
  if (!frame) return undefined;
  // The keystroke's own frame: the first painted after the input event (what typing shows without search).
  const echo = window.__frames.find((f) => f.raf >= input.at && f.painted);
  return {
    dom: mark.startTime - input.at,
    painted: frame.painted - input.at,
    echo: echo.painted - input.at,
    framesLate: window.__frames.indexOf(frame) - window.__frames.indexOf(echo),
    // Where the time to the DOM went: to the request leaving, in the worker, rendering the answer.
    toRequest: request ? request.startTime - input.at : NaN,
    inWorker: request && answer ? answer.startTime - request.startTime : NaN,
    toDom: answer ? mark.startTime - answer.startTime : NaN,
    sinceFocus: frame.painted - window.__focusAt,
  };
})()`;

async function answerOfLastInput(page) {
  for (let i = 0; i < 400; i += 1) {
    const answer = await page.evaluate(LAST_ANSWER);
    if (answer) return answer;
    await page.waitForTimeout(5);
  }
  throw new Error('no answer within 2 s');
}

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
export const median = (xs) => percentile(xs, 50);

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** A page in a fresh context: no HTTP cache, no service worker. */
async function open(browser, url) {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  await context.addInitScript(FRAME_LOG);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return { page, context, errors, field: page.getByRole('searchbox', { name: '搜索条款' }) };
}

/**
 * Cold first answer in the header field of a document page (the search page focuses its field on load):
 * bytes fetched from the focus to the painted answer, and the time from the focus to that paint (the
 * query is entered right after the focus, so nothing is loaded ahead).
 */
export async function coldFirstAnswer(browser, server, docPath, query) {
  const { page, context, field, errors } = await open(browser, `${server.origin}${docPath}`);
  const from = server.served.length;
  await field.focus();
  await field.fill(query);
  const answer = await answerOfLastInput(page);
  const fetched = server.served.slice(from);
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return {
    ms: answer.sinceFocus,
    files: fetched.map((f) => f.path),
    bytes: fetched.reduce((n, f) => n + f.bytes, 0),
    gzip: fetched.reduce((n, f) => n + gzipSync(readFileSync(f.file)).length, 0),
  };
}

/** Per keystroke, each query typed a character at a time after the last answer was painted. */
export async function typing(browser, server, queries) {
  const requests = [];
  const { page, context, field, errors } = await open(browser, `${server.origin}search/`);
  await field.focus();
  // The first answer loads the engine; it is the cold figure, not a keystroke.
  await field.fill('责任');
  await answerOfLastInput(page);
  const dom = [];
  const painted = [];
  const echo = [];
  /** How much later than the keystroke's own frame its results were painted (0: in that frame). */
  const late = [];
  const parts = { toRequest: [], inWorker: [], toDom: [] };
  let sameFrame = 0;
  for (const query of queries) {
    await field.fill('');
    await answerOfLastInput(page).catch(() => undefined);
    for (const char of query) {
      const served = server.served.length;
      await page.keyboard.insertText(char);
      const answer = await answerOfLastInput(page);
      requests.push(server.served.length - served);
      dom.push(answer.dom);
      painted.push(answer.painted);
      echo.push(answer.echo);
      late.push(answer.painted - answer.echo);
      for (const part of Object.keys(parts)) if (!Number.isNaN(answer[part])) parts[part].push(answer[part]);
      if (answer.framesLate === 0) sameFrame += 1;
      await page.waitForTimeout(20);
    }
  }
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return {
    keystrokes: dom.length,
    dom: { p50: median(dom), p95: percentile(dom, 95) },
    painted: { p50: median(painted), p95: percentile(painted, 95) },
    echo: { p50: median(echo), p95: percentile(echo, 95) },
    late: { p50: median(late), p95: percentile(late, 95) },
    requests: { p50: median(requests), p95: percentile(requests, 95), max: Math.max(...requests) },
    parts: Object.fromEntries(
      Object.entries(parts).map(([part, xs]) => [part, { p50: median(xs), p95: percentile(xs, 95) }]),
    ),
    sameFrame,
  };
}

/** Typical first queries: a role, a duty with a cadence, a homophone typo, a word in half of the clauses. */
export const FIRST_QUERIES = ['第一责任人', '支部 每月', '一岗双则', '意识形态'];

/**
 * The search figures of one built site: per first query the cold answer (files and bytes, median time of
 * `runs`), and typing → paint over `queries` typed a character at a time.
 */
export async function searchInBrowser(dist, queries, runs = 3) {
  const server = await serveDist(dist.endsWith('/') ? dist : `${dist}/`);
  const browser = await launch();
  try {
    const cold = [];
    for (const query of FIRST_QUERIES) {
      const tries = [];
      for (let i = 0; i < runs; i += 1)
        tries.push(await coldFirstAnswer(browser, server, 'docs/tongliao-no5-middle-school-rules/', query));
      cold.push({ query, ...tries[0], ms: median(tries.map((t) => t.ms)), runs: tries.map((t) => t.ms) });
    }
    return { cold, typing: await typing(browser, server, queries) };
  } finally {
    await browser.close();
    server.close();
  }
}
