/** 按工作统计: each duty across the units, by state, with how many units have it. */
import type { Summary } from '../../lib/summary/aggregate';
import { dutySource } from '../../lib/summary/present';
import { CountCells, CountHeaders } from './counts';

export function DutyCounts({ summary }: { summary: Summary }) {
  return (
    <section class="summary-view" aria-labelledby="by-duty">
      <h2 id="by-duty">按工作统计</h2>
      {summary.byDuty.length === 0 ? (
        <p class="hint">没有符合筛选条件的工作。</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="by-duty" tabindex={0}>
          <table class="summary-counts" aria-labelledby="by-duty">
            <thead>
              <tr>
                <th scope="col">工作</th>
                <th scope="col">单位数</th>
                <CountHeaders />
              </tr>
            </thead>
            <tbody>
              {summary.byDuty.map(({ duty, units, counts }) => (
                <tr key={duty.id}>
                  <th scope="row">
                    {duty.title}
                    <span class="muted summary-source">
                      {dutySource(duty)} · {duty.cadenceText}
                    </span>
                  </th>
                  <td>{units}</td>
                  <CountCells counts={counts} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
