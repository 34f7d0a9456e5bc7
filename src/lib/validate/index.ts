import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../env.ts';
import type { ContentProblem } from '../format-issues.ts';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { parseResources } from '../resources.ts';
import { checkFrontmatter, type LocalProblem } from './check-frontmatter.ts';
import { checkImages } from './check-images.ts';
import { buildFolderSet, checkLinks, type SiteIndex } from './check-links.ts';
import { findUrlClashes } from './check-duplicate-urls.ts';
import { documentFacts, type DocumentFacts, type SourceDocument } from './document-facts.ts';

export type { SourceDocument } from './document-facts.ts';

export interface ValidateDocumentsOptions {
  base: string;
  /** Production builds leave drafts out: links from published pages to drafts are problems there. */
  production: boolean;
  /** Whether a file exists, by its POSIX path relative to the docs folder (images may sit outside it: `../x.png`). */
  fileExists: (pathFromDocsDir: string) => boolean;
  /** How a docs-relative path is named in messages, e.g. `content/docs/` + path. */
  display: (pathFromDocsDir: string) => string;
  /** Facts of files parsed before; a file whose text is unchanged is not parsed again (the dev server re-checks on every save). */
  cache?: FactsCache;
  /** Ids in links.yaml, for `../links.yaml#id` links; undefined when there is no list. */
  resourceIds?: Set<string>;
}

export type FactsCache = Map<string, { source: string; facts: DocumentFacts }>;

function cachedFacts(doc: SourceDocument, cache: FactsCache | undefined): DocumentFacts {
  const hit = cache?.get(doc.file);
  if (hit && hit.source === doc.source) return hit.facts;
  const facts = documentFacts(doc);
  cache?.set(doc.file, { source: doc.source, facts });
  return facts;
}

/**
 * Checks a set of content files (in memory) and returns every problem, sorted by file and line.
 * Each file is parsed once; the cross-file checks then only look at the collected facts.
 */
export function validateDocuments(documents: SourceDocument[], options: ValidateDocumentsOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: string, list: LocalProblem[]) => {
    for (const problem of list) problems.push({ file: options.display(file), line: problem.line, message: problem.message });
  };

  const facts = documents.map((doc) => cachedFacts(doc, options.cache));
  if (options.cache) {
    const present = new Set(documents.map((doc) => doc.file));
    for (const file of options.cache.keys()) if (!present.has(file)) options.cache.delete(file);
  }
  const frontmatter = facts.map((doc) => checkFrontmatter(doc.frontmatter));

  const index: SiteIndex = {
    pages: new Map(facts.map((doc, i) => [doc.file, { anchors: doc.anchors, draft: frontmatter[i]!.draft }])),
    folders: buildFolderSet(facts.map((doc) => doc.file)),
    display: options.display,
    production: options.production,
    resourceIds: options.resourceIds,
  };

  facts.forEach((doc, i) => {
    if (doc.syntaxError) {
      report(doc.file, [{ line: doc.syntaxError.line, message: `is not valid MDX: ${doc.syntaxError.message}. Fix the syntax (in MDX, write { and < as \\{ and &lt; in text).` }]);
      return;
    }
    report(doc.file, frontmatter[i]!.problems);
    report(doc.file, checkLinks(doc, frontmatter[i]!.draft, index));
    report(doc.file, checkImages(doc, options.fileExists, options.display));
  });

  for (const clash of findUrlClashes(documents.map((doc) => doc.file), options.base)) {
    const others = clash.others.map((other) => options.display(other)).join(' and ');
    problems.push({
      file: options.display(clash.file),
      message: `has the same URL (${clash.url}) as ${others}, so one would overwrite the other. Rename or move one of them.`,
    });
  }

  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

export interface ValidateContentOptions {
  /** Absolute path of the docs folder. */
  docsDir: string;
  base: string;
  /** File names in messages are relative to this folder (default: the project root). */
  rootDir?: string;
  production?: boolean;
  cache?: FactsCache;
}

/** The content files the glob loader picks up: `**\/*.{md,mdx}`, skipping dot files and folders as it does. */
export function listContentFiles(docsDir: string): string[] {
  if (!existsSync(docsDir)) return [];
  return readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.(md|mdx)$/.test(file) && !file.split('/').some((segment) => segment.startsWith('.')))
    .sort();
}

/** Reads every page under `docsDir` and validates it (see validateDocuments). */
export function validateContent({ docsDir, base, rootDir = projectRoot, production = false, cache }: ValidateContentOptions): ContentProblem[] {
  const resourceIds = readResourceIds(path.join(docsDir, '..', 'links.yaml'));
  const documents = listContentFiles(docsDir).map((file) => ({ file, source: readFileSync(path.join(docsDir, file), 'utf8') }));
  const shownDocsDir = path.relative(rootDir, docsDir).split(path.sep).join('/');
  return validateDocuments(documents, {
    base,
    production,
    fileExists: (file) => existsSync(path.join(docsDir, file)),
    display: (file) => path.posix.join(shownDocsDir, file),
    cache,
    resourceIds,
  });
}

/** Ids of the curated resources, to check `links.yaml#id` links; its own errors are reported by the build. */
function readResourceIds(file: string): Set<string> | undefined {
  if (!existsSync(file)) return undefined;
  const { resources } = parseResources(readFileSync(file, 'utf8'), file);
  return new Set(resources.map(({ resource }) => resource.id));
}

/**
 * Frontmatter only, read the way Astro reads it, without parsing any Markdown: cheap enough to run
 * before Astro loads the content, whose own schema error would otherwise come first, with a trace.
 */
export function validateFrontmatterOnly({ docsDir, rootDir = projectRoot }: Pick<ValidateContentOptions, 'docsDir' | 'rootDir'>): ContentProblem[] {
  const shownDocsDir = path.relative(rootDir, docsDir).split(path.sep).join('/');
  return listContentFiles(docsDir).flatMap((file) => {
    const yaml = extractFrontmatter(readFileSync(path.join(docsDir, file), 'utf8'));
    // Same block shape as the full parse gives (its YAML starts on the line after the opening ---).
    const block = yaml === undefined ? undefined : { yaml: yaml.replace(/^\r?\n/, ''), startLine: 1 };
    return checkFrontmatter(block).problems.map((problem) => ({ file: path.posix.join(shownDocsDir, file), ...problem }));
  });
}
