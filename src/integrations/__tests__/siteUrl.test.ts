import { describe, expect, it } from 'vitest';
import { LOCAL_ORIGIN, siteUrl } from '../siteUrl';

describe('siteUrl', () => {
  it('takes the origin SITE_URL names, or the local one when it is unset', () => {
    expect(siteUrl('https://www.your-school.edu.cn')).toBe('https://www.your-school.edu.cn');
    expect(siteUrl('https://www.your-school.edu.cn/')).toBe('https://www.your-school.edu.cn');
    expect(siteUrl('http://10.1.2.3:8080')).toBe('http://10.1.2.3:8080');
    expect(siteUrl(undefined)).toBe(LOCAL_ORIGIN);
    expect(siteUrl('')).toBe(LOCAL_ORIGIN);
  });

  it('refuses what is not an origin, saying what to write instead', () => {
    expect(() => siteUrl('www.your-school.edu.cn')).toThrow('SITE_URL 不是网址');
    expect(() => siteUrl('ftp://your-school.edu.cn')).toThrow('须以 https:// 或 http:// 开头');
    expect(() => siteUrl('https://your-school.edu.cn/zerenzhi/')).toThrow('子路径写在 BASE_PATH 里');
  });
});
