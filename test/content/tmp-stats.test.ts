import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCorpus } from '../../src/integrations/corpus';
import { canonicalText as canonical } from '../../src/lib/corpus/canonical';
it('s', () => {
  const { corpus } = loadCorpus('/work/main/');
  const q = JSON.parse(readFileSync('../shared/eval/search-queries.dev.json', 'utf8'));
  for (const e of q) {
    console.log('## ' + e.query);
    for (const x of e.expect_in_top5) {
      const d = corpus.documents.find((d) => d.slug === x.document)!;
      const bs = d.model.blocks.filter((b) => canonical(b.text).includes(canonical(x.text)));
      console.log(
        '  ',
        x.clause,
        bs.map((b) => `${b.kind} ${b.locator} [${b.sectionPath.join('>')}] ${b.text.slice(0, 200)}`).join('\n     || '),
      );
    }
  }
});
