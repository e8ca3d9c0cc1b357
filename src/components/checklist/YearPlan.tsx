/** The year on show: progress, what to do next and what is overdue, then every duty by when it falls due. */
import type { PlannedSlot, YearPlan as Plan } from '../../lib/checklist/plan';
import { STATUS_LABELS } from '../../lib/checklist/status';
import { DutyCard } from './DutyCard';
import { InTurn } from './InTurn';
import { slotRange } from './SlotRow';

interface Props {
  plan: Plan;
  year: number;
  years: number[];
  today: string;
  loading: boolean;
  roleName(id: string): string;
  readOnly: boolean;
  onYear(year: number): void;
  onTick(slot: PlannedSlot, done: string | null, note?: string): void;
  onNotApplicable(key: string, reason: string | null): void;
}

const OVERDUE_SHOWN = 6;

export function YearPlan({ plan, year, years, today, loading, roleName, readOnly, onYear, ...handlers }: Props) {
  const current = today.startsWith(`${year}-`);
  return (
    <>
      <p class="no-print">
        <label>
          年度
          <select value={String(year)} onChange={(e) => onYear(Number((e.target as HTMLSelectElement).value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </p>

      <section aria-labelledby="progress" class="check-summary">
        <h2 id="progress">进度</h2>
        {current && (plan.dueThisMonth > 0 || plan.overdue.length > 0) && (
          <p class="reminder no-print">
            本月应办 <strong>{plan.dueThisMonth}</strong> 项 · 已逾期 <strong>{plan.overdue.length}</strong> 项
          </p>
        )}
        <p>
          <label for="progress-all">
            全部（{plan.overall.done}/{plan.overall.total}）
          </label>
          <progress id="progress-all" max={plan.overall.total || 1} value={plan.overall.done} />
        </p>
        {plan.byRole.length > 0 && (
          <ul class="role-progress">
            {plan.byRole.map(({ role, progress }) => (
              <li key={role}>
                <label for={`progress-${role}`}>
                  {roleName(role)}（{progress.done}/{progress.total}）
                </label>
                <progress id={`progress-${role}`} max={progress.total || 1} value={progress.done} />
              </li>
            ))}
          </ul>
        )}
        <h3 id="next-due">接下来要办</h3>
        {plan.nextDue.length === 0 ? (
          <p>{plan.overdue.length ? '眼下没有正在办理期内的工作。' : '本年度有期限的工作都已完成或尚未开始。'}</p>
        ) : (
          <ol class="next-due" aria-labelledby="next-due">
            {plan.nextDue.map(({ duty, slot }) => (
              <li key={slot.tickKey}>
                <span class={`status status-${slot.status}`}>{STATUS_LABELS[slot.status]}</span> {duty.duty}（
                {slot.label}，{slotRange(slot)}）
              </li>
            ))}
          </ol>
        )}
        {plan.overdue.length > 0 && (
          <>
            <h3 id="overdue">已逾期（{plan.overdue.length} 项）</h3>
            <ol class="next-due" aria-labelledby="overdue">
              {plan.overdue.slice(0, OVERDUE_SHOWN).map(({ duty, slot }) => (
                <li key={slot.tickKey}>
                  {duty.duty}（{slot.label}，{slotRange(slot)}）
                </li>
              ))}
            </ol>
            {plan.overdue.length > OVERDUE_SHOWN && (
              <p class="hint">另有 {plan.overdue.length - OVERDUE_SHOWN} 项，见下面各月。</p>
            )}
          </>
        )}
      </section>

      {!loading && plan.groups.length === 0 && (
        <p>所选文件和角色没有规定定期工作。请在上面增加文件或角色，或在“我的工作清单”中添加。</p>
      )}
      {/* The page's frame renders at once; each duty follows in a task of its own. */}
      {plan.groups.map(({ group, duties }) => (
        <section key={group} aria-labelledby={`group-${group}`} class="check-group">
          <h2 id={`group-${group}`}>{group}</h2>
          <ul class="check-duties">
            {duties.map((planned) => (
              <InTurn key={planned.duty.id}>
                <DutyCard planned={planned} year={year} today={today} readOnly={readOnly} {...handlers} />
              </InTurn>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
