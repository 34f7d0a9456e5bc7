import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExpectedExit } from '../../src/core/lessons/annotations.ts';
import { matchOutput } from '../../src/core/lessons/match.ts';
import type { PageReport, StepReport } from '../../src/core/lessons/report.ts';
import { ctrlCTarget, type CommandBlock, type StepCommand } from '../../src/core/lessons/steps.ts';
import { leftBehind, removalCommands } from './clean-state.ts';
import type { EngineInfo, LessonEngine, PageWorkspace } from './engine.ts';
import type { PagePlan } from './plan.ts';
import { shellSyntaxError, ShellSession, type CommandResult } from './shell-session.ts';

export interface RunPageOptions {
  /** Seconds a command may take when neither its block nor its page says; default 60. */
  defaultTimeoutSeconds: number;
  /** Called as each step gets its verdict (progress on a terminal). */
  onStep?: (step: StepReport) => void;
}

const MAX_OUTPUT_CHARS = 4000;
const RETRY_PAUSE_MS = 1000;
const MAIN = 'main';

/** The end of a long output: what a failure's reader needs is usually at the bottom. */
function tail(output: string): string {
  return output.length <= MAX_OUTPUT_CHARS ? output : `…${output.slice(-MAX_OUTPUT_CHARS)}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes each placeholder's value into a command, as a reader would; only whole words are replaced. */
export function applyBinds(command: string, binds: { placeholder: string; value: string }[]): string {
  let result = command;
  for (const { placeholder, value } of binds) {
    const before = /^\w/.test(placeholder) ? '(?<![\\w-])' : '';
    const after = /\w$/.test(placeholder) ? '(?![\\w-])' : '';
    result = result.replace(new RegExp(`${before}${escapeRegExp(placeholder)}${after}`, 'g'), () => value);
  }
  return result;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * An interactive command (`docker run -it … bash`) fed what the reader types: `script` gives it
 * the terminal that -t asks for, and a typist types one line at a time, each once the terminal
 * has been quiet for a second, as a reader waits for the prompt. Typed all at once, the lines
 * wait in the terminal and the first program that reads it takes them: `apt-get install` hands
 * its input to dpkg, and the `exit` after it never reached the shell.
 */
export function interactive(command: string, typed: string): string {
  const lines = typed.split('\n').map(shellQuote).join(' ');
  const quiet = 'until [ "$(wc -c <"$__lesson_ts")" = "$__lesson_seen" ]; do __lesson_seen=$(wc -c <"$__lesson_ts"); sleep 1; done';
  return [
    '__lesson_ts=$(mktemp)',
    `{ for __lesson_line in ${lines}; do __lesson_seen=-1; ${quiet}; printf '%s\\n' "$__lesson_line"; done; } | script -qefc ${shellQuote(command)} "$__lesson_ts"`,
    '__lesson_typed_status=$?; rm -f "$__lesson_ts"; (exit $__lesson_typed_status)',
  ].join('\n');
}

function exitMatches(expected: ExpectedExit, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'nonzero') return actual !== 0;
  return expected === actual;
}

function describeExit(expected: ExpectedExit): string {
  return expected === 'nonzero' ? 'a non-zero status' : expected === 'any' ? 'any status' : `status ${expected}`;
}

interface Terminal {
  session: ShellSession;
  /** A background block's commands, still running, and their reports, filled in as they end. */
  background?: Promise<void>;
  backgroundSteps?: StepReport[];
}

/** A command that runs until Ctrl+C (the last of a background block) has no timeout of its own. */
const UNTIL_STOPPED_MS = 3_600_000;

/** The verdict of one finished command. */
function judge(
  command: StepCommand,
  result: CommandResult,
  expectedExit: ExpectedExit,
  timeoutSeconds: number,
  ctrlC: { waitFor?: string } | undefined,
  earlierOutput = '',
): Pick<StepReport, 'verdict' | 'reason' | 'diff' | 'output'> {
  const failed = (reason: string, diff?: string[]) => ({ verdict: 'failed' as const, reason, diff, output: diff ? undefined : tail(result.output) });
  if (result.timedOut) {
    return failed(
      `did not finish within its timeout of ${timeoutSeconds} s${result.exitCode === null ? ', nor after Ctrl+C, so it was killed' : '; it was stopped with Ctrl+C'}. If it is meant to run until stopped, annotate it with ctrl-c or background; if it is slow, give it timeout=SECONDS.`,
    );
  }
  if (result.exitCode === null)
    return failed('the shell ended during this command (an `exit`, or the shell was killed), so the page cannot go on in it.');
  if (ctrlC) {
    if (ctrlC.waitFor !== undefined && !result.output.includes(ctrlC.waitFor))
      return failed(`never printed "${ctrlC.waitFor}" (the text its annotation waits for before Ctrl+C).`);
    if (!result.interrupted && result.exitCode !== 0) return failed(`ended with status ${result.exitCode} before Ctrl+C was pressed.`);
  } else if (!exitMatches(expectedExit, result.exitCode)) {
    const hint =
      expectedExit === 0
        ? ' If the page means it to fail, annotate the block with exit=N (its last command), exit="N,0,…" (one status per command) or fix the command.'
        : '';
    return failed(`ended with status ${result.exitCode}; the page expects ${describeExit(expectedExit)}.${hint}`);
  }
  const expected = command.expected;
  if (expected && !expected.annotation.notOutput && expected.annotation.skip === undefined) {
    const printed = expected.annotation.of === 'block' ? earlierOutput + result.output : result.output;
    const match = matchOutput(expected.lines, expected.line, printed, expected.annotation);
    if (!match.ok) {
      const last = expected.line + Math.max(0, expected.lines.length - 1);
      return failed(
        `printed something other than the output the page shows at lines ${expected.line}-${last} (- the page, + what it printed).`,
        match.diff,
      );
    }
  }
  return { verdict: 'passed' };
}

export async function runPage(plan: PagePlan, engine: LessonEngine, info: EngineInfo, options: RunPageOptions): Promise<PageReport> {
  const started = Date.now();
  const steps: StepReport[] = [];
  const problems: PageReport['problems'] = [];
  /** While an earlier page (lesson.after) prepares this one: its steps are not this page's, only its failures count. */
  let preparing: PagePlan | undefined;
  /** Steps of those earlier pages, with their page: a background one gets its verdict later. */
  const preparation = new Map<StepReport, PagePlan>();
  const preparationFailed = (step: StepReport, page: PagePlan) => {
    if (step.verdict === 'failed')
      problems.push({
        message: `preparing the page as ${page.file} leaves it (lesson.after), its step at line ${step.line} (${step.text}) failed: ${step.reason ?? 'no reason given'}`,
      });
  };
  const record = (step: StepReport) => {
    if (preparing) {
      preparation.set(step, preparing);
      preparationFailed(step, preparing);
      return step;
    }
    steps.push(step);
    if (step.verdict !== 'not-run') options.onStep?.(step);
    return step;
  };
  let before: Awaited<ReturnType<LessonEngine['objects']>>;
  let workspace: PageWorkspace;
  try {
    before = await engine.objects();
    workspace = await engine.workspace(plan.file);
  } catch (error) {
    const message = `the engine could not start the page: ${(error as Error).message.split('\n')[0]}`;
    return {
      file: plan.file,
      title: plan.title,
      verdict: 'error',
      durationMs: Date.now() - started,
      steps: [],
      leftBehind: [],
      problems: [{ message }],
    };
  }
  const terminals = new Map<string, Terminal>();
  /**
   * A terminal by name, opened when needed. A second terminal opens in the folder the main one is
   * in, as a reader who ran `cd app` and then opens another tab there: `docker run -v "$PWD":/app`
   * in it must see the page's files.
   */
  const terminal = async (name: string): Promise<Terminal> => {
    let existing = terminals.get(name);
    if (!existing?.session.alive) {
      const folder = name === MAIN ? undefined : await shellFolder();
      existing = { session: new ShellSession(workspace.shell()) };
      terminals.set(name, existing);
      if (folder && 'relative' in folder && folder.relative !== '') {
        await existing.session.run(`cd -- '${path.posix.join(workspace.shellDir, folder.relative).replace(/'/g, `'\\''`)}'`, { timeoutMs: 10_000 });
      }
    }
    return existing;
  };
  try {
    for (const earlier of plan.after ?? []) {
      preparing = earlier;
      await runBlocks(earlier);
    }
    preparing = undefined;
    await runBlocks(plan);
  } finally {
    for (const name of [...terminals.keys()]) await stopTerminal(terminals, name);
  }

  async function runBlocks(page: PagePlan): Promise<void> {
    for (const block of page.blocks) {
      if (block.kind === 'file') {
        const base = { line: block.line, kind: 'file' as const, text: block.path, terminal: MAIN, durationMs: 0 };
        if (block.skip !== undefined) {
          record({ ...base, verdict: 'skipped', reason: block.skip });
          continue;
        }
        const folder = await shellFolder();
        if ('outside' in folder) {
          record({
            ...base,
            verdict: 'failed',
            reason: `was not written: the terminal is in ${folder.outside}, outside the lesson's folder, and the runner writes files only inside it. Have the page cd back into a folder it made.`,
          });
          continue;
        }
        const target = path.join(workspace.hostDir, ...folder.relative.split('/').filter(Boolean), ...block.path.split('/'));
        const written = { ...base, text: [folder.relative, block.path].filter(Boolean).join('/') };
        try {
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, block.content);
          record({ ...written, verdict: 'passed' });
        } catch (error) {
          record({
            ...written,
            verdict: 'failed',
            reason: `could not be written: ${(error as Error).message}. A title names a file, such as title="app/server.js".`,
          });
        }
        continue;
      }
      for (const name of block.annotation.stop) await stopTerminal(terminals, name);
      await runBlock(block, page.settings);
    }
  }

  /**
   * The folder the reader's terminal is in, relative to the lesson's folder: a file block is saved
   * there, as a reader who ran `mkdir app && cd app` then creates the file in `app`.
   */
  async function shellFolder(): Promise<{ relative: string } | { outside: string }> {
    const main = terminals.get(MAIN);
    // No terminal yet (or a background block still holds it): the page has not moved anywhere.
    if (!main?.session.alive || main.background) return { relative: '' };
    const result = await main.session.run('pwd', { timeoutMs: 10_000 });
    const cwd = result.output.trim();
    if (result.exitCode !== 0 || !cwd.startsWith('/')) return { relative: '' };
    const relative = path.posix.relative(workspace.shellDir, cwd);
    if (relative === '..' || relative.startsWith('../') || path.posix.isAbsolute(relative)) return { outside: cwd };
    return { relative };
  }

  async function runBlock(block: CommandBlock, settings: PagePlan['settings']): Promise<void> {
    const { annotation } = block;
    const pageBinds = Object.entries(settings.bind ?? {}).map(([placeholder, value]) => ({ placeholder, value }));
    const pageNeeds = settings.needs ?? [];
    const name = annotation.terminal ?? MAIN;
    const missing = [...new Set([...pageNeeds, ...annotation.needs])].filter((need) => !info.provides.includes(need));
    const skipReason =
      annotation.skip ?? (missing.length > 0 ? `needs ${missing.join(', ')}, which the ${info.kind} engine does not provide` : undefined);
    if (skipReason !== undefined) {
      for (const command of block.commands)
        record({ line: command.line, kind: 'command', text: command.text, terminal: name, verdict: 'skipped', reason: skipReason, durationMs: 0 });
      return;
    }
    const timeoutSeconds = annotation.timeoutSeconds ?? settings.timeout ?? options.defaultTimeoutSeconds;
    const binds = [...pageBinds, ...annotation.binds];
    const stopTarget = ctrlCTarget(block);
    // For an expected output written with of=block: what the block's commands printed so far.
    let blockOutput = '';
    const runOne = async (command: StepCommand, session: ShellSession): Promise<StepReport> => {
      const isLast = command === block.commands.at(-1);
      const untilStopped = annotation.background && isLast;
      const ctrlC = command === stopTarget ? { waitFor: annotation.waitFor } : untilStopped ? {} : undefined;
      const afterMs = command === stopTarget ? (annotation.afterSeconds ?? (annotation.waitFor === undefined ? 2 : undefined)) : undefined;
      const typed = isLast && block.input ? block.input.commands.map((input) => applyBinds(input.text, binds)).join('\n') : undefined;
      const text = typed === undefined ? applyBinds(command.text, binds) : interactive(applyBinds(command.text, binds), typed);
      const syntax = shellSyntaxError(text);
      if (syntax !== undefined) {
        return {
          line: command.line,
          kind: 'command',
          text: command.text,
          terminal: name,
          durationMs: 0,
          verdict: 'failed',
          reason: `is not a command bash can read (${syntax}); fix the quoting or the line continuations.`,
        };
      }
      const startedAt = Date.now();
      const result = await session.run(text, {
        timeoutMs: untilStopped ? UNTIL_STOPPED_MS : timeoutSeconds * 1000,
        interruptWhen: command === stopTarget ? annotation.waitFor : undefined,
        interruptAfterMs: afterMs === undefined ? undefined : afterMs * 1000,
      });
      const expectedExit = annotation.exitEach?.[block.commands.indexOf(command)] ?? (isLast ? (annotation.exit ?? 0) : 0);
      let verdict = judge(command, result, expectedExit, timeoutSeconds, ctrlC, blockOutput);
      let last = result;
      // retry=SECONDS: what a reader does while a server starts. A timeout is not retried.
      const retryUntil = Date.now() + (annotation.retrySeconds ?? 0) * 1000;
      let attempts = 1;
      while (verdict.verdict === 'failed' && !last.timedOut && Date.now() < retryUntil && session.alive) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
        last = await session.run(text, { timeoutMs: timeoutSeconds * 1000 });
        verdict = judge(command, last, expectedExit, timeoutSeconds, ctrlC, blockOutput);
        attempts++;
      }
      blockOutput += last.output.endsWith('\n') || last.output === '' ? last.output : `${last.output}\n`;
      if (verdict.verdict === 'failed' && attempts > 1)
        verdict.reason = `${verdict.reason} (tried ${attempts} times over ${annotation.retrySeconds} s)`;
      return {
        line: command.line,
        kind: 'command',
        text: command.text,
        terminal: name,
        exitCode: last.exitCode,
        durationMs: Date.now() - startedAt,
        ...verdict,
      };
    };

    if (annotation.background) {
      const current = await terminal(name);
      // Placeholders keep the page's order in the report; they get their verdicts as the commands end.
      const reports = block.commands.map((command) =>
        record({
          line: command.line,
          kind: 'command',
          text: command.text,
          terminal: name,
          verdict: 'not-run',
          reason: 'the terminal was stopped before this command ran',
          durationMs: 0,
        }),
      );
      current.backgroundSteps = reports;
      current.background = (async () => {
        for (const [index, command] of block.commands.entries()) {
          if (!current.session.alive) break;
          const report = await runOne(command, current.session);
          // The placeholder's "stopped before this command ran" goes: a passed step has no reason.
          delete reports[index]!.reason;
          Object.assign(reports[index]!, report);
          if (report.verdict === 'failed') break;
        }
      })();
      if (annotation.waitFor !== undefined) {
        const seen = await current.session.waitForText(annotation.waitFor, timeoutSeconds * 1000);
        if (!seen)
          problems.push({
            line: block.annotationLine ?? block.line,
            message: `the background block in terminal ${name} never printed "${annotation.waitFor}" within ${timeoutSeconds} s.`,
          });
      }
      return;
    }
    for (const command of block.commands) {
      const current = await terminal(name);
      const report = record(await runOne(command, current.session));
      if (command === block.commands.at(-1) && block.input) {
        // The typed commands ran inside the interactive one: they share its verdict.
        for (const typed of block.input.commands) {
          record({
            ...report,
            line: typed.line,
            text: typed.text,
            reason: report.reason ?? `typed into the command at line ${command.line}`,
            diff: undefined,
            output: undefined,
          });
        }
      }
    }
  }

  async function stopTerminal(all: Map<string, Terminal>, name: string): Promise<void> {
    const stopped = all.get(name);
    if (!stopped) return;
    all.delete(name);
    await stopped.session.stop();
    await stopped.background;
    for (const step of stopped.backgroundSteps ?? []) {
      const earlier = preparation.get(step);
      if (earlier) preparationFailed(step, earlier);
      else if (step.verdict !== 'not-run') options.onStep?.(step);
    }
  }

  const after = await engine.objects().catch((error: Error) => {
    problems.push({ message: `could not list the engine's objects after the page: ${error.message}` });
    return before;
  });
  // What the earlier pages leave on purpose is theirs: this page ran them as its start.
  const left = leftBehind(
    before,
    after,
    [plan, ...(plan.after ?? [])].flatMap((page) => page.settings.leaves ?? []),
  );
  const removal = removalCommands(left);
  if (removal.length > 0) {
    const cleaner = new ShellSession(workspace.shell());
    for (const command of removal) await cleaner.run(command, { timeoutMs: 60_000 });
    await cleaner.stop();
  }
  await workspace.dispose();
  const failed = steps.some((step) => step.verdict === 'failed') || left.length > 0 || problems.length > 0;
  return {
    file: plan.file,
    title: plan.title,
    verdict: failed ? 'failed' : 'passed',
    durationMs: Date.now() - started,
    steps,
    leftBehind: left,
    problems,
  };
}

export type { PageWorkspace };
