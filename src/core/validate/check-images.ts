import path from 'node:path';
import type { DocumentFacts, ImageFact } from '../content/facts.ts';
import type { LocalProblem } from './check-frontmatter.ts';
import { stripBase } from './link-target.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Where an image file is: relative to the docs folder (may start with `../`), or a path in public/. */
export type AssetLocation = { in: 'docs'; path: string } | { in: 'public'; path: string };

/** What is wrong with the file at `location` (a message fragment: "does not exist"), or undefined. */
export type AssetCheck = (location: AssetLocation) => string | undefined;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // A stray % is part of the file name.
  }
}

/** Where an image lives; undefined for URLs with a scheme and fragments. */
function imageLocation(src: string, fromFile: string, base: string): AssetLocation | undefined {
  const trimmed = src.trim();
  if (trimmed === '' || SCHEME.test(trimmed) || trimmed.startsWith('//') || trimmed.startsWith('#')) return undefined;
  const pathPart = decode(trimmed.replace(/[?#].*$/, ''));
  if (pathPart.startsWith('/')) return { in: 'public', path: stripBase(path.posix.normalize(pathPart), base).replace(/^\/+/, '') };
  return { in: 'docs', path: path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), pathPart)) };
}

function altAdvice(image: ImageFact): string {
  return image.syntax === 'markdown'
    ? `Add alt text describing the image: ![what it shows](${image.src})`
    : `Add alt text describing the image: <img src="${image.src}" alt="what it shows">`;
}

/**
 * Images that are missing, empty, corrupt, unsafe (SVG with script) or outside the folders the site
 * publishes, and images without alt text (screen readers would read out the file name, or nothing).
 */
export function checkImages(doc: DocumentFacts, checkAsset: AssetCheck, base: string): LocalProblem[] {
  const problems: LocalProblem[] = [];
  for (const image of doc.images) {
    const location = imageLocation(image.src, doc.file, base);
    const problem = location && checkAsset(location);
    if (problem) problems.push({ line: image.line, message: `image "${image.src}" ${problem}` });
    if (image.alt === undefined || image.alt.trim() === '') {
      problems.push({ line: image.line, message: `image "${image.src}" has no alt text. ${altAdvice(image)}` });
    }
  }
  return problems;
}
