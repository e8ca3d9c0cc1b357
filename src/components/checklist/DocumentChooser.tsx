/**
 * Choosing documents: a list of checkboxes; among many (the corpus may hold
 * 1,800), a search instead (DocumentSearch.tsx).
 */
import type { ChecklistDocument } from '../../data/checklist';
import { ChoiceList } from './ChoiceList';
import { lazy } from './Lazy';

const DocumentSearch = lazy(() => import('./DocumentSearch').then((m) => m.DocumentSearch));

/** Up to this many documents are listed at once. */
export const SHOWN = 30;

export interface Props {
  legend: string;
  documents: readonly ChecklistDocument[];
  chosen: readonly string[];
  disabled: boolean;
  onChange(slug: string, checked: boolean): void;
}

export function DocumentChooser(props: Props) {
  const { legend, documents, chosen, disabled, onChange } = props;
  // Few documents: one list, in their order, as a reader expects; many: a search (loaded only then).
  if (documents.length > SHOWN) return <DocumentSearch {...props} />;
  return (
    <ChoiceList
      legend={legend}
      name="documents"
      options={documents.map((d) => ({ value: d.slug, label: `${d.title}（${d.duties} 项）` }))}
      chosen={chosen}
      disabled={disabled}
      onChange={onChange}
    />
  );
}
