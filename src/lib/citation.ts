export interface CitationParts {
  title: string;
  locator: string;
  text: string;
  url: string;
}

/** 《标题》一、（一）3：条款全文 + 链接, as pasted into reports and notices. */
export function formatCitation({ title, locator, text, url }: CitationParts): string {
  const body = text.replace(/\s+/g, ' ').trim();
  return `《${title}》${locator}：${body}\n${url}`;
}
