/** One duty of the self-check: what, how often, who, the clause, and a native checkbox per occurrence. */
import type { PlannedDuty, PlannedSlot } from '../../lib/checklist/plan';
import { STATUS_LABELS } from '../../lib/checklist/status';
import { href } from '../link';

interface Props {
  planned: PlannedDuty;
  /** Statuses are shown once today's date is known (after the page has loaded). */
  showStatus: boolean;
  readOnly: boolean;
  onTick(slot: PlannedSlot, checked: boolean): void;
  onDate(slot: PlannedSlot, date: string): void;
  onNote(slot: PlannedSlot, note: string): void;
}

const shortDate = (iso: string) => {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
};

export const slotRange = (slot: PlannedSlot) =>
  slot.start && slot.end
    ? `${shortDate(slot.start)}—${slot.end.slice(0, 4) !== slot.start.slice(0, 4) ? '次年' : ''}${shortDate(slot.end)}`
    : '';

export function DutyCard({ planned, showStatus, readOnly, onTick, onDate, onNote }: Props) {
  const { duty, slots, status, done } = planned;
  return (
    <li class="check-duty" data-status={showStatus ? status : undefined}>
      <p class="check-duty-head">
        <span class="duty">{duty.duty}</span>
        {showStatus && (
          <span class={`status status-${status}`}>
            {STATUS_LABELS[status]}
            {status === 'in-progress' && `（${done}/${slots.length}）`}
          </span>
        )}
      </p>
      <p class="duty-meta">
        <span class="cadence">{duty.cadenceText}</span> · {duty.printedRole} · 依据：
        <a href={href(duty.path)}>
          《{duty.docTitle}》{duty.locator}
        </a>
      </p>
      <ul class={slots.length > 12 ? 'slots slots-many' : 'slots'}>
        {slots.map((slot) => {
          const id = `tick-${slot.tickKey.replace(/[^a-zA-Z0-9-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}`)}`;
          const range = slotRange(slot);
          return (
            <li key={slot.tickKey} class={slot.done ? 'slot slot-done' : 'slot'}>
              <input
                type="checkbox"
                id={id}
                checked={slot.done !== null}
                disabled={readOnly}
                onChange={(event) => onTick(slot, (event.target as HTMLInputElement).checked)}
              />
              <label for={id}>
                <span class="visually-hidden">{duty.duty}：</span>
                {slot.label}
                {range && <span class="slot-range">（{range}）</span>}
              </label>
              {showStatus && slots.length > 1 && !['done', 'undated', 'not-yet'].includes(slot.status) && (
                <span class={`status status-${slot.status}`}>{STATUS_LABELS[slot.status]}</span>
              )}
              {slot.done !== null && (
                <span class="slot-fields">
                  <label>
                    完成日期
                    <span class="visually-hidden">
                      （{duty.duty}
                      {slot.label}）
                    </span>
                    <input
                      type="date"
                      value={slot.done}
                      disabled={readOnly}
                      onChange={(event) => {
                        const value = (event.target as HTMLInputElement).value;
                        if (value) onDate(slot, value);
                      }}
                    />
                  </label>
                  <label>
                    备注
                    <span class="visually-hidden">
                      （{duty.duty}
                      {slot.label}）
                    </span>
                    <input
                      type="text"
                      value={slot.note}
                      maxLength={500}
                      placeholder="会议名称、文号等"
                      disabled={readOnly}
                      onChange={(event) => onNote(slot, (event.target as HTMLInputElement).value)}
                    />
                  </label>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
