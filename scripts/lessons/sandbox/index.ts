import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { dockerEngineInfo, EngineSetupError, type EngineInfo, type EngineObjects, type LessonEngine, type PageWorkspace } from '../engine.ts';
import { resolveCacheDir } from './cache.ts';
import { DEBIAN_MIRROR, ensureBase } from './debian.ts';
import { dockerIn, sandboxEnv, startDaemon, takeLock, type SandboxDaemon } from './daemon.ts';
import { OBJECT_QUERIES, parseBuildCache, parseContainers, parseImages, parseNetworks, parseVolumes } from './objects.ts';
import { fillMirror } from './mirror.ts';
import { PACKAGE_PROXY_PORT, PACKAGE_PROXY_SOCKET, type PackageProxy, startPackageProxy } from './package-proxy.ts';
import { ensureSandboxRoot } from './root.ts';
import { ensureStandIns, type StandInOutcome } from './standins.ts';
import { STANDIN_RECIPES } from './standins/recipes.ts';

export interface SandboxOptions {
  /** Where the Debian trees and the engine's data are kept (see resolveCacheDir). */
  cacheDir?: string;
  /** Progress lines (debootstrap, apt, stand-in builds); silent by default. */
  log?: (line: string) => void;
  /** Make sure the lessons' images are there (default true); false starts a bare engine. */
  standIns?: boolean;
  /** Use real images when a registry answers and the host has an engine to pull them (default true). */
  pullReal?: boolean;
}

/** How long each part of getting ready took, and where every image came from: for the report. */
export interface SandboxPreparation {
  rootSeconds: number;
  rootBuilt: boolean;
  daemonSeconds: number;
  images: StandInOutcome[];
  imagesSeconds: number;
}

/** The sandbox engine, with what its preparation did (an extension of LessonEngine, not needed by the runner). */
export interface SandboxEngine extends LessonEngine {
  readonly preparation: SandboxPreparation;
  /** The sandbox root as the host sees it. */
  readonly root: string;
  /** Host PID of the namespace's init: when it is gone, so is every process of the sandbox. */
  readonly initPid: number;
}

const WORK_IN_ROOT = '/work';

/** A page id as a folder name: "hands-on/first-container" → "hands-on-first-container". */
export function workFolderName(pageId: string, index: number): string {
  const slug = pageId
    .replace(/\.(md|mdx)$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'page'}-${index}`;
}

/**
 * Empties the engine of what an earlier, interrupted run may have left (containers, volumes,
 * networks, build cache, images that are not the lessons' own), so every run starts alike.
 */
async function resetEngine(daemon: SandboxDaemon, keepImages?: Set<string>): Promise<void> {
  const containers = (await dockerIn(daemon, ['ps', '--all', '--quiet'])).split('\n').filter(Boolean);
  if (containers.length > 0) await dockerIn(daemon, ['rm', '--force', '--volumes', ...containers]);
  await dockerIn(daemon, ['volume', 'prune', '--all', '--force']);
  await dockerIn(daemon, ['network', 'prune', '--force']);
  await dockerIn(daemon, ['builder', 'prune', '--all', '--force']);
  // A bare engine (no stand-ins asked for) keeps every image: the stand-ins stay cached for later.
  if (!keepImages) return;
  const images = (await dockerIn(daemon, ['images', '--all', '--format', '{{.Repository}}:{{.Tag}}\t{{.ID}}'])).split('\n').filter(Boolean);
  const stray = images
    .filter((line) => !keepImages.has(line.split('\t')[0]!))
    .map((line) => (line.startsWith('<none>') ? line.split('\t')[1]! : line.split('\t')[0]!));
  if (stray.length > 0) await daemon.exec(['docker', 'image', 'rm', '--force', ...new Set(stray)]);
}

/** Locked before the root: a run with another recipe replaces the root, and must not replace it under a run still using it. */
async function lockedRoot(cacheDir: string, log: (line: string) => void) {
  const lockFile = path.join(cacheDir, 'engine.lock');
  takeLock(lockFile);
  try {
    const base = await ensureBase(cacheDir, log);
    const { root, built } = await ensureSandboxRoot(cacheDir, log);
    return { lockFile, base, root, rootBuilt: built };
  } catch (error) {
    rmSync(lockFile, { force: true });
    throw error;
  }
}

/** What a running engine needs before the first page: the way to Debian's mirror, a clean slate, the stand-ins and the Docker Hub mirror. */
async function fillEngine(
  daemon: SandboxDaemon,
  where: { base: string; root: string; cacheDir: string },
  options: SandboxOptions,
  log: (line: string) => void,
) {
  const { packageProxy, packagesReachable } = await openPackageProxy(daemon, where.root, log);
  try {
    const recipes = options.standIns === false ? [] : STANDIN_RECIPES;
    await resetEngine(daemon, options.standIns === false ? undefined : new Set(recipes.flatMap((recipe) => recipe.names)));
    const images = await ensureStandIns(daemon, { base: where.base, workDir: where.cacheDir, log, recipes, tryPull: options.pullReal });
    await fillMirror(
      daemon,
      images.flatMap((image) => image.names),
      log,
    );
    return { images, packageProxy, packagesReachable };
  } catch (error) {
    await packageProxy?.close();
    throw error;
  }
}

/** A fresh folder per page under the sandbox's /work, and bash sessions that start in it. */
function pageWorkspaces(daemon: SandboxDaemon, workRoot: string, isClosed: () => boolean): (pageId: string) => Promise<PageWorkspace> {
  let pages = 0;
  return async (pageId) => {
    if (isClosed()) throw new Error('the lesson sandbox is closed');
    const name = workFolderName(pageId, ++pages);
    const hostDir = path.join(workRoot, name);
    rmSync(hostDir, { recursive: true, force: true });
    mkdirSync(hostDir);
    const dirInRoot = `${WORK_IN_ROOT}/${name}`;
    return {
      hostDir,
      shellDir: dirInRoot,
      shell: () => {
        const [command, ...args] = daemon.enterArgs({ fork: false });
        // --no-fork keeps one process: bash itself (its children land in the sandbox's PID
        // namespace), so the runner's signals to the process group reach bash and what it runs.
        return {
          command: command!,
          args: [...args, '/bin/bash', '-c', 'cd -- "$1" && exec /bin/bash', 'bash', dirInRoot],
          env: { ...sandboxEnv(), PWD: dirInRoot },
        };
      },
      dispose: async () => rmSync(hostDir, { recursive: true, force: true }),
    };
  };
}

async function listObjects(daemon: SandboxDaemon): Promise<EngineObjects> {
  const [containers, images, volumes, networks, buildCache] = await Promise.all([
    dockerIn(daemon, OBJECT_QUERIES.containers).then(parseContainers),
    dockerIn(daemon, OBJECT_QUERIES.images).then(parseImages),
    dockerIn(daemon, OBJECT_QUERIES.volumes).then(parseVolumes),
    dockerIn(daemon, OBJECT_QUERIES.networks).then(parseNetworks),
    dockerIn(daemon, OBJECT_QUERIES.buildCache).then(parseBuildCache),
  ]);
  return { containers, images, volumes, networks, buildCache };
}

function logTailOf(logFile: string, lines: number): string | undefined {
  if (!existsSync(logFile)) return undefined;
  return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts the isolated lesson engine: sid's Docker Engine in namespaces of its own with no route
 * out, its root and images cached between runs. Throws EngineSetupError when it cannot start here.
 */
export async function createSandboxEngine(options: SandboxOptions = {}): Promise<SandboxEngine> {
  const log = options.log ?? (() => undefined);
  const cacheDir = resolveCacheDir(options.cacheDir);
  mkdirSync(cacheDir, { recursive: true });
  if (process.getuid?.() !== 0)
    throw new EngineSetupError(
      'The lesson sandbox starts its own Docker daemon in Linux namespaces and needs root; run as root, or use `--engine host`.',
    );

  let started = performance.now();
  const since = () => {
    const seconds = (performance.now() - started) / 1000;
    started = performance.now();
    return seconds;
  };
  const { lockFile, base, root, rootBuilt } = await lockedRoot(cacheDir, log);
  const rootSeconds = since();
  const daemon = await startDaemon({ root, dataDir: path.join(cacheDir, 'engine'), lockFile });
  const onExit = () => {
    // Last resort when the process ends without close(): killing init ends the whole sandbox.
    try {
      process.kill(daemon.initPid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', onExit);
  const daemonSeconds = since();

  let filled: Awaited<ReturnType<typeof fillEngine>>;
  try {
    filled = await fillEngine(daemon, { base, root, cacheDir }, options, log);
  } catch (error) {
    await daemon.stop();
    process.removeListener('exit', onExit);
    throw error;
  }
  const { images, packageProxy, packagesReachable } = filled;
  const preparation: SandboxPreparation = { rootSeconds, rootBuilt, daemonSeconds, images, imagesSeconds: since() };

  const workRoot = path.join(root, WORK_IN_ROOT);
  rmSync(workRoot, { recursive: true, force: true });
  mkdirSync(workRoot, { recursive: true });
  let closed: Promise<void> | undefined;
  let info: Promise<EngineInfo> | undefined;

  return {
    preparation,
    root,
    initPid: daemon.initPid,
    info: () => (info ??= readInfo(daemon, images, { mirrored: options.standIns !== false, packagesReachable })),
    workspace: pageWorkspaces(daemon, workRoot, () => closed !== undefined),
    logTail: (lines) => logTailOf(daemon.logFile, lines),
    objects: () => listObjects(daemon),
    close: () =>
      (closed ??= (async () => {
        await daemon.stop();
        await packageProxy?.close();
        process.removeListener('exit', onExit);
        rmSync(workRoot, { recursive: true, force: true });
      })()),
  };
}

/**
 * Starts the way to Debian's package mirror and checks it from inside the sandbox: where the
 * machine cannot reach the mirror (or the socket path is too long), steps that need it are
 * skipped, named, rather than failed.
 */
async function openPackageProxy(
  daemon: SandboxDaemon,
  root: string,
  log: (line: string) => void,
): Promise<{ packageProxy?: PackageProxy; packagesReachable: boolean }> {
  let packageProxy: PackageProxy;
  try {
    packageProxy = await startPackageProxy(path.join(root, PACKAGE_PROXY_SOCKET));
  } catch (error) {
    log(`package proxy: not started (${(error as Error).message})`);
    return { packagesReachable: false };
  }
  const probe = await daemon.exec(
    [
      'curl',
      '--silent',
      '--fail',
      '--head',
      '--max-time',
      '20',
      '--proxy',
      `http://127.0.0.1:${PACKAGE_PROXY_PORT}`,
      `${DEBIAN_MIRROR}/dists/sid/Release`,
    ],
    { timeoutMs: 30_000 },
  );
  if (probe.code !== 0) log(`package proxy: Debian's mirror did not answer through it (curl exit ${probe.code})`);
  return { packageProxy, packagesReachable: probe.code === 0 };
}

async function readInfo(
  daemon: SandboxDaemon,
  images: StandInOutcome[],
  { mirrored, packagesReachable }: { mirrored: boolean; packagesReachable: boolean },
): Promise<EngineInfo> {
  const [engine, cgroup, compose, buildx] = await Promise.all(
    [
      ['version', '--format', '{{.Server.Version}}'],
      ['info', '--format', '{{.CgroupVersion}}'],
      ['compose', 'version', '--short'],
      ['buildx', 'version'],
    ].map((args) => daemon.exec(['docker', ...args]).then((result) => (result.code === 0 ? result.stdout.trim() : null))),
  );
  const cgroupVersion = cgroup === '2' ? 2 : 1;
  return dockerEngineInfo({
    kind: 'sandbox',
    server: engine ?? null,
    compose: compose ?? null,
    buildx: buildx ?? null,
    cgroupVersion,
    standIns: images.filter((image) => image.source !== 'pulled').flatMap((image) => image.names),
    // Pulls from Docker Hub come from the mirror of the stand-ins, apt from Debian's mirror; no
    // Docker Hub account, no Desktop, one platform; cgroup v2 only if the kernel gives it.
    provides: [...(mirrored ? ['registry'] : []), ...(packagesReachable ? ['package-mirror'] : []), ...(cgroupVersion === 2 ? ['cgroup-v2'] : [])],
  });
}
