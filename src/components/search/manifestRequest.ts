/**
 * The search files' manifest, asked for once: the page fetches it while the worker's script is still on
 * its way and hands it over with the first request (`knownManifest`), instead of the worker asking for it
 * after starting; the page's own engine later finds it at hand.
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

/** A manifest read elsewhere (the page's, handed to the worker): the next request for `base` is answered with it. */
export function knownManifest(base: string, manifest: SearchManifest) {
  pending = { url: base + MANIFEST_FILE, manifest: Promise.resolve(manifest) };
}
