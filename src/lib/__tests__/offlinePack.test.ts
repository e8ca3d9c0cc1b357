import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fetchAll, formatSize, isOfflinePack, missingFiles, type OfflinePack } from '../offlinePack';

const pack = (sizes: number[]): OfflinePack => ({
  version: 'abc',
  bytes: sizes.reduce((a, b) => a + b, 0),
  files: sizes.map((bytes, i) => ({ url: `/docs/d${i}/`, bytes })),
});

describe('formatSize', () => {
  it('says KB under a megabyte and MB with one decimal under ten', () => {
    expect(formatSize(300)).toBe('1 KB');
    expect(formatSize(820 * 1024)).toBe('820 KB');
    expect(formatSize(1.44 * 1024 * 1024)).toBe('1.4 MB');
    expect(formatSize(76.2 * 1024 * 1024)).toBe('76 MB');
  });
});

describe('isOfflinePack', () => {
  it('accepts a pack and refuses anything else', () => {
    expect(isOfflinePack(pack([1, 2]))).toBe(true);
    for (const bad of [null, 'x', {}, { version: 'a', bytes: 1, files: [{ url: 1, bytes: 1 }] }])
      expect(isOfflinePack(bad)).toBe(false);
  });
});

describe('missingFiles', () => {
  it('leaves out what is kept, in order', async () => {
    const p = pack([1, 2, 3]);
    await expect(missingFiles(p, async (url) => url === '/docs/d1/')).resolves.toEqual([p.files[0], p.files[2]]);
  });
});

describe('fetchAll', () => {
  it('fetches every file once, never more than `concurrency` at a time, and counts failures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(5000), fc.boolean()), { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        async (entries, concurrency) => {
          const p = pack(entries.map(([bytes]) => bytes));
          const seen: string[] = [];
          let running = 0;
          let peak = 0;
          const progress = await fetchAll(
            p.files,
            async (url) => {
              seen.push(url);
              running += 1;
              peak = Math.max(peak, running);
              await new Promise((resolve) => setTimeout(resolve, 0));
              running -= 1;
              const index = Number(url.slice(7, -1));
              if (!(entries[index] as [number, boolean])[1]) throw new Error('offline');
              return true;
            },
            () => undefined,
            { concurrency },
          );
          expect([...seen].sort()).toEqual(p.files.map((f) => f.url).sort());
          expect(peak).toBeLessThanOrEqual(concurrency);
          const ok = entries.filter(([, good]) => good);
          expect(progress).toEqual({
            done: ok.length,
            failed: entries.length - ok.length,
            bytes: ok.reduce((n, [bytes]) => n + bytes, 0),
          });
        },
      ),
    );
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const p = pack([1, 1, 1, 1, 1]);
    const progress = await fetchAll(
      p.files,
      async () => {
        controller.abort();
        return true;
      },
      () => undefined,
      { concurrency: 1, signal: controller.signal },
    );
    expect(progress.done).toBe(1);
  });
});
