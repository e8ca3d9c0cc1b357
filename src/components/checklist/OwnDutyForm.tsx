/**
 * 本单位的工作: a duty of the unit's own rules — what, how often (the
 * obligations' vocabulary: each year N times or in stated months, half-year,
 * quarter, month, semester, 定期, 随时), by whom, and on which rule.
 */
import { useState } from 'preact/hooks';
import { OWN_PERIODS, OWN_TEXT_MAX, ownCadenceProblem, type OwnDuty } from '../../lib/checklist/record';
import { PERIOD_NAMES } from '../../lib/checklist/periods';
import { ChoiceList, toggled } from './ChoiceList';

interface Props {
  /** The duty to edit, or a new one's id. */
  duty: OwnDuty | { id: string };
  roles: readonly { id: string; name: string }[];
  onSave(duty: OwnDuty): void;
  onCancel(): void;
}

export function OwnDutyForm({ duty, roles, onSave, onCancel }: Props) {
  const start = 'text' in duty ? duty : null;
  const [text, setText] = useState(start?.text ?? '');
  const [period, setPeriod] = useState<(typeof OWN_PERIODS)[number]>(start?.cadence.period ?? 'year');
  const [count, setCount] = useState(start?.cadence.count ?? 1);
  const [months, setMonths] = useState<string[]>((start?.cadence.months ?? []).map(String));
  const [chosen, setChosen] = useState<string[]>(start?.roles ?? []);
  const [citation, setCitation] = useState(start?.citation ?? '');
  const [error, setError] = useState<string | null>(null);
  const periodic = period !== 'ongoing' && period !== 'triggered';
  const monthsAllowed = ['year', 'half-year', 'quarter'].includes(period);
  const save = () => {
    const stated = monthsAllowed ? months.map(Number).sort((a, b) => a - b) : [];
    const cadence = {
      period,
      ...(periodic ? { count: period === 'year' && stated.length ? stated.length : count } : {}),
      ...(stated.length ? { months: stated } : {}),
    };
    const problem = !text.trim() ? '请填写工作内容' : ownCadenceProblem(cadence);
    setError(problem);
    if (problem) return;
    onSave({
      kind: 'own',
      id: duty.id,
      text: text.trim(),
      cadence,
      roles: chosen,
      ...(citation.trim() ? { citation: citation.trim() } : {}),
    });
  };
  return (
    <form
      class="own-duty"
      aria-labelledby="own-title"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h3 id="own-title">{start ? '修改本单位的工作' : '添加本单位的工作'}</h3>
      <p>
        <label>
          工作内容
          <input
            type="text"
            required
            maxLength={OWN_TEXT_MAX}
            value={text}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
        </label>
      </p>
      <p class="chooser-filters">
        <label>
          频次
          <select value={period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value as typeof period)}>
            {OWN_PERIODS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        {periodic && !(period === 'year' && months.length > 0) && (
          <label>
            每期至少几次
            <input
              type="number"
              min={1}
              max={12}
              value={count}
              onInput={(e) => setCount(Math.max(1, Math.min(12, Number((e.target as HTMLInputElement).value) || 1)))}
            />
          </label>
        )}
      </p>
      {monthsAllowed && (
        <ChoiceList
          legend={period === 'year' ? '指定月份（可不选；选了则每个月份一次）' : '指定月份（可不选；每期一个月份）'}
          name="own-months"
          inline
          options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))}
          chosen={months}
          disabled={false}
          onChange={(value, checked) => setMonths(toggled(months, value, checked))}
        />
      )}
      <ChoiceList
        legend="责任角色（可不选：不选则总是列出）"
        name="own-roles"
        inline
        options={roles.map((r) => ({ value: r.id, label: r.name }))}
        chosen={chosen}
        disabled={false}
        onChange={(value, checked) => setChosen(toggled(chosen, value, checked))}
      />
      <p>
        <label>
          依据（本单位制度的名称和条款，可不填）
          <input
            type="text"
            maxLength={200}
            value={citation}
            onInput={(e) => setCitation((e.target as HTMLInputElement).value)}
          />
        </label>
      </p>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <p>
        <button type="submit">保存这项工作</button>{' '}
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </p>
    </form>
  );
}
