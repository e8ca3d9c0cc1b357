import { describe, expect, it } from 'vitest';
import { DEFAULT_CITATION_OPTIONS, formatCitation, parseCitationOptions, rowText } from '../citation';

const clause = {
  title: '某细则',
  issuer: '某校党委',
  year: 2022,
  locator: '一、（一）3',
  text: ' 每年\n  至少召开2次。 ',
  url: 'https://x/docs/a/#s1-1-3',
};

describe('formatCitation', () => {
  it('gives title, locator, clause text and URL by default', () => {
    expect(formatCitation(clause)).toBe('《某细则》一、（一）3：每年 至少召开2次。\nhttps://x/docs/a/#s1-1-3');
  });

  it('adds issuer and year on request, and says when the document bears no year', () => {
    expect(formatCitation(clause, { issuerAndYear: true, url: true })).toBe(
      '《某细则》（某校党委，2022年）一、（一）3：每年 至少召开2次。\nhttps://x/docs/a/#s1-1-3',
    );
    expect(formatCitation({ ...clause, year: null }, { issuerAndYear: true, url: false })).toBe(
      '《某细则》（某校党委，未署年份）一、（一）3：每年 至少召开2次。',
    );
  });

  it('leaves the URL out of the plain form', () => {
    expect(formatCitation(clause, { issuerAndYear: false, url: false })).toBe(
      '《某细则》一、（一）3：每年 至少召开2次。',
    );
  });

  it('keeps editorial marks and says what they mean, and where the notes are', () => {
    const marked = {
      ...clause,
      locator: '二、一是·三是',
      text: '利用微信公众平台〔校〕等 载体',
      url: 'https://x/docs/b/#s2-1-3',
    };
    expect(formatCitation(marked)).toBe(
      '《某细则》二、一是·三是：利用微信公众平台〔校〕等 载体\n（〔校〕为编者推定改正，详见链接处校勘记。）\nhttps://x/docs/b/#s2-1-3',
    );
    expect(formatCitation(marked, { issuerAndYear: false, url: false })).toBe(
      '《某细则》二、一是·三是：利用微信公众平台〔校〕等 载体\n（〔校〕为编者推定改正，详见本站该文件的校勘记。）',
    );
    expect(formatCitation({ ...clause, text: '甲〔原文如此〕乙〔校〕' }).split('\n')[1]).toBe(
      '（〔校〕为编者推定改正，〔原文如此〕为原文如此、存疑未改，详见链接处校勘记。）',
    );
  });
});

describe('rowText', () => {
  it('sets cells apart and does not repeat the first cell that the locator names', () => {
    expect(rowText('附2·3月中旬', ['3月中旬', ' 召开联席会议 ', '', '党委'])).toBe('召开联席会议 党委');
  });

  it('keeps the first cell when the locator holds only its beginning, or it is the only cell', () => {
    expect(rowText('附3·意识形态领域风险点排查清', ['意识形态领域风险点排查清单', '每季度'])).toBe(
      '意识形态领域风险点排查清单 每季度',
    );
    expect(rowText('附2·备注', ['备注'])).toBe('备注');
    expect(rowText('附2·3', ['', '3', '内容'])).toBe('内容');
  });
});

describe('parseCitationOptions', () => {
  it('reads what was saved', () => {
    expect(parseCitationOptions(JSON.stringify({ issuerAndYear: true, url: false }))).toEqual({
      issuerAndYear: true,
      url: false,
    });
  });

  it('falls back to the defaults, field by field, for anything else', () => {
    for (const stored of [null, '', 'not json', '[]', '1', 'null', '"x"', '{"issuerAndYear":"yes","url":0}'])
      expect(parseCitationOptions(stored), String(stored)).toEqual(DEFAULT_CITATION_OPTIONS);
    expect(parseCitationOptions('{"url":false}')).toEqual({ issuerAndYear: false, url: false });
  });
});
