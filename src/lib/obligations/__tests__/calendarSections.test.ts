import { describe, expect, it } from 'vitest';
import type { Cadence } from '../../../schemas/obligation';
import { calendarEntries, calendarSections } from '../calendarSections';

const duty = (id: string, cadence: Cadence) => ({ id, cadence });

describe('calendarSections', () => {
  const duties = [
    duty('late', { period: 'quarter', count: 1, months: [3, 6, 9, 12], window: '下旬' }),
    duty('monthly', { period: 'month', count: 1, window: '月底前' }),
    duty('early', { period: 'year', count: 1, months: [3], window: '上旬' }),
    duty('start', { period: 'year', count: 1, partsOfYear: ['年初'] }),
    duty('anytime', { period: 'triggered' }),
  ];
  const sections = calendarSections(duties, 2026);
  const ids = (id: string) => sections.find((s) => s.id === id)?.duties.map((d) => d.id);

  it('lists the year’s sections in order, months between 年初, 年中 and 年终', () => {
    expect(sections.map((s) => s.title)).toEqual([
      '年初',
      ...['1月', '2月', '3月', '4月', '5月', '6月'],
      '年中',
      ...['7月', '8月', '9月', '10月', '11月', '12月'],
      '年终',
      '全年',
      '每学期',
      '时间节点',
      '随时',
      '往年',
    ]);
  });

  it('puts each duty in every section it falls in, in the order it falls due within a month', () => {
    expect(ids('m3')).toEqual(['early', 'late', 'monthly']);
    expect(ids('m4')).toEqual(['monthly']);
    expect(ids('start')).toEqual(['start']);
    expect(ids('anytime')).toEqual(['anytime']);
    expect(ids('mid')).toEqual([]);
    expect(sections.filter((s) => s.duties.some((d) => d.id === 'monthly'))).toHaveLength(12);
  });

  it('says when a festival window falls, in each month it touches', () => {
    const chunjie = duty('chunjie', { period: 'event', event: '春节前', nodes: ['春节前'] });
    const [withWhen] = calendarSections([chunjie], 2026).filter((s) => s.duties.length > 0);
    expect(withWhen?.when.chunjie).toMatch(/^春节前：2月/);
    expect(calendarEntries(chunjie.cadence, 2026).every((e) => e.when?.startsWith('春节前：'))).toBe(true);
  });
});
