import { describe, expect, it } from 'vitest';
import { formatCitation } from '../citation';

describe('formatCitation', () => {
  it('gives title, locator, clause text and URL', () => {
    expect(
      formatCitation({
        title: '某细则',
        locator: '一、（一）3',
        text: ' 3.每年\n  至少召开2次。 ',
        url: 'https://x/docs/a/#s1-1-3',
      }),
    ).toBe('《某细则》一、（一）3：3.每年 至少召开2次。\nhttps://x/docs/a/#s1-1-3');
  });

  it('keeps editorial marks and says what they mean', () => {
    expect(
      formatCitation({
        title: '某方案',
        locator: '二、一是·三是',
        text: '利用微信公众平台〔校〕等 载体',
        url: 'https://x/docs/b/#s2-1-3',
      }),
    ).toBe(
      '《某方案》二、一是·三是：利用微信公众平台〔校〕等 载体\n（〔校〕为编者推定改正，详见链接处校勘记。）\nhttps://x/docs/b/#s2-1-3',
    );
    expect(formatCitation({ title: 't', locator: 'l', text: '甲〔原文如此〕乙〔校〕', url: 'u' }).split('\n')[1]).toBe(
      '（〔校〕为编者推定改正，〔原文如此〕为原文如此、存疑未改，详见链接处校勘记。）',
    );
  });
});
