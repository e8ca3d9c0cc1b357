/**
 * The origin the absolute URLs of /obligations.json and the .ics files start with. A calendar app
 * opens those links away from the site, so they must name the host the site is really served from:
 * a build has to be told it (SITE_URL) and fails, saying how, when it is not. `npm start` and
 * `npm test` build for the local origin that `astro preview` serves (`npm run build:local`); dev,
 * preview and sync, which publish nothing, fall back to that origin too.
 */
import type { AstroIntegration } from 'astro';

export const LOCAL_ORIGIN = 'http://localhost:4321';

export const MISSING_SITE_URL = `没有设置 SITE_URL：发布用的构建须写明网站的访问地址（协议和主机名，不含路径），
/obligations.json 和 .ics 日历文件里的链接都以它开头。例如：
  SITE_URL=https://www.your-school.edu.cn BASE_PATH=/zerenzhi/ npm run build
只在本机预览或测试时用 npm start、npm test 或 npm run build:local（地址为 ${LOCAL_ORIGIN}）。`;

/** SITE_URL as an origin ("https://host[:port]"), or the local origin when it is unset. */
export function siteUrl(value: string | undefined = process.env.SITE_URL): string {
  if (value === undefined || value === '') return LOCAL_ORIGIN;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL 不是网址：${value}（应形如 https://www.your-school.edu.cn）`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL 须以 https:// 或 http:// 开头：${value}`);
  if (url.pathname !== '/' || url.search || url.hash)
    throw new Error(`SITE_URL 只写协议和主机名，子路径写在 BASE_PATH 里：${value}`);
  return url.origin;
}

/** Fails `astro build` when SITE_URL is not set (see MISSING_SITE_URL). */
export function requireSiteUrl(): AstroIntegration {
  return {
    name: 'require-site-url',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build' && !process.env.SITE_URL) throw new Error(MISSING_SITE_URL);
      },
    },
  };
}
