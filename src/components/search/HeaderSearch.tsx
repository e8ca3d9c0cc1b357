/**
 * The search field in the site header: results as you type in a drop-down,
 * ↑/↓ between results, Enter to open, Esc to close; / or Ctrl+K focuses it.
 * Without JavaScript it is a plain form that opens the search page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { href } from '../link';
import { isTyping, moveFocus } from './keyboard';
import { isBusy, prepareForTyping, useSearch } from './searchClient';
import { ResultList } from './ResultList';

const LIMIT = 8;
const NO_FILTERS = {};

export default function HeaderSearch() {
  const [query, setQuery] = useState('');
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  const [search, retry] = useSearch(wanted, query, NO_FILTERS, LIMIT);
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Keep what was typed before the page became interactive.
    const typed = input.current?.value ?? '';
    if (typed) {
      setQuery(typed);
      setWanted(true);
      setOpen(document.activeElement === input.current);
      prepareForTyping(typed);
    }
    const onKey = (event: KeyboardEvent) => {
      const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
      if (shortcut || (event.key === '/' && !isTyping(event.target))) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const response = search.status === 'ready' ? search.response : undefined;
  const showPanel = open && query.trim().length > 0;
  const allResults = `${href('search/')}?q=${encodeURIComponent(query)}`;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      setOpen(false);
      input.current?.focus();
      return;
    }
    moveFocus(event, panel.current, input.current);
  };

  return (
    <form
      ref={form}
      class="header-search"
      role="search"
      action={href('search/')}
      method="get"
      onKeyDown={onKeyDown}
      onFocusOut={(event) => {
        if (!form.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label for="site-search" class="visually-hidden">
        搜索条款
      </label>
      <input
        ref={input}
        id="site-search"
        type="search"
        name="q"
        placeholder="搜索条款（按 / 键）"
        autocomplete="off"
        enterkeyhint="search"
        aria-controls="site-search-panel"
        value={query}
        onFocus={(event) => {
          setWanted(true);
          setOpen(true);
          prepareForTyping((event.target as HTMLInputElement).value);
        }}
        onInput={(event) => {
          setWanted(true);
          setOpen(true);
          setQuery((event.target as HTMLInputElement).value);
          prepareForTyping((event.target as HTMLInputElement).value);
        }}
      />
      <button type="submit">搜索</button>
      <div
        id="site-search-panel"
        class="search-panel"
        ref={panel}
        hidden={!showPanel}
        aria-busy={isBusy(search) ? 'true' : undefined}
      >
        <p role="status" class="search-status">
          {showPanel && search.status === 'loading' && '正在载入检索索引…'}
          {showPanel && search.status === 'error' && (
            <>
              检索索引载入失败，请检查网络。{' '}
              <button type="button" onClick={retry}>
                重试
              </button>
            </>
          )}
          {showPanel && response && (response.total === 0 ? '没有找到匹配的条款' : `找到 ${response.total} 条`)}
        </p>
        {response && response.hits.length > 0 && <ResultList hits={response.hits} compact />}
        {showPanel && (
          <p class="search-more">
            <a href={allResults}>
              {response && response.total > LIMIT ? `查看全部 ${response.total} 条结果` : '在搜索页查看与筛选'}
            </a>
          </p>
        )}
      </div>
    </form>
  );
}
