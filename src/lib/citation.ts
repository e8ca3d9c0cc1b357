export interface CitationParts {
  title: string;
  issuer: string;
  /** The year the document was issued; null when it bears none. */
  year: number | null;
  /** The printed locator, e.g. 一、（一）3: it already carries the clause's number. */
  locator: string;
  /** The clause text after its printed number. */
  text: string;
  url: string;
}

/** What a copied citation carries besides title, locator and text: the reader's choice, kept in the browser. */
export interface CitationOptions {
  issuerAndYear: boolean;
  url: boolean;
}

export const DEFAULT_CITATION_OPTIONS: Readonly<CitationOptions> = { issuerAndYear: false, url: true };

/** How the page marks editorial changes in a clause; a citation keeps the marks and says what they mean. */
export const EDITORIAL_MARKS = { 校: '编者推定改正', 原文如此: '原文如此、存疑未改' } as const;

/**
 * 《标题》一、（一）3：条款全文 + 链接, as pasted into reports and notices; with
 * issuer and year 《标题》（发文单位，2022年）…; without the link for a plain
 * paste. Text carrying editorial marks (〔校〕, 〔原文如此〕) gets a line saying
 * what they mean and where the notes are.
 */
export function formatCitation(parts: CitationParts, options: CitationOptions = DEFAULT_CITATION_OPTIONS): string {
  const body = parts.text.replace(/\s+/g, ' ').trim();
  const source = options.issuerAndYear
    ? `（${parts.issuer}，${parts.year === null ? '未署年份' : `${parts.year}年`}）`
    : '';
  const marks = Object.entries(EDITORIAL_MARKS).filter(([mark]) => body.includes(`〔${mark}〕`));
  const notesAt = options.url ? '链接处' : '本站该文件的';
  const legend = marks.length
    ? `\n（${marks.map(([mark, meaning]) => `〔${mark}〕为${meaning}`).join('，')}，详见${notesAt}校勘记。）`
    : '';
  return `《${parts.title}》${source}${parts.locator}：${body}${legend}${options.url ? `\n${parts.url}` : ''}`;
}

/**
 * A table row's text with its cells set apart. A row's locator ends with its
 * first cell (附2·3月中旬): that cell is not said again.
 */
export function rowText(locator: string, cells: readonly string[]): string {
  const filled = cells.map((cell) => cell.trim()).filter(Boolean);
  const [first, ...rest] = filled;
  return rest.length > 0 && locator.endsWith(`·${first}`) ? rest.join(' ') : filled.join(' ');
}

/** Stored options as saved by `JSON.stringify`; anything unreadable gives the defaults. */
export function parseCitationOptions(stored: string | null): CitationOptions {
  try {
    const value: unknown = stored ? JSON.parse(stored) : null;
    if (typeof value !== 'object' || value === null) return { ...DEFAULT_CITATION_OPTIONS };
    const { issuerAndYear, url } = value as Partial<Record<keyof CitationOptions, unknown>>;
    return {
      issuerAndYear: typeof issuerAndYear === 'boolean' ? issuerAndYear : DEFAULT_CITATION_OPTIONS.issuerAndYear,
      url: typeof url === 'boolean' ? url : DEFAULT_CITATION_OPTIONS.url,
    };
  } catch {
    return { ...DEFAULT_CITATION_OPTIONS };
  }
}
