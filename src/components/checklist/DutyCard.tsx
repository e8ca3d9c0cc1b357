/** One duty of the self-check: what, how often, who, where it comes from, and a row per occurrence. */
import { useState } from 'preact/hooks';
import type { PlannedDuty, PlannedSlot } from '../../lib/checklist/plan';
import { STATUS_LABELS } from '../../lib/checklist/status';
import { href } from '../link';
import { NotApplicable } from './NotApplicable';
import { offscreenHeight } from './offscreen';
import { SlotRow, slotRange } from './SlotRow';

interface Props {
  planned: PlannedDuty;
  /** The year on show: completion dates must fall in it. */
  year: number;
  today: string;
  readOnly: boolean;
  onTick(slot: PlannedSlot, done: string | null, note?: string): void;
  onNotApplicable(key: string, reason: string | null): void;
}

export function DutyCard({ planned, year, today, readOnly, onTick, onNotApplicable }: Props) {
  const { duty, slots, status, done } = planned;
  const source = duty.source === 'own' ? `本单位工作${duty.citation ? ` · 依据：${duty.citation}` : ''}` : '';
  const counted = slots.filter((s) => s.status !== 'not-applicable').length;
  /** Occurrences ticked outside their window whose date is being asked for. */
  const [asking, setAsking] = useState<string[]>([]);
  const open = done + asking.filter((key) => !slots.some((s) => s.tickKey === key && s.done)).length;
  return (
    <li
      class="check-duty"
      data-status={status}
      style={{
        containIntrinsicBlockSize: offscreenHeight(
          [
            `${duty.duty}${STATUS_LABELS[status]}`,
            `${duty.cadenceText} · ${duty.printedRole ?? ''} · 依据：《${duty.docTitle ?? ''}》${duty.locator ?? ''}${source}`,
            '标为不适用',
            // A slot's row: its box (two characters wide), label, window and status.
            ...slots.map((slot) => `口口${slot.label}${slotRange(slot)}${STATUS_LABELS[slot.status]}`),
          ],
          // Padding; each row's box and gap; a ticked slot's date, note and evidence fields.
          2 + slots.length * 0.5 + open * 10,
        ),
      }}
    >
      <p class="check-duty-head">
        <span class="duty">{duty.duty}</span>
        <span class={`status status-${status}`}>
          {STATUS_LABELS[status]}
          {status === 'in-progress' && `（${done}/${counted}）`}
        </span>
      </p>
      <p class="duty-meta">
        <span class="cadence">{duty.cadenceText}</span>
        {duty.path ? (
          <>
            {' '}
            · {duty.printedRole} · 依据：
            <a href={href(duty.path)}>
              《{duty.docTitle}》{duty.locator}
            </a>
          </>
        ) : (
          ` · ${source}`
        )}
      </p>
      <NotApplicable planned={planned} readOnly={readOnly} onNotApplicable={onNotApplicable} />
      <ul class={slots.length > 12 ? 'slots slots-many' : 'slots'}>
        {slots.map((slot) => (
          <SlotRow
            key={slot.tickKey}
            slot={slot}
            duty={duty.duty}
            year={year}
            today={today}
            several={slots.length > 1}
            readOnly={readOnly}
            asking={asking.includes(slot.tickKey) && !slot.done}
            onAsk={(on) =>
              setAsking((list) => (on ? [...list, slot.tickKey] : list.filter((key) => key !== slot.tickKey)))
            }
            onTick={onTick}
            onNotApplicable={onNotApplicable}
          />
        ))}
      </ul>
    </li>
  );
}
