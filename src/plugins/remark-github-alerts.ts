import type { Blockquote, Data, Paragraph, Parent, PhrasingContent, Root } from 'mdast';

/** GitHub's five alert types and the title each one shows. */
export const alertTitles = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
} as const;

export type AlertType = keyof typeof alertTitles;

// Applied to the first text node of the blockquote, never to raw Markdown. GitHub requires the
// marker to stand alone on the first line; `> [!NOTE] text` stays an ordinary quote there too.
const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;

/** Takes the marker off the blockquote and returns its type, or undefined when it is not an alert. */
function takeMarker(blockquote: Blockquote): AlertType | undefined {
  const first = blockquote.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const text = first.children[0];
  if (text?.type !== 'text') return undefined;
  const match = MARKER.exec(text.value);
  if (!match) return undefined;
  const markerOnly = match[0].length === text.value.length;
  const next = first.children[1];
  // Marker alone in its paragraph, or followed by a hard line break (two trailing spaces).
  if (markerOnly && next !== undefined && next.type !== 'break') return undefined;

  const rest: Paragraph['children'] = markerOnly
    ? first.children.slice(next?.type === 'break' ? 2 : 1)
    : [{ ...text, value: text.value.slice(match[0].length) }, ...first.children.slice(1)];
  const body = rest.length > 0 ? [{ ...first, children: rest }, ...blockquote.children.slice(1)] : blockquote.children.slice(1);
  // GitHub shows an alert with nothing in it as the plain quote it was written as.
  if (body.length === 0) return undefined;
  blockquote.children = body;
  return match[1]!.toLowerCase() as AlertType;
}

/**
 * Turns GitHub alerts (`> [!NOTE]` … `> [!CAUTION]`) into callouts:
 * `<div class="callout callout-note" role="note"><p class="callout-title">Note</p>…</div>`.
 * The visible title names the callout for every reader, so no aria-label repeats it.
 * Like GitHub, only top-level blockquotes can be alerts.
 */
export default function remarkGithubAlerts() {
  return (tree: Root) => {
    for (const node of tree.children) {
      if (node.type !== 'blockquote') continue;
      const type = takeMarker(node);
      if (!type) continue;
      makeCallout(node, type, [{ type: 'text', value: alertTitles[type] }]);
    }
  };
}

/**
 * Turns a block (an alert's blockquote, an aside's directive) into the callout markup:
 * `<div class="callout callout-TYPE" role="note"><p class="callout-title">TITLE</p>…</div>`.
 */
export function makeCallout(node: Parent & { data?: Data }, type: AlertType, title: PhrasingContent[]): void {
  const heading: Paragraph = { type: 'paragraph', data: { hProperties: { className: ['callout-title'] } }, children: title };
  node.children.unshift(heading);
  node.data = { ...node.data, hName: 'div', hProperties: { className: ['callout', `callout-${type}`], role: 'note' } };
}
