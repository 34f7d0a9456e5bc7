import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { collectFacts } from '../core/content/facts.ts';
import { contentHash } from '../core/content/facts-store.ts';
import type { ContentSession } from '../core/content/session.ts';
import { bodyLineOffset } from '../core/content/source.ts';
import { isInside } from '../core/paths.ts';

/**
 * Records each page's facts (anchors, links, images, author HTML) from the very tree that is being
 * rendered, before any other plugin rewrites it. It must be the first remark plugin: the validator
 * judges links as the author wrote them.
 */
export default function remarkRecordFacts({ session }: { session: ContentSession }) {
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    if (!isInside(session.docsDir, file.path)) return;
    const fromDocs = path.relative(session.docsDir, file.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.path);
    } catch {
      return; // Deleted while the dev server renders it: the next check names it.
    }
    const format = file.path.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md';
    // Astro renders a .md page without its frontmatter; @astrojs/mdx blanks it and keeps the lines.
    const lineOffset = format === 'md' ? bodyLineOffset(bytes.toString('utf8')) : 0;
    const facts = collectFacts(tree, {
      file: fromDocs.split(path.sep).join('/'),
      format,
      lineOffset,
      mdx: session.mdxRules,
      lessonRequirements: session.lessonRequirements,
    });
    session.store.record(file.path, contentHash(bytes), facts);
  };
}
