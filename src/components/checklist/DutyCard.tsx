/** One duty of the self-check: what, how often, who, the clause, and a native checkbox per occurrence. */
import { useState } from 'preact/hooks';
import type { PlannedDuty, PlannedSlot } from '../../lib/checklist/plan';
import { doneDateProblem, doneDateRange, type DoneDateProblem } from '../../lib/checklist/record';
import { STATUS_LABELS } from '../../lib/checklist/status';
import { href } from '../link';
import { offscreenHeight } from './offscreen';

interface Props {
  planned: PlannedDuty;
  /** The year on show: completion dates must fall near it. */
  year: number;
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

function dateMessage(problem: DoneDateProblem, year: number) {
  const { min, max } = doneDateRange(year);
  if (problem === 'empty') return '未保存：完成日期不能为空；如尚未完成，请取消勾选。';
  if (problem === 'invalid') return '未保存：日期不完整或不存在，请填写年、月、日。';
  return `未保存：请填写 ${min} 至 ${max} 之间的日期。`;
}

export function DutyCard({ planned, year, readOnly, onTick, onDate, onNote }: Props) {
  const { duty, slots, status, done } = planned;
  /** Dates typed but refused, per occurrence; the record keeps the last good date. */
  const [refused, setRefused] = useState<Record<string, DoneDateProblem>>({});
  const { min, max } = doneDateRange(year);
  return (
    <li
      class="check-duty"
      data-status={status}
      style={{
        containIntrinsicBlockSize: offscreenHeight(
          [
            `${duty.duty}${STATUS_LABELS[status]}`,
            `${duty.cadenceText} · ${duty.printedRole} · 依据：《${duty.docTitle}》${duty.locator}`,
            // A slot's row: its box (two characters wide), label, window and status.
            ...slots.map((slot) => `口口${slot.label}${slotRange(slot)}${STATUS_LABELS[slot.status]}`),
          ],
          // Padding; each row's box and gap; a ticked slot's date and note fields.
          2 + slots.length * 0.5 + done * 7,
        ),
      }}
    >
      <p class="check-duty-head">
        <span class="duty">{duty.duty}</span>
        <span class={`status status-${status}`}>
          {STATUS_LABELS[status]}
          {status === 'in-progress' && `（${done}/${slots.length}）`}
        </span>
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
          const problem = slot.done === null ? undefined : refused[slot.tickKey];
          return (
            <li key={slot.tickKey} class={slot.done ? 'slot slot-done' : 'slot'}>
              <input
                type="checkbox"
                id={id}
                checked={slot.done !== null}
                disabled={readOnly}
                onChange={(event) => {
                  setRefused(({ [slot.tickKey]: _, ...rest }) => rest);
                  onTick(slot, (event.target as HTMLInputElement).checked);
                }}
              />
              <label for={id}>
                <span class="visually-hidden">{duty.duty}：</span>
                {slot.label}
                {range && <span class="slot-range">（{range}）</span>}
              </label>
              {slots.length > 1 && !['done', 'undated', 'not-yet'].includes(slot.status) && (
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
                      // A refused value stays in the field for the user to correct, so it is
                      // not reset to the saved date on each keystroke.
                      value={problem ? undefined : slot.done}
                      min={min}
                      max={max}
                      disabled={readOnly}
                      aria-invalid={problem ? 'true' : undefined}
                      aria-describedby={problem ? `${id}-date-error` : undefined}
                      onChange={(event) => {
                        const { value, validity } = event.target as HTMLInputElement;
                        // The field reports a half-typed date as empty; badInput tells the two apart.
                        const found = validity.badInput ? 'invalid' : doneDateProblem(value, year);
                        setRefused(({ [slot.tickKey]: _, ...rest }) =>
                          found ? { ...rest, [slot.tickKey]: found } : rest,
                        );
                        if (!found) onDate(slot, value);
                      }}
                    />
                  </label>
                  {problem && (
                    <span id={`${id}-date-error`} class="field-error">
                      {dateMessage(problem, year)}
                    </span>
                  )}
                  <label class="slot-note">
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
                      // Saved as typed: a reload or a closed tab must not lose a note.
                      onInput={(event) => onNote(slot, (event.target as HTMLInputElement).value)}
                    />
                  </label>
                  {slot.note && <span class="print-only print-value">备注：{slot.note}</span>}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
