/**
 * The editorial marks a reader sees in a published document (on the page, in print and in
 * the Word file), worded once here so every rendering says the same.
 */
import type { Erratum } from '../../schemas/document';

export const EDITORIAL_TITLE = '〔编者拟题〕';
export const EDITORIAL_HEADING = '〔编者补拟〕';
export const CUT = '〔原文至此中断，以下缺失〕';

export const gapMark = (number: string) => `〔原文缺此条：来源在此跳过了${number}，编号未作更动〕`;
export const headingNumberFix = (erratum: Erratum) => `（原文误作“${erratum.original}”）`;
export const clauseNumberFix = (erratum: Erratum) => `〔原文误作“${erratum.original}”〕`;

/** The superscript after a changed word: 校 for a probable correction, 原文如此 for a doubtful reading left as printed. */
export function fixSuperscript(erratum: Erratum): string | null {
  if (erratum.grade === 'P') return '校';
  if (erratum.grade === 'U') return '原文如此';
  return null;
}

/** The 校勘记's opening line; the second sentence only holds where a reader can point at a change. */
export const ERRATA_INTRO = {
  marked: '下列改动均在正文中以虚下划线标出',
  onScreen: '，悬停、聚焦或轻触即可看到原文',
  grades: '。“推定”者另加“校”字标记；“存疑未改”者保留原文。',
} as const;
