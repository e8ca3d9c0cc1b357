import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { corpusCheck } from './src/integrations/contentCheck.ts';
import { serviceWorker } from './src/integrations/serviceWorker.ts';
import { requireSiteUrl, siteUrl } from './src/integrations/siteUrl.ts';
import { browserTarget } from './src/integrations/browserTarget.ts';

export default defineConfig({
  site: siteUrl(),
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  integrations: [requireSiteUrl(), browserTarget(), corpusCheck(), mdx(), preact(), serviceWorker()],
  cacheDir: './.astro',
  build: { format: 'directory' },
  // No code blocks in the corpus; Shiki's inline styles would need 'unsafe-inline'.
  markdown: { syntaxHighlight: false },
  // A strict policy as a <meta> in every page: hashes for Astro's own scripts
  // and styles, nothing inline otherwise, nothing from another origin.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
