/**
 * Builds the browser code for the browsers stated in package.json's
 * `browserslist` (see README, "Supported browsers"):
 *
 *  - syntax: the client bundles and the workers (the 汇总's Excel writer) are compiled down to
 *    the oldest of those browsers, and never above ES2020 (`??=` and other
 *    ES2021 syntax are lowered; some 360/QQ shells run kernels older than
 *    their version string says);
 *  - CSS: Lightning CSS lowers what those browsers cannot parse (`:is()`
 *    before Chromium 88, nesting, newer colour functions …), with vendor
 *    prefixes where they need them;
 *  - built-ins: core-js polyfills for exactly the built-ins the code uses and
 *    one of those browsers lacks (Array.prototype.at, Object.hasOwn …), chosen
 *    by babel-plugin-polyfill-corejs3 from the same browserslist.
 *
 * Astro sets the client build to `esnext` itself, so the target is applied
 * per environment. `npm test` checks the result: every script in dist/
 * parses at the target (es-check) and the site works with the newer
 * built-ins deleted (test/e2e/old-browsers.test.ts).
 */
import { createRequire } from 'node:module';
import { transformAsync } from '@babel/core';
import type { AstroIntegration } from 'astro';
import browserslist from 'browserslist';
import browserslistToEsbuild from 'browserslist-to-esbuild';
import { browserslistToTargets } from 'lightningcss';
import type { Plugin } from 'vite';

/** The syntax ceiling: a planted ES2021 feature must never reach a browser. */
export const SYNTAX_LEVEL = 'es2020';

const SCRIPT = /\.[cm]?[jt]sx?$/;

/**
 * Polyfills babel-plugin-polyfill-corejs3 would add on a guess, not for a
 * built-in the code calls: `new Set()` pulls in every ES2025 set method,
 * `new Map()`/`new WeakMap()` the ES2026 upsert methods, `new URL()` and
 * `new URLSearchParams()` their later methods, a typed array every typed-array
 * method (and a Uint8Array its base64 and hex methods), `new Error()` the `cause` option (which older engines ignore
 * harmlessly), `.map()`/`.filter()`/`.some()` on arrays the Iterator helpers of
 * the same name, JSON the JSON.parse source-text access, `.push()` a fix for
 * arrays with a non-writable length; and `esnext.*`, proposals not yet in the
 * language, which the same guesses reach under their proposal names. The site calls none of them: es-check's
 * feature check over dist/ (npm test) fails if one is ever used.
 */
const GUESSED = [
  /^esnext\..+/,
  /^es\.set\..+/,
  /^es\.(weak-)?map\.get-or-insert.*/,
  /^web\.url(-search-params)?\..+/,
  /^es\.(typed-array|array-buffer|uint8-array)\..+/,
  'es.error.cause',
  /^es\.iterator\..+/,
  /^es\.json\..+/,
  /^es\.array\.(push|unshift|includes)/,
  'es.symbol.dispose',
];
const coreJsVersion = (createRequire(import.meta.url)('core-js/package.json') as { version: string }).version;

/** The browserslist query of the project (package.json), as one string. */
export function browserQuery(root: string): string {
  const config = browserslist.loadConfig({ path: root });
  if (!config || config.length === 0) throw new Error('package.json 缺少 browserslist（支持的浏览器）');
  return config.join(', ');
}

/** Build targets (esbuild/oxc form) for the query, capped at SYNTAX_LEVEL. */
export const buildTargets = (query: string) => [SYNTAX_LEVEL, ...browserslistToEsbuild(query)];

/** The module with `import "core-js/modules/…"` added for each built-in it uses that a target browser lacks. */
export async function addPolyfills(code: string, id: string, query: string) {
  const result = await transformAsync(code, {
    filename: id,
    babelrc: false,
    configFile: false,
    sourceType: 'module',
    targets: query,
    sourceMaps: true,
    plugins: [['polyfill-corejs3', { method: 'usage-global', version: coreJsVersion, exclude: GUESSED }]],
  });
  return result?.code && result.code.includes('core-js/modules/')
    ? { code: result.code, map: result.map ?? null }
    : null;
}

/**
 * The polyfills in one chunk of their own, named after core-js, which every chunk that needs one imports:
 * left to itself the bundler puts each polyfill in whichever chunk first needs it (the search engine's moved
 * Object.hasOwn's into the hashing library's chunk), and es-check, which recognises a polyfill by the
 * core-js name in the file that uses the built-in, then counts the built-in as missing.
 */
const POLYFILL_CHUNK = { groups: [{ name: 'core-js', test: /[\\/]node_modules[\\/]core-js[\\/]/ }] };

function polyfills(query: string): Plugin {
  return {
    name: 'browser-target:polyfills',
    enforce: 'post',
    transform(code, id) {
      if (!SCRIPT.test(id.replace(/\?.*$/, '')) || id.includes('/node_modules/core-js/') || id.startsWith('\0'))
        return null;
      return addPolyfills(code, id, query);
    },
  };
}

export function browserTarget(): AstroIntegration {
  return {
    name: 'browser-target',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        const query = browserQuery(new URL(config.root).pathname);
        const target = buildTargets(query);
        logger.info(`浏览器目标：${query}（构建目标 ${target.join(' ')}）`);
        updateConfig({
          vite: {
            css: { transformer: 'lightningcss', lightningcss: { targets: browserslistToTargets(browserslist(query)) } },
            build: { cssMinify: 'lightningcss' },
            plugins: [
              {
                name: 'browser-target:client',
                // Replaced, not merged: Vite would merge the arrays into ['esnext', …].
                configEnvironment(name, environment) {
                  if (name !== 'client') return;
                  const rolldownOptions = environment.build?.rolldownOptions ?? {};
                  const output = Array.isArray(rolldownOptions.output) ? {} : (rolldownOptions.output ?? {});
                  environment.build = {
                    ...environment.build,
                    target,
                    rolldownOptions: { ...rolldownOptions, output: { ...output, codeSplitting: POLYFILL_CHUNK } },
                  };
                },
              },
              { ...polyfills(query), applyToEnvironment: (environment) => environment.name === 'client' },
            ],
            worker: {
              plugins: () => [polyfills(query)],
              rolldownOptions: { transform: { target } },
            },
          },
        });
      },
    },
  };
}
