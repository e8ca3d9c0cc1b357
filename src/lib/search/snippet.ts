/**
 * A window of clause text around the matches, cut into plain and marked
 * pieces. Pieces are text: the view renders them as text nodes, never HTML.
 */
import type { Range } from './textMatch';

export interface SnippetPiece {
  text: string;
  mark: boolean;
}

export interface Snippet {
  pieces: SnippetPiece[];
  /** Text was left out before / after the window. */
  before: boolean;
  after: boolean;
}

export function makeSnippet(text: string, ranges: readonly Range[], width = 80): Snippet {
  const sorted = [...ranges].filter(([s, e]) => e > s && s >= 0 && e <= text.length).sort((a, b) => a[0] - b[0]);
  const first = sorted[0];
  let start = 0;
  if (first && text.length > width) {
    start = Math.max(0, Math.min(first[0] - Math.floor(width / 4), text.length - width));
  }
  const end = Math.min(text.length, start + width);
  const pieces: SnippetPiece[] = [];
  let at = start;
  for (const [s, e] of sorted) {
    const from = Math.max(s, at);
    const to = Math.min(e, end);
    if (to <= from) continue;
    if (from > at) pieces.push({ text: text.slice(at, from), mark: false });
    pieces.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), mark: false });
  return { pieces, before: start > 0, after: end < text.length };
}

/** The distinct matched words, for highlighting them again on the clause's page. */
export function matchedWords(text: string, ranges: readonly Range[]): string[] {
  return [...new Set(ranges.map(([s, e]) => text.slice(s, e).trim()).filter((word) => word.length > 0))];
}
