import type { ExpectedExit } from '../../src/core/lessons/annotations.ts';
import { matchOutput } from '../../src/core/lessons/match.ts';
import type { StepReport } from '../../src/core/lessons/report.ts';
import type { StepCommand } from '../../src/core/lessons/steps.ts';
import type { CommandResult } from './shell-session.ts';

const MAX_OUTPUT_CHARS = 4000;

/** The end of a long output: what a failure's reader needs is usually at the bottom. */
function tail(output: string): string {
  return output.length <= MAX_OUTPUT_CHARS ? output : `…${output.slice(-MAX_OUTPUT_CHARS)}`;
}

function exitMatches(expected: ExpectedExit, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'nonzero') return actual !== 0;
  return expected === actual;
}

function describeExit(expected: ExpectedExit): string {
  return expected === 'nonzero' ? 'a non-zero status' : expected === 'any' ? 'any status' : `status ${expected}`;
}

export type Verdict = Pick<StepReport, 'verdict' | 'reason' | 'diff' | 'output'>;

/** How a command was run, as far as its verdict depends on it. */
export interface JudgedRun {
  expectedExit: ExpectedExit;
  timeoutSeconds: number;
  /** Stopped with Ctrl+C (after the text it waits for, if any) rather than left to end. */
  ctrlC?: { waitFor?: string };
  /** What the block's earlier commands printed: an output block `of=block` covers it too. */
  earlierOutput?: string;
}

/** The verdict of one finished command. */
export function judge(command: StepCommand, result: CommandResult, run: JudgedRun): Verdict {
  const { expectedExit, timeoutSeconds, ctrlC, earlierOutput = '' } = run;
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
