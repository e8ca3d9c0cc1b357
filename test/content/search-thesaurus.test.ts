/** The search thesaurus (content/synonyms.yaml) keeps its rules, and the check names the file and the entry. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkThesaurus, THESAURUS_FILE } from '../../src/lib/search/thesaurus';
import { root } from './search-index';

const real = () => parse(readFileSync(`${root}${THESAURUS_FILE}`, 'utf8')) as unknown[];

describe('the search thesaurus', () => {
  it('passes every rule', () => {
    const { entries, problems } = checkThesaurus(real());
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThan(30);
  });

  it('names the file and the entry of a malformed one', () => {
    const planted = [...real(), { id: '坏条目', variants: '不是列表' }, { variants: ['无名'] }];
    const { problems } = checkThesaurus(planted);
    expect(problems).toEqual([
      expect.stringMatching(/^content\/synonyms\.yaml: 条目 \d+「坏条目」: 字段 variants: /),
      expect.stringMatching(/^content\/synonyms\.yaml: 条目 \d+: 字段 id: /),
    ]);
  });

  it('refuses a term in two concepts, a term repeated, and one that folding splits', () => {
    const planted = [
      ...real(),
      { id: '开大会', variants: ['召开会议'] },
      { id: '巡视', variants: ['巡视', '巡察'] },
      { id: '检查、督查', variants: ['抽查'] },
    ];
    const { problems } = checkThesaurus(planted);
    expect(problems).toEqual([
      expect.stringMatching(/条目 \d+「开大会」: 「召开会议」已在条目 \d+「开会」中/),
      expect.stringMatching(/条目 \d+「巡视」: 「巡视」重复/),
      expect.stringMatching(/条目 \d+「检查、督查」: 「检查、督查」含标点或空格/),
    ]);
  });
});
