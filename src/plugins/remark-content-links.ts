import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { resolveLinkTarget, siteHrefFor } from '../core/validate/link-target.ts';
import type { SlugRules } from '../core/urls.ts';
import { mdxJsxElementTypes, stringAttribute } from '../core/content/mdx-jsx.ts';
import { isInside } from '../core/paths.ts';

export interface ContentLinksOptions {
  /** Absolute path of the docs folder; files outside it are left untouched. */
  docsDir: string;
  base: string;
  slugRules: SlugRules;
}

/**
 * Rewrites links between content files (`../vms/hypervisors.md#bare-metal`) into site URLs, so the
 * links authors write for GitHub's file view also work on the site. Relative URL links (`../page/`,
 * `./`, Starlight's style) stay as written: the browser resolves them against the page's URL, under
 * any base path, exactly as the content check resolved them. Relative images are
 * Astro's image pipeline's to resolve; root-absolute ones (`/diagram.png`, a file in public/, as
 * Starlight and Docusaurus courses write them) gain the base path, which Astro leaves off.
 */
export default function remarkContentLinks(options: ContentLinksOptions) {
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    if (!isInside(options.docsDir, file.path)) return;
    const fromFile = path.relative(options.docsDir, file.path);

    const rewrite = (href: string): string | undefined => {
      const target = resolveLinkTarget(href, fromFile, options.slugRules);
      if (target.kind === 'page' || target.kind === 'resource' || target.kind === 'site-path')
        return siteHrefFor(target, options.base, options.slugRules);
      return undefined;
    };

    // `definition` covers reference-style links: [text][ref] ... [ref]: ./other.md
    visit(tree, ['link', 'definition'], (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      node.url = rewrite(node.url) ?? node.url;
    });
    visit(tree, 'image', (node) => {
      const target = resolveLinkTarget(node.url, fromFile, options.slugRules);
      if (target.kind === 'site-path') node.url = siteHrefFor(target, options.base, options.slugRules);
    });
    visit(tree, mdxJsxElementTypes as unknown as string[], (node) => {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'a') return;
      const href = stringAttribute(node, 'href');
      if (href) href.value = rewrite(href.value) ?? href.value;
    });
  };
}
