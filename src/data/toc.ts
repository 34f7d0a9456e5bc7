/** A heading as Astro's render() reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

/**
 * On-page contents from h2 and h3: each h3 nests under the h2 before it. An h3 before any h2 is kept
 * at the top level rather than dropped, so no section becomes unreachable.
 */
export function buildToc(headings: Heading[], minDepth = 2, maxDepth = 3): TocItem[] {
  const items: TocItem[] = [];
  for (const heading of headings) {
    if (heading.depth < minDepth || heading.depth > maxDepth) continue;
    const item: TocItem = { slug: heading.slug, text: heading.text, children: [] };
    const parent = items.at(-1);
    if (heading.depth > minDepth && parent) parent.children.push(item);
    else items.push(item);
  }
  return items;
}
