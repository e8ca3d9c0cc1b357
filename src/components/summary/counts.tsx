/** The count columns both count tables share: occurrences by state, the total and the share done. */
import { doneShare, STATE_LABELS, STATES, type Counts } from '../../lib/summary/present';

export function CountHeaders() {
  return (
    <>
      {STATES.map((state) => (
        <th scope="col" key={state}>
          {STATE_LABELS[state]}
        </th>
      ))}
      <th scope="col">合计</th>
      <th scope="col">完成率</th>
    </>
  );
}

export function CountCells({ counts }: { counts: Counts }) {
  return (
    <>
      {STATES.map((state) => (
        <td key={state} class={state === 'overdue' && counts.overdue > 0 ? 'state-overdue' : undefined}>
          {counts[state]}
        </td>
      ))}
      <td>{counts.total}</td>
      <td>{doneShare(counts)}</td>
    </>
  );
}
