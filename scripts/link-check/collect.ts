import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from '../../src/lib/format-issues.ts';
import { parseResources } from '../../src/lib/resources.ts';
import { extractMarkdownLinks } from './collect-markdown.ts';
import type { LinkPlace } from './types.ts';

export interface CollectInput {
  /** Folder scanned recursively for .md and .mdx files. */
  contentDir: string;
  /** The curated resource list (content/links.yaml); a missing file is fine. */
  linksFile: string;
  /** Paths in places are relative to this folder (the project root). */
  rootDir: string;
  /** When set, only places on these lines are kept (absolute file path → added line numbers). */
  onlyLines?: ReadonlyMap<string, ReadonlySet<number>>;
}

export interface Collected {
  places: LinkPlace[];
  problems: ContentProblem[];
  filesScanned: number;
}

export async function collectLinks(input: CollectInput): Promise<Collected> {
  const places: LinkPlace[] = [];
  const problems: ContentProblem[] = [];
  const keep = (absolute: string, line: number) => !input.onlyLines || (input.onlyLines.get(absolute)?.has(line) ?? false);
  const relative = (absolute: string) => path.relative(input.rootDir, absolute).split(path.sep).join('/');

  const documents = await listDocuments(input.contentDir);
  for (const absolute of documents) {
    if (input.onlyLines && !input.onlyLines.has(absolute)) continue;
    const file = relative(absolute);
    const text = await readFile(absolute, 'utf8');
    const extracted = extractMarkdownLinks(text, file, absolute.endsWith('.mdx') ? 'mdx' : 'md');
    places.push(...extracted.places.filter((place) => keep(absolute, place.line)));
    problems.push(...extracted.problems);
  }

  let linksText: string | undefined;
  try {
    linksText = await readFile(input.linksFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (linksText !== undefined && (!input.onlyLines || input.onlyLines.has(input.linksFile))) {
    const file = relative(input.linksFile);
    const parsed = parseResources(linksText, file);
    // Entries the schema rejects are reported as problems (the site build rejects them too).
    problems.push(...parsed.problems.map((problem) => ({ ...problem, message: `${problem.message} (entry not checked)` })));
    for (const { resource, line, fieldLines } of parsed.resources) {
      const urlLine = fieldLines.url ?? line;
      if (keep(input.linksFile, urlLine)) places.push({ raw: resource.url, file, line: urlLine, resourceId: resource.id });
    }
  }
  return { places, problems, filesScanned: documents.length + (linksText === undefined ? 0 : 1) };
}

/** Every .md/.mdx file under the folder, in a stable order (so reports are reproducible). */
async function listDocuments(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => /\.mdx?$/i.test(entry) && !entry.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .map((entry) => path.join(dir, entry))
    .sort();
}
