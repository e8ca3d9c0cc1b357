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
        <label>
          <span>角色</span>
          <select
            aria-label="角色"
            value={filter.role ?? ''}
            onChange={(e) => onFilter({ ...filter, role: (e.target as HTMLSelectElement).value || null })}
          >
            <option value="">全部角色</option>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>单位</span>
          <select
            aria-label="单位"
            value={filter.unit ?? ''}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value;
              onFilter({ ...filter, unit: value === '' ? null : Number(value) });
            }}
          >
            <option value="">全部单位</option>
            {units.map((u) => (
              <option key={u.index} value={u.index}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
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
