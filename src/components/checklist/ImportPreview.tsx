/** 导入前确认: merge or replace, and what either would change, before anything is written. */
import { mergeRecords, previewImport } from '../../lib/checklist/merge';
import type { ChecklistRecord } from '../../lib/checklist/record';

interface Props {
  current: ChecklistRecord;
  incoming: ChecklistRecord;
  mode: 'merge' | 'replace';
  onMode(mode: 'merge' | 'replace'): void;
  /** The record after the import. */
  onConfirm(next: ChecklistRecord): void;
  onCancel(): void;
}

export function ImportPreview({ current, incoming, mode, onMode, onConfirm, onCancel }: Props) {
  const preview = previewImport(current, incoming, mode);
  const same = preview.years.length === 0 && !preview.selectionChanges && !preview.listChanges;
  return (
    <div class="import-preview" role="group" aria-labelledby="import-title">
      <h3 id="import-title">导入前确认</h3>
      <fieldset>
        <legend>导入方式</legend>
        <label>
          <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => onMode('merge')} />
          合并（保留现有记录，同一项以导入的为准）
        </label>
        <label>
          <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => onMode('replace')} />
          替换（现有记录全部由导入的代替）
        </label>
      </fieldset>
      {same ? (
        <p>导入的记录与现有记录相同，不会有任何改动。</p>
      ) : (
        <ul>
          {preview.years.map((y) => (
            <li key={y.year}>
              {y.year} 年度：新增 {y.added} 项，修改 {y.changed} 项{y.removed > 0 && `，删除 ${y.removed} 项`}
            </li>
          ))}
          {preview.selectionChanges && <li>单位名称、文件和角色将改为导入的设置</li>}
          {preview.listChanges && <li>工作清单将改为导入的清单</li>}
          {preview.newFiles > 0 && <li>佐证材料：新增 {preview.newFiles} 个文件</li>}
        </ul>
      )}
      <p>
        <button
          type="button"
          onClick={() => onConfirm(mode === 'merge' ? mergeRecords(current, incoming) : { ...incoming })}
        >
          确认导入
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </p>
    </div>
  );
}
