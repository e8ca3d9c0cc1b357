/**
 * The search engine in a worker of its own: it fetches the manifest of the
 * search files on first use, then only the postings shards and text chunks
 * each query needs (see src/lib/search/layout.ts), and answers every search
 * off the page's thread. Loaded on first use only (see searchClient.ts).
 */
import {
  createSearchEngine,
  type SearchEngine,
  type SearchFilters,
  type SearchResponse,
} from '../../lib/search/engine';
import { MANIFEST_FILE, type SearchManifest } from '../../lib/search/layout';
import { SearchStore, StaleIndexError } from '../../lib/search/store';

export interface SearchRequest {
  id: number;
  /** URL of the search files' folder, ending in a slash. */
  base: string;
  query: string;
  filters: SearchFilters;
  limit: number;
}

export type SearchReply = { id: number; response: SearchResponse } | { id: number; error: string };

// The project's TypeScript lib is the DOM's; a dedicated worker's scope is all this needs of its own.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(reply: SearchReply): void;
};

async function fetched(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response;
}

/** A small index comes whole in one file (SearchStore.loadBundle) this long after the first answer. */
const BUNDLE_DELAY_MS = 300;

let engine: Promise<{ engine: SearchEngine; store: SearchStore }> | undefined;
let bundleAsked = false;

function load(base: string): Promise<{ engine: SearchEngine; store: SearchStore }> {
  const loading = (engine ??= fetched(base + MANIFEST_FILE)
    .then((response) => response.json() as Promise<SearchManifest>)
    .then((manifest) => {
      const store = new SearchStore(manifest, async (path) => {
        const response = await fetched(base + path);
        return path.endsWith('.bin') ? new Uint8Array(await response.arrayBuffer()) : response.text();
      });
      return { engine: createSearchEngine(store), store };
    }));
  // A failed load is tried again on the next request (e.g. once the network is back).
  loading.catch(() => {
    if (engine === loading) engine = undefined;
  });
  return loading;
}

async function search({ base, query, filters, limit }: SearchRequest): Promise<SearchResponse> {
  const { engine: loaded, store } = await load(base);
  const response = await loaded.search(query, filters, limit);
  // The first answer needs only its own shards and chunks; the rest of a small index follows it.
  if (!bundleAsked && query.trim()) {
    bundleAsked = true;
    setTimeout(() => store.loadBundle().catch(() => undefined), BUNDLE_DELAY_MS);
  }
  return response;
}

async function answer(request: SearchRequest): Promise<SearchResponse> {
  try {
    return await search(request);
  } catch (error) {
    if (!(error instanceof StaleIndexError)) throw error;
    // The site was deployed again since the manifest was read: start over with the new one.
    engine = undefined;
    bundleAsked = false;
    return search(request);
  }
}

scope.onmessage = async ({ data }) => {
  try {
    scope.postMessage({ id: data.id, response: await answer(data) });
  } catch (error) {
    // Every request gets an answer, so the page never waits for ever.
    scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
