import { describe, expect, it } from 'vitest';
import { describeErratum } from '../errata';

describe('describeErratum', () => {
  it('shows a correction with its original', () => {
    expect(describeErratum({ id: 'e1', line: 3, original: '敷行', corrected: '敷衍', grade: 'C', kind: 'typo' })).toBe(
      '文字勘误·确定：“敷行”改作“敷衍”',
    );
  });
  it('never shows a masked name', () => {
    const line = describeErratum({
      id: 'e2',
      line: 3,
      original: '王子忠',
      corrected: '王**',
      grade: 'C',
      kind: 'mask',
    });
    expect(line).not.toContain('子忠');
    expect(line).toBe('姓名隐去·确定：个人姓名改作“王**”');
  });
  it('keeps uncertain items as printed, with the note', () => {
    expect(describeErratum({ id: 'e3', line: 3, original: '党组', grade: 'U', kind: 'typo', note: '疑为党委' })).toBe(
      '文字勘误·存疑未改：“党组”原文如此。疑为党委',
    );
  });
  it('describes deletions and insertions', () => {
    expect(
      describeErratum({ id: 'e4', line: 3, original: '严守政治方向，', corrected: '', grade: 'P', kind: 'typo' }),
    ).toBe('文字勘误·推定：“严守政治方向，”改作“（删去）”');
  });
});
