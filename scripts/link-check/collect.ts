import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from '../../src/core/problems.ts';
import { parseResources } from '../../src/core/resources.ts';
import { listContentFiles } from '../../src/core/validate/index.ts';
import type { DocumentEntry } from '../../src/core/link-cache/format.ts';
import type { LinkPlace } from './types.ts';

/** Bump when extraction changes what it finds, so documents parsed by an older version are parsed again. */
const extractorVersion = '3';

/** Identifies a document's text as extracted by this version. */
export function documentHash(text: string): string {
  return createHash('sha256').update(extractorVersion).update('\0').update(text).digest('base64url');
}

export interface CollectInput {
  /** Folder scanned recursively for .md and .mdx files. */
  contentDir: string;
  /** The curated resource list (content/links.yaml); a missing file is fine. */
  linksFile: string;
  /** Paths in places are relative to this folder (the project root). */
  rootDir: string;
  /** When set, only places on these lines are kept (absolute file path → added line numbers). */
  onlyLines?: ReadonlyMap<string, ReadonlySet<number>>;
  /** Documents parsed by an earlier run (from the cache), by relative path. */
  knownDocuments?: Readonly<Record<string, DocumentEntry>>;
}

export interface Collected {
  places: LinkPlace[];
  problems: ContentProblem[];
  filesScanned: number;
  /** Every document read this run, to remember in the cache. */
  documents: Record<string, DocumentEntry>;
}

export async function collectLinks(input: CollectInput): Promise<Collected> {
  const places: LinkPlace[] = [];
  const problems: ContentProblem[] = [];
  const keep = (absolute: string, line: number) => !input.onlyLines || (input.onlyLines.get(absolute)?.has(line) ?? false);
  const relative = (absolute: string) => path.relative(input.rootDir, absolute).split(path.sep).join('/');

  const files = listDocuments(input.contentDir);
  const documents: Record<string, DocumentEntry> = {};
  for (const absolute of files) {
    if (input.onlyLines && !input.onlyLines.has(absolute)) continue;
    const file = relative(absolute);
    const text = await readFile(absolute, 'utf8');
    const hash = documentHash(text);
    let entry = input.knownDocuments?.[file];
    if (entry?.hash !== hash) {
      // The Markdown parser is loaded only when some document actually needs parsing.
      const { extractMarkdownLinks } = await import('./collect-markdown.ts');
      const extracted = await extractMarkdownLinks(text, file, absolute.endsWith('.mdx') ? 'mdx' : 'md');
      entry = {
        hash,
        links: extracted.places.map(({ raw, line }) => ({ raw, line })),
        problems: extracted.problems.map(({ line, message }) => ({ ...(line !== undefined && { line }), message })),
      };
    }
    documents[file] = entry;
    for (const link of entry.links) if (keep(absolute, link.line)) places.push({ raw: link.raw, file, line: link.line });
    for (const problem of entry.problems) problems.push({ file, ...problem });
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
  return { places, problems, filesScanned: files.length + (linksText === undefined ? 0 : 1), documents };
}

/** Every page the site would publish, as the build's inventory finds it, in a stable order. */
function listDocuments(contentDir: string): string[] {
  const docsDir = path.join(contentDir, 'docs');
  if (!existsSync(docsDir)) return [];
  return listContentFiles(docsDir).map((file) => path.join(docsDir, file));
}
