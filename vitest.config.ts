import { defineConfig } from 'vitest/config';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  throw new Error(
    `Node ${process.versions.node} is too old: run tests through npm (npm test), which uses the Node 24 from node_modules/.bin.`,
  );
}

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/__tests__/**/*.test.ts'] } },
      { extends: true, test: { name: 'content', include: ['test/content/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'] } },
      { extends: true, test: { name: 'scale', include: ['test/scale/**/*.test.ts'], testTimeout: 60_000 } },
      {
        extends: true,
        test: {
          name: 'subpath',
          include: ['test/e2e/links.test.ts'],
          env: { BASE_PATH: '/zerenzhi/', DIST_DIR: 'dist-subpath' },
        },
      },
      { extends: true, test: { name: 'bench', include: ['test/bench/**/*.bench-run.ts'], testTimeout: 600_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
