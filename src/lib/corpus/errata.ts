import type { Erratum } from '../../schemas/document';

export const ERRATUM_KIND_LABEL = {
  typo: '文字勘误',
  restore: '恢复遮蔽',
  mask: '姓名隐去',
  number: '编号勘误',
} as const;
export const ERRATUM_GRADE_LABEL = { C: '确定', P: '推定', U: '存疑未改' } as const;

/** One line of a 校勘记. A masked name's original is never shown. */
export function describeErratum(erratum: Erratum): string {
  const change =
    erratum.kind === 'mask'
      ? `个人姓名改作“${erratum.corrected}”`
      : erratum.grade === 'U'
        ? `“${erratum.original}”原文如此`
        : `“${erratum.original || '（无）'}”改作“${erratum.corrected || '（删去）'}”`;
  return `${ERRATUM_KIND_LABEL[erratum.kind]}·${ERRATUM_GRADE_LABEL[erratum.grade]}：${change}${erratum.note ? `。${erratum.note}` : ''}`;
}
