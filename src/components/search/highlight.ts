/** Words to mark on a clause's page after following a search result to it. */
export const HIGHLIGHT_KEY = 'zerenzhi:highlight';

export interface Highlight {
  /** Path of the document page. */
  path: string;
  /** Clause id (the URL fragment). */
  id: string;
  words: string[];
}

export function rememberHighlight(highlight: Highlight) {
  try {
    sessionStorage.setItem(HIGHLIGHT_KEY, JSON.stringify(highlight));
  } catch {
    // Without session storage the clause is still shown (:target); only the word marks are lost.
  }
}
