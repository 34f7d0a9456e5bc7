import type { LessonReport } from '../../src/core/lessons/report.ts';

/**
 * The one interface between the lesson runner and where lesson steps run. The runner (parse, run,
 * compare, report) never knows whether it talks to the isolated sandbox engine
 * (scripts/lessons/sandbox/) or to the machine's own engine (`--engine host`): a second course
 * (Python, Kubernetes) brings its own engine, not its own runner.
 */

/**
 * Versions and abilities of the engine, for the report and for skipping steps it cannot run: the
 * report's generic engine description (src/core/lessons/report.ts), which the site turns into
 * "with Docker Engine 28.5.2 and Docker Compose 2.40.3". `provides` lists the requirements this
 * engine meets, by the names lessons use in `needs=` ("cgroup-v2", "registry"); a step needing one
 * that is not listed is skipped with that reason, never passed.
 */
export type EngineInfo = LessonReport['engine'];

/** What both Docker engines (sandbox and host) read from `docker`; null where a command failed. */
export interface DockerVersions {
  kind: EngineInfo['kind'];
  /** `docker version --format {{.Server.Version}}`. */
  server: string | null;
  /** `docker compose version --short`. */
  compose: string | null;
  /** `docker buildx version` ("github.com/docker/buildx 0.29.1+ds1 <revision>"). */
  buildx: string | null;
  cgroupVersion: 1 | 2;
  standIns: string[];
  provides: string[];
}

/** The report's words for a Docker engine: the pages name the engine and Compose; buildx and cgroup are for the runner's summary. */
export function dockerEngineInfo(versions: DockerVersions): EngineInfo {
  // The buildx version is the second word of its banner.
  const buildx = versions.buildx ? (versions.buildx.split(/\s+/)[1] ?? versions.buildx) : 'missing';
  return {
    kind: versions.kind,
    name: 'Docker Engine',
    version: versions.server,
    tools: versions.compose ? [{ name: 'Docker Compose', version: versions.compose }] : [],
    details: { buildx, cgroup: `v${versions.cgroupVersion}` },
    standIns: versions.standIns,
    provides: versions.provides,
  };
}

/** "Docker Engine 28.5.2, Docker Compose 2.40.3, buildx 0.29.1, cgroup v2": one line for the terminal. */
export function engineSummary(info: EngineInfo): string {
  const tools = info.tools.map((tool) => `${tool.name} ${tool.version}`);
  const details = Object.entries(info.details).map(([name, value]) => `${name} ${value}`);
  return [`${info.name} ${info.version ?? '(version unknown)'}`, ...tools, ...details].join(', ');
}

/** What the engine holds: the clean-state check compares these before and after a page. */
export interface EngineObjects {
  /** "name (short id)" of every container, running or not. */
  containers: string[];
  /** "repository:tag", or the short id of an untagged image. */
  images: string[];
  volumes: string[];
  /** User-defined networks only (not bridge, host, none). */
  networks: string[];
  /** Build cache records (`docker buildx du` / `docker system df`), by id. */
  buildCache: string[];
}

/** How to start one non-interactive bash that reads commands on stdin, working in a page's directory. */
export interface ShellLaunch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export interface PageWorkspace {
  /** The work directory as this process sees it: the runner writes titled code blocks here. */
  hostDir: string;
  /** The same directory as the page's shells see it (inside the sandbox its path differs). */
  shellDir: string;
  /**
   * A shell running in the work directory, with `docker` talking to the engine, and in the engine's
   * network namespace, so `curl http://localhost:8080` reaches a port a step published. Each call
   * starts a new shell (a second terminal, a background step); the runner owns the processes and
   * signals their process group (Ctrl+C is SIGINT to the group).
   */
  shell(): ShellLaunch;
  /** Removes the work directory. */
  dispose(): Promise<void>;
}

export interface LessonEngine {
  info(): Promise<EngineInfo>;
  /** A fresh, empty work directory for one page. */
  workspace(pageId: string): Promise<PageWorkspace>;
  objects(): Promise<EngineObjects>;
  /**
   * The end of the engine's own log, for a run with a failed page: a build or a container that
   * failed often says why only there, and a CI log is all a later reader has. Undefined when the
   * engine keeps no log of its own (the host's engine).
   */
  logTail?(lines: number): string | undefined;
  /** Stops and removes what the engine started. Safe to call twice; the runner calls it on SIGINT/SIGTERM too. */
  close(): Promise<void>;
}

/** An engine that cannot start (no Docker, no debootstrap, not root): the runner exits 2 with this message. */
export class EngineSetupError extends Error {
  override name = 'EngineSetupError';
}
