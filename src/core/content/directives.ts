import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Processor } from 'unified';

/**
 * Asides as Starlight and Docusaurus write them (`:::tip[Title]` … `:::`), so courses written for
 * them build unchanged. Each name renders as one of GitHub's alert callouts; the title is the
 * author's or the name's own.
 */
export const ASIDES = {
  note: { callout: 'note', title: 'Note' },
  info: { callout: 'note', title: 'Info' },
  tip: { callout: 'tip', title: 'Tip' },
  important: { callout: 'important', title: 'Important' },
  caution: { callout: 'warning', title: 'Caution' },
  warning: { callout: 'warning', title: 'Warning' },
  danger: { callout: 'caution', title: 'Danger' },
} as const;

export type AsideName = keyof typeof ASIDES;

export function isAsideName(name: string): name is AsideName {
  return Object.hasOwn(ASIDES, name);
}

export const ASIDE_NAMES = Object.keys(ASIDES) as AsideName[];

// Docusaurus's older title form, `:::tip Some title`, which the directive syntax does not accept:
// it becomes `:::tip[Some title]` on the same line, so every line number stays true.
const LEGACY_TITLE = /^([ \t>]*:{3,}[A-Za-z][\w-]*)[ \t]+([^[{\s][^\n]*?)[ \t]*$/gm;

/** Lines (1-based, inclusive) that hold code, where nothing may be rewritten. */
function codeLines(tree: Root): [number, number][] {
  const ranges: [number, number][] = [];
  const walk = (node: { type: string; position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }) => {
    if ((node.type === 'code' || node.type === 'html') && node.position) ranges.push([node.position.start.line, node.position.end.line]);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as never);
  return ranges;
}

/** The text with `:::name Title` openers written as `:::name[Title]`, outside code. */
export function rewriteLegacyAsideTitles(text: string, parse: (text: string) => Root): string {
  LEGACY_TITLE.lastIndex = 0;
  if (!LEGACY_TITLE.test(text)) return text;
  const code = codeLines(parse(text));
  const lines = text.split('\n');
  return lines
    .map((line, index) => {
      const number = index + 1;
      if (code.some(([start, end]) => number >= start && number <= end)) return line;
      return line.replace(LEGACY_TITLE, (_match, opener: string, title: string) => `${opener}[${title.replace(/[[\]]/g, '\\$&')}]`);
    })
    .join('\n');
}

/**
 * Block directives only (`:::name` containers and `::name` leaves), built from the two packages
 * remark-directive is made of. Its inline form is left out on purpose: it would read `10:30`,
 * `a:b` and `-p 8080:80` in prose as directives named `30`, `b` and `80`.
 */
export default function remarkDirectiveSyntax(this: Processor) {
  const data = this.data();
  const { flow } = directive();
  (data.micromarkExtensions ??= []).push({ flow });
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document, file) => parse(rewriteLegacyAsideTitles(document, (text) => parse(text, file) as Root), file);
}
