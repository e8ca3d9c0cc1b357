/** 按单位统计: each unit's occurrences by state, with the share done and a total row. */
import type { Summary } from '../../lib/summary/aggregate';
import { CountCells, CountHeaders } from './counts';

export function UnitCounts({ summary }: { summary: Summary }) {
  return (
    <section class="summary-view" aria-labelledby="by-unit">
      <h2 id="by-unit">按单位统计</h2>
      <div class="table-scroll" role="region" aria-labelledby="by-unit" tabindex={0}>
        <table class="summary-counts" aria-labelledby="by-unit">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <CountHeaders />
            </tr>
          </thead>
          <tbody>
            {summary.byUnit.map(({ unit, counts }) => (
              <tr key={unit.index}>
                <th scope="row">{unit.label}</th>
                <CountCells counts={counts} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">合计</th>
              <CountCells counts={summary.totals} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
