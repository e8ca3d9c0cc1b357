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
});
