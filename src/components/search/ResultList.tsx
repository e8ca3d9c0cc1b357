import type { SearchHit } from '../../lib/search/engine';
import { makeSnippet, matchedWords } from '../../lib/search/snippet';
import { docPath } from '../../lib/url';
import { href } from '../link';
import { rememberHighlight } from './highlightHandover';

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  h: '标题',
  c: '条款',
  p: '段落',
  a: '责任部门',
  r: '附表',
};

/** Hands the matched words to the clause page (see scripts/markSearchedWords.ts). */
const remember = (hit: SearchHit) =>
  rememberHighlight({
    path: href(docPath(hit.slug)),
    id: hit.id,
    words: matchedWords(hit.text, hit.ranges),
  });

interface Props {
  hits: SearchHit[];
  /** Compact list for the header drop-down. */
  compact?: boolean;
  onKeyDown?: (event: KeyboardEvent) => void;
}

export function ResultList({ hits, compact = false, onKeyDown }: Props) {
  return (
    <ol class={compact ? 'search-results compact' : 'search-results'} aria-label="搜索结果" onKeyDown={onKeyDown}>
      {hits.map((hit) => {
        const url = href(docPath(hit.slug, hit.id));
        const snippet = makeSnippet(hit.text, hit.ranges, compact ? 60 : 120);
        return (
          <li key={`${hit.slug}#${hit.id}`}>
            <a
              href={url}
              onClick={() => remember(hit)}
              // A middle click opens a new tab without a click event.
              onAuxClick={() => remember(hit)}
            >
              <span class="result-doc">{hit.title}</span>
              <span class="result-loc">
                {hit.locator || KIND_LABELS[hit.kind]}
                {!hit.complete && <span class="result-partial">（部分匹配）</span>}
              </span>
            </a>
            {!compact && hit.path.length > 0 && <p class="result-path">{hit.path.join(' › ')}</p>}
            <p class="result-snippet">
              {snippet.before && '…'}
              {snippet.pieces.map((piece, i) => (piece.mark ? <mark key={i}>{piece.text}</mark> : piece.text))}
              {snippet.after && '…'}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
