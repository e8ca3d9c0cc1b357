import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cadenceVocabularySchema } from '../../../schemas/obligation';
import { cadenceWords, vocabularyPattern } from '../lint';

const vocabulary = cadenceVocabularySchema.parse(
  parse(readFileSync(new URL('../../../../content/obligations-words.yaml', import.meta.url), 'utf8')),
);
const words = (text: string) => cadenceWords(text, vocabularyPattern(vocabulary));

describe('cadenceWords with the site vocabulary', () => {
  it('finds frequencies, times of year, months and unscheduled markers', () => {
    expect(words('每年至少两次专题研究，每半年向局党委汇报一次')).toEqual(['每年', '每半年']);
    expect(words('原则上安排在每年的3月中旬、6月中旬')).toEqual(['每年', '3月', '6月']);
    expect(words('年初制定工作计划，年中、年终进行工作总结')).toEqual(['年初', '年中', '年终']);
    expect(words('定期分析研判，遇有重大问题随时报告')).toEqual(['定期', '随时']);
    expect(words('临近开学季')).toEqual(['开学']);
  });

  it('reports whole dates: N月N日, N月份, N月底', () => {
    expect(words('确保在5月31日前全面彻底地完成整改任务')).toEqual(['5月31日']);
    expect(words('原则上在12月份进行')).toEqual(['12月份']);
    expect(words('6月底前报送')).toEqual(['6月底']);
  });

  it('finds festivals, time nodes, a year’s named events, inspections and approvals', () => {
    expect(words('元旦、春节、“两会”、五一、七一、建军节、国庆节等重要时间节点')).toEqual([
      '元旦',
      '春节',
      '两会',
      '五一',
      '七一',
      '建军节',
      '国庆',
      '时间节点',
    ]);
    expect(words('围绕冬奥会、党的二十大等重要时间节点')).toEqual(['冬奥', '二十大', '时间节点']);
    expect(words('坚持社团成立审批制度和年检制度')).toEqual(['审批制度', '年检']);
    expect(words('每学年开展一次，纳入学年度考核')).toEqual(['每学年', '学年度']);
  });

  it('does not take the 报批 of 通报批评 for an approval', () => {
    expect(words('进行通报批评，给予组织处理')).toEqual([]);
    expect(words('严格执行报批程序')).toEqual(['报批']);
  });

  it('finds nothing in a clause without them', () => {
    expect(words('加强网上正面宣传和舆论引导。')).toEqual([]);
  });

  it('matches nothing with an empty vocabulary', () => {
    expect(cadenceWords('每年', vocabularyPattern([]))).toEqual([]);
  });
});
