/**
 * Words to mark on a clause's page after following a search result to it.
 * Kept in localStorage (not sessionStorage) so that a result opened in a new
 * tab is marked too; the page that uses it removes it, and it expires soon.
 */
export const HIGHLIGHT_KEY = 'zerenzhi:highlight';
export const HIGHLIGHT_TTL_MS = 2 * 60 * 1000;

export interface Highlight {
  /** Path of the document page. */
  path: string;
  /** Clause id (the URL fragment). */
  id: string;
  words: string[];
  /** When the result was followed (ms since the epoch). */
  followedAt: number;
}

export function rememberHighlight(highlight: Omit<Highlight, 'followedAt'>) {
  try {
    localStorage.setItem(HIGHLIGHT_KEY, JSON.stringify({ ...highlight, followedAt: Date.now() }));
  } catch {
    // Without storage the clause is still shown (:target); only the word marks are lost.
  }
}
