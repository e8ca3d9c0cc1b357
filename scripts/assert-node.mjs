// npm puts node_modules/.bin first on PATH, so scripts run on the Node 24 that the
// `node` devDependency installs. If it is missing (e.g. `npm ci --ignore-scripts`),
// say so instead of letting Astro or Vitest fail obscurely on an older system Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.versions.node} is too old (Astro 7 needs >= 22.12). ` +
      'Run `npm install` (with install scripts enabled) so that node_modules/.bin/node provides Node 24, then use the npm scripts.',
  );
  process.exit(1);
}
