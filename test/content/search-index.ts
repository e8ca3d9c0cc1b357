/** The real search index, built from the content on disk exactly as the build builds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROLES_FILE } from '../../src/integrations/contentCheck';
import { loadCorpus, readDataFile } from '../../src/integrations/corpus';
import { loadObligations } from '../../src/integrations/obligations';
import { createSearchEngine } from '../../src/lib/search/engine';
import type { RankingParams } from '../../src/lib/search/ranking';
import { memoryStore } from '../../src/lib/search/__tests__/memoryStore';
import { buildSearchIndex } from '../../src/lib/search/indexData';
import { roleListSchema } from '../../src/schemas/role';
import { checkThesaurus, THESAURUS_FILE } from '../../src/lib/search/thesaurus';
import { synonymGroup } from '../../src/schemas/synonyms';

export const root = new URL('../../', import.meta.url).pathname;

export function loadSearchInputs() {
  const { corpus } = loadCorpus(root);
  const roles = readDataFile(root, ROLES_FILE, roleListSchema);
  const synonyms = checkThesaurus(parse(readFileSync(join(root, THESAURUS_FILE), 'utf8')));
  const obligations = loadObligations(root);
  const problems = [...roles.problems, ...synonyms.problems, ...obligations.problems];
  if (!roles.data || problems.length) throw new Error(problems.join('\n'));
  const definitions = obligations.files.flatMap(({ data }) =>
    data.roleDefinitions.map((definition) => ({ ...definition, document: data.document })),
  );
  return { corpus, roles: roles.data, synonyms: synonyms.entries, definitions };
}

export function realSearchIndex() {
  const { corpus, roles, synonyms, definitions } = loadSearchInputs();
  return buildSearchIndex(corpus.documents, roles, synonyms.map(synonymGroup), definitions);
}

/** The engine over the real corpus, through the same files the browser loads. */
export const realSearchEngine = (params?: RankingParams) =>
  createSearchEngine(memoryStore(realSearchIndex()).store, params);
