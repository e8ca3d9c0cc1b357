/**
 * Searches with two copies of one engine (searchService.ts), loaded on first use only: nothing is fetched
 * until a search field is focused or a query is in the URL.
 *
 *  - A worker (worker.ts) answers first: a page opened with a query, and the first words typed. Loading the
 *    engine and running it for the first time (compiling its code) then never holds the page.
 *  - Once the user turns to a search field, the page loads its own copy, in the background; from its first
 *    answer on it answers every search itself: a search whose files are in takes a few milliseconds of the
 *    keystroke's own task, so its results are painted in the keystroke's frame, where the worker's answer
 *    comes back in a later task and misses that frame about a third of the time.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { SearchFilters, SearchResponse } from '../../lib/search/engine';
import { SEARCH_FILES_DIR } from '../../lib/search/layout';
import { href } from '../link';
import { requestManifest } from './manifestRequest';
import type { SearchRequest } from './searchService';
import type { WorkerReply, WorkerRequest } from './worker';

const filesBase = () => new URL(href(`${SEARCH_FILES_DIR}/`), window.location.href).href;

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<number, (reply: WorkerReply) => void>();

function searchWorker(): Worker {
  if (worker) return worker;
  // A classic worker (Vite bundles it into one script): browsers that cannot start module workers can run it too.
  const started = new Worker(new URL('./worker.ts', import.meta.url));
  started.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
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

async function inWorker(request: SearchRequest): Promise<SearchResponse> {
  // The worker's first search: its script loads while the page reads the manifest, which goes with the request.
  const started = worker !== undefined;
  const thread = searchWorker();
  const manifest = started ? undefined : await requestManifest(request.base);
  // Its script failed meanwhile (searchWorker's onerror): say so rather than wait for an answer that never comes.
  if (worker !== thread) throw new Error('检索程序未能启动');
  return new Promise((resolve, reject) => {
    lastId += 1;
    const id = lastId;
    waiting.set(id, (reply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply.response)));
    thread.postMessage({ ...request, id, ...(manifest && { manifest }) } satisfies WorkerRequest);
  });
}

type SearchService = typeof import('./searchService');
/** Searched by the page's engine to compile its code when the field is still empty: a word most clauses hold. */
const WARM_UP_QUERY = '意识形态';
/** After the worker's first answer, the page's engine loads (with the whole of a small index) this much later. */
const PAGE_ENGINE_DELAY_MS = 300;

/** The page's own engine, once it has answered a search (so its files are in and its code is compiled). */
let pageEngine: SearchService | undefined;
let pageEngineLoading: Promise<unknown> | undefined;
/** What is in the field the user turned to, once they have; undefined before. */
let typed: string | undefined;
let workerAnswered = false;

function loadPageEngine() {
  if (pageEngine || pageEngineLoading || typed === undefined) return;
  const loading = import('./searchService')
    .then((service) =>
      service
        .search({ base: filesBase(), query: typed?.trim() || WARM_UP_QUERY, filters: {}, limit: 1, warmUp: true })
        .then(() => service),
    )
    .then((service) => {
      pageEngine = service;
    });
  pageEngineLoading = loading;
  // A failed load (offline, a new deploy) is tried again on the next focus; the worker answers meanwhile.
  loading.catch(() => {
    if (pageEngineLoading === loading) pageEngineLoading = undefined;
  });
}

/**
 * The user has turned to a search field: the page loads its own engine once the worker has given a first
 * answer (not before, so the two never compete for the first answer's files), and warms it with a search of
 * what is in the field. Until it is ready, the worker answers.
 */
export function prepareForTyping(query: string) {
  typed = query;
  if (workerAnswered) loadPageEngine();
}

async function runSearch(query: string, filters: SearchFilters, limit: number): Promise<SearchResponse> {
  const request: SearchRequest = { base: filesBase(), query, filters, limit };
  // For the typing benchmark: the engine's part of a keystroke, from request to answer.
  performance.mark('search-request', { detail: query });
  try {
    if (pageEngine) return await pageEngine.search(request);
    const response = await inWorker(request);
    if (!workerAnswered && query.trim()) {
      workerAnswered = true;
      setTimeout(loadPageEngine, PAGE_ENGINE_DELAY_MS);
    }
    return response;
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
