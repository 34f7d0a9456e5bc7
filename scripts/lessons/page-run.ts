import type { PageReport, StepReport } from '../../src/core/lessons/report.ts';
import type { CommandBlock } from '../../src/core/lessons/steps.ts';
import { BlockRun, skipReason } from './command-block.ts';
import type { EngineInfo, PageWorkspace } from './engine.ts';
import { writeFileBlock } from './file-block.ts';
import type { PagePlan } from './plan.ts';
import { Terminals } from './terminals.ts';

export interface RunPageOptions {
  /** Seconds a command may take when neither its block nor its page says; default 60. */
  defaultTimeoutSeconds: number;
  /** Called as each step gets its verdict (progress on a terminal). */
  onStep?: (step: StepReport) => void;
}

/**
 * A page's blocks run in order, in the terminals a reader would have open, after the pages that
 * prepare it (lesson.after) in the same terminals. Collects the page's steps and its problems.
 */
export class PageRun {
  readonly steps: StepReport[] = [];
  readonly problems: PageReport['problems'] = [];
  private readonly workspace: PageWorkspace;
  private readonly info: EngineInfo;
  private readonly options: RunPageOptions;
  private readonly terminals: Terminals;
  /** While an earlier page (lesson.after) prepares this one: its steps are not this page's, only its failures count. */
  private preparing: PagePlan | undefined;
  /** Steps of those earlier pages, with their page: a background one gets its verdict later. */
  private readonly preparation = new Map<StepReport, PagePlan>();

  constructor(workspace: PageWorkspace, info: EngineInfo, options: RunPageOptions) {
    this.workspace = workspace;
    this.info = info;
    this.options = options;
    this.terminals = new Terminals(workspace);
  }

  async run(plan: PagePlan): Promise<void> {
    try {
      for (const earlier of plan.after ?? []) {
        this.preparing = earlier;
        await this.runBlocks(earlier);
      }
      this.preparing = undefined;
      await this.runBlocks(plan);
    } finally {
      for (const name of this.terminals.names()) await this.stopTerminal(name);
    }
  }

  private async runBlocks(page: PagePlan): Promise<void> {
    for (const block of page.blocks) {
      if (block.kind === 'file') {
        this.record(await writeFileBlock(block, this.workspace.hostDir, () => this.terminals.folder()));
        continue;
      }
      for (const name of block.annotation.stop) await this.stopTerminal(name);
      await this.runCommandBlock(block, page.settings);
    }
  }

  private async runCommandBlock(block: CommandBlock, settings: PagePlan['settings']): Promise<void> {
    const run = new BlockRun(block, settings, this.options.defaultTimeoutSeconds);
    const skip = skipReason(block, settings, this.info);
    if (skip !== undefined) {
      for (const command of block.commands) this.record(run.notRun(command, 'skipped', skip));
      return;
    }
    if (block.annotation.background) await this.startBackground(run);
    else await this.runForeground(run);
  }

  private async runForeground(run: BlockRun): Promise<void> {
    const { block } = run;
    for (const command of block.commands) {
      const current = await this.terminals.get(run.terminal);
      const report = this.record(await run.run(command, current.session));
      if (command === block.commands.at(-1) && block.input) {
        // The typed commands ran inside the interactive one: they share its verdict.
        for (const typed of block.input.commands) {
          this.record({
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

  private async startBackground(run: BlockRun): Promise<void> {
    const { block, terminal, timeoutSeconds } = run;
    const { waitFor } = block.annotation;
    const current = await this.terminals.get(terminal);
    // Placeholders keep the page's order in the report; they get their verdicts as the commands end.
    const reports = block.commands.map((command) => this.record(run.notRun(command, 'not-run', 'the terminal was stopped before this command ran')));
    current.backgroundSteps = reports;
    current.background = run.runInBackground(current.session, reports);
    if (waitFor === undefined) return;
    const seen = await current.session.waitForText(waitFor, timeoutSeconds * 1000);
    if (!seen)
      this.problems.push({
        line: block.annotationLine ?? block.line,
        message: `the background block in terminal ${terminal} never printed "${waitFor}" within ${timeoutSeconds} s.`,
      });
  }

  /** Stops a terminal; its background steps, now judged, are reported as they could not be when they started. */
  private async stopTerminal(name: string): Promise<void> {
    for (const step of await this.terminals.stop(name)) {
      const earlier = this.preparation.get(step);
      if (earlier) this.preparationFailed(step, earlier);
      else if (step.verdict !== 'not-run') this.options.onStep?.(step);
    }
  }

  private record(step: StepReport): StepReport {
    if (this.preparing) {
      this.preparation.set(step, this.preparing);
      this.preparationFailed(step, this.preparing);
      return step;
    }
    this.steps.push(step);
    if (step.verdict !== 'not-run') this.options.onStep?.(step);
    return step;
  }

  private preparationFailed(step: StepReport, page: PagePlan): void {
    if (step.verdict === 'failed')
      this.problems.push({
        message: `preparing the page as ${page.file} leaves it (lesson.after), its step at line ${step.line} (${step.text}) failed: ${step.reason ?? 'no reason given'}`,
      });
  }
}
