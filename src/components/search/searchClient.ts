/**
 * Searches with the engine of searchService.ts, loaded on first use only: nothing is fetched until a
 * search field is focused or a query is in the URL.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { SearchFilters, SearchResponse } from '../../lib/search/engine';
import { SEARCH_FILES_DIR } from '../../lib/search/layout';
import { href } from '../link';
import { requestManifest } from './manifestRequest';

type SearchService = typeof import('./searchService');
let service: SearchService | undefined;
let loadingService: Promise<SearchService> | undefined;

/** The engine's module: once loaded, used directly, so a search whose files are in answers in the keystroke's task. */
function searchService(): SearchService | Promise<SearchService> {
  if (service) return service;
  const loading = (loadingService ??= import('./searchService').then((loaded) => (service = loaded)));
  // A failed load (offline, a new deploy) is tried again next time.
  loading.catch(() => {
    if (loadingService === loading) loadingService = undefined;
  });
  return loading;
}

async function runSearch(query: string, filters: SearchFilters, limit: number): Promise<SearchResponse> {
  const request = {
    base: new URL(href(`${SEARCH_FILES_DIR}/`), window.location.href).href,
    query,
    filters,
    limit,
  };
  // For the typing benchmark: the engine's part of a keystroke, from request to answer.
  performance.mark('search-request', { detail: query });
  // The first search fetches the manifest beside the engine's script, not after it.
  if (!service) requestManifest(request.base).catch(() => undefined);
  try {
    return await (await searchService()).search(request);
  } finally {
    performance.mark('search-answer', { detail: query });
  }
}

export type SearchState =
  | { status: 'idle' | 'loading' }
  /** `current` is false while the answer to a newer query is on its way; the last answer stays meanwhile. */
  | { status: 'ready'; response: SearchResponse | undefined; current: boolean }
  | { status: 'error'; message: string };

/** True until the results answer what is in the field and the filters now: the results area is aria-busy. */
export const isBusy = (state: SearchState) =>
  state.status === 'loading' || (state.status === 'ready' && !state.current);

type Answered = { status: 'ready'; response: SearchResponse | undefined; key: string };

/**
 * The response to `query` once `wanted` has been true (an empty query just loads the index, so the first
 * word typed is answered at once). Answers to older queries are dropped. The second value retries after
 * an error. The request leaves in a layout effect, right after the keystroke's render, not after the next
 * frame as a plain effect would.
 */
export function useSearch(
  wanted: boolean,
  query: string,
  filters: SearchFilters,
  limit: number,
): [SearchState, () => void] {
  const [state, setState] = useState<Exclude<SearchState, { status: 'ready' }> | Answered>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const { doc, bodyType, role } = filters;
  const key = JSON.stringify([query, doc, bodyType, role, limit]);
  useLayoutEffect(() => {
    if (!wanted) return;
    let live = true;
    setState((last) => (last.status === 'ready' ? last : { status: 'loading' }));
    runSearch(query, { doc, bodyType, role }, limit).then(
      (response) => live && setState({ status: 'ready', response: query.trim() ? response : undefined, key }),
      (error: unknown) =>
        live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [wanted, key, attempt]);
  useLayoutEffect(() => {
    // For the typing benchmark (scripts/search-browser.mjs): the answer to `query` is in the DOM now.
    if (state.status === 'ready' && state.key === key) performance.mark('search-results', { detail: query });
  }, [state]);
  const shown: SearchState =
    state.status === 'ready' ? { status: 'ready', response: state.response, current: state.key === key } : state;
  return [shown, () => setAttempt((n) => n + 1)];
}
