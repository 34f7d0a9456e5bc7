import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOnce, recipeHash, resolveCacheDir } from '../../scripts/lessons/sandbox/cache.ts';
import { workFolderName } from '../../scripts/lessons/sandbox/index.ts';
import { hubReference } from '../../scripts/lessons/sandbox/mirror.ts';
import { isPackageMirror, startPackageProxy } from '../../scripts/lessons/sandbox/package-proxy.ts';
import http from 'node:http';
import net from 'node:net';
import { takeLock } from '../../scripts/lessons/sandbox/daemon.ts';
import { spawn } from 'node:child_process';
import { parseBuildCache, parseContainers, parseImages, parseNetworks } from '../../scripts/lessons/sandbox/objects.ts';
import { standInHash } from '../../scripts/lessons/sandbox/standins.ts';
import { STANDIN_RECIPES } from '../../scripts/lessons/sandbox/standins/recipes.ts';

/** The parts of the lesson sandbox that need no engine: its cache, its parsing, its recipes. */

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-parts-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cache folder', () => {
  it('takes the option first, then LESSONS_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    const env = { LESSONS_CACHE_DIR: '/env/lessons', XDG_CACHE_HOME: '/xdg' };
    expect(resolveCacheDir('/opt/cache', env, '/home/u')).toBe('/opt/cache');
    expect(resolveCacheDir(undefined, env, '/home/u')).toBe('/env/lessons');
    expect(resolveCacheDir(undefined, { XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe('/xdg/docker-learning/lessons');
    expect(resolveCacheDir(undefined, {}, '/home/u')).toBe('/home/u/.cache/docker-learning/lessons');
  });

  it('hashes recipes stably, and any change in any part gives another hash', () => {
    expect(recipeHash('a', ['b'], { c: 1 })).toBe(recipeHash('a', ['b'], { c: 1 }));
    expect(recipeHash('a', ['b'], { c: 1 })).not.toBe(recipeHash('a', ['b'], { c: 2 }));
    expect(recipeHash('ab', 'c')).not.toBe(recipeHash('a', 'bc'));
  });

  it('renames a finished build into place, and builds it only once', async () => {
    const dir = path.join(tempDir(), 'tree-1');
    let builds = 0;
    const build = async (temp: string) => {
      builds++;
      mkdirSync(temp);
      writeFileSync(path.join(temp, 'made'), 'yes');
    };
    expect(await buildOnce(dir, build)).toBe(true);
    expect(await buildOnce(dir, build)).toBe(false);
    expect(builds).toBe(1);
    expect(readFileSync(path.join(dir, 'made'), 'utf8')).toBe('yes');
  });

  it('leaves nothing behind when a build fails half-way, so the next run builds again', async () => {
    const parent = tempDir();
    const dir = path.join(parent, 'tree-1');
    const failing = async (temp: string) => {
      mkdirSync(temp);
      writeFileSync(path.join(temp, 'half'), '');
      throw new Error('apt-get failed');
    };
    await expect(buildOnce(dir, failing)).rejects.toThrow('apt-get failed');
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('sandbox lock', () => {
  it('refuses a second run while the first is alive, naming it, and takes the lock of a run that died', async () => {
    const lockFile = path.join(tempDir(), 'engine.lock');
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(lockFile, JSON.stringify({ pid: other.pid }));
      expect(() => takeLock(lockFile)).toThrow(`Another lesson run (process ${other.pid}) is using the sandbox`);
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
    }
    takeLock(lockFile);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual({ pid: process.pid });
    // The holder taking it again (the root first, then the daemon) is not a conflict.
    expect(() => takeLock(lockFile)).not.toThrow();
  });
});

describe('Docker Hub mirror', () => {
  it('files each stand-in under the Docker Hub repository a pull asks the mirror for', () => {
    expect(hubReference('nginx')).toEqual({ repository: 'library/nginx', tag: 'latest' });
    expect(hubReference('nginx:alpine')).toEqual({ repository: 'library/nginx', tag: 'alpine' });
    expect(hubReference('docker.io/library/redis:8')).toEqual({ repository: 'library/redis', tag: '8' });
    expect(hubReference('docker/dockerfile:1')).toEqual({ repository: 'docker/dockerfile', tag: '1' });
  });

  it('leaves images of other registries out: the mirror answers only for Docker Hub', () => {
    expect(hubReference('gcr.io/distroless/static-debian13:nonroot')).toBeUndefined();
    expect(hubReference('localhost:5000/hello-docker:1.0')).toBeUndefined();
    expect(hubReference('localhost/app')).toBeUndefined();
  });
});

describe('engine listings', () => {
  it('names containers "name (short id)"', () => {
    const text = 'web\t3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e\nhello-docker-db-1\t0123456789abcdef0123\n';
    expect(parseContainers(text)).toEqual(['web (3f4e5d6c7b8a)', 'hello-docker-db-1 (0123456789ab)']);
  });

  it('names images repository:tag, and an untagged one by its short id, once each', () => {
    const text = [
      'nginx\tlatest\tsha256:d0453d83d0abc85d0fc206a0d075d05b1f452a3561ec18b6531d7d6768baac11',
      'nginx\talpine\tsha256:d0453d83d0abc85d0fc206a0d075d05b1f452a3561ec18b6531d7d6768baac11',
      '<none>\t<none>\tsha256:aaaabbbbccccddddeeeeffff0000111122223333444455556666777788889999',
      '<none>\t<none>\tsha256:aaaabbbbccccddddeeeeffff0000111122223333444455556666777788889999',
      'localhost:5000/hello-docker\t1.0\tsha256:1111111111111111111111111111111111111111111111111111111111111111',
    ].join('\n');
    expect(parseImages(text)).toEqual(['nginx:latest', 'nginx:alpine', 'aaaabbbbcccc', 'localhost:5000/hello-docker:1.0']);
  });

  it('keeps only user-defined networks', () => {
    expect(parseNetworks('bridge\nhost\nnone\nshop\nhello-docker_default\n')).toEqual(['shop', 'hello-docker_default']);
  });

  it('reads build cache ids from the formatted list and from the table form', () => {
    expect(parseBuildCache('22xcasnzvvrju6ay0gy2zijkm\nkbkz1cb2jocj0v3xkw695oyfo\n')).toEqual([
      '22xcasnzvvrju6ay0gy2zijkm',
      'kbkz1cb2jocj0v3xkw695oyfo',
    ]);
    const table = `ID                           RECLAIMABLE   SIZE      LAST ACCESSED
22xcasnzvvrju6ay0gy2zijkm    true          0B*       Less than a second ago
kbkz1cb2jocj0v3xkw695oyfo*   true          61B       Less than a second ago
Reclaimable:	61B
Total:		61B`;
    expect(parseBuildCache(table)).toEqual(['22xcasnzvvrju6ay0gy2zijkm', 'kbkz1cb2jocj0v3xkw695oyfo']);
    expect(parseBuildCache('')).toEqual([]);
  });

  it('makes a safe, distinct folder name of any page id', () => {
    expect(workFolderName('content/docs/hands-on/first-container.md', 1)).toBe('content-docs-hands-on-first-container-1');
    expect(workFolderName('../../etc', 2)).toBe('etc-2');
    expect(workFolderName('', 3)).toBe('page-3');
  });
});

describe('stand-in recipes', () => {
  const recipe = STANDIN_RECIPES.find((candidate) => candidate.names.includes('nginx:alpine'))!;

  it('hashes a recipe with the contents of the files it copies in', () => {
    const real = standInHash(recipe);
    expect(standInHash(recipe)).toBe(real);
    const edited = standInHash(recipe, (name) =>
      Buffer.from(name.endsWith('default.conf') ? 'listen 81;' : readFileSync(path.join('scripts/lessons/sandbox/standins/files', name))),
    );
    expect(edited).not.toBe(real);
    expect(standInHash({ ...recipe, packages: [...recipe.packages, 'vim'] })).not.toBe(real);
  });

  it('names only files that exist', () => {
    for (const candidate of STANDIN_RECIPES) {
      for (const source of Object.values(candidate.files ?? {}))
        expect(existsSync(path.join('scripts/lessons/sandbox/standins/files', source)), `${candidate.names[0]}: ${source}`).toBe(true);
    }
  });

  it('covers every image the hands-on lessons start from, run or pull', () => {
    const provided = new Set(STANDIN_RECIPES.flatMap((candidate) => candidate.names));
    const used = lessonImages();
    // The scan finds what the pages use (FROM, image:, docker run), not only what is easy to find.
    for (const image of [
      'docker/dockerfile:1',
      'hello-world:latest',
      'golang:1.27',
      'gcr.io/distroless/static-debian13:nonroot',
      'registry:3',
      'redis:8-alpine',
      'alpine:latest',
    ])
      expect(used).toContain(image);
    expect([...used].filter((image) => !provided.has(image))).toEqual([]);
  });
});

/** Options of `docker run` that take a value: the image is the first word that is neither. */
const RUN_OPTIONS_WITH_VALUE = new Set([
  '-p',
  '--publish',
  '-v',
  '--volume',
  '-e',
  '--env',
  '--name',
  '--network',
  '-w',
  '--workdir',
  '--memory',
  '--memory-swap',
  '--cpus',
  '-u',
  '--user',
  '--restart',
  '--pid',
  '--cap-add',
  '--cap-drop',
  '--tmpfs',
  '--security-opt',
  '--mount',
  '--entrypoint',
  '-h',
  '--hostname',
  '--health-cmd',
  '--health-interval',
  '--pids-limit',
  '--ulimit',
]);

const withTag = (image: string) => (/:[^/]+$/.test(image) ? image : `${image}:latest`);

/** Images the lessons use that come from a registry: not ones a page builds, tags or pushes itself. */
function lessonImages(): Set<string> {
  const dir = 'content/docs/hands-on';
  const images = new Set<string>();
  const madeByPages = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/\\\n\s*/g, ' ');
    for (const match of text.matchAll(/docker (?:build|buildx build)[^\n]*?-t ([^\s]+)/g)) madeByPages.add(withTag(match[1]!));
    for (const match of text.matchAll(/docker tag \S+ (\S+)/g)) madeByPages.add(withTag(match[1]!));
    for (const match of text.matchAll(/^FROM (?:--platform=\S+ )?(\S+)/gm)) images.add(match[1]!);
    for (const match of text.matchAll(/^\s*image: (\S+)/gm)) images.add(match[1]!);
    // The implicit one: BuildKit runs the frontend image a `# syntax=` line names.
    for (const match of text.matchAll(/^# syntax=(\S+)/gm)) images.add(match[1]!);
    for (const match of text.matchAll(/^docker run ([^\n#]+)/gm)) {
      const words = match[1]!.trim().split(/\s+/);
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        if (!word.startsWith('-')) {
          images.add(word);
          break;
        }
        if (RUN_OPTIONS_WITH_VALUE.has(word)) i++;
      }
    }
  }
  // A name with capitals is no image at all: a page shows Docker refusing it (`invalid reference format`).
  const invalid = (image: string) => /[A-Z]/.test(image.replace(/:[^/]+$/, ''));
  return new Set(
    [...images].map(withTag).filter((image) => !madeByPages.has(image) && !invalid(image) && !/USERNAME|localhost:5000|[$"]/.test(image)),
  );
}

describe("the way to Debian's package mirror", () => {
  /** One request through the proxy's socket, as apt sends it: the absolute URL as the path. */
  function viaProxy(socketPath: string, method: string, url: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
    return new Promise((resolve, reject) => {
      const request = http.request({ socketPath, method, path: url, headers: { 'proxy-connection': 'keep-alive', 'x-apt': 'yes' } }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
      });
      request.once('error', reject);
      request.end();
    });
  }

  it('lets only plain HTTP to deb.debian.org through', () => {
    expect(isPackageMirror(new URL('http://deb.debian.org/debian/dists/sid/InRelease'))).toBe(true);
    expect(isPackageMirror(new URL('https://deb.debian.org/debian/'))).toBe(false);
    expect(isPackageMirror(new URL('http://deb.debian.org:8080/debian/'))).toBe(false);
    expect(isPackageMirror(new URL('http://deb.debian.org.example.com/'))).toBe(false);
    expect(isPackageMirror(new URL('http://1.1.1.1/'))).toBe(false);
  });

  it('forwards GET and HEAD it allows, and refuses other hosts, other methods and CONNECT tunnels', async () => {
    const seen: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders }> = [];
    const upstream = http.createServer((request, response) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers });
      response.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
      response.end('Release file\n');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const port = (upstream.address() as { port: number }).port;
    const socketPath = path.join(tempDir(), 'sock');
    const proxy = await startPackageProxy(socketPath, (target) => target.hostname === '127.0.0.1' && target.port === String(port));
    try {
      const allowed = await viaProxy(socketPath, 'GET', `http://127.0.0.1:${port}/debian/dists/sid/Release`);
      expect(allowed).toMatchObject({ status: 200, body: 'Release file\n' });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ method: 'GET', url: '/debian/dists/sid/Release' });
      expect(seen[0]!.headers['x-apt']).toBe('yes');
      expect(seen[0]!.headers['proxy-connection']).toBeUndefined();

      for (const [method, url] of [
        ['GET', 'http://example.com/'],
        ['POST', `http://127.0.0.1:${port}/debian/`],
        ['GET', '/not-a-proxy-request'],
      ] as const) {
        const refused = await viaProxy(socketPath, method, url);
        expect(refused.status).toBe(403);
        expect(refused.body).toContain("reaches only Debian's package mirror (deb.debian.org)");
      }
      const tunnel = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(socketPath, () => socket.write(`CONNECT 127.0.0.1:${port} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n\r\n`));
        let answer = '';
        socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
        socket.once('end', () => resolve(answer));
        socket.once('error', reject);
      });
      expect(tunnel).toMatch(/^HTTP\/1\.1 403 Forbidden/);
      expect(seen).toHaveLength(1);
    } finally {
      await proxy.close();
      await new Promise((resolve) => upstream.close(resolve));
    }
    expect(existsSync(socketPath)).toBe(false);
  });
});
