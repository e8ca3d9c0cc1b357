/**
 * The build's content gate: the corpus (corpus.ts) and the data that refers
 * to it (obligations.ts, roles) are loaded and checked together, and the
 * build fails on the first run with any problem.
 */
import type { AstroIntegration } from 'astro';
import { roleListSchema } from '../schemas/role';
import { loadCorpus, readDataFile, type Corpus } from './corpus';
import { checkObligations, loadObligations } from './obligations';

export const ROLES_FILE = 'content/roles.yaml';

/** The role vocabulary and the obligations, checked against the corpus (see obligations.ts). */
export function checkObligationData(root: string, corpus: Corpus): string[] {
  const roles = readDataFile(root, ROLES_FILE, roleListSchema);
  const { files, retired, vocabulary, problems } = loadObligations(root);
  const roleIds = new Set((roles.data ?? []).map((role) => role.id));
  return [...roles.problems, ...problems, ...checkObligations(files, corpus, roleIds, retired, vocabulary)];
}

/** Fails the build when the content has any problem, naming file and field or line. */
export function corpusCheck(): AstroIntegration {
  return {
    name: 'corpus-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = new URL(config.root).pathname;
        const { corpus, problems } = loadCorpus(root);
        problems.push(...checkObligationData(root, corpus));
        if (problems.length) {
          throw new Error(`内容检查未通过（${problems.length} 处）：\n${problems.join('\n')}`);
        }
        logger.info(`${corpus.documents.length} 篇文件通过检查（编号、来源一致性、来源行覆盖、义务数据）`);
      },
    },
  };
}
