/**
 * Word files benchmark (npm run bench): the time the build spends writing every document's .docx
 * (src/lib/docx/wordDocument.ts, the work of the /docs/<slug>.docx endpoint) and their bytes, for the
 * real corpus and for 10× and 100× as many documents (the synthetic corpora are renumbered copies of
 * the same texts, so 10× is each document written ten times). Medians over BENCH_RUNS runs.
 */
import { expect, it } from 'vitest';
import { loadCorpus } from '../../src/integrations/corpus';
import { wordFile } from '../../src/lib/docx/wordDocument';
import { root } from '../content/search-index';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

it('measures writing the Word files', async () => {
  const { corpus } = loadCorpus(root);
  const sources = corpus.documents.map((document) => ({
    data: document.data,
    model: document.model,
    pageUrl: `https://example.edu.cn/docs/${document.slug}/`,
    aboutUrl: 'https://example.edu.cn/about/',
  }));
  const rows: Record<string, Record<string, string | number>> = {};
  for (const factor of [1, 10, 100]) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < (factor === 100 ? Math.min(RUNS, 3) : RUNS); run += 1) {
      bytes = 0;
      const started = performance.now();
      for (let copy = 0; copy < factor; copy += 1)
        for (const source of sources) bytes += (await wordFile(source)).byteLength;
      times.push(performance.now() - started);
    }
    rows[factor === 1 ? 'real' : `${factor}×`] = {
      files: sources.length * factor,
      'write all (ms)': Math.round(median(times)),
      'per file (ms)': Number((median(times) / (sources.length * factor)).toFixed(1)),
      'runs (ms)': times.map((t) => Math.round(t)).join(' '),
      'total size (MiB)': Number((bytes / 1024 / 1024).toFixed(2)),
    };
  }
  console.log('Word files: writing every document’s .docx (the work the build adds), median');
  console.table(rows);
  expect(Object.keys(rows)).toHaveLength(3);
}, 600_000);
