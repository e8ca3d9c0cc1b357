/**
 * How pages name the original materials (content/sources/NNN_<hash>.txt): a
 * reader sees 第 1 份原始材料 where the file is 000_…; the 来源说明 page
 * gives the file name and an anchor for every published span.
 */
interface Span {
  file: string;
  from: number;
  to: number;
}

const ordinal = (file: string) => {
  const number = /^(\d{3})_/.exec(file)?.[1];
  if (number === undefined) throw new Error(`source file name without its number: ${file}`);
  return Number(number) + 1;
};

export const sourceMaterial = (file: string) => `第 ${ordinal(file)} 份原始材料`;

/** The 来源说明 section of one source file. */
export const sourceAnchor = (file: string) => `src-${file.slice(0, 3)}`;

/** The 来源说明 table row of one span of a source file. */
export const sourceSpanAnchor = (span: Span) => `${sourceAnchor(span.file)}-${span.from}`;

/** 1–185, or 79 for one line. */
export const lineRange = (span: Omit<Span, 'file'>) =>
  span.from === span.to ? `${span.from}` : `${span.from}–${span.to}`;

/** 第 3 份原始材料第 4–60 行、第 185 行: spans in the order given, each file named once. */
export function describeSpans(spans: readonly Span[]): string {
  return spans
    .map((span, i) => `${spans[i - 1]?.file === span.file ? '' : sourceMaterial(span.file)}第 ${lineRange(span)} 行`)
    .join('、');
}
