import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './env.ts';
import type { ContentProblem } from './problems.ts';
import { parseResources } from './resources.ts';

/** The heading of links.yaml's problem list, wherever the list is shown. */
export const LINKS_FILE_PROBLEMS_TITLE = 'content/links.yaml has errors; fix them and build again';

/** How links.yaml is named in messages: by its path from the project folder, as pages are. */
export function shownLinksFile(linksFile: string, rootDir: string = projectRoot): string {
  return path.relative(rootDir, linksFile) || linksFile;
}

/**
 * Every problem in the curated resources list. A missing file is none: the Learning resources
 * page then says there is no list yet.
 */
export function validateLinksFile(linksFile: string, rootDir: string = projectRoot): ContentProblem[] {
  let text: string;
  try {
    text = readFileSync(linksFile, 'utf8');
  } catch {
    return [];
  }
  return parseResources(text, shownLinksFile(linksFile, rootDir)).problems;
}
