import type { Code, Html, Parents, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import {
  commandAnnotation,
  emptyCommandAnnotation,
  emptyOutputAnnotation,
  isAnnotationProblem,
  looksLikeAnnotation,
  outputAnnotation,
  readAnnotation,
  type AnnotationProblem,
  type CommandAnnotation,
  type OutputAnnotation,
  type RawAnnotation,
} from './annotations.ts';
import { splitConsoleBlock, splitShellCommands } from './commands.ts';

/**
 * A page's lesson steps, read from the same mdast the site renders: shell blocks are commands, a
 * block with a file title is a file to write, and a `text` block right after a command block is
 * what its last command prints. Pure: no file system, no clock.
 */

export const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell']);
export const CONSOLE_LANGUAGES = new Set(['console', 'shell-session', 'shellsession']);
export const OUTPUT_LANGUAGES = new Set(['text', 'txt', 'plaintext', 'output']);

export interface ExpectedOutput {
  /** File line of the block's first line of text. */
  line: number;
  lines: string[];
  annotation: OutputAnnotation;
}

export interface StepCommand {
  line: number;
  text: string;
  /** What the command prints, from a following `text` block or a `console` transcript. */
  expected?: ExpectedOutput;
}

export interface CommandBlock {
  kind: 'commands';
  /** File line of the opening fence. */
  line: number;
  commands: StepCommand[];
  annotation: CommandAnnotation;
  /** File line of its annotation, when it has one. */
  annotationLine?: number;
  /** With stdin=next: the block the reader types into the last command (not run on its own). */
  input?: CommandBlock;
}

export interface FileBlock {
  kind: 'file';
  line: number;
  /** The title as written: a path relative to the page's work directory. */
  path: string;
  content: string;
  /** Why the file is not written, from `<!-- lesson: skip="…" -->`. */
  skip?: string;
}

export type LessonBlock = CommandBlock | FileBlock;

export interface LessonSteps {
  blocks: LessonBlock[];
  /** Annotations that are malformed or name no step. */
  problems: AnnotationProblem[];
}

const META_TITLE = /(?:^|\s)title=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"'{}]+))/;

/** The `title="…"` of a fence's meta string, as remark-code-titles reads it. */
export function codeTitle(meta: string | null | undefined): string | undefined {
  const match = META_TITLE.exec(meta ?? '');
  const title = (match?.[1] ?? match?.[2] ?? match?.[3])?.replace(/\\(.)/g, '$1').trim();
  return title || undefined;
}

type BlockRole = 'commands' | 'console' | 'file' | 'output' | 'other';

/**
 * A shell block's title is a file only when it looks like a path (`run.sh`, `scripts/setup`):
 * Docusaurus and Starlight pages caption terminal sessions with titles such as "Terminal".
 */
const PATH_LIKE = /^[^\s]*[./][^\s]*$/;

function roleOf(node: Code): BlockRole {
  const lang = (node.lang ?? '').toLowerCase();
  const title = codeTitle(node.meta);
  const shell = SHELL_LANGUAGES.has(lang) || CONSOLE_LANGUAGES.has(lang);
  if (title && (!shell || PATH_LIKE.test(title))) return 'file';
  if (SHELL_LANGUAGES.has(lang)) return 'commands';
  if (CONSOLE_LANGUAGES.has(lang)) return 'console';
  if (OUTPUT_LANGUAGES.has(lang)) return 'output';
  return 'other';
}

/** The line of a fenced block's first line of code (the line after its opening fence). */
const firstCodeLine = (node: Code, lineOffset: number) => (node.position?.start.line ?? 1) + 1 + lineOffset;

function outputLines(value: string): string[] {
  return value === '' ? [] : value.split('\n');
}

/**
 * `requirements`: the requirement names the course declares (lessonRequirements), which `needs=`
 * may use; undefined when there are no settings to judge by, and then names are not judged.
 */
export function extractLessonSteps(tree: Root, lineOffset = 0, requirements?: readonly string[]): LessonSteps {
  const page: PageReading = { lineOffset, requirements, blocks: [], problems: [], claimed: new Set() };
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'html' && looksLikeAnnotation(node.value)) checkAnnotationPlace(page, node, parent, index);
    else if (node.type === 'code') readCodeBlock(page, node, parent, index);
  });
  attachInputs(page.blocks, page.problems);
  page.problems.sort((a, b) => a.line - b.line);
  return { blocks: page.blocks, problems: dedupe(page.problems) };
}

/** What reading one page needs, and what it gathers, block by block in page order. */
interface PageReading {
  lineOffset: number;
  requirements: readonly string[] | undefined;
  blocks: LessonBlock[];
  problems: AnnotationProblem[];
  /** Output blocks already taken as some command's expected output, so they are not seen twice. */
  claimed: Set<Code>;
}

/** The file line of a node, counting the lines (frontmatter) cut off before parsing. */
const lineOf = (node: { position?: { start: { line: number } } }, lineOffset: number) => (node.position?.start.line ?? 1) + lineOffset;

/** An annotation counts only on the line directly before a block that is a step. */
function checkAnnotationPlace(page: PageReading, annotation: Html, parent: Parents, index: number): void {
  const next = parent.children[index + 1] as RootContent | undefined;
  if (next?.type !== 'code') {
    page.problems.push({
      line: lineOf(annotation, page.lineOffset),
      message: 'this lesson annotation names no step: it must be on the line directly before the code block it is about.',
    });
  } else if (roleOf(next) === 'other') {
    page.problems.push({
      line: lineOf(annotation, page.lineOffset),
      message: `this lesson annotation is before a \`${next.lang ?? 'plain'}\` block, which is not a step. Annotate sh/bash/console blocks, blocks with title="file", or the text block after a command block.`,
    });
  }
}

/** The annotation written directly before `index` in `parent`, if any. */
function annotationBefore(parent: Parents, index: number, lineOffset: number): RawAnnotation | AnnotationProblem | undefined {
  const previous = parent.children[index - 1] as RootContent | undefined;
  if (previous?.type !== 'html' || !looksLikeAnnotation(previous.value)) return undefined;
  return readAnnotation(previous.value, lineOf(previous, lineOffset));
}

function readCodeBlock(page: PageReading, node: Code, parent: Parents, index: number): void {
  const role = roleOf(node);
  const raw = annotationBefore(parent, index, page.lineOffset);
  if (raw && isAnnotationProblem(raw)) {
    page.problems.push(raw);
    return;
  }
  if (role === 'file') readFileBlock(page, node, raw);
  else if (role === 'output') checkOutputAnnotation(page, node, raw);
  else if (role === 'other') readTypedInput(page, node);
  else readCommandBlock(page, node, role, raw, parent, index);
}

function readFileBlock(page: PageReading, node: Code, raw: RawAnnotation | undefined): void {
  const skip = raw?.pairs.find((pair) => pair.key === 'skip');
  const other = raw?.pairs.find((pair) => pair.key !== 'skip');
  if (other) page.problems.push({ line: raw!.line, message: `lesson annotation: a file block takes only skip="reason", not "${other.key}".` });
  else if (skip && !skip.value?.trim())
    page.problems.push({ line: raw!.line, message: 'lesson annotation: skip needs a reason, as in skip="written by the previous step".' });
  page.blocks.push({
    kind: 'file',
    line: lineOf(node, page.lineOffset),
    path: codeTitle(node.meta)!,
    content: node.value.endsWith('\n') || node.value === '' ? node.value : `${node.value}\n`,
    skip: skip?.value?.trim(),
  });
}

/** A text block is a step only as the output of the command block right before it (which claimed it). */
function checkOutputAnnotation(page: PageReading, node: Code, raw: RawAnnotation | undefined): void {
  if (raw && !page.claimed.has(node))
    page.problems.push({
      line: raw.line,
      message:
        'this lesson annotation is before a text block that does not follow a command block, so it names no step. Move the text block right after the commands whose output it shows, or remove the annotation.',
    });
}

function readTypedInput(page: PageReading, node: Code): void {
  // What a reader types into an interactive program (SQL at a psql prompt) is written in that
  // program's language: the block right after a stdin=next block is its input, whatever it is.
  const previous = page.blocks.at(-1);
  if (previous?.kind !== 'commands' || !previous.annotation.stdinNext) return;
  const first = firstCodeLine(node, page.lineOffset);
  const commands = node.value.split('\n').flatMap((text, offset) => (text.trim() ? [{ line: first + offset, text }] : []));
  if (commands.length > 0)
    page.blocks.push({ kind: 'commands', line: lineOf(node, page.lineOffset), commands, annotation: emptyCommandAnnotation() });
}

function readCommandBlock(
  page: PageReading,
  node: Code,
  role: 'commands' | 'console',
  raw: RawAnnotation | undefined,
  parent: Parents,
  index: number,
): void {
  const annotation = raw ? commandAnnotation(raw, page.requirements) : emptyCommandAnnotation();
  if (isAnnotationProblem(annotation)) {
    page.problems.push(annotation);
    return;
  }
  const block: CommandBlock = { kind: 'commands', line: lineOf(node, page.lineOffset), commands: [], annotation, annotationLine: raw?.line };
  if (role === 'console') {
    block.commands.push(...consoleCommands(node, page.lineOffset));
  } else {
    block.commands.push(...splitShellCommands(node.value, firstCodeLine(node, page.lineOffset)));
    attachExpectedOutput(page, block, parent, index);
  }
  if (block.commands.length === 0) {
    if (raw) page.problems.push({ line: raw.line, message: 'this lesson annotation is before a block with no command in it, so it names no step.' });
    return;
  }
  const mismatch = raw && annotationMismatch(block, raw);
  if (mismatch) page.problems.push(mismatch);
  else page.blocks.push(block);
}

/** A console transcript holds its own output: the lines after each prompt. */
function consoleCommands(node: Code, lineOffset: number): StepCommand[] {
  return splitConsoleBlock(node.value, firstCodeLine(node, lineOffset)).map((command) => ({
    line: command.line,
    text: command.text,
    expected:
      command.output.length > 0
        ? { line: command.output[0]!.line, lines: command.output.map((line) => line.text), annotation: emptyOutputAnnotation() }
        : undefined,
  }));
}

/** The text block after a shell block is what its last command prints. */
function attachExpectedOutput(page: PageReading, block: CommandBlock, parent: Parents, index: number): void {
  const expected = outputAfter(parent, index, page.lineOffset);
  if (!expected) return;
  page.claimed.add(expected.node);
  const annotated = expected.raw ? outputAnnotation(expected.raw) : emptyOutputAnnotation();
  if (isAnnotationProblem(annotated)) {
    page.problems.push(annotated);
    return;
  }
  if (annotated.notOutput || block.commands.length === 0) return;
  const lines = outputLines(expected.node.value);
  for (const vary of annotated.varyLines) {
    if (vary > lines.length)
      page.problems.push({
        line: expected.raw!.line,
        message: `lesson annotation: vary-lines names line ${vary}, but the block has ${lines.length} line${lines.length === 1 ? '' : 's'}.`,
      });
  }
  block.commands.at(-1)!.expected = { line: firstCodeLine(expected.node, page.lineOffset), lines, annotation: annotated };
}

/** The `text` block right after a command block (with its own annotation, if any). */
function outputAfter(parent: Parents, index: number, lineOffset: number): { node: Code; raw?: RawAnnotation } | undefined {
  let next = parent.children[index + 1] as RootContent | undefined;
  let raw: ReturnType<typeof readAnnotation> | undefined;
  if (next?.type === 'html' && looksLikeAnnotation((next as Html).value)) {
    raw = readAnnotation((next as Html).value, lineOf(next, lineOffset));
    next = parent.children[index + 2] as RootContent | undefined;
  }
  if (next?.type !== 'code' || roleOf(next) !== 'output') return undefined;
  // A broken annotation is reported where the text block itself is visited.
  if (raw && isAnnotationProblem(raw)) return { node: next };
  return { node: next, raw };
}

/** Settings that name more, or other, commands than the block has. */
function annotationMismatch(block: CommandBlock, raw: RawAnnotation): AnnotationProblem | undefined {
  const each = block.annotation.exitEach;
  const count = block.commands.length;
  if (each && each.length !== count) {
    return {
      line: raw.line,
      message: `lesson annotation: exit lists ${each.length} statuses, but the block below has ${count} command${count === 1 ? '' : 's'}; give one status per command, in order.`,
    };
  }
  const target = block.annotation.ctrlC?.command;
  if (target !== undefined && !block.commands.some((command) => command.text.startsWith(target))) {
    return {
      line: raw.line,
      message: `lesson annotation: ctrl-c="${target}" names no command of the block below; write the start of the command to stop, as the block shows it.`,
    };
  }
  return undefined;
}

/** A `stdin=next` block takes the next command block as what is typed into it. */
function attachInputs(blocks: LessonBlock[], problems: AnnotationProblem[]): void {
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind !== 'commands' || !block.annotation.stdinNext) continue;
    const next = blocks[index + 1];
    if (next?.kind !== 'commands' || next.annotation.stdinNext) {
      problems.push({
        line: block.annotationLine ?? block.line,
        message: 'lesson annotation: stdin=next needs a shell block after this one: the commands typed into it.',
      });
      continue;
    }
    block.input = next;
    blocks.splice(index + 1, 1);
  }
}

function dedupe(problems: AnnotationProblem[]): AnnotationProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The command a `ctrl-c` annotation stops: the one starting with its text, or the block's last. */
export function ctrlCTarget(block: CommandBlock): StepCommand | undefined {
  const ctrlC = block.annotation.ctrlC;
  if (!ctrlC) return undefined;
  return ctrlC.command === undefined ? block.commands.at(-1) : block.commands.find((command) => command.text.startsWith(ctrlC.command!));
}

/** Annotation problems only: what the content check reports for every page at build time. */
export function lessonAnnotationProblems(tree: Root, lineOffset = 0, requirements?: readonly string[]): AnnotationProblem[] {
  return extractLessonSteps(tree, lineOffset, requirements).problems;
}
