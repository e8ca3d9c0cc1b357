/**
 * Loads the search index and engine on first use only: nothing is fetched
 * until a search field is focused or a query is in the URL.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SearchEngine } from '../../lib/search/engine';
import { href } from '../link';

let loading: Promise<SearchEngine> | undefined;

export function loadSearchEngine(): Promise<SearchEngine> {
  loading ??= Promise.all([
    import('../../lib/search/engine'),
    fetch(href('search-index.json')).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    }),
  ]).then(([{ createSearchEngine }, data]) => createSearchEngine(data));
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

export type EngineState =
  { status: 'idle' | 'loading' } | { status: 'ready'; engine: SearchEngine } | { status: 'error'; message: string };

/** The engine once `wanted` has been true; retries when asked after an error. */
export function useSearchEngine(wanted: boolean): [EngineState, () => void] {
  const [state, setState] = useState<EngineState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    loadSearchEngine().then(
      (engine) => live && setState({ status: 'ready', engine }),
      (error: unknown) => live && setState({ status: 'error', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [wanted, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}
