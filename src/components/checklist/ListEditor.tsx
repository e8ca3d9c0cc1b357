/**
 * 我的工作清单: the unit's own list of duties — picked from any documents,
 * or its own — in its order: move, edit, remove (with 撤销). A party office
 * saves its list as a file; a branch imports it as its starting list.
 */
import { useContext, useState } from 'preact/hooks';
import type { ChecklistDocument } from '../../data/checklist';
import {
  addToList,
  listEntries,
  moveInList,
  ownDutyId,
  removeFromList,
  saveOwnDuty,
  withList,
} from '../../lib/checklist/edit';
import { parseLedger, type LedgerExport } from '../../lib/checklist/ledger';
import { forRoles, type ChecklistDuty } from '../../lib/checklist/plan';
import type { ListEntry, OwnDuty } from '../../lib/checklist/record';
import { download } from './browser';
import { LedgerContext } from './context';
import { DutyPicker } from './DutyPicker';
import { OwnDutyForm } from './OwnDutyForm';

interface Props {
  all: ChecklistDuty[];
  unresolved: ListEntry[];
  roles: readonly { id: string; name: string }[];
  documents: readonly ChecklistDocument[];
  chosenRoles: readonly string[];
  exportList(): Promise<LedgerExport>;
}

export function ListEditor({ all, unresolved, roles, documents, chosenRoles, exportList }: Props) {
  const ledger = useContext(LedgerContext);
  const [adding, setAdding] = useState<'picker' | OwnDuty | { id: string } | null>(null);
  const [undo, setUndo] = useState<{ message: string; list: ListEntry[] } | null>(null);
  const [incoming, setIncoming] = useState<LedgerExport | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  if (!ledger) return null;
  const { record, readOnly, change } = ledger;
  const entries = listEntries(record, all);
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  const byId = new Map(all.map((d) => [d.id, d]));
  const remember = (message: string) => setUndo({ message, list: entries });
  const remove = (entry: ListEntry, title: string) => {
    remember(`已从清单移除“${title}”（勾选和佐证材料仍保留）。`);
    change((r) => removeFromList(r, all, [entry.id]));
  };
  const readList = async (file: File | undefined) => {
    setFileError(null);
    setIncoming(null);
    if (!file) return;
    const parsed = parseLedger(await file.text());
    if (!parsed.ledger) setFileError(`未导入：${parsed.problem.message}当前清单没有任何改动。`);
    else if (!parsed.ledger.record.list && parsed.ledger.duties.length === 0)
      setFileError('未导入：文件中没有工作清单。当前清单没有任何改动。');
    else setIncoming(parsed.ledger);
  };
  const incomingList = (l: LedgerExport): ListEntry[] =>
    l.record.list ??
    l.duties.flatMap((d) => (d.document ? [{ kind: 'published' as const, id: d.id, document: d.document.slug }] : []));

  return (
    <div class="list-editor">
      <p class="hint">
        {record.list
          ? '这是本单位自定的工作清单，年度自查按它列出（再按所选角色筛选）。'
          : '现在列出的是所选文件的全部工作。挑选、添加、移除或调整顺序后，就成为本单位自己的清单。'}
      </p>
      <ol class="list-entries">
        {entries.map((entry, i) => {
          const duty = byId.get(entry.id);
          const title = duty?.duty ?? entry.id;
          const hidden = duty && !forRoles(duty, chosenRoles);
          return (
            <li key={entry.id}>
              <span class="duty">{title}</span>{' '}
              <span class="muted">
                {duty ? duty.cadenceText : ''}
                {duty?.docTitle
                  ? ` · 《${duty.docTitle}》${duty.locator}`
                  : duty
                    ? ' · 本单位工作'
                    : ' · 网站数据中已无此项'}
                {duty && duty.roles.length > 0 && ` · ${duty.roles.map(roleName).join('、')}`}
                {hidden && ' · 不属于所选角色，自查时不列出'}
              </span>
              {!readOnly && (
                <span class="entry-tools">
                  <button
                    type="button"
                    disabled={i === 0}
                    onClick={() => change((r) => moveInList(r, all, entry.id, -1))}
                  >
                    上移<span class="visually-hidden">：{title}</span>
                  </button>
                  <button
                    type="button"
                    disabled={i === entries.length - 1}
                    onClick={() => change((r) => moveInList(r, all, entry.id, 1))}
                  >
                    下移<span class="visually-hidden">：{title}</span>
                  </button>
                  {entry.kind === 'own' && (
                    <button type="button" onClick={() => setAdding(entry)}>
                      修改<span class="visually-hidden">：{title}</span>
                    </button>
                  )}
                  <button type="button" onClick={() => remove(entry, title)}>
                    移除<span class="visually-hidden">：{title}</span>
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {unresolved.length > 0 && (
        <p class="hint">
          清单中有 {unresolved.length} 项工作的文件尚未载入或已不在网站的数据中：
          {unresolved.map((e) => e.id).join('、')}。
        </p>
      )}
      <p role="status" class="tool-status">
        {undo?.message}
        {undo && (
          <button
            type="button"
            onClick={() => {
              change((r) => withList(r, undo.list));
              setUndo(null);
            }}
          >
            撤销
          </button>
        )}
      </p>
      {!readOnly && (
        <p class="tool-buttons">
          <button
            type="button"
            aria-expanded={adding === 'picker'}
            onClick={() => setAdding(adding === 'picker' ? null : 'picker')}
          >
            从文件中挑选工作
          </button>
          <button
            type="button"
            onClick={() =>
              setAdding({
                id: ownDutyId(
                  Math.random,
                  entries.map((e) => e.id),
                ),
              })
            }
          >
            添加本单位的工作
          </button>
        </p>
      )}
      {adding === 'picker' && (
        <DutyPicker
          documents={documents}
          roles={roles}
          chosenRoles={chosenRoles}
          onList={entries.map((e) => e.id)}
          onAdd={(added) => {
            setUndo(null);
            change((r) => addToList(r, all, added));
          }}
        />
      )}
      {adding && adding !== 'picker' && (
        <OwnDutyForm
          duty={adding}
          roles={roles}
          onCancel={() => setAdding(null)}
          onSave={(duty) => {
            change((r) => saveOwnDuty(r, all, duty));
            setAdding(null);
          }}
        />
      )}
      <h3>清单文件</h3>
      <p class="hint">
        党委（党总支）可把本单位的清单保存为文件发给各支部；支部导入后作为自己的起始清单，勾选记录不受影响。
      </p>
      <p class="tool-buttons">
        <button
          type="button"
          onClick={async () =>
            download(
              `责任制工作清单-${record.unit || '本单位'}.json`,
              JSON.stringify(await exportList(), null, 2),
              'application/json',
            )
          }
        >
          保存清单为文件
        </button>
      </p>
      {!readOnly && (
        <p>
          <label>
            导入清单（作为起始清单）
            <input
              type="file"
              accept=".json,application/json"
              onChange={(e) => void readList((e.target as HTMLInputElement).files?.[0])}
            />
          </label>
        </p>
      )}
      {fileError && (
        <p class="notice notice-warning" role="alert">
          {fileError}
        </p>
      )}
      {incoming && (
        <div class="import-preview" role="group" aria-labelledby="list-import-title">
          <h4 id="list-import-title">导入清单前确认</h4>
          <p>
            将用{incoming.record.unit ? `“${incoming.record.unit}”的` : '文件中的'}清单（{incomingList(incoming).length}{' '}
            项工作）替换当前清单（
            {entries.length} 项）。勾选、日期、备注和佐证材料都保留。
          </p>
          <p>
            <button
              type="button"
              onClick={() => {
                remember('已导入清单。');
                change((r) => withList(r, incomingList(incoming), incoming.record.selection?.roles));
                setIncoming(null);
              }}
            >
              确认导入清单
            </button>{' '}
            <button type="button" onClick={() => setIncoming(null)}>
              取消
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
