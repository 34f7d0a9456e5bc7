import type { ExpectedExit } from '../../src/core/lessons/annotations.ts';
import type { StepReport } from '../../src/core/lessons/report.ts';
import { ctrlCTarget, type CommandBlock, type StepCommand } from '../../src/core/lessons/steps.ts';
import { applyBinds, interactive } from './command-text.ts';
import type { EngineInfo } from './engine.ts';
import { judge, type Verdict } from './judge.ts';
import type { PagePlan } from './plan.ts';
import { shellSyntaxError, type CommandResult, type ShellSession } from './shell-session.ts';
import { MAIN } from './terminals.ts';

const RETRY_PAUSE_MS = 1000;
/** A command that runs until Ctrl+C (the last of a background block) has no timeout of its own. */
const UNTIL_STOPPED_MS = 3_600_000;

/** Why a block is not run: its own skip, or something it or its page needs that the engine does not provide. */
export function skipReason(block: CommandBlock, settings: PagePlan['settings'], info: EngineInfo): string | undefined {
  const missing = [...new Set([...(settings.needs ?? []), ...block.annotation.needs])].filter((need) => !info.provides.includes(need));
  return block.annotation.skip ?? (missing.length > 0 ? `needs ${missing.join(', ')}, which the ${info.kind} engine does not provide` : undefined);
}

/** How one command is run and judged, from its place in the block and the block's annotation. */
interface CommandRun {
  /** What the shell is given: binds applied, and for stdin=next the typed lines fed to it. */
  text: string;
  untilStopped: boolean;
  ctrlC: { waitFor?: string } | undefined;
  interruptWhen: string | undefined;
  interruptAfterSeconds: number | undefined;
  expectedExit: ExpectedExit;
}

/** One command block's run: its commands share a terminal, binds, a timeout and, for of=block, their output. */
export class BlockRun {
  readonly block: CommandBlock;
  readonly terminal: string;
  readonly timeoutSeconds: number;
  private readonly binds: { placeholder: string; value: string }[];
  private readonly stopTarget: StepCommand | undefined;
  // For an expected output written with of=block: what the block's commands printed so far.
  private output = '';

  constructor(block: CommandBlock, settings: PagePlan['settings'], defaultTimeoutSeconds: number) {
    const { annotation } = block;
    this.block = block;
    this.terminal = annotation.terminal ?? MAIN;
    this.timeoutSeconds = annotation.timeoutSeconds ?? settings.timeout ?? defaultTimeoutSeconds;
    const pageBinds = Object.entries(settings.bind ?? {}).map(([placeholder, value]) => ({ placeholder, value }));
    this.binds = [...pageBinds, ...annotation.binds];
    this.stopTarget = ctrlCTarget(block);
  }

  /** The report of a command that has not run: skipped, or a background one's placeholder. */
  notRun(command: StepCommand, verdict: 'skipped' | 'not-run', reason: string): StepReport {
    return { line: command.line, kind: 'command', text: command.text, terminal: this.terminal, verdict, reason, durationMs: 0 };
  }

  /** Runs one of the block's commands in a terminal's shell and judges what it did. */
  async run(command: StepCommand, session: ShellSession): Promise<StepReport> {
    const how = this.howToRun(command);
    const step = { line: command.line, kind: 'command' as const, text: command.text, terminal: this.terminal };
    const syntax = shellSyntaxError(how.text);
    if (syntax !== undefined) {
      return {
        ...step,
        durationMs: 0,
        verdict: 'failed',
        reason: `is not a command bash can read (${syntax}); fix the quoting or the line continuations.`,
      };
    }
    const startedAt = Date.now();
    const first = await session.run(how.text, {
      timeoutMs: how.untilStopped ? UNTIL_STOPPED_MS : this.timeoutSeconds * 1000,
      interruptWhen: how.interruptWhen,
      interruptAfterMs: how.interruptAfterSeconds === undefined ? undefined : how.interruptAfterSeconds * 1000,
    });
    const { last, verdict } = await this.judgeWithRetries(command, how, session, first);
    this.output += last.output.endsWith('\n') || last.output === '' ? last.output : `${last.output}\n`;
    return { ...step, exitCode: last.exitCode, durationMs: Date.now() - startedAt, ...verdict };
  }

  /**
   * Runs the block's commands one after another while the page goes on, each filling in its
   * placeholder report, until one fails or the terminal is stopped.
   */
  async runInBackground(session: ShellSession, reports: StepReport[]): Promise<void> {
    for (const [index, command] of this.block.commands.entries()) {
      if (!session.alive) break;
      const report = await this.run(command, session);
      // The placeholder's "stopped before this command ran" goes: a passed step has no reason.
      delete reports[index]!.reason;
      Object.assign(reports[index]!, report);
      if (report.verdict === 'failed') break;
    }
  }

  private howToRun(command: StepCommand): CommandRun {
    const { annotation, commands, input } = this.block;
    const isLast = command === commands.at(-1);
    const isStopTarget = command === this.stopTarget;
    const untilStopped = annotation.background && isLast;
    const typed = isLast && input ? input.commands.map((line) => applyBinds(line.text, this.binds)).join('\n') : undefined;
    const text = applyBinds(command.text, this.binds);
    return {
      text: typed === undefined ? text : interactive(text, typed),
      untilStopped,
      ctrlC: isStopTarget ? { waitFor: annotation.waitFor } : untilStopped ? {} : undefined,
      interruptWhen: isStopTarget ? annotation.waitFor : undefined,
      interruptAfterSeconds: isStopTarget ? (annotation.afterSeconds ?? (annotation.waitFor === undefined ? 2 : undefined)) : undefined,
      expectedExit: annotation.exitEach?.[commands.indexOf(command)] ?? (isLast ? (annotation.exit ?? 0) : 0),
    };
  }

  /** retry=SECONDS: what a reader does while a server starts. A timeout is not retried. */
  private async judgeWithRetries(
    command: StepCommand,
    how: CommandRun,
    session: ShellSession,
    first: CommandResult,
  ): Promise<{ last: CommandResult; verdict: Verdict }> {
    const retrySeconds = this.block.annotation.retrySeconds;
    const run = { expectedExit: how.expectedExit, timeoutSeconds: this.timeoutSeconds, ctrlC: how.ctrlC, earlierOutput: this.output };
    const verdictOf = (result: CommandResult) => judge(command, result, run);
    let last = first;
    let verdict = verdictOf(first);
    const retryUntil = Date.now() + (retrySeconds ?? 0) * 1000;
    let attempts = 1;
    while (verdict.verdict === 'failed' && !last.timedOut && Date.now() < retryUntil && session.alive) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      last = await session.run(how.text, { timeoutMs: this.timeoutSeconds * 1000 });
      verdict = verdictOf(last);
      attempts++;
    }
    if (verdict.verdict === 'failed' && attempts > 1) verdict.reason = `${verdict.reason} (tried ${attempts} times over ${retrySeconds} s)`;
    return { last, verdict };
  }
}
