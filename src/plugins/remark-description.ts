import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { descriptionFromBody } from '../core/content/description.ts';

/**
 * Gives a page without `description` in its frontmatter one from its first paragraph. Astro hands
 * it to the page as `remarkPluginFrontmatter.description`, for the meta tags and search.
 */
export default function remarkDescription() {
  return (tree: Root, file: VFile) => {
    const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    if (!astro?.frontmatter) return;
    const own = astro.frontmatter.description;
    if (typeof own === 'string' && own.trim() !== '') return;
    const derived = descriptionFromBody(tree);
    if (derived) astro.frontmatter.description = derived;
  };
}
