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

let engine: Promise<SearchEngine> | undefined;

function load(base: string): Promise<SearchEngine> {
  const loading = (engine ??= fetched(base + MANIFEST_FILE)
    .then((response) => response.json() as Promise<SearchManifest>)
    .then((manifest) => {
      const store = new SearchStore(manifest, async (path) => {
        const response = await fetched(base + path);
        return path.endsWith('.bin') ? new Uint8Array(await response.arrayBuffer()) : response.text();
      });
      // A small index comes whole in one file, asked for now (on focus) rather than with the first query.
      store.loadBundle().catch(() => undefined);
      return createSearchEngine(store);
    }));
  // A failed load is tried again on the next request (e.g. once the network is back).
  loading.catch(() => {
    if (engine === loading) engine = undefined;
  });
  return loading;
}

async function answer({ base, query, filters, limit }: SearchRequest): Promise<SearchResponse> {
  try {
    return await (await load(base)).search(query, filters, limit);
  } catch (error) {
    if (!(error instanceof StaleIndexError)) throw error;
    // The site was deployed again since the manifest was read: start over with the new one.
    engine = undefined;
    return (await load(base)).search(query, filters, limit);
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
