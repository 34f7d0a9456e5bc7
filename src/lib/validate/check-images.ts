import path from 'node:path';
import type { DocumentFacts, ImageFact } from './document-facts.ts';
import type { LocalProblem } from './check-frontmatter.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Where a relative image lives, relative to the docs folder (may start with `../`); undefined for URLs and site paths. */
export function relativeImagePath(src: string, fromFile: string): string | undefined {
  const trimmed = src.trim();
  if (trimmed === '' || SCHEME.test(trimmed) || trimmed.startsWith('/') || trimmed.startsWith('#')) return undefined;
  let pathPart = trimmed.replace(/[?#].*$/, '');
  try {
    pathPart = decodeURIComponent(pathPart);
  } catch {
    // A stray % is part of the file name.
  }
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), pathPart));
}

function altAdvice(image: ImageFact): string {
  return image.syntax === 'markdown'
    ? `Add alt text describing the image: ![what it shows](${image.src})`
    : `Add alt text describing the image: <img src="${image.src}" alt="what it shows">`;
}

/**
 * Images that do not exist next to the page, and images without alt text (screen readers would read
 * out the file name, or nothing).
 */
export function checkImages(
  doc: DocumentFacts,
  fileExists: (pathFromDocsDir: string) => boolean,
  display: (pathFromDocsDir: string) => string,
): LocalProblem[] {
  const problems: LocalProblem[] = [];
  for (const image of doc.images) {
    const file = relativeImagePath(image.src, doc.file);
    if (file !== undefined && !fileExists(file)) {
      problems.push({
        line: image.line,
        message: `image "${image.src}" does not exist (expected at ${display(file)}). Fix the path, or put the image file there.`,
      });
    }
    if (image.alt === undefined || image.alt.trim() === '') {
      problems.push({ line: image.line, message: `image "${image.src}" has no alt text. ${altAdvice(image)}` });
    }
  }
  return problems;
}
