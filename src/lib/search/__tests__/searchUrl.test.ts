import { describe, expect, it } from 'vitest';
import { paramsOfState, stateFromParams } from '../searchUrl';

describe('the search page URL', () => {
  it('reads the query and the filters', () => {
    expect(
      stateFromParams(new URLSearchParams('q=%E7%AC%AC%E4%B8%80+%E8%B4%A3%E4%BB%BB&doc=a&type=school&role=secretary')),
    ).toEqual({
      q: '第一 责任',
      doc: 'a',
      bodyType: 'school',
      role: 'secretary',
    });
  });

  it('treats a missing or empty parameter as no filter, and ignores unknown ones', () => {
    expect(stateFromParams(new URLSearchParams('doc=&utm=x'))).toEqual({
      q: '',
      doc: undefined,
      bodyType: undefined,
      role: undefined,
    });
  });

  it('writes only what is set, and reads back what it wrote', () => {
    expect(paramsOfState({ q: '' })).toBe('');
    const state = { q: '讲座 审批 & <b>', doc: undefined, bodyType: undefined, role: 'principal' };
    const written = paramsOfState(state);
    expect(written).toBe('q=%E8%AE%B2%E5%BA%A7+%E5%AE%A1%E6%89%B9+%26+%3Cb%3E&role=principal');
    expect(stateFromParams(new URLSearchParams(written))).toEqual(state);
  });
});
