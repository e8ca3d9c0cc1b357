import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { corpusCheck } from './src/integrations/corpus.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.edu.cn',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  integrations: [corpusCheck(), mdx(), preact()],
  cacheDir: './.astro',
  build: { format: 'directory' },
});
