import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateContent } from '../../../src/core/validate/index.ts';
import type { ContentProblem } from '../../../src/core/problems.ts';
import type { SlugRules } from '../../../src/core/urls.ts';

export const frontmatter = (title = 'A page', extra = '') => `---\ntitle: ${title}\ndescription: Used by the tests.\n${extra}---\n`;

/** A real 16×16 PNG: the check reads image files, so a stand-in must be a whole image. */
const PNG = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/content/missing-alt/docs/diagram.png'));
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16"/></svg>\n';

function assetBytes(file: string): Buffer | string {
  if (/\.png$/i.test(file)) return PNG;
  if (/\.svg$/i.test(file)) return SVG;
  return 'x\n';
}

function writeFile(file: string, content: Buffer | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** links.yaml with one well-formed resource per id. */
function linksYaml(ids: Iterable<string>): string {
  return [...ids]
    .map(
      (id) =>
        `- id: ${id}\n  title: ${id}\n  url: https://example.org/${id}/\n  kind: docs\n  level: beginner\n  description: A resource for the tests.\n  tags: [basics]\n  added: 2026-11-01\n`,
    )
    .join('');
}

export interface ValidateOptions {
  production?: boolean;
  /** Other files that exist: docs-relative, or site paths (`/favicon.svg`) for files in public/. */
  assets?: string[];
  base?: string;
  /** Ids of content/links.yaml; without them there is no list. */
  resourceIds?: Set<string>;
  requireDescriptions?: boolean;
  slugRules?: SlugRules;
  /** The requirement names `needs` may use (the site's lessonRequirements); left out, not judged. */
  lessonRequirements?: string[];
}

/**
 * Writes `pages` (paths relative to the docs folder) into a fresh project's content/docs and checks
 * it the way a build does: the same inventory, frontmatter reading and extractor, on real files.
 */
export function validate(
  pages: Record<string, string>,
  { production = false, assets = [], base = '/', resourceIds, requireDescriptions, slugRules, lessonRequirements }: ValidateOptions = {},
): ContentProblem[] {
  const root = mkdtempSync(path.join(os.tmpdir(), 'validate-'));
  const docsDir = path.join(root, 'content', 'docs');
  try {
    mkdirSync(docsDir, { recursive: true });
    for (const [file, source] of Object.entries(pages)) writeFile(path.join(docsDir, file), source);
    for (const asset of assets) writeFile(asset.startsWith('/') ? path.join(root, 'public', asset) : path.join(docsDir, asset), assetBytes(asset));
    if (resourceIds) writeFile(path.join(root, 'content', 'links.yaml'), linksYaml(resourceIds));
    return validateContent({ docsDir, base, rootDir: root, production, requireDescriptions, slugRules, lessonRequirements });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
