/**
 * The one interface between the lesson runner and where lesson steps run. The runner (parse, run,
 * compare, report) never knows whether it talks to the isolated sandbox engine
 * (scripts/lessons/sandbox/) or to the machine's own engine (`--engine host`): a second course
 * (Python, Kubernetes) brings its own engine, not its own runner.
 */

/** Versions and abilities of the engine, for the report and for skipping steps it cannot run. */
export interface EngineInfo {
  kind: 'sandbox' | 'host';
  /** Docker Engine (server) version, e.g. "28.5.2". */
  dockerEngine: string;
  /** `docker compose version --short`, or null when the plugin is missing. */
  compose: string | null;
  /** `docker buildx version`, or null when the plugin is missing. */
  buildx: string | null;
  cgroupVersion: 1 | 2;
  /** Images that are local stand-ins rather than the real ones, by their official name ("nginx:alpine"). */
  standIns: string[];
  /**
   * Requirements this engine meets, by the names lessons use in annotations ("cgroup-v2",
   * "docker-hub-login", "desktop-only", "multi-platform", "registry"). A step needing one that is
   * not listed is skipped with that reason, never passed.
   */
  provides: string[];
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
  /** Stops and removes what the engine started. Safe to call twice; the runner calls it on SIGINT/SIGTERM too. */
  close(): Promise<void>;
}

/** An engine that cannot start (no Docker, no debootstrap, not root): the runner exits 2 with this message. */
export class EngineSetupError extends Error {
  override name = 'EngineSetupError';
}
