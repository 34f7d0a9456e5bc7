import { spawn } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Docker engine for the image test: Debian's docker.io (`npm run setup:system`). Its own client
 * goes with its daemon: with DOCKER_BUILDKIT=1 it builds with BuildKit without the buildx plugin,
 * which a newer client elsewhere on PATH may lack (and then it refuses `RUN --mount`).
 */
const DEBIAN_CLIENT = '/usr/bin/docker';
const DEBIAN_DAEMON = '/usr/sbin/dockerd';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class DockerError extends Error {
  override name = 'DockerError';
}

export interface DockerRunOptions {
  /** Fed to the command's standard input (a file to stream, such as a root file system tarball). */
  stdinFile?: string;
  cwd?: string;
  /** The command is killed after this long; Docker's own commands have no deadline of their own. */
  timeoutMs?: number;
  /** Called with each chunk of output as it comes (build logs), besides collecting it. */
  onOutput?: (chunk: string) => void;
}

/** Runs a program and collects its output; a non-zero exit is returned, not thrown. */
export function runCommand(command: string, args: string[], options: DockerRunOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onOutput?.(chunk);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onOutput?.(chunk);
    });
    if (options.stdinFile) createReadStream(options.stdinFile).once('error', reject).pipe(child.stdin!);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout,
        stderr: signal ? `${stderr}\n(killed by ${signal} after ${options.timeoutMs} ms)` : stderr,
      });
    });
  });
}

export interface Docker {
  /** Runs `docker ARGS`; throws a DockerError with Docker's message when it fails. */
  (args: string[], options?: DockerRunOptions): Promise<string>;
  client: string;
}

function dockerWith(client: string): Docker {
  const env = { ...process.env, DOCKER_BUILDKIT: '1' };
  const docker = async (args: string[], options: DockerRunOptions = {}) => {
    const result = await runCommand(client, args, { ...options, env });
    if (result.code !== 0)
      throw new DockerError(`docker ${args.join(' ')} failed (exit ${result.code}):\n${(result.stderr || result.stdout).trim().slice(-4000)}`);
    return result.stdout.trim();
  };
  return Object.assign(docker, { client });
}

export type Engine = { available: true; docker: Docker; startedDaemon: boolean; stop(): Promise<void> } | { available: false; reason: string };

/**
 * A working Docker engine: the one running already, or a dockerd started here (as root) and
 * stopped by stop(). When none can be had, the reason why, for the test to print as it skips.
 */
export async function startEngine(options: { logDir: string; timeoutMs?: number }): Promise<Engine> {
  const client = existsSync(DEBIAN_CLIENT) ? DEBIAN_CLIENT : 'docker';
  const docker = dockerWith(client);
  const version = await runCommand(client, ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 20_000 }).catch((error: Error) => ({
    code: 127,
    stdout: '',
    stderr: error.message,
  }));
  if (version.code === 0) return { available: true, docker, startedDaemon: false, stop: async () => {} };
  if (version.code === 127 && !existsSync(DEBIAN_CLIENT))
    return { available: false, reason: "no docker client is installed (`npm run setup:system` installs Debian's docker.io)" };
  if (!existsSync(DEBIAN_DAEMON))
    return {
      available: false,
      reason: `no Docker daemon answers and ${DEBIAN_DAEMON} is not installed (\`npm run setup:system\` installs Debian's docker.io)`,
    };
  if (process.getuid?.() !== 0) return { available: false, reason: 'no Docker daemon answers, and only root can start dockerd' };

  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, 'dockerd.log');
  const log = openSync(logFile, 'a');
  // Its own process group, so the test's workers ending does not take the daemon down half-way.
  const daemon = spawn(DEBIAN_DAEMON, [], { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise<void>((resolve) => daemon.once('exit', () => resolve()));
  const stop = async () => {
    if (daemon.exitCode !== null || daemon.signalCode !== null || daemon.pid === undefined) return;
    // SIGTERM lets dockerd stop its containers and its containerd before it exits.
    process.kill(daemon.pid, 'SIGTERM');
    const timer = setTimeout(() => daemon.pid !== undefined && daemon.exitCode === null && process.kill(daemon.pid, 'SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (daemon.exitCode !== null) break;
    const answer = await runCommand(client, ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 10_000 });
    if (answer.code === 0) return { available: true, docker, startedDaemon: true, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
  return { available: false, reason: `dockerd did not start here (log: ${logFile}):\n${tail}` };
}
