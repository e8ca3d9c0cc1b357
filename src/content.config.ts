import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema } from './schemas/document';

const docs = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/docs' }),
  schema: documentSchema,
});

export const collections = { docs };
