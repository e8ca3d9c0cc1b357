/**
 * 从文件中挑选工作: one document at a time (found by words in its title, so
 * 1,800 work as well as 18), its duties filtered by role, cadence and words,
 * each with a checkbox; 添加所选 puts them at the end of the list.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChecklistDocument, DocumentDuties } from '../../data/checklist';
import type { ListEntry } from '../../lib/checklist/record';
import { PERIOD_NAMES } from '../../lib/checklist/periods';
import { loadDocument } from './dutyData';

const OPTIONS_SHOWN = 100;

interface Props {
  documents: readonly ChecklistDocument[];
  roles: readonly { id: string; name: string }[];
  chosenRoles: readonly string[];
  onList: readonly string[];
  onAdd(entries: ListEntry[]): void;
}

export function DutyPicker({ documents, roles, chosenRoles, onList, onAdd }: Props) {
  const [words, setWords] = useState('');
  const [slug, setSlug] = useState('');
  const [data, setData] = useState<DocumentDuties | null>(null);
  const [failed, setFailed] = useState(false);
  const [role, setRole] = useState(chosenRoles.length === 1 ? (chosenRoles[0] as string) : '');
  const [period, setPeriod] = useState('');
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => {
    setData(null);
    setFailed(false);
    setPicked([]);
    if (!slug) return;
    let live = true;
    loadDocument(slug).then(
      (loaded) => live && setData(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [slug]);
  const terms = words.trim().split(/\s+/).filter(Boolean);
  const found = documents.filter((d) => d.slug === slug || terms.every((t) => d.title.includes(t)));
  const duties = (data?.duties ?? []).filter(
    (d) =>
      (!role || d.roles.includes(role)) && (!period || d.cadence.period === period) && (!text || d.duty.includes(text)),
  );
  const addable = duties.filter((d) => !onList.includes(d.id));
  const add = (ids: readonly string[]) => {
    onAdd(ids.map((id) => ({ kind: 'published', id, document: slug })));
    setPicked([]);
  };
  return (
    <div class="duty-picker" role="group" aria-labelledby="picker-title">
      <h3 id="picker-title">从文件中挑选工作</h3>
      <p class="chooser-filters">
        <label>
          查找文件
          <input type="search" value={words} onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          文件
          <select value={slug} onChange={(e) => setSlug((e.target as HTMLSelectElement).value)}>
            <option value="">请选择（共 {found.length} 篇）</option>
            {found.slice(0, OPTIONS_SHOWN).map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.title}（{d.duties} 项）
              </option>
            ))}
          </select>
        </label>
      </p>
      {failed && <p class="field-error">未能载入这篇文件的工作（可能已离线），请联网后再试。</p>}
      {data && (
        <>
          <p class="chooser-filters">
            <label>
              角色
              <select value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value)}>
                <option value="">全部角色</option>
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              频次
              <select value={period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value)}>
                <option value="">全部</option>
                {Object.entries(PERIOD_NAMES).map(([value, name]) => (
                  <option key={value} value={value}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              含有文字
              <input type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
            </label>
          </p>
          <p role="status" class="hint">
            符合条件的工作 {duties.length} 项，其中 {duties.length - addable.length} 项已在清单中
          </p>
          <ul class="choice-list picker-duties">
            {duties.map((d) => (
              <li key={d.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={onList.includes(d.id) || picked.includes(d.id)}
                    disabled={onList.includes(d.id)}
                    onChange={(e) =>
                      setPicked(
                        (e.target as HTMLInputElement).checked ? [...picked, d.id] : picked.filter((id) => id !== d.id),
                      )
                    }
                  />
                  {d.duty}
                  <span class="muted">
                    （{d.cadenceText} · {d.printedRole} · {d.locator}）
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <p>
            <button type="button" disabled={picked.length === 0} onClick={() => add(picked)}>
              添加所选（{picked.length} 项）
            </button>{' '}
            <button type="button" disabled={addable.length === 0} onClick={() => add(addable.map((d) => d.id))}>
              添加以上全部（{addable.length} 项）
            </button>
          </p>
        </>
      )}
    </div>
  );
}
