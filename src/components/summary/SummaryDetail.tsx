/**
 * 明细: every unit × duty × occurrence shown, a table per unit. Each unit's table renders in a task of
 * its own (InTurn), and one off screen is neither laid out nor painted (content-visibility), so thirty
 * ledgers open without one long task: laying out one ever-growing table was most of the work.
 */
import type { Summary, SummaryRow, SummaryUnit } from '../../lib/summary/aggregate';
import { dutySource, STATE_LABELS, windowText } from '../../lib/summary/present';
import { InTurn } from '../checklist/InTurn';

const COLUMNS = ['工作', '次序', '期限', '状态', '完成日期', '说明', '佐证材料'];

/** Consecutive rows of one duty, for its row-spanning header cell. */
function byDuty(rows: readonly SummaryRow[]): SummaryRow[][] {
  const runs: SummaryRow[][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.duty.id === row.duty.id) last.push(row);
    else runs.push([row]);
  }
  return runs;
}

function state(row: SummaryRow): string {
  if (row.state === 'open') return `${STATE_LABELS.open}（${row.statusLabel}）`;
  return STATE_LABELS[row.state];
}

/** Roughly how tall a unit's table is, for the browser to reserve while it skips laying it out. */
const estimatedHeight = (rows: number) => `auto ${Math.round(120 + rows * 52)}px`;

function UnitTable({ unit, rows }: { unit: SummaryUnit; rows: readonly SummaryRow[] }) {
  const heading = `detail-${unit.index}`;
  return (
    <section
      class="detail-unit"
      aria-labelledby={heading}
      style={{ containIntrinsicSize: estimatedHeight(rows.length) }}
    >
      <h3 id={heading}>{unit.label}</h3>
      <div class="table-scroll" role="region" aria-labelledby={heading} tabindex={0}>
        <table class="summary-detail" aria-labelledby={heading}>
          <thead>
            <tr>
              {COLUMNS.map((title) => (
                <th scope="col" key={title}>
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {byDuty(rows).map((run) =>
              run.map((row, i) => (
                <tr key={row.tickKey} class={`state-${row.state}`}>
                  {i === 0 && (
                    <th scope="row" rowSpan={run.length}>
                      {row.duty.title}
                      <span class="muted summary-source">{dutySource(row.duty)}</span>
                    </th>
                  )}
                  <td class="nowrap">{row.occurrence.label}</td>
                  <td class="nowrap">{windowText(row.occurrence.start, row.occurrence.end)}</td>
                  <td class="state">{state(row)}</td>
                  <td class="nowrap">{row.done ?? ''}</td>
                  <td>{row.reason ? `不适用：${row.reason}` : row.note}</td>
                  <td>{row.evidence.length > 0 ? `${row.evidence.length} 个` : ''}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function SummaryDetail({ summary }: { summary: Summary }) {
  const units = summary.units
    .map((unit) => ({ unit, rows: summary.rows.filter((r) => r.unit.index === unit.index) }))
    .filter((u) => u.rows.length > 0);
  return (
    <section class="summary-view" aria-labelledby="detail">
      <h2 id="detail">明细</h2>
      {units.length === 0 ? (
        <p class="hint">没有符合筛选条件的记录。</p>
      ) : (
        units.map(({ unit, rows }) => (
          <InTurn key={unit.index}>
            <UnitTable unit={unit} rows={rows} />
          </InTurn>
        ))
      )}
    </section>
  );
}
