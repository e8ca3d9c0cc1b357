/**
 * The offline pack: every page and data file the service worker does not
 * precache (dist/offline-pack.json, written by the build), and how the
 * 下载离线包 button fetches them: a few at a time, each through the worker,
 * which keeps what it fetches. Pure: the fetch and the cache lookup are passed in.
 */
export interface OfflinePack {
  /** The service worker's version the pack belongs to. */
  version: string;
  /** Total size of the files (bytes, as stored). */
  bytes: number;
  files: { url: string; bytes: number }[];
}

export interface PackProgress {
  done: number;
  failed: number;
  bytes: number;
}

/** "1.4 MB", "820 KB": sizes as a reader sees them (1 MB = 1024 × 1024 bytes, one decimal under 10). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function isOfflinePack(value: unknown): value is OfflinePack {
  const pack = value as OfflinePack;
  return (
    typeof pack === 'object' &&
    pack !== null &&
    typeof pack.version === 'string' &&
    typeof pack.bytes === 'number' &&
    Array.isArray(pack.files) &&
    pack.files.every((f) => typeof f?.url === 'string' && typeof f.bytes === 'number')
  );
}

/** The files not yet kept (by `isKept`), in the pack's order. */
export async function missingFiles(
  pack: OfflinePack,
  isKept: (url: string) => Promise<boolean>,
): Promise<OfflinePack['files']> {
  const kept = await Promise.all(pack.files.map((file) => isKept(file.url)));
  return pack.files.filter((_, i) => !kept[i]);
}

/**
 * Fetches `files` with at most `concurrency` requests at once; a failed file is counted and skipped, never retried
 * here (the reader presses the button again). Resolves with the final progress; stops early when `signal` aborts.
 */
export async function fetchAll(
  files: OfflinePack['files'],
  fetchOne: (url: string) => Promise<boolean>,
  onProgress: (progress: PackProgress) => void,
  { concurrency = 4, signal }: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<PackProgress> {
  const progress: PackProgress = { done: 0, failed: 0, bytes: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length && !signal?.aborted) {
      const file = files[next] as OfflinePack['files'][number];
      next += 1;
      let ok = false;
      try {
        ok = await fetchOne(file.url);
      } catch {
        ok = false;
      }
      if (ok) {
        progress.done += 1;
        progress.bytes += file.bytes;
      } else progress.failed += 1;
      onProgress({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return progress;
}
