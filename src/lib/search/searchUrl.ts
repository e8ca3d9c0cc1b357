/**
 * The search page's state in its URL (/search/?q=…&doc=…&type=…&role=…), so that a search can be
 * reloaded, bookmarked and shared. Parameters with no value are left out; unknown ones are ignored.
 */
export const SEARCH_PARAMS = { q: 'q', doc: 'doc', bodyType: 'type', role: 'role' } as const;

export interface SearchUrlState {
  q: string;
  /** The document's slug. */
  doc?: string | undefined;
  bodyType?: string | undefined;
  role?: string | undefined;
}

export function stateFromParams(params: URLSearchParams): SearchUrlState {
  const value = (name: string) => params.get(name) || undefined;
  return {
    q: params.get(SEARCH_PARAMS.q) ?? '',
    doc: value(SEARCH_PARAMS.doc),
    bodyType: value(SEARCH_PARAMS.bodyType),
    role: value(SEARCH_PARAMS.role),
  };
}

/** The query string for a state, without the leading `?`; empty when nothing is searched or filtered. */
export function paramsOfState(state: SearchUrlState): string {
  const params = new URLSearchParams();
  if (state.q) params.set(SEARCH_PARAMS.q, state.q);
  if (state.doc) params.set(SEARCH_PARAMS.doc, state.doc);
  if (state.bodyType) params.set(SEARCH_PARAMS.bodyType, state.bodyType);
  if (state.role) params.set(SEARCH_PARAMS.role, state.role);
  return params.toString();
}
