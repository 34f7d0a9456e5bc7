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
  this.parser = (document, file) =>
    parse(
      rewriteLegacyAsideTitles(document, (text) => parse(text, file) as Root),
      file,
    );
}

export interface DirectiveProblem {
  /** Line in the tree's own numbering; the caller adds its offset. */
  line: number;
  message: string;
}

type Point = { line: number; column: number; offset?: number };
type Positioned = { type: string; position?: { start: Point; end: Point }; children?: Positioned[]; name?: string; value?: string };

// `::: tip`: Docusaurus and Starlight both need the name right after the colons.
const SPACED_OPENER = /^[ \t]*(:{3,})[ \t]+([A-Za-z][\w-]*)/;
const BARE_FENCE = /^[ \t]*:{3,}[ \t]*$/;

/**
 * A closed aside ends on its fence line (`:::`), after its content, at column 4 or more. One whose
 * fence never comes runs to the end of the page or of the list item or quote it is in: it ends
 * where its last child does, or at the first column of the line that ended its container.
 */
function isUnclosed(node: Positioned): boolean {
  const end = node.position?.end;
  const start = node.position?.start;
  if (!end || !start) return false;
  const contentEnd = node.children?.at(-1)?.position?.end.line ?? start.line;
  return end.line <= contentEnd || end.column === 1;
}

/**
 * What the directive syntax silently gets wrong: an aside that is never closed swallows the rest of
 * the page, headings included; `::: tip` (a space after the colons) is no aside at all, so the
 * page would show the colons, and its closing `:::`, as text.
 */
export function directiveProblems(tree: Root): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  // After a spaced opener, the next bare ":::" is its closer: one mistake, one message.
  const state = { closerExpected: false };
  const walk = (node: Positioned, parent: Positioned | undefined) => {
    if (node.type === 'containerDirective' && isAsideName(node.name ?? '') && isUnclosed(node)) {
      const where = parent && parent.type !== 'root' ? 'the end of the list item or quote it is in' : 'the end of the page';
      problems.push({
        line: node.position!.start.line,
        message: `":::${node.name}" is never closed, so everything after it up to ${where} (headings included) would be inside the aside. Add a line with ::: where the aside ends.`,
      });
    }
    if (node.type === 'paragraph') textLineProblems(node, problems, state);
    for (const child of node.children ?? []) walk(child, node);
  };
  walk(tree as Positioned, undefined);
  return problems;
}

function textLineProblems(paragraph: Positioned, problems: DirectiveProblem[], state: { closerExpected: boolean }): void {
  (paragraph.children ?? []).forEach((text, index) => {
    if (text.type !== 'text' || !text.value || !text.position) return;
    const { start, end } = text.position;
    // A backslash escape (`\::: tip`, how an author shows colons on purpose) makes the source longer
    // than the text; the text alone cannot say which line it was on, so such a paragraph is left alone.
    if (start.offset !== undefined && end.offset !== undefined && end.offset - start.offset !== text.value.length) return;
    text.value.split('\n').forEach((line, lineIndex) => {
      // Only text at the start of a source line can be a fence.
      if (lineIndex === 0 && index > 0) return;
      const spaced = SPACED_OPENER.exec(line);
      if (spaced) {
        const [, colons, name] = spaced;
        const instead = isAsideName(name!.toLowerCase())
          ? `Write "${colons}${name!.toLowerCase()}"`
          : `Write one of ${ASIDE_NAMES.map((aside) => `"${colons}${aside}"`).join(', ')}`;
        problems.push({
          line: start.line + lineIndex,
          message: `"${colons} ${name}" has a space after the colons, so it is not an aside and the page would show it as text. ${instead}, with no space.`,
        });
        state.closerExpected = true;
      } else if (BARE_FENCE.test(line)) {
        if (!state.closerExpected)
          problems.push({
            line: start.line + lineIndex,
            message: '":::" closes no aside, so the page would show it as text. Remove it, or check the line that should open the aside (":::note").',
          });
        state.closerExpected = false;
      }
    });
  });
}
