/**
 * After following a search result: mark the matched words inside the clause
 * the link points at. The words come from the search page via session
 * storage (the clause URL itself stays a plain /docs/<slug>/#<id>).
 */
import { HIGHLIGHT_KEY, HIGHLIGHT_TTL_MS, type Highlight } from '../components/search/highlightHandover';

/** The words for this clause, if a search result just led here; used once. */
function takeHighlight(): Highlight | undefined {
  try {
    const raw = localStorage.getItem(HIGHLIGHT_KEY);
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    if (
      typeof value !== 'object' ||
      value === null ||
      typeof (value as Highlight).path !== 'string' ||
      typeof (value as Highlight).id !== 'string' ||
      typeof (value as Highlight).followedAt !== 'number' ||
      !Array.isArray((value as Highlight).words)
    ) {
      if (raw) localStorage.removeItem(HIGHLIGHT_KEY);
      return undefined;
    }
    const highlight = value as Highlight;
    const fresh = Date.now() - highlight.followedAt < HIGHLIGHT_TTL_MS;
    const here = highlight.path === window.location.pathname && window.location.hash === `#${highlight.id}`;
    if (!fresh || here) localStorage.removeItem(HIGHLIGHT_KEY);
    return fresh && here ? highlight : undefined;
  } catch {
    // Storage unavailable or garbled: nothing to mark.
    return undefined;
  }
}

function markWords(root: HTMLElement, words: string[]) {
  const wanted = words.filter((word) => typeof word === 'string' && word.length > 0);
  if (wanted.length === 0) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    if (node.parentElement?.closest('button, .clause-tools, mark')) continue;
    let text = node;
    for (;;) {
      const value = text.data;
      const hits = wanted.map((word) => ({ word, index: value.indexOf(word) })).filter((hit) => hit.index !== -1);
      if (hits.length === 0) break;
      const first = hits.reduce((a, b) =>
        b.index < a.index || (b.index === a.index && b.word.length > a.word.length) ? b : a,
      );
      const match = text.splitText(first.index);
      text = match.splitText(first.word.length);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      match.replaceWith(mark);
      mark.append(match);
    }
  }
}

function applyHighlight() {
  const highlight = takeHighlight();
  if (!highlight) return;
  document.querySelectorAll('mark.search-hit').forEach((mark) => mark.replaceWith(...mark.childNodes));
  const clause = document.getElementById(highlight.id);
  if (clause) markWords(clause, highlight.words);
}

applyHighlight();
// A result on the page already open only changes the fragment.
window.addEventListener('hashchange', applyHighlight);
