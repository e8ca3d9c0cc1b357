/**
 * One occurrence of a duty: its native checkbox, then (once ticked) the
 * completion date, a note and the evidence files. Ticking records today only
 * inside the occurrence's window; otherwise the date is asked for.
 */
import { useState } from 'preact/hooks';
import type { PlannedSlot } from '../../lib/checklist/plan';
import { dateBounds, outsideWindow, tickDate } from '../../lib/checklist/dates';
import { doneDateProblem, type DoneDateProblem } from '../../lib/checklist/record';
import { STATUS_LABELS } from '../../lib/checklist/status';
import { lazy } from './Lazy';

const Evidence = lazy(() => import('./Evidence').then((m) => m.Evidence));

const shortDate = (iso: string) => {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
};

export const slotRange = (slot: Pick<PlannedSlot, 'start' | 'end'>) =>
  slot.start && slot.end
    ? `${shortDate(slot.start)}—${slot.end.slice(0, 4) !== slot.start.slice(0, 4) ? '次年' : ''}${shortDate(slot.end)}`
    : '';

function dateMessage(problem: DoneDateProblem, bounds: { min: string; max: string }) {
  if (problem === 'empty') return '未保存：完成日期不能为空；如尚未完成，请取消勾选。';
  if (problem === 'invalid') return '未保存：日期不完整或不存在，请填写年、月、日。';
  return `未保存：请填写 ${bounds.min} 至 ${bounds.max} 之间的日期。`;
}

export interface SlotRowProps {
  slot: PlannedSlot;
  duty: string;
  year: number;
  today: string;
  /** More than one occurrence: each shows its own pressing status. */
  several: boolean;
  readOnly: boolean;
  /** Ticked outside its window: the date is asked for before anything is saved (kept by the card, which sizes itself by it). */
  asking: boolean;
  onAsk(asking: boolean): void;
  onTick(slot: PlannedSlot, done: string | null, note?: string): void;
  onNotApplicable(key: string, reason: string | null): void;
}

export function SlotRow(props: SlotRowProps) {
  const { slot, duty, year, today, several, readOnly, asking, onAsk: setAsking, onTick, onNotApplicable } = props;
  const id = `tick-${slot.tickKey.replace(/[^a-zA-Z0-9-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}`)}`;
  const range = slotRange(slot);
  const bounds = dateBounds(year, slot);
  /** A typed date that was refused; the record keeps the last good one. */
  const [refused, setRefused] = useState<DoneDateProblem | null>(null);
  const [files, setFiles] = useState(false);
  const ticked = slot.done !== null || asking;
  const problem = ticked ? refused : null;
  const described = [
    problem && `${id}-error`,
    (asking || (slot.done && outsideWindow(slot.done, slot))) && `${id}-hint`,
  ]
    .filter(Boolean)
    .join(' ');
  const which = `（${duty}${slot.label}）`;
  return (
    <li class={slot.done ? 'slot slot-done' : 'slot'}>
      <input
        type="checkbox"
        id={id}
        checked={ticked}
        disabled={readOnly}
        onChange={(event) => {
          setRefused(null);
          if (!(event.target as HTMLInputElement).checked) {
            setAsking(false);
            onTick(slot, null);
            return;
          }
          const date = tickDate(today, year, slot);
          if (date) onTick(slot, date);
          else setAsking(true);
        }}
      />
      <label for={id}>
        <span class="visually-hidden">{duty}：</span>
        {slot.label}
        {range && <span class="slot-range">（{range}）</span>}
      </label>
      {several && !['done', 'undated', 'not-yet'].includes(slot.status) && (
        <span class={`status status-${slot.status}`}>{STATUS_LABELS[slot.status]}</span>
      )}
      {slot.reasonKey === slot.tickKey && !slot.done && (
        <span class="slot-na">
          不适用：{slot.reason}
          {!readOnly && (
            <button type="button" class="link-button" onClick={() => onNotApplicable(slot.tickKey, null)}>
              撤销不适用<span class="visually-hidden">{which}</span>
            </button>
          )}
        </span>
      )}
      {ticked && (
        <span class="slot-fields">
          <label>
            完成日期<span class="visually-hidden">{which}</span>
            <input
              type="date"
              // A refused value stays in the field for the user to correct, so it is
              // not reset to the saved date on each keystroke.
              value={problem ? undefined : (slot.done ?? '')}
              min={bounds.min}
              max={bounds.max}
              disabled={readOnly}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={described || undefined}
              onChange={(event) => {
                const { value, validity } = event.target as HTMLInputElement;
                // The field reports a half-typed date as empty; badInput tells the two apart.
                const found = validity.badInput ? 'invalid' : doneDateProblem(value, year, bounds);
                if (found === 'empty' && asking) return;
                setRefused(found);
                if (found) return;
                setAsking(false);
                onTick(slot, value);
              }}
            />
          </label>
          {problem && (
            <span id={`${id}-error`} class="field-error">
              {dateMessage(problem, bounds)}
            </span>
          )}
          {asking && !problem && (
            <span id={`${id}-hint`} class="field-hint">
              {range ? `今天不在这一次的期限（${range}）内：` : `今天不在 ${year} 年内：`}请填写实际完成的日期。
            </span>
          )}
          {!asking && slot.done && outsideWindow(slot.done, slot) && (
            <span id={`${id}-hint`} class="field-hint">
              注意：所填日期不在这一次的期限（{range}）内。
            </span>
          )}
          {slot.done && (
            <label class="slot-note">
              备注<span class="visually-hidden">{which}</span>
              <input
                type="text"
                value={slot.note}
                maxLength={500}
                placeholder="会议名称、文号等"
                disabled={readOnly}
                // Saved as typed: a reload or a closed tab must not lose a note.
                onInput={(event) => onTick(slot, slot.done, (event.target as HTMLInputElement).value)}
              />
            </label>
          )}
          {slot.note && <span class="print-only print-value">备注：{slot.note}</span>}
        </span>
      )}
      {(slot.done || slot.evidence > 0) && (
        <span class="slot-evidence no-print">
          <button type="button" aria-expanded={files} onClick={() => setFiles(!files)}>
            佐证材料（{slot.evidence}）<span class="visually-hidden">{which}</span>
          </button>
          {files && <Evidence tickKey={slot.tickKey} year={year} label={`${duty}${slot.label}`} />}
        </span>
      )}
    </li>
  );
}
