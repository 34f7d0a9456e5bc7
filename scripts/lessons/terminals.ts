import path from 'node:path';
import type { StepReport } from '../../src/core/lessons/report.ts';
import { shellQuote } from './command-text.ts';
import type { PageWorkspace } from './engine.ts';
import { ShellSession } from './shell-session.ts';

export const MAIN = 'main';

export interface Terminal {
  session: ShellSession;
  /** A background block's commands, still running, and their reports, filled in as they end. */
  background?: Promise<void>;
  backgroundSteps?: StepReport[];
}

/** Where the reader's main terminal is: inside the lesson's folder (relative to it), or outside. */
export type ShellFolder = { relative: string } | { outside: string };

/** The terminals a reader has open while following a page, by name, each a shell in the page's workspace. */
export class Terminals {
  private readonly open = new Map<string, Terminal>();
  private readonly workspace: PageWorkspace;

  constructor(workspace: PageWorkspace) {
    this.workspace = workspace;
  }

  names(): string[] {
    return [...this.open.keys()];
  }

  /**
   * A terminal by name, opened when needed. A second terminal opens in the folder the main one is
   * in, as a reader who ran `cd app` and then opens another tab there: `docker run -v "$PWD":/app`
   * in it must see the page's files.
   */
  async get(name: string): Promise<Terminal> {
    let existing = this.open.get(name);
    if (!existing?.session.alive) {
      const folder = name === MAIN ? undefined : await this.folder();
      existing = { session: new ShellSession(this.workspace.shell()) };
      this.open.set(name, existing);
      if (folder && 'relative' in folder && folder.relative !== '') {
        await existing.session.run(`cd -- ${shellQuote(path.posix.join(this.workspace.shellDir, folder.relative))}`, { timeoutMs: 10_000 });
      }
    }
    return existing;
  }

  /**
   * The folder the reader's terminal is in, relative to the lesson's folder: a file block is saved
   * there, as a reader who ran `mkdir app && cd app` then creates the file in `app`.
   */
  async folder(): Promise<ShellFolder> {
    const main = this.open.get(MAIN);
    // No terminal yet (or a background block still holds it): the page has not moved anywhere.
    if (!main?.session.alive || main.background) return { relative: '' };
    const result = await main.session.run('pwd', { timeoutMs: 10_000 });
    const cwd = result.output.trim();
    if (result.exitCode !== 0 || !cwd.startsWith('/')) return { relative: '' };
    const relative = path.posix.relative(this.workspace.shellDir, cwd);
    if (relative === '..' || relative.startsWith('../') || path.posix.isAbsolute(relative)) return { outside: cwd };
    return { relative };
  }

  /** Stops a terminal and waits for its background block: returns that block's steps, now with their verdicts. */
  async stop(name: string): Promise<StepReport[]> {
    const stopped = this.open.get(name);
    if (!stopped) return [];
    this.open.delete(name);
    await stopped.session.stop();
    await stopped.background;
    return stopped.backgroundSteps ?? [];
  }
}
