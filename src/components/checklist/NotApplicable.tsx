/**
 * 不适用: a duty that does not apply to this unit this year, or one of its
 * occurrences (e.g. a month of the summer holiday), with the reason; it then
 * no longer counts as open or overdue. The form loads when first opened.
 */
import { useState } from 'preact/hooks';
import type { PlannedDuty } from '../../lib/checklist/plan';
import { lazy } from './Lazy';

const NotApplicableForm = lazy(() => import('./NotApplicableForm').then((m) => m.NotApplicableForm));

interface Props {
  planned: PlannedDuty;
  readOnly: boolean;
  onNotApplicable(key: string, reason: string | null): void;
}

export function NotApplicable({ planned, readOnly, onNotApplicable }: Props) {
  const { duty, slots } = planned;
  const [open, setOpen] = useState(false);
  const reason = slots[0]?.reasonKey === duty.id ? slots[0].reason : null;
  if (reason)
    return (
      <p class="duty-na">
        本年度不适用：{reason}{' '}
        {!readOnly && (
          <button type="button" class="link-button no-print" onClick={() => onNotApplicable(duty.id, null)}>
            撤销不适用<span class="visually-hidden">（{duty.duty}）</span>
          </button>
        )}
      </p>
    );
  const open_ = slots.filter((s) => !s.done && !s.reason);
  if (readOnly || open_.length === 0) return null;
  return (
    <div class="duty-na no-print">
      <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        标为不适用<span class="visually-hidden">（{duty.duty}）</span>
      </button>
      {open && (
        <NotApplicableForm
          duty={duty}
          slots={open_}
          onDone={(key, why) => {
            onNotApplicable(key, why);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}
