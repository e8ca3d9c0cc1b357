/**
 * The thesaurus's rules beyond each entry's schema (src/schemas/synonyms.ts): a term must still be one
 * search word after folding (no punctuation or space inside, at least two characters), and a term may
 * belong to one entry only (else which concept it stands for is ambiguous). Every problem names the file
 * and the entry. Used by the build (src/data/search.ts) and the content tests.
 */
import { SEPARATOR, foldText } from './fold';
import { synonymSchema, type Synonym } from '../../schemas/synonyms';

export const THESAURUS_FILE = 'content/synonyms.yaml';

const formatPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

const entryName = (raw: unknown, index: number) => {
  const id = raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : '';
  return id ? `条目 ${index + 1}「${id}」` : `条目 ${index + 1}`;
};

/** The entries as parsed from the file's YAML: each checked against the schema, then all against each other. */
export function checkThesaurus(raw: unknown, file = THESAURUS_FILE): { entries: Synonym[]; problems: string[] } {
  if (!Array.isArray(raw)) return { entries: [], problems: [`${file}: 应为条目列表`] };
  const problems: string[] = [];
  const entries: Synonym[] = [];
  raw.forEach((item, index) => {
    const parsed = synonymSchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push(`${file}: ${entryName(item, index)}: 字段 ${formatPath(issue.path) || '(根)'}: ${issue.message}`);
  });
  problems.push(...thesaurusConflicts(entries, file));
  return { entries, problems };
}

/** Rules across the entries, which the schema cannot see. */
export function thesaurusConflicts(entries: readonly Synonym[], file = THESAURUS_FILE): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  entries.forEach((entry, index) => {
    const name = `条目 ${index + 1}「${entry.id}」`;
    const seen = new Set<string>();
    for (const term of [entry.id, ...entry.variants]) {
      const folded = foldText(term);
      if (folded.includes(SEPARATOR) || folded.length < 2)
        problems.push(`${file}: ${name}: 「${term}」含标点或空格，检索时会拆成几个词，无法作为一个说法`);
      if (seen.has(folded)) problems.push(`${file}: ${name}: 「${term}」重复`);
      seen.add(folded);
      const other = owner.get(folded);
      if (other && other !== name)
        problems.push(`${file}: ${name}: 「${term}」已在${other}中，一个说法只能属于一个概念`);
      owner.set(folded, name);
    }
  });
  return problems;
}
