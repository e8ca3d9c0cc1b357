/**
 * The unit's yearly self-check and ledger (/checklist/). Everything stays in
 * this browser, so the island renders only there (client:only): the stored
 * record and today's date are known from the first render. Each document's
 * duties are fetched when it is chosen (dutyData.ts). The choice (documents,
 * roles, year) is kept in the URL; a link naming another choice shows it
 * without changing the saved one.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ChecklistData } from '../../data/checklist';
import { choiceSearch, parseChoice } from '../../lib/checklist/choice';
import { addToList, entriesOf, removeFromList, setAnswer, setNotApplicable, setTick } from '../../lib/checklist/edit';
import type { LedgerExport } from '../../lib/checklist/ledger';
import { planYear, resolveList, type PlannedSlot } from '../../lib/checklist/plan';
import { emptyYear, referencedFiles, type ChecklistRecord, type Selection } from '../../lib/checklist/record';
import { localToday } from '../../lib/checklist/status';
import { Accountability } from './Accountability';
import { Notices } from './Notices';
import { LedgerContext } from './context';
import { loadDocument, provide, useDuties } from './dutyData';
import { InTurn } from './InTurn';
import { lazy } from './Lazy';
import { Setup } from './Setup';
import { useLedger } from './useLedger';
import { YearPlan } from './YearPlan';

const ListEditor = lazy(() => import('./ListEditor').then((m) => m.ListEditor));
// 保存与导出 comes last, once the rest of the page has rendered: its code is not needed before.
const Tools = lazy(() => import('./Tools').then((m) => m.Tools));

const same = (a: Selection | null, b: Selection | null) => JSON.stringify(a) === JSON.stringify(b);
const unique = (list: string[]) => [...new Set(list)];

export default function Checklist({ documents, roles, defaultDocument, defaultDuties }: ChecklistData) {
  useState(() => provide(defaultDuties));
  const [today] = useState(localToday);
  const thisYear = Number(today.slice(0, 4));
  const ledger = useLedger();
  const { store, record, readOnly, change } = ledger;
  const [url] = useState(() => parseChoice(window.location.search));
  const [year, setYear] = useState(url.year ?? thisYear);
  const saved = record.selection;
  /** A link's choice of documents and roles, shown without touching the saved one. */
  const [linked, setLinked] = useState<Selection | null>(() => {
    if (!url.documents && !url.roles) return null;
    const wanted = {
      documents: url.documents ?? saved?.documents ?? [defaultDocument],
      roles: url.roles ?? saved?.roles ?? [],
    };
    return same(wanted, saved) ? null : wanted;
  });
  const [listUndo, setListUndo] = useState<{ message: string; record: ChecklistRecord } | null>(null);
  const [listOpen, setListOpen] = useState(false);

  // Nothing saved yet: the link's choice simply becomes the choice.
  useEffect(() => {
    if (linked && !saved && !record.list && !readOnly) {
      change((r) => ({ ...r, selection: linked }));
      setLinked(null);
    }
  }, []);
  // Files no stored record refers to any more (a cleared year, a removed file) go when the page opens.
  useEffect(() => {
    if (store.mode === 'persistent' && referencedFiles(record).size > 0)
      void import('./ledgerFiles').then((m) => m.collectGarbage(record)).catch(() => undefined);
  }, []);

  const selection = useMemo(
    () => linked ?? saved ?? { documents: [defaultDocument], roles: [] },
    [linked, saved, defaultDocument],
  );
  const list = linked ? null : record.list;
  const needed = unique([
    ...selection.documents,
    ...(list ?? []).flatMap((e) => (e.kind === 'published' ? [e.document] : [])),
  ]);
  const data = useDuties(needed);
  const resolved = useMemo(
    () => resolveList(list, selection.documents, selection.roles, data.duties),
    [list, selection, data.duties],
  );
  const yearKey = String(year);
  const yearRecord = useMemo(() => record.years[yearKey] ?? emptyYear(), [record, yearKey]);
  const plan = useMemo(
    () => planYear(resolved.duties, year, yearRecord, today, selection.roles),
    [resolved, year, yearRecord, today, selection.roles],
  );

  useEffect(() => {
    history.replaceState(
      history.state,
      '',
      choiceSearch(saved || linked ? selection.documents : null, selection.roles, year),
    );
  }, [selection, year, saved, linked]);

  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const docTitle = (slug: string) => documents.find((d) => d.slug === slug)?.title ?? slug;
  const years = unique(
    [thisYear - 1, thisYear, thisYear + 1, year, ...Object.keys(record.years).map(Number)].map(String),
  )
    .map(Number)
    .sort();
  const items = selection.documents.flatMap((slug) => data.documents.get(slug)?.accountability ?? []);
  const site = new URL(import.meta.env.BASE_URL, window.location.href).href;

  /** A change of choice leaves a link's view for the saved choice, carrying the link's over when there is no list. */
  const choose = (edit: (s: Selection) => Selection) => {
    const base = linked && !record.list ? linked : (saved ?? { documents: [defaultDocument], roles: [] });
    setLinked(null);
    change((r) => ({ ...r, selection: edit(base) }));
  };
  const onDocument = async (slug: string, checked: boolean) => {
    if (!record.list) {
      choose((s) => ({
        ...s,
        documents: checked ? unique([...s.documents, slug]) : s.documents.filter((d) => d !== slug),
      }));
      return;
    }
    setLinked(null);
    const before = record;
    if (checked) {
      const loaded = await loadDocument(slug).catch(() => null);
      if (loaded) change((r) => addToList(r, [], entriesOf(loaded.duties, selection.roles)));
      return;
    }
    const ids = record.list.flatMap((e) => (e.kind === 'published' && e.document === slug ? [e.id] : []));
    change((r) => removeFromList(r, [], ids));
    setListUndo({ message: `已从清单移除《${docTitle(slug)}》的 ${ids.length} 项工作。`, record: before });
  };
  const onTick = (slot: PlannedSlot, done: string | null, note = slot.note) =>
    change((r) => setTick(r, year, slot.tickKey, done, note));
  const onNotApplicable = (key: string, reason: string | null) => change((r) => setNotApplicable(r, year, key, reason));
  /** The ledger as exported: loaded only when used, like everything else that writes files. */
  const exportLedger = async (content: 'ledger' | 'list'): Promise<LedgerExport> =>
    (await import('../../lib/checklist/ledger')).buildLedger(
      record,
      content === 'list' ? resolved.all : resolved.duties,
      {
        content,
        exportedAt: new Date().toISOString(),
        site,
        roleName,
      },
    );

  return (
    <LedgerContext.Provider value={{ record, readOnly, change }}>
      <div class="checklist">
        <Notices
          problem={store.problem}
          mode={store.mode}
          saveError={ledger.saveError}
          failed={data.failed.map(docTitle)}
          onRetry={data.retry}
          linked={
            linked && {
              adopt: record.list ? null : () => choose(() => linked),
              back: saved || record.list ? () => setLinked(null) : null,
            }
          }
        />

        <Setup
          unit={record.unit}
          selection={selection}
          byDefault={!saved && !linked}
          ownList={!!list}
          documents={documents}
          roles={roles}
          readOnly={readOnly}
          onUnit={(unit) => change((r) => ({ ...r, unit }))}
          onDocument={(slug, checked) => void onDocument(slug, checked)}
          onRoles={(chosen) => choose((s) => ({ ...s, roles: chosen }))}
        />
        {listUndo && (
          <p role="status" class="tool-status no-print">
            {listUndo.message}
            <button
              type="button"
              onClick={() => {
                change((r) => ({ ...r, list: listUndo.record.list, selection: listUndo.record.selection }));
                setListUndo(null);
              }}
            >
              撤销
            </button>
          </p>
        )}
        <details
          class="check-list no-print"
          open={listOpen}
          onToggle={(event) => setListOpen((event.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>
            <h2 id="my-list">我的工作清单</h2>
            <span class="muted">
              {list ? `自定清单 · ${list.length} 项` : `所选文件的全部工作 · ${resolved.all.length} 项`}
            </span>
          </summary>
          {listOpen && (
            <ListEditor
              all={resolved.all}
              unresolved={resolved.unresolved}
              roles={roles}
              documents={documents}
              chosenRoles={selection.roles}
              exportList={() => exportLedger('list')}
            />
          )}
        </details>

        <header class="print-only check-print-head">
          <h2>{yearKey} 年度意识形态工作责任制自查表</h2>
          <p>
            单位：{record.unit || '＿＿＿＿＿＿'}　角色：{selection.roles.map(roleName).join('、') || '全部'}
          </p>
          <p>依据：{selection.documents.map((d) => `《${docTitle(d)}》`).join('')}</p>
        </header>

        <YearPlan
          plan={plan}
          year={year}
          years={years}
          today={today}
          loading={data.pending.length > 0}
          roleName={roleName}
          readOnly={readOnly}
          onYear={setYear}
          onTick={onTick}
          onNotApplicable={onNotApplicable}
        />
        <Accountability
          items={items}
          yearRecord={yearRecord}
          docTitle={docTitle}
          readOnly={readOnly}
          onAnswer={(key, answer) => change((r) => setAnswer(r, year, key, answer))}
        />

        {/* Last in turn, and only once the chosen documents have arrived: once the tools show, the page is complete. */}
        {data.pending.length === 0 && (
          <InTurn>
            <Tools
              ledger={ledger}
              year={year}
              today={today}
              exportLedger={exportLedger}
              csvRows={async () =>
                (await import('../../lib/checklist/rows')).yearRows(plan, year, items, yearRecord, docTitle)
              }
              planned={() => plan.groups.flatMap((g) => g.duties)}
            />
          </InTurn>
        )}

        <footer class="print-only check-signature">
          <p>自查人（签字）：＿＿＿＿＿＿＿＿　　　审核人（签字）：＿＿＿＿＿＿＿＿</p>
          <p>日期：＿＿＿＿年＿＿月＿＿日</p>
        </footer>
      </div>
    </LedgerContext.Provider>
  );
}
