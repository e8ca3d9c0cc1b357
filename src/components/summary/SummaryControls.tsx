/** Year and filters (state, role, unit) of the 汇总, and its export to Excel and printing. */
import { useState } from 'preact/hooks';
import type { OccurrenceState } from '../../lib/checklist/ledger';
import type { Summary, SummaryFilter, SummaryUnit } from '../../lib/summary/aggregate';
import type { OpenedFile } from '../../lib/summary/open';
import { STATE_LABELS, STATES } from '../../lib/summary/present';
import { ChoiceList, toggled } from '../checklist/ChoiceList';

interface Props {
  summary: Summary;
  files: readonly OpenedFile[];
  years: readonly number[];
  year: number;
  units: readonly SummaryUnit[];
  roles: readonly { id: string; name: string }[];
  filter: SummaryFilter;
  onYear(year: number): void;
  onFilter(filter: SummaryFilter): void;
}

/** The filters in words, for the printed sheet and the workbook. */
export function filterText(filter: SummaryFilter, units: readonly SummaryUnit[], roles: Props['roles']): string {
  const states =
    filter.states.length === STATES.length ? '全部' : filter.states.map((s) => STATE_LABELS[s]).join('、') || '无';
  const role = filter.role === null ? '全部' : (roles.find((r) => r.id === filter.role)?.name ?? filter.role);
  const unit = filter.unit === null ? '全部' : (units[filter.unit]?.label ?? '');
  return `状态：${states}；角色：${role}；单位：${unit}`;
}

interface AllSelectProps {
  label: string;
  /** The first option, value '': no filter. */
  all: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}

/** A filter as a native select, named by its visible label alone (not by the option chosen). */
function AllSelect({ label, all, value, options, onChange }: AllSelectProps) {
  return (
    <label>
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SummaryControls({ summary, files, years, year, units, roles, filter, onYear, onFilter }: Props) {
  const [exporting, setExporting] = useState<'idle' | 'busy' | 'failed'>('idle');
  const words = filterText(filter, units, roles);

  async function exportWorkbook() {
    setExporting('busy');
    try {
      const { saveWorkbook } = await import('./saveWorkbook');
      await saveWorkbook(summary, files, words);
      setExporting('idle');
    } catch {
      setExporting('failed');
    }
  }

  return (
    <>
      <form class="filters summary-filters no-print" aria-label="汇总筛选" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>年度</span>
          <select
            aria-label="年度"
            value={year}
            onChange={(e) => onYear(Number((e.target as HTMLSelectElement).value))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </label>
        <ChoiceList
          legend="状态"
          name="states"
          inline
          options={STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
          chosen={filter.states}
          disabled={false}
          onChange={(value, checked) =>
            onFilter({ ...filter, states: toggled(filter.states, value, checked) as OccurrenceState[] })
          }
        />
        <AllSelect
          label="角色"
          all="全部角色"
          value={filter.role ?? ''}
          options={roles.map((r) => ({ value: r.id, label: r.name }))}
          onChange={(value) => onFilter({ ...filter, role: value || null })}
        />
        <AllSelect
          label="单位"
          all="全部单位"
          value={filter.unit === null ? '' : String(filter.unit)}
          options={units.map((u) => ({ value: String(u.index), label: u.label }))}
          onChange={(value) => onFilter({ ...filter, unit: value === '' ? null : Number(value) })}
        />
        <div class="tool-buttons">
          <button type="button" onClick={() => void exportWorkbook()} disabled={exporting === 'busy'}>
            导出 Excel（.xlsx）
          </button>
          <button type="button" onClick={() => window.print()}>
            打印
          </button>
        </div>
        <p role="status" class="hint">
          {exporting === 'busy'
            ? '正在生成 Excel 文件……'
            : exporting === 'failed'
              ? '未能生成 Excel 文件（可能已离线，导出功能需联网载入一次），请稍后再试。'
              : ''}
        </p>
      </form>
      <p class="summary-scope">
        {year}年度，{units.length} 个单位；{words}。统计截至 {summary.today}。
      </p>
    </>
  );
}
