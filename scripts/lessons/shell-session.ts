import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { ShellLaunch } from './engine.ts';

/**
 * One terminal of a page: a long-lived bash that reads commands on stdin. A page's steps share
 * its state (cd, variables, exported settings) as they do in a reader's terminal, which a fresh
 * `bash -c` per command would lose. After each command the session prints a marker line with a
 * random nonce and the command's status, so the runner knows where the command's output ends and
 * how it exited, without guessing from timing.
 *
 * The shell leads its own process group. Ctrl+C is SIGINT to that group: the running command gets
 * it as it would from a terminal, and the shell survives it (it traps INT) with the rest of that
 * command line abandoned, as an interactive shell does. A command that
 * outlives its timeout is sent Ctrl+C first and, if it still runs after a grace period, the whole
 * group is killed: the session is then over and the runner starts a new one for what follows.
 */

export interface CommandResult {
  /** What the command printed, stdout and stderr interleaved as on a terminal. */
  output: string;
  /** null when the command did not finish (the session was killed or the shell exited). */
  exitCode: number | null;
  timedOut: boolean;
  /** Ctrl+C was pressed on it (by an annotation or a timeout). */
  interrupted: boolean;
  durationMs: number;
}

export interface RunOptions {
  timeoutMs: number;
  /** Press Ctrl+C once the output contains this text (or after `interruptAfterMs`). */
  interruptWhen?: string;
  interruptAfterMs?: number;
}

const GRACE_MS = 5000;
const MAX_BUFFER = 4 * 1024 * 1024;

/** Every shell still running, so that an interrupted run can end them all (they lead their own process groups). */
const liveSessions = new Set<ShellSession>();

/** Kills every lesson shell this process started: for SIGINT/SIGTERM, before the engine is removed. */
export function killAllSessions(): void {
  for (const session of liveSessions) session.kill();
}

export class ShellSession {
  readonly #child: ChildProcess;
  readonly #nonce = randomBytes(8).toString('hex');
  readonly #marker = `__LESSON_STEP_DONE_${this.#nonce}__`;
  #buffer = '';
  #exited = false;
  #exitCode: number | null = null;
  #listeners = new Set<() => void>();
  /** Everything printed since the session started: what a background terminal is watched by. */
  #transcript = '';
  /** Ctrl+C was pressed while the current command ran (by run() itself or by stop()). */
  #interruptedNow = false;

  constructor(launch: ShellLaunch) {
    this.#child = spawn(launch.command, launch.args, { env: launch.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.#buffer += text;
      this.#transcript = (this.#transcript + text).slice(-MAX_BUFFER);
      this.#notify();
    };
    this.#child.stdout!.on('data', take);
    this.#child.stderr!.on('data', take);
    this.#child.stdin!.on('error', () => {}); // writing to a shell that just exited
    this.#child.on('error', (error) => {
      this.#buffer += `\n(could not start the shell: ${error.message})\n`;
      this.#exited = true;
      this.#notify();
    });
    liveSessions.add(this);
    this.#child.on('exit', (code, signal) => {
      liveSessions.delete(this);
      this.#exited = true;
      this.#exitCode = code ?? (signal ? 128 : null);
      this.#notify();
    });
    // Both streams in one, in order, as a terminal shows them; Ctrl+C stops the command, not the shell.
    // curl draws a progress meter only when its output is not a terminal: here it is a pipe, but a
    // reader's `curl http://localhost:8080` prints just the page, so the session's curl does too.
    this.#child.stdin!.write('exec 2>&1\ntrap \':\' INT\ncurl() { command curl --no-progress-meter "$@"; }\n');
  }

  get alive(): boolean {
    return !this.#exited;
  }

  get transcript(): string {
    return this.#transcript;
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  /** Resolves when `check` holds (checked on every output and exit), or with false after `ms`. */
  #until(check: () => boolean, ms: number): Promise<boolean> {
    if (check()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const listener = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        resolve(false);
      }, ms);
      this.#listeners.add(listener);
    });
  }

  /** Waits until the whole transcript contains `text`, up to `ms`. */
  waitForText(text: string, ms: number): Promise<boolean> {
    return this.#until(() => this.#transcript.includes(text) || this.#exited, ms).then(() => this.#transcript.includes(text));
  }

  /** Ctrl+C: SIGINT to the shell's process group. */
  interrupt(): void {
    this.#interruptedNow = true;
    this.#signal('SIGINT');
  }

  #signal(signal: NodeJS.Signals): void {
    if (this.#exited || this.#child.pid === undefined) return;
    try {
      process.kill(-this.#child.pid, signal);
    } catch {
      // Already gone.
    }
  }

  #finished(): RegExpExecArray | null {
    return new RegExp(`\\n${this.#marker} (\\d+)\\n`).exec(this.#buffer);
  }

  /** Sends one command and waits for its end, its timeout, or the end of the shell. */
  async run(command: string, options: RunOptions): Promise<CommandResult> {
    const started = Date.now();
    this.#buffer = '';
    this.#interruptedNow = false;
    if (this.#exited) return { output: '(the shell had already exited)', exitCode: null, timedOut: false, interrupted: false, durationMs: 0 };
    // The command runs as a function so that Ctrl+C can end all of it (a loop, a && chain) as in
    // a terminal: the INT trap returns from the function, while the shell and its state (cd,
    // variables) stay. Input is /dev/null: a command waiting for the keyboard would otherwise read
    // the next commands.
    // The step starts by setting $? to the previous command's status, which the session's own
    // bookkeeping would otherwise have replaced: `echo $?` after a failing step shows its status,
    // as it does in a terminal.
    const step = `__lesson_step_${this.#nonce}`;
    this.#child.stdin!.write(
      `${step}() {\n__lesson_status_was "\${__lesson_status:-0}"\n${command}\n}\n__lesson_status_was() { return "$1"; }\ntrap 'return 130' INT\n${step} </dev/null; __lesson_status=$?; trap ':' INT; unset -f ${step}; printf '\\n%s %s\\n' '${this.#marker}' "$__lesson_status"\n`,
    );
    const done = () => this.#finished() !== null || this.#exited;
    if (options.interruptWhen !== undefined || options.interruptAfterMs !== undefined) {
      const deadline = Math.min(options.timeoutMs, options.interruptAfterMs ?? options.timeoutMs);
      const seen = options.interruptWhen === undefined ? () => false : () => this.#buffer.includes(options.interruptWhen!);
      await this.#until(() => done() || seen(), deadline);
      if (!done() && (seen() || options.interruptAfterMs !== undefined)) this.interrupt();
    }
    let timedOut = false;
    if (!(await this.#until(done, Math.max(0, options.timeoutMs - (Date.now() - started))))) {
      timedOut = true;
      this.interrupt();
      if (!(await this.#until(done, GRACE_MS))) this.kill();
      await this.#until(() => this.#exited || this.#finished() !== null, GRACE_MS);
    }
    const marker = this.#finished();
    const output = marker ? this.#buffer.slice(0, marker.index) : this.#buffer;
    const exitCode = marker ? Number(marker[1]) : null;
    return { output, exitCode, timedOut, interrupted: this.#interruptedNow, durationMs: Date.now() - started };
  }

  /** Kills the shell and everything it started. */
  kill(): void {
    this.#signal('SIGKILL');
  }

  /** Ctrl+C, then waits for the shell to finish what it runs; kills it after `ms`. */
  async stop(ms = GRACE_MS): Promise<void> {
    this.interrupt();
    this.#child.stdin!.end();
    if (!(await this.#until(() => this.#exited, ms))) this.kill();
    await this.#until(() => this.#exited, 1000);
  }

  /** The exit status of the shell itself, once it exited. */
  get shellExitCode(): number | null {
    return this.#exitCode;
  }
}

/**
 * bash's own verdict on a command's syntax (`bash -n`), before it is sent: an unclosed quote would
 * otherwise swallow the session's marker and hang until the timeout.
 */
export function shellSyntaxError(command: string): string | undefined {
  const result = spawnSync('bash', ['-n', '-c', command, 'lesson-step'], { encoding: 'utf8', timeout: 10_000 });
  if (result.status === 0) return undefined;
  return (result.stderr || 'bash could not read it')
    .trim()
    .split('\n')[0]!
    .replace(/^lesson-step: (-c: )?/, '');
}
