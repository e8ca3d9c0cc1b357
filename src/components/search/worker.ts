/**
 * The search engine in a worker: it answers while the page's own engine is not ready (a page opened with a
 * query, the first words typed), so loading and first compiling the engine never holds the page. Its
 * loading of the search files is searchService.ts's.
 */
import type { SearchResponse } from '../../lib/search/engine';
import { search, type SearchRequest } from './searchService';

export interface WorkerRequest extends SearchRequest {
  id: number;
}
export type WorkerReply = { id: number; response: SearchResponse } | { id: number; error: string };

// The project's TypeScript lib is the DOM's; a dedicated worker's scope is all this needs of its own.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply): void;
};

scope.onmessage = async ({ data }) => {
  try {
    scope.postMessage({ id: data.id, response: await search(data) });
  } catch (error) {
    // Every request gets an answer, so the page never waits for ever.
    scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
