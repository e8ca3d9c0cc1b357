/**
 * Serves the built site (dist/, made by `astro build` before this project runs)
 * with `astro preview` on a free local port for the browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

const root = new URL('../../', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(
        `astro preview exited with code ${child.exitCode} (Astro allows one preview server per project: stop a running \`npm start\` first)`,
      );
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not answer at ${url} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(`${root}dist/index.html`))
    throw new Error('dist/ is missing: run `astro build` before the e2e tests (npm test does).');
  const port = await freePort();
  const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
  const child = spawn(
    process.execPath,
    [`${root}node_modules/astro/bin/astro.mjs`, 'preview', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}${base}`, child);
  project.provide('siteUrl', `${origin}${base}`);
  return () => {
    child.kill();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
