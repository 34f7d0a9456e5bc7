import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { listContentFiles } from '../../src/core/validate/index.ts';

/**
 * Why `dir` cannot be the content folder the checker scans, or undefined when it can. A folder is a
 * content folder when it holds pages in docs/ or a links.yaml: anything else (a typo, or
 * `content/docs` for `content`) would be scanned as "0 links in 0 files" and pass.
 */
export function contentDirProblem(dir: string, shown: string): string | undefined {
  if (!existsSync(dir)) return `${shown} does not exist (resolved to ${dir}).`;
  if (!statSync(dir).isDirectory()) return `${shown} is not a folder (resolved to ${dir}).`;
  if (hasContent(dir)) return undefined;
  const parent = path.dirname(dir);
  const hint =
    parent !== dir && hasContent(parent)
      ? ` It looks like the docs folder itself: pass its parent, ${path.relative(process.cwd(), parent) || '.'}, which holds docs/ and links.yaml.`
      : ' Pass the folder that holds docs/ (the pages) and links.yaml, such as content.';
  return `${shown} has no pages in docs/ and no links.yaml, so there is nothing to check (resolved to ${dir}).${hint}`;
}

function hasContent(dir: string): boolean {
  const docs = path.join(dir, 'docs');
  if (existsSync(path.join(dir, 'links.yaml'))) return true;
  return existsSync(docs) && statSync(docs).isDirectory() && listContentFiles(docs).length > 0;
}
