import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dockerEngineInfo, EngineSetupError, type EngineInfo, type EngineObjects, type LessonEngine, type PageWorkspace } from './engine.ts';

const run = promisify(execFile);

/**
 * `--engine host`: the machine's own Docker engine, for CI runners that have one (GitHub's ubuntu
 * runners). Steps run in plain bash in a fresh temporary folder; `docker` is whatever the PATH
 * finds, so the fixture tests put a fake one first on the PATH. Nothing here isolates the engine:
 * that is the sandbox's job, and why it is the default.
 */
export interface HostEngineOptions {
  /** Environment of the shells (PATH decides which `docker` runs). */
  env?: NodeJS.ProcessEnv;
  /** Requirements the machine meets beyond what is detected (`--provides`), e.g. docker-hub-login. */
  provides?: string[];
}

async function docker(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { env, maxBuffer: 16 * 1024 * 1024, timeout: 60_000 });
  return stdout;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export async function createHostEngine(options: HostEngineOptions = {}): Promise<LessonEngine> {
  const env = { ...(options.env ?? process.env) };
  const workspaces = new Set<string>();
  let info: EngineInfo | undefined;
  return {
    async info() {
      if (info) return info;
      let server: string;
      try {
        server = (await docker(env, ['version', '--format', '{{.Server.Version}}'])).trim();
      } catch (error) {
        const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
        throw new EngineSetupError(`--engine host needs a running Docker engine that \`docker\` reaches: ${detail.split('\n')[0]}`);
      }
      const optional = async (args: string[]) => (await docker(env, args).catch(() => '')).trim() || null;
      const cgroup = await optional(['info', '--format', '{{.CgroupVersion}}']);
      const cgroupVersion = cgroup === '1' ? 1 : 2;
      const provides = new Set(options.provides ?? []);
      if (cgroupVersion === 2) provides.add('cgroup-v2');
      // The host reaches the internet and Docker Hub (else pulls fail anyway, naming the image).
      provides.add('registry');
      provides.add('internet');
      info = dockerEngineInfo({
        kind: 'host',
        server,
        compose: await optional(['compose', 'version', '--short']),
        buildx: await optional(['buildx', 'version']),
        cgroupVersion,
        standIns: [],
        provides: [...provides].sort(),
      });
      return info;
    },

    async workspace(pageId) {
      const hostDir = await mkdtemp(path.join(tmpdir(), `lesson-${pageId.replace(/[^\w-]+/g, '-').slice(-40)}-`));
      workspaces.add(hostDir);
      return {
        hostDir,
        shellDir: hostDir,
        shell: () => ({
          command: 'bash',
          // cd first, then a plain bash with no startup files: the reader's prompt settings are not the lesson's.
          args: ['--noprofile', '--norc', '-c', 'cd -- "$1" && exec bash --noprofile --norc', 'lesson-shell', hostDir],
          env: { ...env, HOME: env.HOME ?? hostDir, PWD: hostDir, NO_COLOR: '1', TERM: 'dumb' },
        }),
        async dispose() {
          workspaces.delete(hostDir);
          await rm(hostDir, { recursive: true, force: true });
        },
      } satisfies PageWorkspace;
    },

    async objects(): Promise<EngineObjects> {
      const [containers, images, volumes, networks, cache] = await Promise.all([
        docker(env, ['ps', '-a', '--format', '{{.Names}} ({{.ID}})']),
        docker(env, ['images', '-a', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}']),
        docker(env, ['volume', 'ls', '--format', '{{.Name}}']),
        docker(env, ['network', 'ls', '--format', '{{.Name}}']),
        docker(env, ['buildx', 'du', '--verbose']).catch(() => ''),
      ]);
      return {
        containers: lines(containers),
        images: lines(images).map((line) => {
          const [name, id] = line.split(' ');
          return name === '<none>:<none>' ? (id ?? name!) : name!;
        }),
        volumes: lines(volumes),
        networks: lines(networks).filter((name) => !['bridge', 'host', 'none'].includes(name)),
        buildCache: lines(cache).flatMap((line) => /^ID:\s+(\S+)/.exec(line)?.[1] ?? []),
      };
    },

    async close() {
      await Promise.all([...workspaces].map((dir) => rm(dir, { recursive: true, force: true })));
      workspaces.clear();
    },
  };
}
