/**
 * The words that make a clause a candidate duty: a frequency, a time of year,
 * a month, or the 定期/随时 of an unscheduled one. Every clause containing one
 * must be cited by an obligation or listed as deliberately not one.
 */
const CADENCE_WORDS =
  /每年|每半年|半年|全年|每季度|季度|每月|月底|每学期|学期|每周|年初|年中|年终|年末|年底|年度|[0-9一二三四五六七八九十]{1,2}月|开学|寒假|暑假|定期|经常性|常态化|随时|第一时间/g;

export function cadenceWords(text: string): string[] {
  return [...new Set(text.match(CADENCE_WORDS) ?? [])];
}

/** Block kinds the lint reads: headings only summarise, signatures only date the document. */
export const LINTED_KINDS = new Set(['clause', 'paragraph', 'row', 'attribution']);
