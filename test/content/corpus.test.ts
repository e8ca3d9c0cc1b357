import { describe, expect, it } from 'vitest';
import { checkCoverage, checkFidelity, loadCorpus } from '../../src/integrations/corpus';

const root = new URL('../../', import.meta.url).pathname;
const { corpus, problems } = loadCorpus(root);

describe('corpus', () => {
  it('loads with no schema, id, fidelity or coverage problem', () => {
    expect(problems).toEqual([]);
  });

  it('publishes 18 documents', () => {
    expect(corpus.documents.map((d) => d.data.docId).sort()).toHaveLength(18);
  });

  describe.each(corpus.documents.map((d) => [d.slug, d] as const))('%s', (_slug, document) => {
    it('matches its source span character for character', () => {
      expect(checkFidelity(document, corpus)).toEqual([]);
    });
    it('has clause blocks with unique ids', () => {
      const ids = document.model.blocks.map((b) => b.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(document.model.issues).toEqual([]);
    });
  });

  it('accounts for every non-blank source line', () => {
    expect(checkCoverage(corpus)).toEqual([]);
  });
});
