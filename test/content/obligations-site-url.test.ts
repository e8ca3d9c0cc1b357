/**
 * A deploy build without SITE_URL fails, saying how to set it, instead of publishing calendar and data
 * files whose links point at a made-up host (`npm start` and `npm test` build with the local origin).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

it('refuses to build without SITE_URL, with the command to run instead', { timeout: 60_000 }, () => {
  const outDir = mkdtempSync(join(tmpdir(), 'no-site-url-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.SITE_URL;
  try {
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    expect(run.status).not.toBe(0);
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain('没有设置 SITE_URL');
    expect(output).toContain('SITE_URL=https://www.your-school.edu.cn BASE_PATH=/zerenzhi/ npm run build');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
