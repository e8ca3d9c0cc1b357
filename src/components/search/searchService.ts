/**
 * The search engine and its files: it fetches the manifest of the search files on first use, then only the
 * postings shards and text chunks each query needs (see src/lib/search/layout.ts), or, for the page's engine
 * warming up, the whole of a small index at once. The same module runs in the worker and, once the user
 * turns to a search field, in the page (see searchClient.ts).
 */
import {
  createSearchEngine,
  type SearchEngine,
  type SearchFilters,
  type SearchResponse,
} from '../../lib/search/engine';
import { SearchStore, StaleIndexError } from '../../lib/search/store';
import type { SearchManifest } from '../../lib/search/layout';
import { knownManifest, requestManifest } from './manifestRequest';

export interface SearchRequest {
  /** URL of the search files' folder, ending in a slash. */
  base: string;
  query: string;
  filters: SearchFilters;
  limit: number;
  /**
   * The page's engine warming up: the whole of a small index first, so that every later search is local,
   * and the work spread over tasks (SearchStore.spreadWork) while the user is on the page.
   */
  warmUp?: boolean;
  /** The manifest, where the asker has read it already (the page, for the worker's first search). */
  manifest?: SearchManifest;
}

async function fetched(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response;
}

/**
 * The index's one-file copy as the service worker kept it on an earlier visit (or with the offline pack):
 * read from the cache at once, so a search needs no request and none fails offline. Stale copies are
 * refused by the store (SearchStore.adoptBundle). Where the Cache API is missing (plain http), nothing.
 */
async function keptCopy(url: string): Promise<Uint8Array | undefined> {
  // Only the service worker keeps it: without one in charge (a first visit) the cache is not opened at all, which
  // costs a fresh browser tens of milliseconds. A feature test too: the Cache API exists only in secure contexts.
  if (typeof caches === 'undefined' || !navigator.serviceWorker?.controller) return undefined;
  try {
    const response = await caches.match(url, { ignoreVary: true });
    return response ? new Uint8Array(await response.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

let engine: Promise<{ engine: SearchEngine; store: SearchStore }> | undefined;

function load(base: string, fresh = false): Promise<{ engine: SearchEngine; store: SearchStore }> {
  const loading = (engine ??= requestManifest(base, fresh).then(async (manifest) => {
    const store = new SearchStore(manifest, async (path) => {
      const response = await fetched(base + path);
      return path.endsWith('.bin') ? new Uint8Array(await response.arrayBuffer()) : response.text();
    });
    const kept = manifest.bundle ? await keptCopy(base + manifest.bundle) : undefined;
    if (kept) store.adoptBundle(kept);
    return { engine: createSearchEngine(store), store };
  }));
  // A failed load is tried again on the next request (e.g. once the network is back).
  loading.catch(() => {
    if (engine === loading) engine = undefined;
  });
  return loading;
}

async function searchOnce(
  { base, query, filters, limit, warmUp }: SearchRequest,
  fresh = false,
): Promise<SearchResponse> {
  const { engine: loaded, store } = await load(base, fresh);
  if (warmUp) {
    store.spreadWork = true;
    try {
      await store.loadBundle();
      return await loaded.search(query, filters, limit);
    } finally {
      store.spreadWork = false;
    }
  }
  return loaded.search(query, filters, limit);
}

/** Loads what the query needs and answers it; files already loaded are not waited for. */
export async function search(request: SearchRequest): Promise<SearchResponse> {
  if (request.manifest && !engine) knownManifest(request.base, request.manifest);
  try {
    return await searchOnce(request);
  } catch (error) {
    if (!(error instanceof StaleIndexError)) throw error;
    // The site was deployed again since the manifest was read: start over with the new one.
    engine = undefined;
    return searchOnce(request, true);
  }
}
