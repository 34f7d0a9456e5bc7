import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand, type RunResult } from '../../support/docker.ts';
import { EngineSetupError } from '../engine.ts';
import { isAlive } from './cache.ts';
import { MIRROR_ADDRESS, MIRROR_CONFIG_PATH, MIRROR_STORAGE } from './mirror.ts';
import { PACKAGE_PROXY_PORT, PACKAGE_PROXY_SOCKET } from './package-proxy.ts';

/**
 * sid's dockerd, started as a process tree of its own:
 * - `unshare --net --mount --pid --uts --fork`: a network namespace with only `lo` (no route out),
 *   a mount namespace whose mounts vanish with it, and a PID namespace whose init takes every
 *   process in it down when it ends;
 * - the sandbox root bind-mounted onto itself, /proc, /dev and the machine's cgroups inside it, a
 *   sysfs of its own (mounted from inside the new network namespace, so /sys/class/net lists the
 *   sandbox's bridges and veths: with the machine's, dockerd cannot see a container's bridge port
 *   come up and only waits 20 ms, hoping), tmpfs /run, /tmp and /root (the shells' home: what a
 *   run leaves there, such as Compose's per-project PID file, must not reach the next run, whose
 *   PID namespace hands out the same small numbers: "cannot take exclusive lock for project
 *   dev-loop: process with PID 870 is still running"), then made the namespace's root with pivot_root and the machine's root unmounted. A mere
 *   chroot is not enough: `docker import` needs `/` to be a mount point, and `docker exec` joins a
 *   container's mount namespace at that namespace's root, which would be the machine's own `/`;
 * - the root's own containerd, started first with its socket in the root's /run, and dockerd told
 *   to use it (left alone, dockerd starts one that answers it with "unknown service ...Leases");
 * - the engine's data (/var/lib/docker, /var/lib/containerd) and the Docker Hub mirror's storage
 *   bind-mounted from the cache, so the stand-in images are still there next run;
 * - the mirror (mirror.ts) started before dockerd, on the namespace's loopback, and socat on port
 *   3142, the sandbox's end of the way to Debian's package mirror (package-proxy.ts); init's end
 *   takes them down with everything else.
 *
 * The init script in the namespace watches its standard input, a pipe from this process: when this
 * process ends in any way, even killed, the pipe closes and the sandbox shuts itself down.
 */
const MOUNT_SCRIPT = `set -e
mount --make-rprivate /
mount --bind "$1" "$1"
mount -t proc proc "$1/proc"
mount -t sysfs sysfs "$1/sys"
mount --rbind /sys/fs/cgroup "$1/sys/fs/cgroup"
mount --rbind /dev "$1/dev"
mount -t tmpfs -o mode=755 tmpfs "$1/run"
mount -t tmpfs -o mode=1777 tmpfs "$1/tmp"
mount -t tmpfs -o mode=700 tmpfs "$1/root"
mount --bind "$2/docker" "$1/var/lib/docker"
mount --bind "$2/containerd" "$1/var/lib/containerd"
mount --bind "$2/mirror" "$1${MIRROR_STORAGE}"
hostname lesson-sandbox
mkdir -p "$1/.old-root"
cd "$1"
pivot_root . .old-root
umount -l /.old-root
rmdir /.old-root
exec /bin/bash -c "$3"`;

const INIT_SCRIPT = `exec 3<&0
ip link set lo up
mkdir -p /run/containerd /var/log/sandbox
docker-registry serve ${MIRROR_CONFIG_PATH} >/var/log/sandbox/mirror.log 2>&1 3<&- &
socat TCP-LISTEN:${PACKAGE_PROXY_PORT},fork,reuseaddr UNIX-CONNECT:${PACKAGE_PROXY_SOCKET} >/var/log/sandbox/packages.log 2>&1 3<&- &
containerd --address /run/containerd/containerd.sock --root /var/lib/containerd --state /run/containerd >/var/log/sandbox/containerd.log 2>&1 3<&- &
containerd=$!
for _ in $(seq 100); do [ -S /run/containerd/containerd.sock ] && break; sleep 0.1; done
dockerd --containerd=/run/containerd/containerd.sock --host=unix:///run/docker.sock --data-root=/var/lib/docker \\
  --exec-root=/run/docker --pidfile=/run/docker.pid --registry-mirror=http://${MIRROR_ADDRESS} >/var/log/sandbox/dockerd.log 2>&1 3<&- &
dockerd=$!
stop() { kill -TERM $dockerd 2>/dev/null; wait $dockerd; kill -TERM $containerd 2>/dev/null; wait $containerd; exit 0; }
trap stop TERM INT
# A background job's stdin is /dev/null: the pipe is read through fd 3, kept from the start.
(read -r _ <&3; kill -TERM 1) &
wait $dockerd
echo "dockerd exited" >&2
stop`;

export const SOCKET_IN_ROOT = '/run/docker.sock';
/** A line of the init script, to tell a leftover sandbox init from an unrelated process that took its PID. */
const INIT_MARKER = '/var/log/sandbox/dockerd.log';

export interface SandboxDaemon {
  root: string;
  /** The host PID of the namespace's init (unshare's child): the one to signal, never its "1". */
  initPid: number;
  /** Runs a command in the sandbox (its root, and its mount, network and PID namespaces). */
  exec(command: string[], options?: { timeoutMs?: number; stdinFile?: string }): Promise<RunResult>;
  /**
   * The `nsenter` prefix that runs a program inside the sandbox. With `fork: false` the
   * program itself stays in the host's PID namespace and only its children enter the sandbox's: one
   * process for the caller to signal, but it must be single-threaded (bash is; a Go program such as
   * docker fails to start its threads there).
   */
  enterArgs(options?: { fork?: boolean }): string[];
  logFile: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function childPidOf(pid: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? Number(children.split(/\s+/)[0]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The lock names the run using the sandbox cache: two runs on one engine data folder would corrupt
 * it, and a run with another recipe would replace the root the first one runs in. Taken before
 * the root is built or replaced (createSandboxEngine), and again, harmlessly, by startDaemon.
 */
export function takeLock(lockFile: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // "wx": created only if absent, so two runs starting together cannot both take it.
      writeFileSync(lockFile, JSON.stringify({ pid: process.pid }), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let held: { pid: number; initPid?: number } | undefined;
    try {
      held = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; initPid?: number };
    } catch {
      // Unreadable or half written: treated as stale.
    }
    if (held?.pid === process.pid) return;
    if (held && isAlive(held.pid)) {
      throw new EngineSetupError(
        `Another lesson run (process ${held.pid}) is using the sandbox in ${path.dirname(lockFile)}. Wait for it to end, or give this run its own cache folder (LESSONS_CACHE_DIR).`,
      );
    }
    // A run that was killed before it could stop its sandbox: that sandbox shuts itself down once
    // its pipe closes, but make sure, by the PID that run recorded, and only if it is still ours.
    if (held?.initPid && isAlive(held.initPid)) {
      const cmdline = readFileSync(`/proc/${held.initPid}/cmdline`, 'utf8');
      if (cmdline.includes(INIT_MARKER)) process.kill(held.initPid, 'SIGKILL');
    }
    rmSync(lockFile, { force: true });
  }
  throw new EngineSetupError(`Could not take the sandbox lock ${lockFile}: another run keeps taking it.`);
}

export async function startDaemon(options: { root: string; dataDir: string; lockFile: string; timeoutMs?: number }): Promise<SandboxDaemon> {
  const { root, dataDir, lockFile } = options;
  if (process.getuid?.() !== 0)
    throw new EngineSetupError('The lesson sandbox starts its own Docker daemon and needs root (run as root, or use `--engine host`).');
  takeLock(lockFile);
  for (const dir of ['docker', 'containerd', 'mirror']) mkdirSync(path.join(dataDir, dir), { recursive: true });
  const logDir = path.join(root, 'var/log/sandbox');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'dockerd.log');
  const startLog = path.join(logDir, 'start.log');
  const log = openSync(startLog, 'w');
  // Detached: a Ctrl+C in the terminal reaches the runner, which stops the sandbox in order.
  const unshare: ChildProcess = spawn(
    'unshare',
    ['--net', '--mount', '--pid', '--uts', '--fork', '--kill-child', '--', '/bin/sh', '-c', MOUNT_SCRIPT, 'sandbox', root, dataDir, INIT_SCRIPT],
    { detached: true, stdio: ['pipe', log, log] },
  );
  closeSync(log);
  const exited = new Promise<void>((resolve) => unshare.once('exit', () => resolve()));
  unshare.once('error', () => undefined);
  let initPid: number | undefined;
  for (let i = 0; i < 50 && !initPid && unshare.exitCode === null; i++) {
    await sleep(100);
    initPid = unshare.pid ? childPidOf(unshare.pid) : undefined;
  }
  if (!initPid) {
    await exited;
    throw new EngineSetupError(`The sandbox namespace did not start:\n${readFileSync(startLog, 'utf8').slice(-2000)}`);
  }
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, initPid }));
  const pid = initPid;

  // Joining the mount namespace puts the process at its root, the sandbox root: no chroot needed.
  const enterArgs = (options: { fork?: boolean } = {}) => [
    'nsenter',
    `--target=${pid}`,
    '--mount',
    '--net',
    '--pid',
    ...(options.fork === false ? ['--no-fork'] : []),
    '--',
  ];
  const exec: SandboxDaemon['exec'] = (command, execOptions = {}) => {
    const [program, ...args] = [...enterArgs(), ...command];
    return runCommand(program!, args, { env: sandboxEnv(), timeoutMs: execOptions.timeoutMs ?? 120_000, stdinFile: execOptions.stdinFile });
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (unshare.exitCode === null && unshare.signalCode === null) {
        // Closing the pipe asks init to stop dockerd (which stops its containers) and containerd.
        unshare.stdin?.end();
        const deadline = Date.now() + 20_000;
        while (isAlive(pid) && Date.now() < deadline) await sleep(100);
        // Killing a PID namespace's init kills every process in it, containers included.
        if (isAlive(pid)) process.kill(pid, 'SIGKILL');
        await exited;
      }
      rmSync(lockFile, { force: true });
    })();
    return stopping;
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline && unshare.exitCode === null) {
    const answer = await exec(['docker', 'version', '--format', '{{.Server.Version}}'], { timeoutMs: 10_000 });
    if (answer.code === 0) return { root, initPid: pid, exec, enterArgs, logFile, stop };
    await sleep(300);
  }
  await stop();
  const tail = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n') : '');
  throw new EngineSetupError(`The sandbox's dockerd did not start (log: ${logFile}):\n${tail(startLog)}\n${tail(logFile)}`);
}

/** Runs `docker …` in the sandbox and gives its output; throws, naming the command and its error, when it fails. */
export async function dockerIn(
  daemon: SandboxDaemon,
  args: readonly string[],
  options: { timeoutMs?: number; stdinFile?: string } = {},
): Promise<string> {
  const result = await daemon.exec(['docker', ...args], options);
  if (result.code !== 0)
    throw new Error(`docker ${args.join(' ')} failed in the sandbox (exit ${result.code}):\n${(result.stderr || result.stdout).trim().slice(-2000)}`);
  return result.stdout.trim();
}

/** The environment of every command in the sandbox: the root's programs, not the host's. */
export function sandboxEnv(): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: '/root',
    USER: 'root',
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    DOCKER_HOST: `unix://${SOCKET_IN_ROOT}`,
    // No "What's next" advertisements between a command and its output.
    DOCKER_CLI_HINTS: 'false',
  };
}

/** The PID namespace a process is in ("pid:[4026532...]"), or undefined when it is gone. */
export function pidNamespaceOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return undefined;
  }
}

/** Every process still alive in that PID namespace, seen from the host: none, once stopped. */
export function processesInNamespace(namespace: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => pidNamespaceOf(pid) === namespace);
}
