import type { BlockContent, Blockquote, DefinitionContent, List, Parents, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type {} from 'mdast-util-directive'; // the aside node types
import type {} from 'remark-mdx'; // and the MDX ones

/**
 * Knowledge checks are written as a blockquote that starts with `[!QUIZ]` (one right answer) or
 * `[!QUIZ-MULTIPLE]` (several), holding a question, a task list of options (`[x]` marks the right
 * ones) and an explanation. GitHub shows it as a quote with a checklist, so the file still reads
 * well there. This module turns such a blockquote into a checked, typed value; the facts extractor
 * reports its problems and the rendering plugin builds the form from the same value.
 */

export type KnowledgeCheckKind = 'single' | 'multiple';

export interface KnowledgeCheckOption {
  /** The option as written, inline Markdown kept. */
  content: PhrasingContent[];
  correct: boolean;
}

export interface KnowledgeCheck {
  kind: KnowledgeCheckKind;
  question: PhrasingContent[];
  options: KnowledgeCheckOption[];
  explanation: (BlockContent | DefinitionContent)[];
}

export interface KnowledgeCheckProblem {
  /** Line in the tree's own numbering; the caller adds its offset. */
  line: number;
  message: string;
}

export type ParsedKnowledgeCheck = { check: KnowledgeCheck; problems?: undefined } | { check?: undefined; problems: KnowledgeCheckProblem[] };

const MARKERS: Record<string, KnowledgeCheckKind> = { quiz: 'single', 'quiz-multiple': 'multiple' };
// Anything that looks like our marker, so a typo (`[!QUIZ-MULTI]`) is reported rather than shown as a quote.
const MARKER = /^\[!(quiz[\w-]*)\][ \t]*(?:\n|$)/i;
// Looser still: spaces inside the brackets (`[! QUIZ]`, `[!QUIZ ]`) or the question on the marker's
// line. None of these is a check, and each would publish the options with the answer ticked.
const LOOK_ALIKE = /^\[[ \t]*![ \t]*quiz[\w-]*[ \t]*\]/i;

const EXAMPLE = 'write each option as "- [ ] text" and mark the right one "- [x] text"';

const lineOf = (node: { position?: { start: { line: number } } } | undefined, fallback: number) => node?.position?.start.line ?? fallback;

/** The marker kind of a top-level blockquote, `unknown` for a misspelt one, undefined when it is not a check. */
function markerOf(blockquote: Blockquote): { kind: KnowledgeCheckKind | 'unknown'; written: string } | undefined {
  const first = blockquote.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (text?.type !== 'text') return undefined;
  const match = MARKER.exec(text.value);
  if (!match) return undefined;
  return { kind: MARKERS[match[1]!.toLowerCase()] ?? 'unknown', written: match[1]! };
}

/** Whether this blockquote is meant as a knowledge check (well-formed or not). */
export function isKnowledgeCheck(node: Root['children'][number]): node is Blockquote {
  return node.type === 'blockquote' && markerOf(node) !== undefined;
}

/** Phrasing after the marker in the first paragraph: the question when written on the next line. */
function afterMarker(blockquote: Blockquote): PhrasingContent[] {
  const first = blockquote.children[0];
  if (first?.type !== 'paragraph') return [];
  const [text, ...rest] = first.children;
  if (text?.type !== 'text') return [];
  const remainder = text.value.replace(MARKER, '');
  const content = remainder === '' ? rest : [{ ...text, value: remainder }, ...rest];
  // A hard break right after the marker is only there to end its line.
  return content[0]?.type === 'break' ? content.slice(1) : content;
}

/** Parses one knowledge-check blockquote and says everything wrong with it, each at its own line. */
export function parseKnowledgeCheck(blockquote: Blockquote): ParsedKnowledgeCheck {
  const marker = markerOf(blockquote);
  const start = lineOf(blockquote, 1);
  if (!marker) return { problems: [{ line: start, message: 'is not a knowledge check (it does not start with [!QUIZ]).' }] };
  if (marker.kind === 'unknown') {
    return {
      problems: [
        {
          line: start,
          message: `knowledge check marker "[!${marker.written}]" is not known. Use [!QUIZ] for one right answer or [!QUIZ-MULTIPLE] for several.`,
        },
      ],
    };
  }
  const problems: KnowledgeCheckProblem[] = [];
  let question = afterMarker(blockquote);
  let rest = blockquote.children.slice(1);
  if (question.length === 0 && rest[0]?.type === 'paragraph') {
    question = rest[0].children;
    rest = rest.slice(1);
  }
  if (toString({ type: 'paragraph', children: question }).trim() === '') {
    problems.push({ line: start, message: 'knowledge check has no question. Write the question on the line after [!QUIZ].' });
  }
  const listIndex = rest.findIndex((node) => node.type === 'list');
  const list = rest[listIndex] as List | undefined;
  const explanation = listIndex === -1 ? [] : rest.slice(listIndex + 1);
  const options: KnowledgeCheckOption[] = [];
  if (!list) {
    problems.push({ line: start, message: `knowledge check has no options: after the question, ${EXAMPLE}.` });
  } else {
    for (const item of list.children) {
      const line = lineOf(item, start);
      if (item.checked === null || item.checked === undefined) {
        // GFM needs text after the box, so `- [ ]` alone arrives as a plain item holding "[ ]".
        const emptyBox = /^\[([ xX])\]$/.exec(toString(item).trim());
        if (emptyBox) {
          problems.push({ line, message: 'knowledge check option is empty. Write its text after the checkbox, or remove it.' });
          options.push({ content: [], correct: emptyBox[1] !== ' ' });
        } else {
          problems.push({ line, message: `knowledge check option is not a checkbox item: ${EXAMPLE}.` });
        }
        continue;
      }
      const paragraph = item.children[0];
      const content = paragraph?.type === 'paragraph' ? paragraph.children : [];
      if (item.children.length > 1)
        problems.push({ line, message: 'knowledge check option holds more than one paragraph or a nested list; keep each option to one line.' });
      if (toString({ type: 'paragraph', children: content }).trim() === '')
        problems.push({ line, message: 'knowledge check option is empty. Write its text after the checkbox, or remove it.' });
      options.push({ content, correct: item.checked });
    }
    const right = options.filter((option) => option.correct).length;
    if (list.children.length < 2) problems.push({ line: lineOf(list, start), message: 'knowledge check has only one option; give at least two.' });
    if (options.length > 0 && right === 0)
      problems.push({ line: lineOf(list, start), message: 'knowledge check has no right answer. Mark the right option "- [x] text".' });
    if (marker.kind === 'single' && right > 1) {
      problems.push({
        line: lineOf(list, start),
        message: `knowledge check [!QUIZ] has ${right} right answers but allows one. Keep one "[x]", or use [!QUIZ-MULTIPLE] for a question with several.`,
      });
    }
    if (marker.kind === 'multiple' && right === options.length && options.length > 1) {
      problems.push({
        line: lineOf(list, start),
        message: 'knowledge check marks every option right, which tests nothing. Add an option that is wrong.',
      });
    }
  }
  const unexpected = listIndex === -1 ? [] : rest.slice(0, listIndex);
  for (const node of unexpected)
    problems.push({
      line: lineOf(node, start),
      message: 'knowledge check has text between the question and the options. Put it in the question, or after the options as the explanation.',
    });
  if (list && explanation.every((node) => toString(node).trim() === '')) {
    problems.push({
      line: lineOf(list, start),
      message: 'knowledge check has no explanation. After the options, add a paragraph (inside the quote) that says why the right answer is right.',
    });
  }
  if (problems.length > 0) return { problems };
  return { check: { kind: marker.kind, question, options, explanation: explanation as KnowledgeCheck['explanation'] } };
}

/** The first line of a blockquote's text when it starts like a knowledge check marker, else undefined. */
function lookAlikeMarker(blockquote: Blockquote): string | undefined {
  const first = blockquote.children[0];
  // `> [!QUIZ]:` followed by the question is a link definition to Markdown, which shows nothing of it.
  if (first?.type === 'definition' && LOOK_ALIKE.test(`[${first.label ?? ''}]`)) return `[${first.label}]:`;
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (text?.type !== 'text' || !LOOK_ALIKE.test(text.value)) return undefined;
  return text.value.split('\n')[0]!.trim();
}

/** What a quote sits in, as an author would name it. */
function describeContainer(parent: Parents): string {
  switch (parent.type) {
    case 'listItem':
    case 'list':
      return 'a list item';
    case 'blockquote':
      return "another quote (an alert, or another check's explanation)";
    case 'containerDirective':
      return `an aside (:::${parent.name})`;
    case 'footnoteDefinition':
      return 'a footnote';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return `the element <${parent.name ?? ''}>`;
    default:
      return `a ${parent.type}`;
  }
}

const TOP_LEVEL = 'Only a quote at the top level of the page becomes a check: remove the indentation and any "> " or ":::" around it.';

/**
 * Every knowledge check of a page: top-level blockquotes only, like GitHub's alerts. A quote that
 * starts like a marker anywhere else, or with a marker written loosely, is no check: it would be
 * published as a plain quote with the right answer ticked, so it is refused at its line.
 */
export function knowledgeCheckProblems(tree: Root): KnowledgeCheckProblem[] {
  const problems: KnowledgeCheckProblem[] = [];
  visit(tree, 'blockquote', (node, _index, parent) => {
    if (parent?.type === 'root' && isKnowledgeCheck(node)) {
      problems.push(...(parseKnowledgeCheck(node).problems ?? []));
      return;
    }
    const written = lookAlikeMarker(node);
    if (written === undefined) return;
    const line = lineOf(node, 1);
    if (parent && parent.type !== 'root') {
      problems.push({
        line,
        message: `knowledge check "${written}" is inside ${describeContainer(parent)}, where it would be published as a plain quote with the answer ticked. ${TOP_LEVEL}`,
      });
    } else {
      problems.push({
        line,
        message: `"${written}" looks like a knowledge check marker but is not one, so the quote would be published with the answer ticked. Write the marker alone on its line, without spaces inside the brackets: "> [!QUIZ]", and the question on the next line.`,
      });
    }
  });
  return problems;
}
