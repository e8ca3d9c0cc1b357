import { describe, expect, it } from 'vitest';
import { docPath, pagePath, withBase } from '../url';

describe('withBase', () => {
  it('joins the base path and a site path', () => {
    expect(withBase('/', 'docs/a/')).toBe('/docs/a/');
    expect(withBase('/zerenzhi/', '/about/')).toBe('/zerenzhi/about/');
    expect(withBase('/zerenzhi', '')).toBe('/zerenzhi/');
  });
});

describe('docPath', () => {
  it('points at a document or one of its clauses', () => {
    expect(docPath('a-b')).toBe('docs/a-b/');
    expect(docPath('a-b', 's1-2')).toBe('docs/a-b/#s1-2');
  });
});

describe('pagePath', () => {
  it('keeps the first page at the list’s own address', () => {
    expect(pagePath('roles/x/', 1)).toBe('roles/x/');
    expect(pagePath('roles/x/', 3)).toBe('roles/x/3/');
  });
});
