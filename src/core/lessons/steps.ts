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
  const blocks: LessonBlock[] = [];
  const problems: AnnotationProblem[] = [];
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + lineOffset;
  // Output blocks already taken as some command's expected output, so they are not seen twice.
  const claimed = new Set<Code>();

  /** The annotation written directly before `index` in `parent`, if any. */
  const annotationBefore = (parent: Parents, index: number) => {
    const previous = parent.children[index - 1] as RootContent | undefined;
    if (previous?.type !== 'html' || !looksLikeAnnotation(previous.value)) return undefined;
    return readAnnotation(previous.value, lineOf(previous));
  };

  visit(tree, (node, index, parent) => {
    if (node.type === 'html' && looksLikeAnnotation(node.value) && parent && index !== undefined) {
      const next = parent.children[index + 1] as RootContent | undefined;
      if (next?.type !== 'code') {
        problems.push({
          line: lineOf(node),
          message: 'this lesson annotation names no step: it must be on the line directly before the code block it is about.',
        });
      } else if (roleOf(next) === 'other') {
        problems.push({
          line: lineOf(node),
          message: `this lesson annotation is before a \`${next.lang ?? 'plain'}\` block, which is not a step. Annotate sh/bash/console blocks, blocks with title="file", or the text block after a command block.`,
        });
      }
      return;
    }
    if (node.type !== 'code' || !parent || index === undefined) return;
    const role = roleOf(node);
    const raw = annotationBefore(parent, index);
    if (raw && isAnnotationProblem(raw)) {
      problems.push(raw);
      return;
    }
    if (role === 'file') {
      const skip = raw?.pairs.find((pair) => pair.key === 'skip');
      const other = raw?.pairs.find((pair) => pair.key !== 'skip');
      if (other) problems.push({ line: raw!.line, message: `lesson annotation: a file block takes only skip="reason", not "${other.key}".` });
      else if (skip && !skip.value?.trim())
        problems.push({ line: raw!.line, message: 'lesson annotation: skip needs a reason, as in skip="written by the previous step".' });
      blocks.push({
        kind: 'file',
        line: lineOf(node),
        path: codeTitle(node.meta)!,
        content: node.value.endsWith('\n') || node.value === '' ? node.value : `${node.value}\n`,
        skip: skip?.value?.trim(),
      });
      return;
    }
    if (role === 'output') {
      if (raw && !claimed.has(node))
        problems.push({
          line: raw.line,
          message:
            'this lesson annotation is before a text block that does not follow a command block, so it names no step. Move the text block right after the commands whose output it shows, or remove the annotation.',
        });
      return;
    }
    if (role === 'other') {
      // What a reader types into an interactive program (SQL at a psql prompt) is written in that
      // program's language: the block right after a stdin=next block is its input, whatever it is.
      const previous = blocks.at(-1);
      if (previous?.kind === 'commands' && previous.annotation.stdinNext) {
        const first = firstCodeLine(node, lineOffset);
        const commands = node.value.split('\n').flatMap((text, offset) => (text.trim() ? [{ line: first + offset, text }] : []));
        if (commands.length > 0) blocks.push({ kind: 'commands', line: lineOf(node), commands, annotation: emptyCommandAnnotation() });
      }
      return;
    }
    if (role !== 'commands' && role !== 'console') return;

    const annotation = raw ? commandAnnotation(raw, requirements) : emptyCommandAnnotation();
    if (isAnnotationProblem(annotation)) {
      problems.push(annotation);
      return;
    }
    const block: CommandBlock = { kind: 'commands', line: lineOf(node), commands: [], annotation, annotationLine: raw?.line };
    if (role === 'console') {
      for (const command of splitConsoleBlock(node.value, firstCodeLine(node, lineOffset))) {
        const expected =
          command.output.length > 0
            ? { line: command.output[0]!.line, lines: command.output.map((line) => line.text), annotation: emptyOutputAnnotation() }
            : undefined;
        block.commands.push({ line: command.line, text: command.text, expected });
      }
    } else {
      block.commands.push(...splitShellCommands(node.value, firstCodeLine(node, lineOffset)));
      const expected = outputAfter(parent, index);
      if (expected) {
        claimed.add(expected.node);
        const annotated = expected.raw ? outputAnnotation(expected.raw) : emptyOutputAnnotation();
        if (isAnnotationProblem(annotated)) problems.push(annotated);
        else if (!annotated.notOutput && block.commands.length > 0) {
          const lines = outputLines(expected.node.value);
          for (const vary of annotated.varyLines) {
            if (vary > lines.length)
              problems.push({
                line: expected.raw!.line,
                message: `lesson annotation: vary-lines names line ${vary}, but the block has ${lines.length} line${lines.length === 1 ? '' : 's'}.`,
              });
          }
          block.commands.at(-1)!.expected = { line: firstCodeLine(expected.node, lineOffset), lines, annotation: annotated };
        }
      }
    }
    if (block.commands.length === 0) {
      if (raw) problems.push({ line: raw.line, message: 'this lesson annotation is before a block with no command in it, so it names no step.' });
      return;
    }
    const each = annotation.exitEach;
    if (each && each.length !== block.commands.length) {
      problems.push({
        line: raw!.line,
        message: `lesson annotation: exit lists ${each.length} statuses, but the block below has ${block.commands.length} command${block.commands.length === 1 ? '' : 's'}; give one status per command, in order.`,
      });
      return;
    }
    const target = annotation.ctrlC?.command;
    if (target !== undefined && !block.commands.some((command) => command.text.startsWith(target))) {
      problems.push({
        line: raw!.line,
        message: `lesson annotation: ctrl-c="${target}" names no command of the block below; write the start of the command to stop, as the block shows it.`,
      });
      return;
    }
    blocks.push(block);
  });

  /** The `text` block right after a command block (with its own annotation, if any). */
  function outputAfter(
    parent: Parents,
    index: number,
  ): { node: Code; raw?: Exclude<ReturnType<typeof readAnnotation>, AnnotationProblem> } | undefined {
    let next = parent.children[index + 1] as RootContent | undefined;
    let raw: ReturnType<typeof readAnnotation> | undefined;
    if (next?.type === 'html' && looksLikeAnnotation((next as Html).value)) {
      raw = readAnnotation((next as Html).value, lineOf(next));
      next = parent.children[index + 2] as RootContent | undefined;
    }
    if (next?.type !== 'code' || roleOf(next) !== 'output') return undefined;
    // A broken annotation is reported where the text block itself is visited.
    if (raw && isAnnotationProblem(raw)) return { node: next };
    return { node: next, raw };
  }

  attachInputs(blocks, problems);
  problems.sort((a, b) => a.line - b.line);
  return { blocks, problems: dedupe(problems) };
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
