import type {} from 'remark-mdx'; // brings the MDX node types into mdast
import type { RootContentMap } from 'mdast';

export type MdxJsxElement = RootContentMap['mdxJsxFlowElement'] | RootContentMap['mdxJsxTextElement'];
export const mdxJsxElementTypes = ['mdxJsxFlowElement', 'mdxJsxTextElement'] as const;

type JsxAttribute = MdxJsxElement['attributes'][number];

/**
 * The attribute `name` when it is written as a plain string (`src="./a.png"`). Expressions such as
 * `src={image}` are the author's JavaScript and are left alone: their value is unknown here.
 */
export function stringAttribute(node: MdxJsxElement, name: string): (JsxAttribute & { type: 'mdxJsxAttribute'; value: string }) | undefined {
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name && typeof attribute.value === 'string') {
      return attribute as JsxAttribute & { type: 'mdxJsxAttribute'; value: string };
    }
  }
  return undefined;
}

/** Whether the attribute is present at all, in any form (`alt`, `alt=""`, `alt={x}`). */
export function hasAttribute(node: MdxJsxElement, name: string): boolean {
  return node.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
}
