import { parse } from 'yaml';

export interface SplitDocument {
  data: unknown;
  body: string;
  /** Number of lines before the body, to turn body line numbers into file line numbers. */
  bodyLineOffset: number;
}

export function splitFrontmatter(source: string): SplitDocument {
  const match = source.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n/);
  if (!match) return { data: {}, body: source, bodyLineOffset: 0 };
  return {
    data: parse(match[1]!),
    body: source.slice(match[0].length),
    bodyLineOffset: match[0].split('\n').length - 1,
  };
}
