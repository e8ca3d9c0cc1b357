/**
 * The search files' manifest, asked for once, as soon as a search is: the page fetches it while the
 * engine's script (searchService.ts) is still on its way, instead of after it.
 */
import { MANIFEST_FILE, type SearchManifest } from '../../lib/search/layout';

let pending: { url: string; manifest: Promise<SearchManifest> } | undefined;

/** The manifest under `base`; `fresh` asks again (the site was deployed since it was read). */
export function requestManifest(base: string, fresh = false): Promise<SearchManifest> {
  const url = base + MANIFEST_FILE;
  if (pending?.url === url && !fresh) return pending.manifest;
  const manifest = fetch(url).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json() as Promise<SearchManifest>;
  });
  const entry = { url, manifest };
  pending = entry;
  // A failed request is made again next time (e.g. once the network is back).
  manifest.catch(() => {
    if (pending === entry) pending = undefined;
  });
  return manifest;
}
