/**
 * The tuning tool: the ranking's figures on the tuning half of the evaluation set (or, with
 * SEARCH_TUNE_SET=validation, the validation set), by kind, and every query whose expected clauses
 * are not all in the first five, with the five shown. It never prints the test half. Run it with
 *   SEARCH_TUNE=1 npx vitest run --project bench test/bench/search-tune.bench-run.ts
 * (SEARCH_TUNE_PARAMS='{"k1":1.5}' overrides ranking weights for a trial.)
 */
import { it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/lib/search/ranking';
import { realSearchEngine } from '../content/search-index';
import { RANKED, evalQueries, measure, readQueries, summary } from '../content/search-metrics';

/** The queries ranking may be judged on: the tuning half or the validation set, never the test half. */
const developmentSet = (name = 'tune') =>
  name === 'validation' ? readQueries('search-queries.validation.json') : evalQueries('tune');

it.skipIf(!process.env.SEARCH_TUNE)('prints the tuning half or the validation set', async () => {
  const params = { ...DEFAULT_PARAMS, ...JSON.parse(process.env.SEARCH_TUNE_PARAMS ?? '{}') };
  const engine = realSearchEngine(params);
  const set = process.env.SEARCH_TUNE_SET ?? 'tune';
  const metrics = await measure(developmentSet(set), async (q) =>
    (await engine.search(q, {}, RANKED)).hits.map((h) => ({ slug: h.slug, text: h.text, locator: h.locator })),
  );
  const byKind = new Map<string, { found: number; expected: number }>();
  for (const { query, missing } of metrics.outcomes) {
    const kind = byKind.get(query.kind) ?? { found: 0, expected: 0 };
    kind.expected += query.expect_in_top5.length;
    kind.found += query.expect_in_top5.length - missing.length;
    byKind.set(query.kind, kind);
  }
  const lines = [`${set}: ${summary(metrics)}`, `params: ${JSON.stringify(params)}`];
  lines.push([...byKind].map(([kind, k]) => `${kind} ${k.found}/${k.expected}`).join('; '));
  if (!process.env.SEARCH_TUNE_QUIET) {
    for (const { query, missing, ranked, firstRank } of metrics.outcomes) {
      if (missing.length === 0 && firstRank === 1) continue;
      lines.push(`\n「${query.query}」 (${query.kind}) first expected at ${firstRank || '—'}`);
      for (const m of missing) lines.push(`  missing ${m.document} ${m.clause} ${m.text}`);
      ranked
        .slice(0, 5)
        .forEach((hit, i) => lines.push(`  ${i + 1}. ${hit.slug} ${hit.locator} ${hit.text.slice(0, 40)}`));
    }
  }
  console.log(lines.join('\n'));
});

/** Each weight in turn over a few values, the others kept: recall@5 and MRR on the tuning half (or the validation set) only. */
it.skipIf(!process.env.SEARCH_TUNE_SWEEP)(
  'sweeps the weights on the tuning half',
  async () => {
    const base = { ...DEFAULT_PARAMS, ...JSON.parse(process.env.SEARCH_TUNE_PARAMS ?? '{}') };
    const queries = developmentSet(process.env.SEARCH_TUNE_SET);
    const trial = async (params: typeof base) => {
      const engine = realSearchEngine(params);
      return measure(queries, async (q) =>
        (await engine.search(q, {}, RANKED)).hits.map((h) => ({ slug: h.slug, text: h.text })),
      );
    };
    const grid: Record<string, (number | boolean)[]> = {
      k1: [0.4, 0.6, 0.9, 1.2, 1.6],
      b: [0.1, 0.3, 0.5, 0.75],
      contextField: [0.2, 0.3, 0.4, 0.6, 0.8],
      titleField: [0, 0.1, 0.2, 0.4],
      expansion: [0.5, 0.6, 0.7, 0.8, 0.9],
      typo: [0.6, 0.7, 0.8, 0.9],
      spread: [0.5, 0.6, 0.7, 0.8],
      scatter: [0.3, 0.4, 0.5, 0.6, 0.7],
      diversity: [0.5, 0.6, 0.7, 0.8, 0.9],
      typedFirst: [true, false],
    };
    const only = (process.env.SEARCH_TUNE_SWEEP ?? '').split(',').filter((name) => name in grid);
    const lines: string[] = [`base ${summary(await trial(base))}`];
    for (const [name, values] of Object.entries(grid)) {
      if (only.length && !only.includes(name)) continue;
      const row: string[] = [];
      for (const value of values) {
        const m = await trial({ ...base, [name]: value });
        row.push(`${value}: ${m.recallAt5.toFixed(3)}/${m.mrr.toFixed(3)}`);
      }
      lines.push(`${name.padEnd(12)} ${row.join('  ')}`);
    }
    console.log(lines.join('\n'));
  },
  600_000,
);
