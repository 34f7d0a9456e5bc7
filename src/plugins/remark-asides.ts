import type { Paragraph, PhrasingContent, Root } from 'mdast';
import type {} from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { ASIDES, isAsideName } from '../core/content/directives.ts';
import { makeCallout } from './remark-github-alerts.ts';

/**
 * Renders Starlight and Docusaurus asides (`:::note`, `:::tip[Custom title]`, `:::danger Title`) as
 * the callouts GitHub alerts become. Unknown names are the validator's to report (file and line),
 * so they never reach a published page.
 */
export default function remarkAsides() {
  return (tree: Root) => {
    visit(tree, 'containerDirective', (node) => {
      if (!isAsideName(node.name)) return;
      const aside = ASIDES[node.name];
      const first = node.children[0];
      const label =
        first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel ? (first as Paragraph) : undefined;
      if (label) node.children.shift();
      const title: PhrasingContent[] = label && label.children.length > 0 ? label.children : [{ type: 'text', value: aside.title }];
      makeCallout(node, aside.callout, title);
    });
  };
}
