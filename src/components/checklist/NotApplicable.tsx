/**
 * 不适用: a duty that does not apply to this unit this year, or one of its
 * occurrences (e.g. a month of the summer holiday), with the reason; it then
 * no longer counts as open or overdue.
 */
import { useState } from 'preact/hooks';
import type { PlannedDuty } from '../../lib/checklist/plan';
import { REASON_MAX } from '../../lib/checklist/record';

interface Props {
  planned: PlannedDuty;
  readOnly: boolean;
  onNotApplicable(key: string, reason: string | null): void;
}

export function NotApplicable({ planned, readOnly, onNotApplicable }: Props) {
  const { duty, slots } = planned;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [which, setWhich] = useState(duty.id);
  const wholeDuty = planned.status === 'not-applicable' && slots.every((s) => s.reason === slots[0]?.reason);
  if (readOnly) return null;
  if (wholeDuty)
    return (
      <p class="duty-na">
        本年度不适用：{slots[0]?.reason}{' '}
        <button type="button" class="link-button" onClick={() => onNotApplicable(duty.id, null)}>
          撤销不适用<span class="visually-hidden">（{duty.duty}）</span>
        </button>
      </p>
    );
  const open_ = slots.filter((s) => !s.done && !s.reason);
  if (open_.length === 0) return null;
  const formId = `na-${duty.id}`;
  return (
    <div class="duty-na no-print">
      <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        标为不适用<span class="visually-hidden">（{duty.duty}）</span>
      </button>
      {open && (
        <form
          class="na-form"
          aria-label={`${duty.duty}：不适用`}
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return;
            onNotApplicable(which, reason.trim());
            setOpen(false);
            setReason('');
          }}
        >
          {slots.length > 1 && (
            <label>
              范围
              <select value={which} onChange={(e) => setWhich((e.target as HTMLSelectElement).value)}>
                <option value={duty.id}>本年度整项</option>
                {open_.map((s) => (
                  <option key={s.tickKey} value={s.tickKey}>
                    仅{s.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            不适用的原因
            <input
              id={`${formId}-reason`}
              type="text"
              required
              maxLength={REASON_MAX}
              value={reason}
              placeholder="如：本校未设此机构"
              onInput={(e) => setReason((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">确定</button>
        </form>
      )}
    </div>
  );
}
