/**
 * A synthetic corpus `factor` times the real one, for the build benchmark only:
 * a copy of the project under `.scale/<factor>/` whose content holds the real
 * documents plus factor − 1 renumbered copies of each (new slugs, document
 * numbers, obligation ids and source files, the same text). Every copy passes
 * the same content checks as the real corpus; nothing here is published.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const PROJECT_FILES = ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Seed file names are `NNN_<16 hex>.txt`; copy k of seed i gets a new number and hash prefix. */
function seedName(name, index, count, copy) {
  const [, hash] = /^\d{3}_([0-9a-f]{16})\.txt$/.exec(name);
  return `${String(copy * count + index).padStart(3, '0')}_${copy.toString(16).padStart(4, '0')}${hash.slice(4)}.txt`;
}

/** D05 becomes D105 in copy 1, D9905 in copy 99. */
const docNumber = (id, copy) => `D${copy * 100 + Number(id.slice(1))}`;

export function writeScaledProject(root, factor, name = String(factor)) {
  if (!Number.isInteger(factor) || factor < 1 || factor > 100) throw new Error(`factor must be 1–100, got ${factor}`);
  const dir = join(root, '.scale', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of PROJECT_FILES) cpSync(join(root, entry), join(dir, entry), { recursive: true });

  const sources = join(dir, 'content', 'sources');
  const seeds = readdirSync(sources)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  if (seeds.length * factor > 1000) throw new Error('too many source files for three-digit numbers');
  const exclusionsFile = join(sources, 'exclusions.yaml');
  const exclusions = parse(readFileSync(exclusionsFile, 'utf8'));
  const realExclusions = [...exclusions];
  const docsDir = join(dir, 'content', 'docs');
  const obligationsDir = join(dir, 'content', 'obligations');
  const docs = readdirSync(docsDir).filter((n) => n.endsWith('.mdx'));

  for (let copy = 1; copy < factor; copy += 1) {
    const renamed = new Map(seeds.map((name, i) => [name, seedName(name, i, seeds.length, copy)]));
    const renameSeeds = (text) => text.replace(/\d{3}_[0-9a-f]{16}\.txt/g, (name) => renamed.get(name) ?? name);
    const renumber = (text) => text.replace(/\bD\d{2}(?=-\d{2}\b)/g, (id) => docNumber(id, copy));
    for (const [name, copyName] of renamed) cpSync(join(sources, name), join(sources, copyName));
    exclusions.push(...realExclusions.map((e) => ({ ...e, file: renamed.get(e.file) })));
    for (const name of docs) {
      const slug = name.replace(/\.mdx$/, '');
      const text = readFileSync(join(docsDir, name), 'utf8');
      writeFileSync(
        join(docsDir, `${slug}-${copy}.mdx`),
        renameSeeds(text).replace(/^docId: (D\d{2})$/m, (_, id) => `docId: ${docNumber(id, copy)}`),
      );
      const obligations = join(obligationsDir, `${slug}.yaml`);
      if (!existsSync(obligations)) continue;
      writeFileSync(
        join(obligationsDir, `${slug}-${copy}.yaml`),
        renumber(readFileSync(obligations, 'utf8')).replace(/^document: (\S+)$/m, `document: $1-${copy}`),
      );
    }
  }
  writeFileSync(exclusionsFile, stringify(exclusions));
  return dir;
}
