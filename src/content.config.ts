import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { documentSchema } from './schemas/document';
import { documentObligationsSchema } from './schemas/obligation';
import { roleSchema } from './schemas/role';
import { synonymSchema } from './schemas/synonyms';

const docs = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/docs' }),
  schema: documentSchema,
});

const roles = defineCollection({ loader: file('content/roles.yaml'), schema: roleSchema });

const synonyms = defineCollection({ loader: file('content/synonyms.yaml'), schema: synonymSchema });

/** One file per document: its duties, its role definitions, and the cadence clauses that are not duties. */
const obligations = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/obligations' }),
  schema: documentObligationsSchema,
});

export const collections = { docs, roles, synonyms, obligations };
