import { describe, expect, it } from 'vitest';
import type { Cadence } from '../../../schemas/obligation';
import { slotsFor } from '../../checklist/slots';
import {
  nodeWindows,
  nodeWindowsStartingIn,
  nodeWindowsInYear,
  onceYears,
  onlyOnceNodes,
  TIME_NODES,
} from '../timeNodes';
import { parseNodePhrase, TIME_NODE_NAMES } from '../../../schemas/timeNode';

const spans = (windows: { key: string; start: string; end: string }[]) =>
  windows.map((w) => `${w.key} ${w.start}..${w.end}`);

describe('parseNodePhrase', () => {
  it('knows exactly the nodes that have days', () => {
    expect(Object.keys(TIME_NODES)).toEqual([...TIME_NODE_NAMES]);
  });

  it('reads a node and where a duty falls around it', () => {
    expect(parseNodePhrase('春节前')).toEqual({ node: '春节', relation: '前' });
    expect(parseNodePhrase('国庆期间')).toEqual({ node: '国庆', relation: '期间' });
    expect(parseNodePhrase('开学初')).toEqual({ node: '开学', relation: '初' });
    expect(parseNodePhrase('元旦')).toEqual({ node: '元旦', relation: '' });
  });

  it('refuses anything else', () => {
    for (const phrase of ['圣诞节', '春节后', '期间', '', 'toString', '__proto__'])
      expect(parseNodePhrase(phrase)).toBeUndefined();
  });
});

describe('nodeWindows', () => {
  it('places 春节前, 春节期间 and 春节 (前后) on the right days of 2025, 2026 and 2027', () => {
    expect(spans(nodeWindows(['春节前', '春节期间', '春节'], 2026))).toEqual([
      'n-chunjie-before 2026-02-02..2026-02-15',
      'n-chunjie-during 2026-02-16..2026-02-23',
      'n-chunjie-around 2026-02-09..2026-02-23',
    ]);
    expect(spans(nodeWindows(['春节期间'], 2025))).toEqual(['n-chunjie-during 2025-01-28..2025-02-04']);
    expect(spans(nodeWindows(['春节期间'], 2027))).toEqual(['n-chunjie-during 2027-02-05..2027-02-12']);
  });

  it('places 中秋、国庆期间 apart, in the year they fall', () => {
    expect(spans(nodeWindows(['中秋期间', '国庆期间'], 2025))).toEqual([
      'n-zhongqiu-during 2025-10-06..2025-10-06',
      'n-guoqing-during 2025-10-01..2025-10-07',
    ]);
    expect(spans(nodeWindows(['中秋期间', '端午期间'], 2027))).toEqual([
      'n-zhongqiu-during 2027-09-15..2027-09-15',
      'n-duanwu-during 2027-06-09..2027-06-09',
    ]);
  });

  it('places the fixed nodes: 元旦, 两会, 五一, 五四, 七一, 建军节, 国庆', () => {
    expect(spans(nodeWindows(['两会期间', '五一期间', '五四', '七一', '建军节前', '国庆前'], 2026))).toEqual([
      'n-lianghui-during 2026-03-03..2026-03-15',
      'n-wuyi-during 2026-05-01..2026-05-05',
      'n-wusi-around 2026-04-27..2026-05-04',
      'n-qiyi-around 2026-06-24..2026-07-01',
      'n-jianjun-before 2026-07-18..2026-07-31',
      'n-guoqing-before 2026-09-17..2026-09-30',
    ]);
  });

  it('gives two 开学 a year: spring by 元宵 (正月十五), autumn on 1 September', () => {
    expect(spans(nodeWindows(['开学前', '开学初'], 2026))).toEqual([
      'n-kaixue-spring-before 2026-02-17..2026-03-02',
      'n-kaixue-autumn-before 2026-08-18..2026-08-31',
      'n-kaixue-spring-start 2026-03-03..2026-03-16',
      'n-kaixue-autumn-start 2026-09-01..2026-09-14',
    ]);
    expect(nodeWindows(['开学前'], 2025)[0]?.end).toBe('2025-02-11'); // 元宵 2025-02-12
  });

  it('keeps events of one year in that year: 冬奥会 and 党的二十大 only in 2022', () => {
    expect(spans(nodeWindows(['冬奥会', '二十大'], 2022))).toEqual([
      'n-dongaohui-around 2022-01-28..2022-02-20',
      'n-ershida-around 2022-10-09..2022-10-22',
    ]);
    expect(nodeWindows(['冬奥会', '二十大'], 2026)).toEqual([]);
    expect(onlyOnceNodes(['冬奥会', '二十大'])).toBe(true);
    expect(onlyOnceNodes(['冬奥会', '国庆'])).toBe(false);
    expect(onceYears(['冬奥会', '二十大', '国庆'])).toEqual([2022]);
  });

  it('has no lunar date outside the table, rather than a wrong one', () => {
    expect(nodeWindows(['春节前', '国庆'], 2100).map((w) => w.key)).toEqual(['n-guoqing-around']);
  });
});

describe('windows across the turn of the year', () => {
  it('shows in a calendar year every window that touches it, 元旦前 of next year in December', () => {
    expect(spans(nodeWindowsInYear(['元旦前', '元旦'], 2026))).toEqual([
      'n-yuandan-around 2025-12-25..2026-01-01',
      'n-yuandan-before 2026-12-18..2026-12-31',
      'n-yuandan-around 2026-12-25..2027-01-01',
    ]);
  });

  it('gives each window to one year of a plan only: the year it begins in', () => {
    expect(spans(nodeWindowsStartingIn(['元旦前', '元旦'], 2026))).toEqual([
      'n-yuandan-before 2026-12-18..2026-12-31',
      'n-yuandan-around 2026-12-25..2027-01-01',
    ]);
  });
});

describe('the self-check uses the same windows', () => {
  it('gives a festival duty one slot per window beginning in the year, and none in other years for a one-year event', () => {
    const nodes = ['春节前', '开学前'];
    const cadence: Cadence = { period: 'event', event: '临近春节、开学季', nodes };
    expect(slotsFor(cadence, 2027)).toEqual(
      nodeWindowsStartingIn(nodes, 2027).map(({ key, label, start, end }) => ({ key, label, start, end })),
    );
    expect(slotsFor(cadence, 2027).map((s) => `${s.label} ${s.start}..${s.end}`)).toEqual([
      '春节前 2027-01-22..2027-02-04',
      '春季开学前 2027-02-06..2027-02-19',
      '秋季开学前 2027-08-18..2027-08-31',
    ]);
    expect(slotsFor({ period: 'event', event: '冬奥会', nodes: ['冬奥会'] }, 2026)).toEqual([]);
    expect(slotsFor({ period: 'event', event: '重要节点和敏感时期' }, 2026)).toEqual([
      { key: 'x', label: '本年度', start: null, end: null },
    ]);
  });
});
