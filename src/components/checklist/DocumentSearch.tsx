/**
 * Choosing documents among many (the corpus may hold 1,800): the chosen ones
 * first, then the others found by a words-in-title search and a body type,
 * at most SHOWN at a time with 显示更多. Native checkboxes throughout.
 */
import { useState } from 'preact/hooks';
import type { ChecklistDocument } from '../../data/checklist';
import { SHOWN, type Props } from './DocumentChooser';

export function DocumentSearch({ legend, documents, chosen, disabled, onChange }: Props) {
  const [words, setWords] = useState('');
  const [bodyType, setBodyType] = useState('');
  const [limit, setLimit] = useState(SHOWN);
  const bodyTypes = [...new Set(documents.map((d) => d.bodyType))];
  const terms = words.trim().split(/\s+/).filter(Boolean);
  const others = documents.filter(
    (d) =>
      !chosen.includes(d.slug) &&
      (!bodyType || d.bodyType === bodyType) &&
      terms.every((term) => d.title.includes(term)),
  );
  const label = (d: ChecklistDocument) => `${d.title}（${d.duties} 项）`;
  const picked = chosen.flatMap((slug) => documents.filter((d) => d.slug === slug));
  return (
    <fieldset class="document-chooser">
      <legend>{legend}</legend>
      <ul class="choice-list">
        {picked.map((d) => (
          <li key={d.slug}>
            <label>
              <input type="checkbox" checked disabled={disabled} onChange={() => onChange(d.slug, false)} />
              {label(d)}
            </label>
          </li>
        ))}
      </ul>
      <p class="chooser-filters">
        <label>
          查找文件
          <input type="search" value={words} onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          主体类型
          <select value={bodyType} onChange={(e) => setBodyType((e.target as HTMLSelectElement).value)}>
            <option value="">全部</option>
            {bodyTypes.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </label>
      </p>
      <p role="status" class="hint">
        其余 {others.length} 篇文件{others.length > limit && `，显示前 ${limit} 篇`}
      </p>
      <ul class="choice-list">
        {others.slice(0, limit).map((d) => (
          <li key={d.slug}>
            <label>
              <input type="checkbox" checked={false} disabled={disabled} onChange={() => onChange(d.slug, true)} />
              {label(d)}
            </label>
          </li>
        ))}
      </ul>
      {others.length > limit && (
        <button type="button" onClick={() => setLimit(limit + SHOWN)}>
          显示更多文件
        </button>
      )}
    </fieldset>
  );
}
