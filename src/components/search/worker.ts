/**
 * The search engine in a worker of its own: building the index (folding
 * every clause, the bigram postings, fuse.js) and each search run off the
 * page's thread, so neither typing nor a phone's first search blocks the page.
 * Loaded on first use only (see searchClient.ts).
 */
import {
  createSearchEngine,
  type SearchEngine,
  type SearchFilters,
  type SearchResponse,
} from '../../lib/search/engine';

export interface SearchRequest {
  id: number;
  indexUrl: string;
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

let engine: Promise<SearchEngine> | undefined;

function load(indexUrl: string): Promise<SearchEngine> {
  engine ??= fetch(indexUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then(createSearchEngine);
  // A failed load is tried again on the next request (e.g. once the network is back).
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

scope.onmessage = async ({ data: { id, indexUrl, query, filters, limit } }) => {
  try {
    const ready = await load(indexUrl);
    scope.postMessage({ id, response: ready.search(query, filters, limit) });
  } catch (error) {
    // Every request gets an answer, so the page never waits for ever.
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
