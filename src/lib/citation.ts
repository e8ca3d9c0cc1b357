export interface CitationParts {
  title: string;
  locator: string;
  text: string;
  url: string;
}

/** How the page marks editorial changes in a clause; a citation keeps the marks and says what they mean. */
export const EDITORIAL_MARKS = { 校: '编者推定改正', 原文如此: '原文如此、存疑未改' } as const;

/**
 * 《标题》一、（一）3：条款全文 + 链接, as pasted into reports and notices. Text
 * carrying editorial marks (〔校〕, 〔原文如此〕) gets a line saying what they mean.
 */
export function formatCitation({ title, locator, text, url }: CitationParts): string {
  const body = text.replace(/\s+/g, ' ').trim();
  const marks = Object.entries(EDITORIAL_MARKS).filter(([mark]) => body.includes(`〔${mark}〕`));
  const legend = marks.length
    ? `\n（${marks.map(([mark, meaning]) => `〔${mark}〕为${meaning}`).join('，')}，详见链接处校勘记。）`
    : '';
  return `《${title}》${locator}：${body}${legend}\n${url}`;
}
