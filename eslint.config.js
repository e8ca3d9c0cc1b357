import { defineConfig } from 'eslint/config';
import compat from 'eslint-plugin-compat';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/** Code that runs in the browser (pages, islands, the search worker, the service worker). */
export const BROWSER_CODE = [
  'src/components/**',
  'src/scripts/**',
  'src/lib/**',
  'src/integrations/sw-source.js',
  'src/**/*.astro',
];

export default defineConfig(
  { ignores: ['dist/', 'dist-subpath/', '.astro/', 'node_modules/', '.scale/'] },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Web APIs and built-ins that a browser of package.json's browserslist lacks. The build adds core-js
  // polyfills for the built-ins the code uses (src/integrations/browserTarget.ts), which compat cannot see.
  {
    files: BROWSER_CODE,
    ignores: ['src/**/__tests__/**'],
    ...compat.configs['flat/recommended'],
    settings: { polyfills: ['Array.prototype.at', 'String.prototype.at', 'Object.hasOwn'] },
  },
);
