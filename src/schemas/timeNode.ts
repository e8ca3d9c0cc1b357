/**
 * The named times of the year an obligation's `nodes` may name (春节, 国庆, 开学 …) and how a phrase ties a
 * duty to one: 春节前, 国庆期间, 开学初, or the node alone for 前后. The days each means in a year are
 * src/lib/obligations/timeNodes.ts's.
 */
export const TIME_NODE_NAMES = [
  '元旦',
  '春节',
  '两会',
  '清明',
  '五一',
  '五四',
  '端午',
  '七一',
  '建军节',
  '中秋',
  '国庆',
  '开学',
  '冬奥会',
  '二十大',
] as const;
export type TimeNode = (typeof TIME_NODE_NAMES)[number];

/** Where a duty falls relative to a node; '' is the node alone (前后). Longest first, as phrases are read. */
export const NODE_RELATIONS = ['期间', '前', '初', ''] as const;
export type Relation = (typeof NODE_RELATIONS)[number];

const isTimeNode = (name: string): name is TimeNode => (TIME_NODE_NAMES as readonly string[]).includes(name);

/** "春节前" → 春节 + 前; undefined for anything that is not a node with a known relation. */
export function parseNodePhrase(phrase: string): { node: TimeNode; relation: Relation } | undefined {
  for (const relation of NODE_RELATIONS) {
    if (!phrase.endsWith(relation)) continue;
    const node = phrase.slice(0, phrase.length - relation.length);
    if (isTimeNode(node)) return { node, relation };
  }
  return undefined;
}
