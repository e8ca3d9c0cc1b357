/** 我的单位与角色: the unit's name, the documents it follows and my roles; a summary line when folded. */
import { useState } from 'preact/hooks';
import type { ChecklistDocument } from '../../data/checklist';
import type { Selection } from '../../lib/checklist/record';
import { ChoiceList, toggled } from './ChoiceList';
import { DocumentChooser } from './DocumentChooser';

interface Props {
  unit: string;
  selection: Selection;
  /** True while the page shows its default document (nothing chosen yet). */
  byDefault: boolean;
  /** True when the unit keeps a list of its own (documents then add or remove their duties). */
  ownList: boolean;
  documents: readonly ChecklistDocument[];
  roles: readonly { id: string; name: string }[];
  readOnly: boolean;
  onUnit(unit: string): void;
  onDocument(slug: string, checked: boolean): void;
  onRoles(roles: string[]): void;
}

export function Setup(props: Props) {
  const { unit, selection, byDefault, ownList, documents, roles, readOnly } = props;
  const [open, setOpen] = useState(byDefault);
  const roleNames = selection.roles.map((id) => roles.find((r) => r.id === id)?.name ?? id);
  const first = documents.find((d) => d.slug === selection.documents[0]);
  return (
    <details
      class="check-setup no-print"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <h2 id="setup">我的单位与角色</h2>
        <span class="muted">
          {unit && `${unit} · `}
          {selection.documents.length === 1 && first
            ? `《${first.title}》`
            : `${selection.documents.length} 篇文件`} · {roleNames.join('、') || '全部角色'}
        </span>
      </summary>
      {byDefault && first && (
        <p class="hint">
          已先选《{first.title}》，下面列出它规定的全部工作，可直接勾选；也可以改选本单位执行的文件和自己的角色。
        </p>
      )}
      <DocumentChooser
        legend={ownList ? '本单位执行的文件（勾选加入该文件的全部工作，取消则从清单移除）' : '本单位执行的文件'}
        documents={documents}
        chosen={selection.documents}
        disabled={readOnly}
        onChange={props.onDocument}
      />
      <ChoiceList
        legend="我的角色（不选则列出全部角色的工作）"
        name="roles"
        inline
        options={roles.map((r) => ({ value: r.id, label: r.name }))}
        chosen={selection.roles}
        disabled={readOnly}
        onChange={(value, checked) => props.onRoles(toggled(selection.roles, value, checked))}
      />
      <p>
        <label>
          单位名称（可不填）
          <input
            type="text"
            value={unit}
            maxLength={100}
            disabled={readOnly}
            onInput={(e) => props.onUnit((e.target as HTMLInputElement).value)}
          />
        </label>
      </p>
    </details>
  );
}
