/**
 * The search page (/search/?q=…): the query and filters live in the URL, so
 * a search can be reloaded, bookmarked and shared.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchFilters } from '../../lib/search/engine';
import { MAX_TERM_LENGTH } from '../../lib/search/query';
import { moveFocus } from './keyboard';
import { isBusy, useSearch } from './searchClient';
import { ResultList } from './ResultList';

interface Option {
  value: string;
  label: string;
}

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
/** Results shown at first and added by 显示更多: a short list paints fast on a phone, and only its texts are fetched. */
const PAGE = 20;
const PARAMS = { q: 'q', doc: 'doc', bodyType: 'type', role: 'role' } as const;
const URL_DELAY_MS = 400;

interface State {
  q: string;
  /** The document's slug, as in the URL. */
  doc?: string | undefined;
  bodyType?: string | undefined;
  role?: string | undefined;
}

function readUrl(): State {
  const params = new URLSearchParams(window.location.search);
  const value = (name: string) => params.get(name) ?? undefined;
  return {
    q: params.get(PARAMS.q) ?? '',
    doc: value(PARAMS.doc),
    bodyType: value(PARAMS.bodyType),
    role: value(PARAMS.role),
  };
}

function writeUrl(state: State) {
  const params = new URLSearchParams();
  if (state.q) params.set(PARAMS.q, state.q);
  if (state.doc) params.set(PARAMS.doc, state.doc);
  if (state.bodyType) params.set(PARAMS.bodyType, state.bodyType);
  if (state.role) params.set(PARAMS.role, state.role);
  const search = params.toString();
  window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
}

function Filter(props: {
  name: string;
  label: string;
  options: Option[];
  value?: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const id = `filter-${props.name}`;
  return (
    <p class="filter">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value ?? ''}
        onChange={(event) => props.onChange((event.target as HTMLSelectElement).value || undefined)}
      >
        <option value="">全部</option>
        {props.options.map((option) => (
          <option value={option.value} key={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </p>
  );
}

export default function SearchPage({ documents, bodyTypes, roles }: Props) {
  const [state, setState] = useState<State>({ q: '' });
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
    const fromUrl = readUrl();
    // Keep what was typed before the page became interactive.
    if (!fromUrl.q && input.current?.value) fromUrl.q = input.current.value;
    setState(fromUrl);
    if (fromUrl.q.trim()) setWanted(true);
    else input.current?.focus();
  }, []);

  const update = (change: Partial<State>) => {
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
    () => (
      <fieldset class="filters">
        <legend>筛选</legend>
        <Filter
          name={PARAMS.doc}
          label="文件"
          options={documents}
          value={state.doc}
          onChange={(doc) => update({ doc })}
        />
        <Filter
          name={PARAMS.bodyType}
          label="主体类型"
          options={bodyTypes}
          value={state.bodyType}
          onChange={(bodyType) => update({ bodyType })}
        />
        <Filter
          name={PARAMS.role}
          label="角色"
          options={roles}
          value={state.role}
          onChange={(role) => update({ role })}
        />
      </fieldset>
    ),
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
            name={PARAMS.q}
            value={state.q}
            autocomplete="off"
            enterkeyhint="search"
            aria-describedby="search-tips"
            onFocus={() => setWanted(true)}
            onBlur={() => pendingUrl.current?.()}
            onInput={(event) => update({ q: (event.target as HTMLInputElement).value })}
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
          <div class="no-results">
            {response.suggestions.length > 0 && (
              <>
                <h2>您是不是要找：</h2>
                <ul class="suggestions">
                  {response.suggestions.map((word) => (
                    <li key={word}>
                      <button type="button" onClick={() => update({ q: word })}>
                        {word}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h2>查找建议</h2>
            <ul>
              <li>检查是否有错别字，或换一个说法（如“述职”“述责”）。</li>
              <li>减少词语，或用空格把词语分开。</li>
              {filtered && (
                <li>
                  <button
                    type="button"
                    onClick={() => update({ doc: undefined, bodyType: undefined, role: undefined })}
                  >
                    取消筛选
                  </button>
                  后再试。
                </li>
              )}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
