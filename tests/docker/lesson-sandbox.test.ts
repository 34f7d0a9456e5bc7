import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineSetupError, type PageWorkspace } from '../../scripts/lessons/engine.ts';
import { isAlive, resolveCacheDir } from '../../scripts/lessons/sandbox/cache.ts';
import { pidNamespaceOf, processesInNamespace } from '../../scripts/lessons/sandbox/daemon.ts';
import { createSandboxEngine, type SandboxEngine } from '../../scripts/lessons/sandbox/index.ts';

/**
 * The lesson sandbox, started for real: sid's Docker Engine in its own namespaces, with the
 * stand-in images. The first run on a machine builds the root and every stand-in (many minutes);
 * later runs reuse the cache (LESSONS_CACHE_DIR, or ~/.cache/docker-learning/lessons). Where the
 * sandbox cannot start (not root, no debootstrap), the file is skipped and says why.
 */

let engine: SandboxEngine | undefined;
let skipReason: string | undefined;
try {
  engine = await createSandboxEngine({ log: (line) => console.log(`sandbox: ${line}`) });
} catch (error) {
  if (!(error instanceof EngineSetupError)) throw error;
  skipReason = error.message;
  console.warn(`\nThe lesson sandbox test is skipped: ${skipReason}\n`);
}

let workspace: PageWorkspace;
let namespace: string | undefined;

interface ShellResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs `script` in a fresh sandbox shell of the page, as the runner does: commands on stdin. */
function inShell(script: string, options: { timeoutMs?: number; onStart?: (pid: number) => void } = {}): Promise<ShellResult> {
  const launch = workspace.shell();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(launch.command, launch.args, { env: launch.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), options.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
    child.stdin.end(script);
    options.onStart?.(child.pid!);
  });
}

const describeSandbox = skipReason ? describe.skip : describe;

beforeAll(async () => {
  if (!engine) return;
  const { preparation } = engine;
  console.log(
    `root ${preparation.rootBuilt ? 'built' : 'reused'} in ${preparation.rootSeconds.toFixed(1)} s, engine up in ${preparation.daemonSeconds.toFixed(1)} s, images ready in ${preparation.imagesSeconds.toFixed(1)} s`,
  );
  namespace = pidNamespaceOf(engine.initPid);
  workspace = await engine.workspace('content/docs/hands-on/sandbox-test.md');
}, 40 * 60_000);

afterAll(async () => {
  await engine?.close();
});

describeSandbox('the lesson sandbox engine', () => {
  it('reports a current engine and the stand-ins it built', async () => {
    const info = await engine!.info();
    expect(info.kind).toBe('sandbox');
    expect(info).toMatchObject({ name: 'Docker Engine', version: expect.stringMatching(/^28\./) });
    expect(info.tools).toEqual([{ name: 'Docker Compose', version: expect.stringMatching(/^2\.4\d/) }]);
    expect(info.details.buildx).toMatch(/^0\.(29|[3-9]\d)/);
    const hostCgroup = existsSync('/sys/fs/cgroup/cgroup.controllers') ? 2 : 1;
    expect(info.details.cgroup).toBe(`v${hostCgroup}`);
    expect(info.provides.includes('cgroup-v2')).toBe(hostCgroup === 2);
    expect(info.provides).toContain('registry');
    for (const never of ['docker-hub-login', 'desktop-only', 'multi-platform']) expect(info.provides).not.toContain(never);
    expect(info.standIns).toEqual(expect.arrayContaining(['alpine:latest', 'nginx:alpine', 'postgres:18', 'node:24-alpine']));
  });

  it('runs a container from a page shell, in the page folder', async () => {
    writeFileSync(path.join(workspace.hostDir, 'note.txt'), 'written by the runner\n');
    const result = await inShell('pwd\ncat note.txt\ndocker run --rm alpine echo hi\ndocker run --rm -v "$PWD":/data alpine cat /data/note.txt\n');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`/work/${path.basename(workspace.hostDir)}\nwritten by the runner\nhi\nwritten by the runner\n`);
    expect(result.code).toBe(0);
  });

  it("keeps containers in their own file systems, docker exec too, and the machine's out of reach", async () => {
    const result =
      await inShell(`docker run -d --name lesson-test-exec -v lesson-test-data:/data -w /data alpine sh -c 'echo kept > /data/file; sleep 60' >/dev/null
sleep 1
docker exec lesson-test-exec cat file
docker exec lesson-test-exec head -n 1 /etc/os-release
docker run --rm -v /:/host alpine ls /host/work
docker rm -f -v lesson-test-exec >/dev/null && docker volume rm lesson-test-data >/dev/null
`);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `kept\nNAME="Alpine Linux (lesson sandbox stand-in: BusyBox on Debian unstable)"\n${path.basename(workspace.hostDir)}\n`,
    );
  });

  it('reaches a published port from the shell with curl localhost', async () => {
    const result = await inShell(`docker run -d --name web -p 8080:80 nginx:alpine >/dev/null
for i in $(seq 100); do curl -fsS http://localhost:8080 2>/dev/null && break; sleep 0.2; done
docker inspect --format '{{.Config.StopSignal}}' web
docker rm -f web >/dev/null
`);
    expect(result.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('SIGQUIT');
  });

  it('has no route out: the internet fails at once, and so does an image without a stand-in', async () => {
    const result = await inShell(
      'ip route | grep -c default || true\ncurl -sS --max-time 20 https://deb.debian.org/ ; echo "curl exit $?"\ncurl -sS --max-time 20 http://1.1.1.1/ ; echo "curl by address exit $?"\n',
    );
    expect(result.stdout).toMatch(/^0\n/);
    expect(result.stdout).toMatch(/^curl exit [1-9]/m);
    // Not only no name server: no route either.
    expect(result.stdout).toMatch(/^curl by address exit 7$/m);
    expect(result.stderr).toContain('Failed to connect to 1.1.1.1');
    expect(result.seconds).toBeLessThan(10);
    const pull = await inShell('docker run --rm quay.io/example/not-a-stand-in:1 true\n');
    expect(pull.code).not.toBe(0);
    expect(pull.stderr).toContain('quay.io/example/not-a-stand-in:1');
    expect(pull.seconds).toBeLessThan(15);
  });

  it('pulls a Docker Hub image from its mirror, as a learner pulls from Docker Hub, and keeps the log to show it', async () => {
    const result = await inShell('docker image rm hello-world:latest\ndocker pull hello-world\ndocker run --rm hello-world\n');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Pulling from library\/hello-world/);
    expect(result.stdout).toMatch(/Downloaded newer image for hello-world:latest/);
    expect(result.stdout).toContain('Hello from Docker!');
    const pushed = await inShell('docker push hello-world\n');
    expect(pushed.code).not.toBe(0);
    // The engine's own log, for a failed run's report: dockerd writes level=… lines.
    expect(engine!.logTail?.(5)).toMatch(/level=/);
  });

  it("starts every run with a home of its own: an earlier run's Compose PID file cannot lock a project", async () => {
    // Planted in the cached root, where an earlier run's `docker compose watch` left one.
    const stale = path.join(engine!.root, 'root/.docker/docker-compose/lesson.pid');
    mkdirSync(path.dirname(stale), { recursive: true });
    writeFileSync(stale, '1\n');
    try {
      const result = await inShell('test -e ~/.docker/docker-compose/lesson.pid && echo stale || echo fresh\n');
      expect(result.stdout).toBe('fresh\n');
    } finally {
      rmSync(path.join(engine!.root, 'root/.docker'), { recursive: true, force: true });
    }
  });

  it("installs a Debian package with apt-get in the Ubuntu stand-in, through the sandbox's one way out", async () => {
    // Debian's mirror is reachable wherever this suite runs: setup:system and the sandbox's own
    // trees install from it.
    expect((await engine!.info()).provides).toContain('package-mirror');
    const result = await inShell('docker run --rm ubuntu:24.04 sh -c "apt-get update -qq && apt-get install -y -qq hello >/dev/null && hello"\n', {
      timeoutMs: 240_000,
    });
    expect(result.stdout).toContain('Hello, world!');
    // Only the mirror: the proxy refuses another host, and nothing else leads out.
    const other = await inShell(
      'docker run --rm ubuntu:24.04 bash -c \'exec 3<>/dev/tcp/172.17.0.1/3142; printf "GET http://example.com/ HTTP/1.0\\r\\n\\r\\n" >&3; head -1 <&3\'\n',
    );
    expect(other.stdout).toMatch(/^HTTP\/1\.1 403/m);
  }, 300_000);

  it('sees what a page creates and no longer sees it once removed', async () => {
    const before = await engine!.objects();
    await inShell(
      'docker volume create lesson-test-notes >/dev/null\ndocker network create lesson-test-shop >/dev/null\ndocker create --name lesson-test-box alpine >/dev/null\n',
    );
    const during = await engine!.objects();
    expect(during.volumes).toContain('lesson-test-notes');
    expect(during.networks).toContain('lesson-test-shop');
    expect(during.containers.some((container) => /^lesson-test-box \([0-9a-f]{12}\)$/.test(container))).toBe(true);
    expect(during.images).toContain('alpine:latest');
    await inShell(
      'docker rm lesson-test-box >/dev/null\ndocker volume rm lesson-test-notes >/dev/null\ndocker network rm lesson-test-shop >/dev/null\n',
    );
    expect(await engine!.objects()).toEqual(before);
  });

  it("lets Ctrl+C (SIGINT to the shell's process group) stop a running step", async () => {
    const result = await inShell('sleep 300\necho "not reached"\n', { onStart: (pid) => setTimeout(() => process.kill(-pid, 'SIGINT'), 1500) });
    expect(result.stdout).not.toContain('not reached');
    expect(result.seconds).toBeLessThan(20);
  });
});

describeSandbox('the stand-in images', () => {
  it("hello-world prints its greeting; alpine has BusyBox, its users and root's groups", async () => {
    const result = await inShell(
      'docker run --rm hello-world\ndocker run --rm alpine id\ndocker run --rm --user 1000:1000 alpine id\ndocker run --rm alpine sh -c "touch /tmp/f && chown nobody /tmp/f && echo owner changed"\n',
    );
    expect(result.stdout).toContain('Hello from Docker!');
    // Debian's BusyBox lists the primary group again: "groups=0(root),0(root),1(bin),…".
    expect(result.stdout).toMatch(/uid=0\(root\) gid=0\(root\) groups=0\(root\),.*1\(bin\),2\(daemon\)/);
    expect(result.stdout).toContain('uid=1000 gid=1000 groups=1000');
    expect(result.stdout).toContain('owner changed');
  });

  it('node, go and the distroless base are the versions and users the lessons expect', async () => {
    const result = await inShell(`docker run --rm node:24-alpine node --version
docker run --rm node:24-alpine id node
docker run --rm node:24-alpine npm --version
docker run --rm node:24-alpine wget --help 2>&1 | head -n 1
docker run --rm golang:1.27 go version
docker image inspect --format '{{.Config.User}}' gcr.io/distroless/static-debian13:nonroot
`);
    expect(result.stdout).toMatch(/^v24\./m);
    expect(result.stdout).toContain('uid=1000(node) gid=1000(node)');
    expect(result.stdout).toMatch(/^11\.\d+\.\d+$/m);
    expect(result.stdout).toMatch(/BusyBox/);
    expect(result.stdout).toMatch(/go version go1\.27/);
    expect(result.stdout).toContain('65532');
  });

  it('builds a Dockerfile whose "# syntax=" line names the BuildKit frontend, with no registry', async () => {
    writeFileSync(
      path.join(workspace.hostDir, 'Dockerfile'),
      '# syntax=docker/dockerfile:1\nFROM alpine\nRUN --mount=type=tmpfs,target=/scratch echo built-with-the-frontend > /built\n',
    );
    const result = await inShell(
      'docker build --quiet -t lesson-test-syntax . >/dev/null\ndocker run --rm lesson-test-syntax cat /built\ndocker image rm lesson-test-syntax >/dev/null\ndocker builder prune --all --force >/dev/null\n',
      { timeoutMs: 180_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('built-with-the-frontend\n');
  });

  it('postgres:18 refuses to start without a password and serves SQL with one', async () => {
    const result = await inShell(
      `docker run --name broken postgres:18 >/dev/null 2>&1; docker logs broken 2>&1 | head -n 1; docker rm broken >/dev/null
docker run -d --name db -e POSTGRES_PASSWORD=example postgres:18 >/dev/null
for i in $(seq 150); do docker exec db pg_isready -h 127.0.0.1 -U postgres >/dev/null 2>&1 && break; sleep 0.2; done
docker exec -e PGPASSWORD=example db psql -h 127.0.0.1 -U postgres -tAc 'SELECT version()'
docker inspect --format '{{.Config.StopSignal}}' db
docker rm -f -v db >/dev/null
`,
      { timeoutMs: 180_000 },
    );
    expect(result.stdout).toContain('Error: Database is uninitialized and superuser password is not specified.');
    expect(result.stdout).toMatch(/^PostgreSQL 18\./m);
    expect(result.stdout).toContain('SIGINT');
  });

  it('redis answers PING, and the registry stores a pushed image', async () => {
    const result = await inShell(
      `docker run -d --name cache redis:8-alpine >/dev/null
for i in $(seq 50); do docker exec cache redis-cli ping 2>/dev/null && break; sleep 0.2; done
docker exec cache redis-server --version | cut -d' ' -f3
docker rm -f -v cache >/dev/null
docker run -d -p 5000:5000 --name registry -v registry-data:/var/lib/registry registry:3 >/dev/null
for i in $(seq 50); do curl -fsS http://localhost:5000/v2/ >/dev/null 2>&1 && break; sleep 0.2; done
docker tag alpine localhost:5000/lesson-test:1.0
docker push --quiet localhost:5000/lesson-test:1.0 >/dev/null && curl -sS http://localhost:5000/v2/_catalog
docker image rm localhost:5000/lesson-test:1.0 >/dev/null
docker pull --quiet localhost:5000/lesson-test:1.0
docker image rm localhost:5000/lesson-test:1.0 >/dev/null
docker rm -f registry >/dev/null && docker volume rm registry-data >/dev/null
`,
      { timeoutMs: 180_000 },
    );
    expect(result.stdout).toContain('PONG');
    expect(result.stdout).toMatch(/^v=8\./m);
    expect(result.stdout).toContain('{"repositories":["lesson-test"]}');
    expect(result.stdout).toContain('localhost:5000/lesson-test:1.0');
  });
});

describeSandbox('closing the sandbox', () => {
  it('leaves no process, no mount and no lock behind, and is safe to call twice', async () => {
    const cacheDir = resolveCacheDir();
    const root = engine!.root;
    expect(namespace).toBeDefined();
    expect(processesInNamespace(namespace!).length).toBeGreaterThan(2);
    await engine!.close();
    await engine!.close();
    expect(isAlive(engine!.initPid)).toBe(false);
    expect(processesInNamespace(namespace!)).toEqual([]);
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(root);
    expect(existsSync(path.join(cacheDir, 'engine.lock'))).toBe(false);
    expect(existsSync(workspace.hostDir)).toBe(false);
  });
});
