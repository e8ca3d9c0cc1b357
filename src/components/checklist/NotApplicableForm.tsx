/** The reason for 不适用, and for what: the whole duty this year, or one of its open occurrences. */
import { useState } from 'preact/hooks';
import type { ChecklistDuty, PlannedSlot } from '../../lib/checklist/plan';
import { REASON_MAX } from '../../lib/checklist/record';

interface Props {
  duty: ChecklistDuty;
  /** Its occurrences not done and not marked yet. */
  slots: PlannedSlot[];
  onDone(key: string, reason: string): void;
}

export function NotApplicableForm({ duty, slots, onDone }: Props) {
  const [reason, setReason] = useState('');
  const [which, setWhich] = useState(duty.id);
  return (
    <form
      class="na-form"
      aria-label={`${duty.duty}：不适用`}
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim()) onDone(which, reason.trim());
      }}
    >
      {slots.length > 1 && (
        <label>
          范围
          <select value={which} onChange={(e) => setWhich((e.target as HTMLSelectElement).value)}>
            <option value={duty.id}>本年度整项</option>
            {slots.map((s) => (
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
  );
}
