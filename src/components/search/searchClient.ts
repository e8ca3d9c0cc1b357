/**
 * Searches through the engine's worker (worker.ts), started on first use only:
 * nothing is fetched until a search field is focused or a query is in the URL.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { SearchFilters, SearchResponse } from '../../lib/search/engine';
import { SEARCH_FILES_DIR } from '../../lib/search/layout';
import { href } from '../link';
import type { SearchReply, SearchRequest } from './worker';

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<number, (reply: SearchReply) => void>();

function searchWorker(): Worker {
  if (worker) return worker;
  // A classic worker (Vite bundles it into one script): browsers that cannot start module workers can run it too.
  const started = new Worker(new URL('./worker.ts', import.meta.url));
  started.onmessage = ({ data }: MessageEvent<SearchReply>) => {
    waiting.get(data.id)?.(data);
    waiting.delete(data.id);
  };
  // The worker's script could not be loaded or run: answer every request with the error, start afresh next time.
  started.onerror = (event) => {
    event.preventDefault();
    for (const [id, settle] of waiting) settle({ id, error: event.message || '检索程序未能启动' });
    waiting.clear();
    started.terminate();
    worker = undefined;
  };
  worker = started;
  return started;
}

function runSearch(query: string, filters: SearchFilters, limit: number): Promise<SearchResponse> {
  return new Promise((resolve, reject) => {
    lastId += 1;
    const request: SearchRequest = {
      id: lastId,
      base: new URL(href(`${SEARCH_FILES_DIR}/`), window.location.href).href,
      query,
      filters,
      limit,
    };
    waiting.set(request.id, (reply) => {
      // For the typing benchmark: the worker's part of a keystroke, from request to answer.
      performance.mark('search-answer', { detail: query });
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply.response);
    });
    performance.mark('search-request', { detail: query });
    searchWorker().postMessage(request);
  });
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
