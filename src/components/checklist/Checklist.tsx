/**
 * The personal yearly self-check (/checklist/). Everything stays in this
 * browser, so the island renders only there (client:only): the stored record
 * and today's date are known from the first render. The record is saved on
 * every change, kept in step across tabs, and never silently dropped (see
 * lib/checklist).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { planYear, selectDuties, type ChecklistDuty, type PlannedSlot } from '../../lib/checklist/plan';
import {
  ANSWERS,
  defaultDoneDate,
  emptyYear,
  mergeRecords,
  parseRecord,
  previewImport,
  serializeRecord,
  type Answer,
  type ChecklistRecord,
  type ImportPreview,
  type Selection,
  type YearRecord,
} from '../../lib/checklist/record';
import { PERIOD_TABLE } from '../../lib/checklist/slots';
import { localToday, STATUS_LABELS } from '../../lib/checklist/status';
import { openStore, RECORD_KEY, type StoreMode } from '../../lib/checklist/store';
import { href } from '../link';
import { download, localStore, requestPersistence } from './browser';
import type { AccountabilityItem } from '../../data/checklist';
import { DutyCard, slotRange } from './DutyCard';
import { InTurn } from './InTurn';
import { offscreenHeight } from './offscreen';

interface Props {
  duties: ChecklistDuty[];
  documents: { slug: string; title: string; bodyType: string; duties: number }[];
  roles: { id: string; name: string }[];
  accountability: AccountabilityItem[];
  defaultDocument: string;
}

const ANSWER_LABELS: Record<(typeof ANSWERS)[number], string> = { yes: '是', no: '否', unsure: '不确定' };
const MODE_NOTICES: Record<StoreMode, string | null> = {
  persistent: null,
  memory: '这个浏览器不允许本站保存数据（例如隐私浏览模式）。本页的勾选只在关闭页面前有效，请用“导出记录”保存。',
  'read-only': '为了不覆盖原有数据，本页现在只读：修改不会保存。',
};

interface ChoiceListProps {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  chosen: string[];
  disabled: boolean;
  inline?: boolean;
  onChange(chosen: string[]): void;
}

/** A fieldset of native checkboxes over a set of values. */
function ChoiceList({ legend, name, options, chosen, disabled, inline = false, onChange }: ChoiceListProps) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul class={inline ? 'choice-list choice-inline' : 'choice-list'}>
        {options.map((option) => (
          <li key={option.value}>
            <label>
              <input
                type="checkbox"
                name={name}
                value={option.value}
                checked={chosen.includes(option.value)}
                disabled={disabled}
                onChange={(e) =>
                  onChange(
                    (e.target as HTMLInputElement).checked
                      ? [...new Set([...chosen, option.value])]
                      : chosen.filter((v) => v !== option.value),
                  )
                }
              />
              {option.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export default function Checklist(props: Props) {
  const { duties: allDuties, documents, roles, accountability, defaultDocument } = props;
  const [today] = useState(localToday);
  const thisYear = Number(today.slice(0, 4));
  const [store] = useState(() => openStore(localStore()));
  const [year, setYear] = useState(thisYear);
  const [record, setRecord] = useState<ChecklistRecord>(store.record);
  const problem = store.problem;
  const [saveError, setSaveError] = useState<string | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [undo, setUndo] = useState<{ year: string; data: YearRecord } | null>(null);
  const [incoming, setIncoming] = useState<{ record: ChecklistRecord; mode: 'merge' | 'replace' } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** The set-up panel starts open until a choice has been saved. */
  const [setupOpen, setSetupOpen] = useState(!store.record.selection);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== RECORD_KEY || store.mode !== 'persistent') return;
      const loaded = parseRecord(event.newValue);
      if (loaded.record) setRecord(loaded.record);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);

  const readOnly = store.mode === 'read-only';
  const yearKey = String(year);
  // Memoised so that the plan below is recomputed only when the record or the choice changes.
  const yearRecord = useMemo(() => record.years[yearKey] ?? emptyYear(), [record, yearKey]);
  const selection: Selection = useMemo(
    () => record.selection ?? { documents: [defaultDocument], roles: [], unit: '' },
    [record, defaultDocument],
  );
  const duties = useMemo(() => selectDuties(allDuties, selection), [allDuties, selection]);
  const plan = useMemo(() => planYear(duties, year, yearRecord, today), [duties, year, yearRecord, today]);
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const docTitle = (slug: string) => documents.find((d) => d.slug === slug)?.title ?? slug;
  const years = [
    ...new Set([thisYear - 1, thisYear, thisYear + 1, year, ...Object.keys(record.years).map(Number)]),
  ].sort();
  const items = accountability.filter((item) => selection.documents.includes(item.document));
  /** The circumstances under their printed headings, in document order; the items keep their own printed numbers. */
  const accountabilityGroups = items.reduce<
    { key: string; document: string; heading: string; items: AccountabilityItem[] }[]
  >((groups, item) => {
    const key = `${item.document}|${item.group}`;
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, document: item.document, heading: item.group, items: [item] });
    return groups;
  }, []);

  const commit = (next: ChecklistRecord) => {
    setRecord(next);
    if (readOnly) return;
    const error = store.save(next);
    setSaveError(error);
    if (!error && persisted === null) void requestPersistence().then(setPersisted);
  };
  const updateYear = (change: (y: YearRecord) => YearRecord) =>
    commit({ ...record, years: { ...record.years, [yearKey]: change(yearRecord) } });
  const setTick = (slot: PlannedSlot, done: string | null, note = slot.note) =>
    updateYear((y) => ({ ...y, ticks: { ...y.ticks, [slot.tickKey]: { done, note } } }));
  const setSelection = (change: Partial<Selection>) => commit({ ...record, selection: { ...selection, ...change } });
  const setAnswer = (key: string, change: Partial<Answer>) =>
    updateYear((y) => ({
      ...y,
      accountability: { ...y.accountability, [key]: { answer: null, note: '', ...y.accountability[key], ...change } },
    }));

  const exportJson = () => download(`责任制自查记录-${today}.json`, serializeRecord(record), 'application/json');
  const exportCsv = async () => {
    const { default: Papa } = await import('papaparse');
    const rows = plan.groups.flatMap((g) =>
      g.duties.flatMap((p) =>
        p.slots.map((slot) => ({
          年度: yearKey,
          时间: g.group,
          文件: p.duty.docTitle,
          条款: p.duty.locator,
          工作: p.duty.duty,
          频次: p.duty.cadenceText,
          责任主体: p.duty.printedRole,
          次序: slot.label,
          期限: slotRange(slot),
          完成日期: slot.done ?? '',
          备注: slot.note,
          状态: STATUS_LABELS[slot.status],
        })),
      ),
    );
    // The accountability self-assessment follows the duties, one row per circumstance.
    const answers = items.map((item) => {
      const answer = yearRecord.accountability[item.key];
      return {
        年度: yearKey,
        时间: '追责问责自查',
        文件: docTitle(item.document),
        条款: item.locator,
        工作: item.text,
        频次: '每年',
        责任主体: '',
        次序: '',
        期限: '',
        完成日期: '',
        备注: answer?.note ?? '',
        状态: answer?.answer ? `是否存在此情形：${ANSWER_LABELS[answer.answer]}` : '未回答',
      };
    });
    download(
      `责任制自查-${yearKey}.csv`,
      `\ufeff${Papa.unparse([...rows, ...answers], { escapeFormulae: true })}`,
      'text/csv;charset=utf-8',
    );
  };
  const readImport = async (file: File | undefined) => {
    setImportError(null);
    setIncoming(null);
    if (!file) return;
    const loaded = parseRecord(await file.text());
    if (loaded.problem) setImportError(`未导入：${loaded.problem.message}当前记录没有任何改动。`);
    else setIncoming({ record: loaded.record, mode: 'merge' });
  };
  const confirmImport = () => {
    if (!incoming) return;
    commit(incoming.mode === 'merge' ? mergeRecords(record, incoming.record) : { ...incoming.record });
    setIncoming(null);
    setMessage('已导入。');
  };
  const resetYear = () => {
    if (!window.confirm(`确定清空 ${yearKey} 年度的全部勾选、日期、备注和自查答案吗？`)) return;
    setUndo({ year: yearKey, data: yearRecord });
    const rest = { ...record.years };
    delete rest[yearKey];
    commit({ ...record, years: rest });
    setMessage(`已清空 ${yearKey} 年度的记录。`);
  };
  const undoReset = () => {
    if (!undo) return;
    commit({ ...record, years: { ...record.years, [undo.year]: undo.data } });
    setUndo(null);
    setMessage('已撤销清空。');
  };
  const preview: ImportPreview | null = incoming ? previewImport(record, incoming.record, incoming.mode) : null;
  const modeNotice = MODE_NOTICES[store.mode];

  return (
    <div class="checklist">
      {(problem || modeNotice || saveError) && (
        <div class="notice notice-warning" role="alert">
          {problem && (
            <p>
              {problem.message}
              {problem.kind !== 'newer' && '原数据已另存为备份，本页从空白记录开始。'}
              <button type="button" onClick={() => download('责任制自查-原数据.txt', problem.raw, 'text/plain')}>
                下载原数据
              </button>
            </p>
          )}
          {modeNotice && <p>{modeNotice}</p>}
          {saveError && <p>{saveError}</p>}
        </div>
      )}

      <details
        class="check-setup no-print"
        open={setupOpen}
        onToggle={(event) => setSetupOpen((event.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>
          <h2 id="setup">我的单位与角色</h2>
          {record.selection && (
            <span class="muted">
              {selection.unit && `${selection.unit} · `}
              {selection.documents.length} 篇文件 · {selection.roles.map(roleName).join('、') || '全部角色'}
            </span>
          )}
        </summary>
        {!record.selection && (
          <p class="hint">尚未选择：下面先列出《{docTitle(defaultDocument)}》的全部工作，可直接勾选。</p>
        )}
        <ChoiceList
          legend="本单位执行的文件"
          name="documents"
          options={documents.map((d) => ({ value: d.slug, label: `${d.title}（${d.duties} 项）` }))}
          chosen={selection.documents}
          disabled={readOnly}
          onChange={(chosen) => setSelection({ documents: chosen })}
        />
        <ChoiceList
          legend="我的角色（不选则列出全部角色的工作）"
          name="roles"
          inline
          options={roles.map((r) => ({ value: r.id, label: r.name }))}
          chosen={selection.roles}
          disabled={readOnly}
          onChange={(chosen) => setSelection({ roles: chosen })}
        />
        <p>
          <label>
            单位名称（可不填）
            <input
              type="text"
              value={selection.unit}
              maxLength={100}
              disabled={readOnly}
              onInput={(e) => setSelection({ unit: (e.target as HTMLInputElement).value })}
            />
          </label>
        </p>
      </details>

      <header class="print-only check-print-head">
        <h2>{yearKey} 年度意识形态工作责任制自查表</h2>
        <p>
          单位：{selection.unit || '＿＿＿＿＿＿'}　角色：{selection.roles.map(roleName).join('、') || '全部'}
        </p>
        <p>依据：{selection.documents.map((d) => `《${docTitle(d)}》`).join('')}</p>
      </header>

      <p class="no-print">
        <label>
          年度
          <select value={yearKey} onChange={(e) => setYear(Number((e.target as HTMLSelectElement).value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </p>

      <section aria-labelledby="progress" class="check-summary">
        <h2 id="progress">进度</h2>
        <p>
          <label for="progress-all">
            全部（{plan.overall.done}/{plan.overall.total}）
          </label>
          <progress id="progress-all" max={plan.overall.total || 1} value={plan.overall.done} />
        </p>
        <ul class="role-progress">
          {plan.byRole.map(({ role, progress }) => (
            <li key={role}>
              <label for={`progress-${role}`}>
                {roleName(role)}（{progress.done}/{progress.total}）
              </label>
              <progress id={`progress-${role}`} max={progress.total || 1} value={progress.done} />
            </li>
          ))}
        </ul>
        <h3>接下来要办</h3>
        {plan.nextDue.length === 0 ? (
          <p>本年度有期限的工作都已完成。</p>
        ) : (
          <ol class="next-due">
            {plan.nextDue.map(({ duty, slot }) => (
              <li key={slot.tickKey}>
                <span class={`status status-${slot.status}`}>{STATUS_LABELS[slot.status]}</span> {duty.duty}（
                {slot.label}，{slotRange(slot)}）
              </li>
            ))}
          </ol>
        )}
      </section>

      {plan.groups.length === 0 && <p>所选文件和角色没有规定定期工作。请在上面增加文件或角色。</p>}
      {/* The page's frame renders at once; each duty and circumstance follows in a task of its own. */}
      {plan.groups.map(({ group, duties: list }) => (
        <section key={group} aria-labelledby={`group-${group}`} class="check-group">
          <h2 id={`group-${group}`}>{group}</h2>
          <ul class="check-duties">
            {list.map((planned) => (
              <InTurn key={planned.duty.id}>
                <DutyCard
                  planned={planned}
                  year={year}
                  readOnly={readOnly}
                  onTick={(slot, checked) => setTick(slot, checked ? defaultDoneDate(today, year, slot.end) : null)}
                  onDate={(slot, date) => setTick(slot, date)}
                  onNote={(slot, note) => setTick(slot, slot.done, note)}
                />
              </InTurn>
            ))}
          </ul>
        </section>
      ))}

      {items.length > 0 && (
        <section aria-labelledby="accountability" class="check-accountability">
          <h2 id="accountability">本年度是否存在以下情形（追责问责自查）</h2>
          {accountabilityGroups.map((group) => (
            <section key={group.key}>
              <h3>
                {group.heading}
                <span class="muted">（《{docTitle(group.document)}》）</span>
              </h3>
              <ul class="accountability-items">
                {group.items.map((item) => {
                  const answer = yearRecord.accountability[item.key];
                  return (
                    <InTurn key={item.key}>
                      <li
                        style={{
                          containIntrinsicBlockSize: offscreenHeight(
                            [`${item.text} ${item.locator}`, '是 否 不确定', '说明'],
                            6,
                          ),
                        }}
                      >
                        <fieldset>
                          <legend>
                            {item.text}{' '}
                            <a href={href(item.path)}>
                              <span class="visually-hidden">《{docTitle(item.document)}》</span>
                              {item.locator}
                            </a>
                          </legend>
                          {ANSWERS.map((value) => (
                            <label key={value} class="answer">
                              <input
                                type="radio"
                                name={`answer-${item.key}`}
                                value={value}
                                checked={answer?.answer === value}
                                disabled={readOnly}
                                onChange={() => setAnswer(item.key, { answer: value })}
                              />
                              {ANSWER_LABELS[value]}
                            </label>
                          ))}
                          <label class="answer-note">
                            说明
                            <input
                              type="text"
                              value={answer?.note ?? ''}
                              maxLength={500}
                              disabled={readOnly}
                              onInput={(e) => setAnswer(item.key, { note: (e.target as HTMLInputElement).value })}
                            />
                          </label>
                          {answer?.note && <p class="print-only print-value">说明：{answer.note}</p>}
                        </fieldset>
                      </li>
                    </InTurn>
                  );
                })}
              </ul>
            </section>
          ))}
        </section>
      )}

      {/* Last in turn: once the tools show, the whole page has rendered. */}
      <InTurn>
        <section aria-labelledby="tools" class="check-tools no-print">
          <h2 id="tools">保存与导出</h2>
          <p class="hint">
            记录只保存在本浏览器中，不会发送到任何地方。浏览器可能在清理数据或空间不足时删除网站数据，请定期导出备份。
            {persisted === true && '浏览器已同意长期保存本站数据。'}
          </p>
          <p class="tool-buttons">
            <button type="button" onClick={exportJson}>
              导出记录（JSON）
            </button>
            <button type="button" onClick={() => void exportCsv()}>
              导出本年度表格（CSV）
            </button>
            <button type="button" onClick={() => window.print()}>
              打印自查表
            </button>
            <button type="button" onClick={resetYear} disabled={readOnly}>
              清空本年度
            </button>
          </p>
          <p>
            <label>
              导入记录（JSON）
              <input
                type="file"
                accept=".json,application/json"
                disabled={readOnly}
                onChange={(e) => void readImport((e.target as HTMLInputElement).files?.[0])}
              />
            </label>
          </p>
          {importError && (
            <p class="notice notice-warning" role="alert">
              {importError}
            </p>
          )}
          {incoming && preview && (
            <div class="import-preview" role="group" aria-labelledby="import-title">
              <h3 id="import-title">导入前确认</h3>
              <fieldset>
                <legend>导入方式</legend>
                <label>
                  <input
                    type="radio"
                    name="import-mode"
                    checked={incoming.mode === 'merge'}
                    onChange={() => setIncoming({ ...incoming, mode: 'merge' })}
                  />
                  合并（保留现有记录，同一项以导入的为准）
                </label>
                <label>
                  <input
                    type="radio"
                    name="import-mode"
                    checked={incoming.mode === 'replace'}
                    onChange={() => setIncoming({ ...incoming, mode: 'replace' })}
                  />
                  替换（现有记录全部由导入的代替）
                </label>
              </fieldset>
              {preview.years.length === 0 && !preview.selectionChanges ? (
                <p>导入的记录与现有记录相同，不会有任何改动。</p>
              ) : (
                <ul>
                  {preview.years.map((y) => (
                    <li key={y.year}>
                      {y.year} 年度：新增 {y.added} 项，修改 {y.changed} 项
                      {incoming.mode === 'replace' && `，删除 ${y.removed} 项`}
                    </li>
                  ))}
                  {preview.selectionChanges && <li>文件、角色和单位名称将改为导入的设置</li>}
                </ul>
              )}
              <p>
                <button type="button" onClick={confirmImport}>
                  确认导入
                </button>
                <button type="button" onClick={() => setIncoming(null)}>
                  取消
                </button>
              </p>
            </div>
          )}
          <p role="status" class="tool-status">
            {message}
            {undo && (
              <button type="button" onClick={undoReset}>
                撤销
              </button>
            )}
          </p>
          <details>
            <summary>期限怎么算</summary>
            <p>“即将到期”指离期限结束不足 14 天。原文只写“年初”“每学期”等时，按下表计算；写明“中旬”等的，见日历页。</p>
            <table>
              <tbody>
                {PERIOD_TABLE.map((row) => (
                  <tr key={row.name}>
                    <th scope="row">{row.name}</th>
                    <td>{row.days}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      </InTurn>

      <footer class="print-only check-signature">
        <p>自查人（签字）：＿＿＿＿＿＿＿＿　　　审核人（签字）：＿＿＿＿＿＿＿＿</p>
        <p>日期：＿＿＿＿年＿＿月＿＿日</p>
      </footer>
    </div>
  );
}
