/**
 * The search page (/search/?q=…): the query and filters live in the URL, so
 * a search can be reloaded, bookmarked and shared.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchFilters } from '../../lib/search/engine';
import { MAX_TERM_LENGTH } from '../../lib/search/query';
import { moveFocus } from './keyboard';
import { paramsOfState, SEARCH_PARAMS, stateFromParams, type SearchUrlState } from '../../lib/search/searchUrl';
import { NoResults } from './NoResults';
import { isBusy, prepareForTyping, useSearch } from './searchClient';
import { ResultList } from './ResultList';
import { FilterBox, type Option } from './FilterBox';

/** A document: its slug (in the URL), title and number in the search index. */
interface DocumentOption extends Option {
  index: number;
}

interface Props {
  documents: DocumentOption[];
  bodyTypes: Option[];
  roles: Option[];
}

const LIMIT = 50;
/**
 * Results shown at first and added by 显示更多: a short list paints fast on a phone, and only its texts are
 * fetched (a keystroke that brings new results fetches about this many small files).
 */
const PAGE = 10;
const URL_DELAY_MS = 400;

function writeUrl(state: SearchUrlState) {
  const search = paramsOfState(state);
  window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
}

export default function SearchPage({ documents, bodyTypes, roles }: Props) {
  const [state, setState] = useState<SearchUrlState>({ q: '' });
  const [wanted, setWanted] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const filters: SearchFilters = {
    doc: documents.find((d) => d.value === state.doc)?.index ?? (state.doc ? -1 : undefined),
    bodyType: state.bodyType,
    role: state.role,
  };
  const [search, retry] = useSearch(wanted, state.q, filters, shown);
  /** After 显示更多, the first added result takes the focus (keyboard users stay in place). */
  const focusFrom = useRef<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const fromUrl = stateFromParams(new URLSearchParams(window.location.search));
    // Keep what was typed before the page became interactive.
    if (!fromUrl.q && input.current?.value) {
      fromUrl.q = input.current.value;
      prepareForTyping(fromUrl.q);
    }
    setState(fromUrl);
    if (fromUrl.q.trim()) setWanted(true);
    else input.current?.focus();
  }, []);

  const update = (change: Partial<SearchUrlState>) => {
    setState((last) => ({ ...last, ...change }));
    setShown(PAGE);
    setWanted(true);
  };
  // history.replaceState costs Chromium a few milliseconds: the URL follows once typing pauses, when the field
  // is left (for a result, say) and when the page is, never on the keystroke's path.
  const first = useRef(true);
  const pendingUrl = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const write = () => {
      if (pendingUrl.current !== write) return;
      pendingUrl.current = undefined;
      writeUrl(state);
    };
    pendingUrl.current = write;
    const timer = setTimeout(write, URL_DELAY_MS);
    addEventListener('pagehide', write);
    return () => {
      clearTimeout(timer);
      removeEventListener('pagehide', write);
    };
  }, [state]);

  const response = search.status === 'ready' ? search.response : undefined;
  const filtered = Boolean(state.doc || state.bodyType || state.role);
  const visible = response?.hits.slice(0, shown) ?? [];
  const available = Math.min(response?.total ?? 0, LIMIT);
  // Re-rendering the list (or 1,800 document options) on each keystroke costs a frame; they change only with their data.
  const list = useMemo(() => visible.length > 0 && <ResultList hits={visible} />, [response, shown]);

  const filterBox = useMemo(
    () => <FilterBox documents={documents} bodyTypes={bodyTypes} roles={roles} state={state} onChange={update} />,
    [state.doc, state.bodyType, state.role],
  );

  useEffect(() => {
    if (focusFrom.current === null || visible.length <= focusFrom.current) return;
    results.current?.querySelectorAll<HTMLAnchorElement>('.search-results > li > a')[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [visible.length]);

  return (
    <div class="search-page" onKeyDown={(event) => moveFocus(event, results.current, input.current)}>
      <form
        role="search"
        class="search-form"
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          results.current?.querySelector<HTMLAnchorElement>('a[href]')?.focus();
        }}
      >
        <p class="search-field">
          <label for="search-q">搜索条款</label>
          <input
            ref={input}
            id="search-q"
            type="search"
            name={SEARCH_PARAMS.q}
            value={state.q}
            autocomplete="off"
            enterkeyhint="search"
            aria-describedby="search-tips"
            onFocus={(event) => {
              setWanted(true);
              prepareForTyping((event.target as HTMLInputElement).value);
            }}
            onBlur={() => pendingUrl.current?.()}
            onInput={(event) => {
              update({ q: (event.target as HTMLInputElement).value });
              prepareForTyping((event.target as HTMLInputElement).value);
            }}
          />
          <button type="submit">搜索</button>
        </p>
        <p id="search-tips" class="hint">
          多个词用空格分开，结果须都包含；错一个字、常见的其他说法（如 开会/召开会议）也能找到。
        </p>
        {filterBox}
      </form>

      <div ref={results} class="search-output" aria-busy={isBusy(search) ? 'true' : undefined}>
        <p role="status" class="search-status">
          {search.status === 'loading' && state.q.trim() && '正在载入检索索引…'}
          {!state.q.trim() && '请输入要查找的词语，例如：第一责任人、每半年汇报、一岗双责。'}
          {response &&
            response.total > 0 &&
            `找到 ${response.total} 条${response.total > visible.length ? `，显示前 ${visible.length} 条` : ''}${filtered ? '（已筛选）' : ''}`}
          {response &&
            response.total === 0 &&
            `没有找到与“${state.q.trim()}”相关的条款${filtered ? '（已筛选）' : ''}。`}
        </p>
        {search.status === 'error' && (
          <p class="search-error">
            检索索引载入失败（{search.message}），请检查网络后
            <button type="button" onClick={retry}>
              重试
            </button>
          </p>
        )}
        {response?.query.truncated && (
          <p class="hint">查询过长，只使用了前面的词语（每个词最多 {MAX_TERM_LENGTH} 个字）。</p>
        )}
        {list}
        {response && available > visible.length && visible.length === shown && (
          <p class="more-results">
            <button
              type="button"
              onClick={() => {
                focusFrom.current = visible.length;
                setShown(Math.min(LIMIT, visible.length + PAGE));
              }}
            >
              显示更多结果（再显示 {Math.min(PAGE, available - visible.length)} 条）
            </button>
          </p>
        )}
        {response && response.total === 0 && (
          <NoResults
            suggestions={response.suggestions}
            filtered={filtered}
            onSuggestion={(q) => update({ q })}
            onClearFilters={() => update({ doc: undefined, bodyType: undefined, role: undefined })}
          />
        )}
      </div>
    </div>
  );
}
