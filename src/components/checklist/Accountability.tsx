/** Each chosen document's 追责问责 circumstances: a yearly 是/否/不确定 self-assessment with a note. */
import type { AccountabilityItem } from '../../data/checklist';
import { ANSWERS, type Answer, type YearRecord } from '../../lib/checklist/record';
import { href } from '../link';
import { InTurn } from './InTurn';
import { offscreenHeight } from './offscreen';

export const ANSWER_LABELS: Record<(typeof ANSWERS)[number], string> = { yes: '是', no: '否', unsure: '不确定' };

interface Props {
  items: AccountabilityItem[];
  yearRecord: YearRecord;
  docTitle(slug: string): string;
  readOnly: boolean;
  onAnswer(key: string, change: Partial<Answer>): void;
}

export function Accountability({ items, yearRecord, docTitle, readOnly, onAnswer }: Props) {
  if (items.length === 0) return null;
  /** The circumstances under their printed headings, in document order; the items keep their own printed numbers. */
  const groups: { key: string; document: string; heading: string; items: AccountabilityItem[] }[] = [];
  for (const item of items) {
    const key = `${item.document}|${item.group}`;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, document: item.document, heading: item.group, items: [item] });
  }
  return (
    <section aria-labelledby="accountability" class="check-accountability">
      <h2 id="accountability">本年度是否存在以下情形（追责问责自查）</h2>
      {groups.map((group) => (
        <section key={group.key}>
          <h3>
            {group.heading}
            <span class="muted">（《{docTitle(group.document)}》）</span>
          </h3>
          <ul class="accountability-items">
            {group.items.map((item) => {
              const answer = yearRecord.accountability[item.key];
              return (
                <InTurn key={item.key}>
                  <li
                    style={{
                      containIntrinsicBlockSize: offscreenHeight(
                        [`${item.text} ${item.locator}`, '是 否 不确定', '说明'],
                        6,
                      ),
                    }}
                  >
                    <fieldset>
                      <legend>
                        {item.text}{' '}
                        <a href={href(item.path)}>
                          <span class="visually-hidden">《{docTitle(item.document)}》</span>
                          {item.locator}
                        </a>
                      </legend>
                      {ANSWERS.map((value) => (
                        <label key={value} class="answer">
                          <input
                            type="radio"
                            name={`answer-${item.key}`}
                            value={value}
                            checked={answer?.answer === value}
                            disabled={readOnly}
                            onChange={() => onAnswer(item.key, { answer: value })}
                          />
                          {ANSWER_LABELS[value]}
                        </label>
                      ))}
                      <label class="answer-note">
                        说明
                        <input
                          type="text"
                          value={answer?.note ?? ''}
                          maxLength={500}
                          disabled={readOnly}
                          onInput={(e) => onAnswer(item.key, { note: (e.target as HTMLInputElement).value })}
                        />
                      </label>
                      {answer?.note && <p class="print-only print-value">说明：{answer.note}</p>}
                    </fieldset>
                  </li>
                </InTurn>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
