import { REQUIREMENT_NAME, unknownRequirementProblem } from './requirements.ts';

/**
 * Lesson annotations: HTML comments written on the line before a code block,
 *
 *     <!-- lesson: exit=1 timeout=120 -->
 *
 * GitHub and the site show nothing of them (a comment renders as nothing), so a page reads the same
 * for a learner whether or not it is annotated. The grammar is a list of `key`, `key=value` or
 * `key="quoted value"` tokens, as in a code fence's meta string.
 */

export const ANNOTATION_PREFIX = 'lesson:';
const COMMENT = /^<!--\s*lesson:([\s\S]*?)-->$/;
const TOKEN = /\s*([A-Za-z][\w-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+)))?\s*/y;
const TERMINAL_NAME = /^[a-z0-9][a-z0-9-]*$/;
const MAX_TIMEOUT_SECONDS = 3600;

export type ExpectedExit = number | 'nonzero' | 'any';

/** Settings for a block of commands. */
export interface CommandAnnotation {
  skip?: string;
  /** Exit status the block's last command must end with; every other command must exit 0. */
  exit?: ExpectedExit;
  /**
   * `exit="3,0,127,0"`: the status of each command of the block in order, for a block that shows
   * failures one after another (`… ; echo $?`). Set, it replaces `exit` and the rule of 0.
   */
  exitEach?: ExpectedExit[];
  timeoutSeconds?: number;
  /** Requirement names (the course's `lessonRequirements`). */
  needs: string[];
  /** The shell ("terminal") the block runs in; one named `main` is the default. */
  terminal?: string;
  /** Run the block without waiting for its end; later blocks go on while it runs. */
  background: boolean;
  /** A text the block's output must show before the runner goes on (background) or presses Ctrl+C. */
  waitFor?: string;
  /**
   * Press Ctrl+C on a command that runs until stopped (`tail -f`), once `waitFor` appears or
   * after `afterSeconds`: on the command that starts with `command`, or on the block's last one.
   */
  ctrlC?: { command?: string };
  afterSeconds?: number;
  /** Terminals to press Ctrl+C in, and wait for, before this block runs. */
  stop: string[];
  /** Placeholders the text asks the reader to fill in, and what the runner writes instead. */
  binds: { placeholder: string; value: string }[];
  /**
   * Run a failing command again, once a second, until it passes or this many seconds have gone by:
   * what a reader does while a server starts ("wait a few seconds, then run …").
   */
  retrySeconds?: number;
  /** `stdin=next`: the block's last command is interactive, and the next command block is what the reader types into it. */
  stdinNext: boolean;
}

/** Settings for a `text` block that follows a command block. */
export interface OutputAnnotation {
  skip?: string;
  /** The block is not output (a listing, a file): nothing is compared. */
  notOutput: boolean;
  /** `whole`: the output is the block; `contains`: the block's lines appear, in a row, in the output. */
  match: 'whole' | 'contains';
  /** Lines of the block (1 = its first line) that stand for any one line. */
  varyLines: number[];
  /** Words of the block that stand for any one word (a random container name). */
  anyWords: string[];
  /** `last`: the output of the block's last command (the default); `block`: of all its commands together. */
  of: 'last' | 'block';
}

export interface AnnotationProblem {
  line: number;
  message: string;
}

export interface RawAnnotation {
  line: number;
  pairs: { key: string; value: string | undefined }[];
}

const COMMAND_KEYS = [
  'skip',
  'exit',
  'timeout',
  'needs',
  'terminal',
  'background',
  'wait-for',
  'ctrl-c',
  'after',
  'stop',
  'bind',
  'stdin',
  'retry',
] as const;
const OUTPUT_KEYS = ['skip', 'not-output', 'match', 'vary-lines', 'any', 'of'] as const;
const FLAGS = new Set(['background', 'not-output']);
/** Keys that may be written alone or with a value. */
const OPTIONAL_VALUE = new Set(['ctrl-c']);
const REPEATABLE = new Set(['bind']);

/** Whether an mdast `html` node is meant as a lesson annotation (even a broken one). */
export function looksLikeAnnotation(html: string): boolean {
  return /^<!--\s*lesson\b/.test(html.trim());
}

/** Reads the tokens of one annotation comment; the problem names the first thing that is not a token. */
export function readAnnotation(html: string, line: number): RawAnnotation | AnnotationProblem {
  const match = COMMENT.exec(html.trim());
  if (!match) {
    return {
      line,
      message: `a lesson annotation is one HTML comment of its own, written <!-- lesson: key=value … -->; this one is not (${JSON.stringify(clip(html.trim()))}). Write it on its own line, directly before the code block it is about.`,
    };
  }
  const body = match[1]!;
  const pairs: RawAnnotation['pairs'] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const start = TOKEN.lastIndex;
    const token = TOKEN.exec(body);
    if (!token || token.index !== start || token[0].length === 0) {
      return {
        line,
        message: `lesson annotation: cannot read ${JSON.stringify(clip(body.slice(start).trim()))}. Write key=value pairs, quoting values with spaces: wait-for="ready to accept"`,
      };
    }
    const value = token[2] ?? token[3] ?? token[4];
    pairs.push({ key: token[1]!, value: value?.replace(/\\(.)/g, '$1') });
  }
  if (pairs.length === 0)
    return {
      line,
      message: 'lesson annotation is empty: say what is special about the next block (see CONTRIBUTING, "Lessons that run"), or remove it.',
    };
  return { line, pairs };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function knownKeys(raw: RawAnnotation, allowed: readonly string[], blockKind: string): AnnotationProblem | undefined {
  const seen = new Set<string>();
  for (const { key, value } of raw.pairs) {
    if (!allowed.includes(key)) {
      return { line: raw.line, message: `lesson annotation: "${key}" is not a setting for ${blockKind}. Use one of: ${allowed.join(', ')}.` };
    }
    if (seen.has(key) && !REPEATABLE.has(key)) return { line: raw.line, message: `lesson annotation: "${key}" is given twice; give it once.` };
    seen.add(key);
    if (FLAGS.has(key) && value !== undefined) return { line: raw.line, message: `lesson annotation: "${key}" takes no value; write just ${key}.` };
    if (!FLAGS.has(key) && !OPTIONAL_VALUE.has(key) && (value === undefined || value.trim() === '')) {
      return { line: raw.line, message: `lesson annotation: "${key}" needs a value, as in ${key}=${example(key)}.` };
    }
  }
  return undefined;
}

function example(key: string): string {
  const examples: Record<string, string> = {
    skip: '"needs an account on the registry"',
    exit: '1',
    timeout: '120',
    needs: 'internet',
    terminal: 'second',
    'wait-for': '"ready to accept connections"',
    after: '3',
    stop: 'second',
    bind: '"CONTAINER=web"',
    stdin: 'next',
    retry: '30',
    match: 'contains',
    'vary-lines': '"2,4-5"',
    any: '"quirky_hopper"',
    of: 'block',
  };
  return examples[key] ?? '…';
}

function seconds(raw: RawAnnotation, key: string, value: string): number | AnnotationProblem {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > MAX_TIMEOUT_SECONDS) {
    return { line: raw.line, message: `lesson annotation: ${key}=${value} must be whole seconds from 1 to ${MAX_TIMEOUT_SECONDS}.` };
  }
  return number;
}

function expectedExit(value: string): ExpectedExit | undefined {
  if (value === 'nonzero' || value === 'any') return value;
  return /^\d+$/.test(value) && Number(value) <= 255 ? Number(value) : undefined;
}

const isProblem = (value: unknown): value is AnnotationProblem => typeof value === 'object' && value !== null && 'message' in value;

/**
 * The settings of an annotation written before a block of commands. `requirements`: the names the
 * course declares (lessonRequirements); without them, requirement names are not judged.
 */
export function commandAnnotation(raw: RawAnnotation, requirements?: readonly string[]): CommandAnnotation | AnnotationProblem {
  const keyProblem = knownKeys(raw, COMMAND_KEYS, 'a block of commands');
  if (keyProblem) return keyProblem;
  const result: CommandAnnotation = emptyCommandAnnotation();
  for (const { key, value } of raw.pairs) {
    const problem = readCommandSetting(result, raw, key, value, requirements);
    if (problem) return problem;
  }
  return conflictingSettings(result, raw) ?? result;
}

/** Sets one `key=value` of a command block's annotation on `result`, or names what is wrong with it. */
function readCommandSetting(
  result: CommandAnnotation,
  raw: RawAnnotation,
  key: string,
  written: string | undefined,
  requirements: readonly string[] | undefined,
): AnnotationProblem | undefined {
  const value = written ?? '';
  switch (key) {
    case 'skip':
      result.skip = value.trim();
      return undefined;
    case 'exit':
      return readExit(result, raw, value);
    case 'timeout':
    case 'after':
    case 'retry':
      return readSeconds(result, raw, key, value);
    case 'needs':
      return readNeeds(result, raw, value, requirements);
    case 'terminal':
    case 'stop':
      return readTerminals(result, raw, key, value);
    case 'background':
      result.background = true;
      return undefined;
    case 'ctrl-c':
      return readCtrlC(result, raw, written);
    case 'wait-for':
      result.waitFor = value;
      return undefined;
    case 'stdin':
      return readStdin(result, raw, value);
    case 'bind':
      return readBind(result, raw, value);
  }
  return undefined;
}

function readExit(result: CommandAnnotation, raw: RawAnnotation, value: string): AnnotationProblem | undefined {
  const statuses = value.split(',').map((part) => part.trim());
  const parsed = statuses.map(expectedExit);
  const wrong = statuses.find((_, position) => parsed[position] === undefined);
  if (wrong !== undefined) {
    const list = statuses.length > 1 ? ` (in the list "${value}", one status per command of the block)` : '';
    return { line: raw.line, message: `lesson annotation: exit=${wrong} must be a status from 0 to 255, nonzero or any${list}.` };
  }
  if (parsed.length > 1) result.exitEach = parsed as ExpectedExit[];
  else result.exit = parsed[0];
  return undefined;
}

function readSeconds(
  result: CommandAnnotation,
  raw: RawAnnotation,
  key: 'timeout' | 'after' | 'retry',
  value: string,
): AnnotationProblem | undefined {
  const parsed = seconds(raw, key, value);
  if (isProblem(parsed)) return parsed;
  if (key === 'timeout') result.timeoutSeconds = parsed;
  else if (key === 'after') result.afterSeconds = parsed;
  else result.retrySeconds = parsed;
  return undefined;
}

function readNeeds(
  result: CommandAnnotation,
  raw: RawAnnotation,
  value: string,
  requirements: readonly string[] | undefined,
): AnnotationProblem | undefined {
  for (const name of value.split(/[\s,]+/).filter(Boolean)) {
    const unknown = REQUIREMENT_NAME.test(name)
      ? unknownRequirementProblem(name, requirements)
      : `${name} is not a requirement name: lower-case letters, digits and dashes, space- or comma-separated.`;
    if (unknown) return { line: raw.line, message: `lesson annotation: needs=${unknown}` };
    result.needs.push(name);
  }
  return undefined;
}

function readTerminals(result: CommandAnnotation, raw: RawAnnotation, key: 'terminal' | 'stop', value: string): AnnotationProblem | undefined {
  for (const name of value.split(/[\s,]+/).filter(Boolean)) {
    if (!TERMINAL_NAME.test(name))
      return {
        line: raw.line,
        message: `lesson annotation: ${key}=${name}: a terminal name is lower-case letters, digits and dashes, such as second.`,
      };
    if (key === 'terminal') result.terminal = name;
    else result.stop.push(name);
  }
  return undefined;
}

/** `ctrl-c` alone stops the block's last command; `ctrl-c="…"` the one starting with that text. */
function readCtrlC(result: CommandAnnotation, raw: RawAnnotation, written: string | undefined): AnnotationProblem | undefined {
  if (written !== undefined && written.trim() === '')
    return {
      line: raw.line,
      message:
        'lesson annotation: ctrl-c="…" names the start of the command to stop, such as ctrl-c="tail -f"; write ctrl-c alone for the last command.',
    };
  result.ctrlC = { command: written?.trim() };
  return undefined;
}

function readStdin(result: CommandAnnotation, raw: RawAnnotation, value: string): AnnotationProblem | undefined {
  if (value !== 'next')
    return {
      line: raw.line,
      message: `lesson annotation: stdin=${value} is not known; stdin=next types the next command block into this block's last command.`,
    };
  result.stdinNext = true;
  return undefined;
}

function readBind(result: CommandAnnotation, raw: RawAnnotation, value: string): AnnotationProblem | undefined {
  const equals = value.indexOf('=');
  if (equals <= 0) return { line: raw.line, message: `lesson annotation: bind="${value}" must be PLACEHOLDER=value, such as bind="CONTAINER=web".` };
  result.binds.push({ placeholder: value.slice(0, equals), value: value.slice(equals + 1) });
  return undefined;
}

/** Checked once every key is read: each rule is about two settings, which may be written in any order. */
function conflictingSettings(result: CommandAnnotation, raw: RawAnnotation): AnnotationProblem | undefined {
  const problem = (message: string) => ({ line: raw.line, message: `lesson annotation: ${message}` });
  if (result.background && result.ctrlC)
    return problem('background and ctrl-c do not go together: a background block is stopped later, with stop=TERMINAL on the block that stops it.');
  if (result.waitFor !== undefined && !result.background && !result.ctrlC)
    return problem('wait-for is only for a background block or one stopped with ctrl-c. Add one of them, or remove wait-for.');
  if (result.afterSeconds !== undefined && !result.ctrlC) return problem('after=SECONDS says when to press Ctrl+C; add ctrl-c, or remove after.');
  if (result.retrySeconds !== undefined && (result.background || result.ctrlC || result.stdinNext))
    return problem('retry=SECONDS repeats commands that end by themselves; it does not go with background, ctrl-c or stdin=next.');
  if (result.stdinNext && (result.background || result.ctrlC))
    return problem('stdin=next runs the command with the next block as its input until it ends; it does not go with background or ctrl-c.');
  if (result.background && !result.terminal) return problem('a background block needs a terminal name to stop it by later, such as terminal=watch.');
  if (result.background && result.terminal === 'main')
    return problem('the main terminal runs the page; give the background block a terminal of its own, such as terminal=watch.');
  return undefined;
}

function lineList(raw: RawAnnotation, value: string): number[] | AnnotationProblem {
  const lines: number[] = [];
  for (const part of value.split(',').map((piece) => piece.trim())) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range)
      return { line: raw.line, message: `lesson annotation: vary-lines="${value}" must list line numbers of the block and ranges, such as "2,4-5".` };
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from < 1 || to < from)
      return { line: raw.line, message: `lesson annotation: vary-lines range ${part} must count up from line 1 of the block.` };
    for (let line = from; line <= to; line++) lines.push(line);
  }
  return lines;
}

/** The settings of an annotation written before a `text` block. */
export function outputAnnotation(raw: RawAnnotation): OutputAnnotation | AnnotationProblem {
  const keyProblem = knownKeys(raw, OUTPUT_KEYS, 'an output block');
  if (keyProblem) return keyProblem;
  const result: OutputAnnotation = emptyOutputAnnotation();
  for (const { key, value = '' } of raw.pairs) {
    switch (key) {
      case 'skip':
        result.skip = value.trim();
        break;
      case 'not-output':
        result.notOutput = true;
        break;
      case 'match':
        if (value !== 'whole' && value !== 'contains')
          return { line: raw.line, message: `lesson annotation: match=${value} must be whole or contains.` };
        result.match = value;
        break;
      case 'vary-lines': {
        const lines = lineList(raw, value);
        if (isProblem(lines)) return lines;
        result.varyLines = lines;
        break;
      }
      case 'any':
        result.anyWords = value.split(/\s+/).filter(Boolean);
        break;
      case 'of':
        if (value !== 'last' && value !== 'block')
          return {
            line: raw.line,
            message: `lesson annotation: of=${value} must be last (the last command's output) or block (all the commands' output together).`,
          };
        result.of = value;
        break;
    }
  }
  if (result.notOutput && raw.pairs.length > 1)
    return { line: raw.line, message: 'lesson annotation: not-output says the block is not compared at all, so it takes no other setting.' };
  return result;
}

export function emptyCommandAnnotation(): CommandAnnotation {
  return { needs: [], background: false, stop: [], binds: [], stdinNext: false };
}

export function emptyOutputAnnotation(): OutputAnnotation {
  return { notOutput: false, match: 'whole', varyLines: [], anyWords: [], of: 'last' };
}

export { isProblem as isAnnotationProblem };
