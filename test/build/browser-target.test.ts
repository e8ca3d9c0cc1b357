/**
 * The browser target (package.json's browserslist) reaches every tool that
 * must honour it: the syntax the build emits, the polyfills it adds and the
 * lint that reports Web APIs the target browsers lack. Each check is shown
 * to bite on planted code.
 */
import { ESLint } from 'eslint';
import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import { addPolyfills, browserQuery, buildTargets, SYNTAX_LEVEL } from '../../src/integrations/browserTarget';

const root = new URL('../../', import.meta.url).pathname;
const query = browserQuery(root);

describe('the stated browser target', () => {
  it('names the oldest browsers the README promises', () => {
    for (const browser of ['chrome >= 86', 'firefox >= 115', 'safari >= 14']) expect(query).toContain(browser);
  });

  it('becomes build targets no newer than the syntax ceiling', () => {
    expect(buildTargets(query)).toEqual(expect.arrayContaining([SYNTAX_LEVEL, 'chrome86', 'firefox115', 'safari14']));
  });

  it('lowers syntax newer than the target when the build compiles it', async () => {
    const { code } = await transformWithOxc('export let a; a ??= 1; export const n = 1_000;', 'planted.ts', {
      target: buildTargets(query),
    });
    expect(code).not.toContain('??=');
    expect(code).not.toContain('1_000');
  });
});

describe('polyfills', () => {
  it('adds core-js for a built-in a target browser lacks, where the code calls it', async () => {
    const result = await addPolyfills(
      'export const last = (list) => [list.at(-1), Object.hasOwn(list, 0)];',
      'a.ts',
      query,
    );
    expect(result?.code).toContain('core-js/modules/es.array.at');
    expect(result?.code).toContain('core-js/modules/es.object.has-own');
  });

  it('adds nothing for built-ins every target browser has, nor on a guess from a constructor', async () => {
    const code = 'export const f = (s) => [new Set(s), new Map(), s.map(String), "a".padStart(2), Object.entries({})];';
    await expect(addPolyfills(code, 'b.ts', query)).resolves.toBeNull();
  });
});

describe('the compatibility lint (eslint-plugin-compat)', () => {
  const eslint = new ESLint({ cwd: root });
  const compatProblems = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath }))
      .flatMap((result) => result.messages)
      .filter((message) => message.ruleId === 'compat/compat')
      .map((message) => message.message);

  it('reports a Web API or syntax a target browser lacks in browser code', async () => {
    const problems = await compatProblems(
      'export const copy = structuredClone({ a: 1 });\nexport const re = /(?<!a)b/;\n',
      'src/components/planted.ts',
    );
    expect(problems.join('\n')).toMatch(/structuredClone/);
    expect(problems.join('\n')).toMatch(/Lookbehind/);
  });

  it('accepts the built-ins the build polyfills', async () => {
    await expect(
      compatProblems('export const own = Object.hasOwn({}, "a");\n', 'src/components/planted.ts'),
    ).resolves.toEqual([]);
  });

  it('leaves build-time code alone', async () => {
    await expect(
      compatProblems('export const copy = structuredClone({ a: 1 });\n', 'src/integrations/planted.ts'),
    ).resolves.toEqual([]);
  });
});
