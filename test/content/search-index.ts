/** The real search index, built from the content on disk exactly as the build builds it. */
import { ROLES_FILE } from '../../src/integrations/contentCheck';
import { loadCorpus, readDataFile } from '../../src/integrations/corpus';
import { buildSearchIndex } from '../../src/lib/search/indexData';
import { roleListSchema } from '../../src/schemas/role';
import { synonymGroup, synonymListSchema } from '../../src/schemas/synonyms';

export const root = new URL('../../', import.meta.url).pathname;

export function loadSearchInputs() {
  const { corpus } = loadCorpus(root);
  const roles = readDataFile(root, ROLES_FILE, roleListSchema);
  const synonyms = readDataFile(root, 'content/synonyms.yaml', synonymListSchema);
  const problems = [...roles.problems, ...synonyms.problems];
  if (!roles.data || !synonyms.data) throw new Error(problems.join('\n'));
  return { corpus, roles: roles.data, synonyms: synonyms.data };
}

export function realSearchIndex() {
  const { corpus, roles, synonyms } = loadSearchInputs();
  return buildSearchIndex(corpus.documents, roles, synonyms.map(synonymGroup));
}
