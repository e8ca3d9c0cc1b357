import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/integrations/corpus';
import { checkObligationData } from '../../src/integrations/contentCheck';
import { loadObligations } from '../../src/integrations/obligations';

const root = new URL('../../', import.meta.url).pathname;
const { corpus } = loadCorpus(root);

describe('obligations data', () => {
  it('passes the schema, id, clause, quote, role and completeness checks', () => {
    expect(checkObligationData(root, corpus)).toEqual([]);
  });

  it('covers every published document', () => {
    const { files } = loadObligations(root);
    expect(files.map((f) => f.data.document).sort()).toEqual(corpus.documents.map((d) => d.slug).sort());
  });
});
