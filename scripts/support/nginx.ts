import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, readEnv } from '../../src/core/env.ts';

/** Debian's nginx (`apt-get install nginx`); .ci/run installs it. Override for other layouts. */
const { nginx } = readEnv();
export const nginxBinary = nginx.binary;
const mimeTypesFile = nginx.mimeTypesFile;
const modulesDir = nginx.modulesDir;
export const nginxConfFile = path.join(projectRoot, 'nginx.conf');

/** The ngx_brotli filter module when this machine has it (Debian: libnginx-mod-http-brotli-filter). */
export function brotliModulePath(): string | undefined {
  const file = path.join(modulesDir, 'ngx_http_brotli_filter_module.so');
  return existsSync(file) ? file : undefined;
}

export interface TemplateOptions {
  root: string;
  port: number;
  /** Folder for pid, temp files and the access log. */
  workDir: string;
  /** Absolute path of the brotli filter module; enables the "#brotli# " lines. */
  brotliModule?: string;
}

/**
 * Rewrites the lines of nginx.conf that only make sense inside the Docker image, and nothing
 * else, so the tests exercise the very file the image ships. Each rewrite must match exactly as
 * often as expected: a silently skipped one would test a different server than the image runs.
 */
export function templateNginxConf(source: string, options: TemplateOptions): string {
  const { root, port, workDir, brotliModule } = options;
  const rewrites: Array<{ what: string; pattern: RegExp; replacement: string; count: number }> = [
    { what: 'listen 8080;', pattern: /^(\s*)listen 8080;/gm, replacement: `$1listen 127.0.0.1:${port};`, count: 1 },
    { what: 'root /usr/share/nginx/html;', pattern: /^(\s*)root \/usr\/share\/nginx\/html;/gm, replacement: `$1root ${root};`, count: 1 },
    { what: 'pid /tmp/nginx.pid;', pattern: /^pid \/tmp\/nginx\.pid;/gm, replacement: `pid ${path.join(workDir, 'nginx.pid')};`, count: 1 },
    { what: '*_temp_path /tmp/*_temp;', pattern: /^(\s*\w+_temp_path) \/tmp\/(\w+_temp);/gm, replacement: `$1 ${workDir}/$2;`, count: 5 },
    {
      what: 'access_log /dev/stdout;',
      pattern: /^(\s*)access_log \/dev\/stdout;/gm,
      replacement: `$1access_log ${path.join(workDir, 'access.log')};`,
      count: 1,
    },
  ];
  if (brotliModule) {
    rewrites.push(
      {
        what: '#brotli# load_module …',
        pattern: /^#brotli# load_module modules\/ngx_http_brotli_filter_module\.so;/gm,
        replacement: `load_module ${brotliModule};`,
        count: 1,
      },
      { what: '#brotli# brotli …', pattern: /^(\s*)#brotli# /gm, replacement: '$1', count: 4 },
    );
  }
  let text = source;
  for (const { what, pattern, replacement, count } of rewrites) {
    const found = text.match(pattern)?.length ?? 0;
    if (found !== count) {
      throw new Error(
        `nginx.conf: expected ${count} line(s) like \`${what}\` but found ${found}. ` +
          'tests/helpers/nginx.ts rewrites them to run the config here; keep their shape or update the helper.',
      );
    }
    text = text.replace(pattern, replacement);
  }
  return text;
}

export interface NginxServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  brotli: boolean;
  /** What nginx wrote to stderr so far (startup warnings, errors). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder to serve (a built dist/). */
  root: string;
  /** Load the brotli module and enable the config's brotli lines; fails when it is not installed. */
  brotli?: boolean;
}

/** Runs nginx in the foreground with a templated copy of nginx.conf on an ephemeral loopback port. */
export async function startNginx(options: StartOptions): Promise<NginxServer> {
  if (!existsSync(nginxBinary)) {
    throw new Error(`nginx not found at ${nginxBinary}: install it with \`apt-get install -y nginx\` (or set NGINX_BIN).`);
  }
  if (!existsSync(mimeTypesFile)) {
    throw new Error(`nginx's mime.types not found at ${mimeTypesFile}: reinstall nginx or set NGINX_MIME_TYPES.`);
  }
  let brotliModule: string | undefined;
  if (options.brotli) {
    brotliModule = brotliModulePath();
    if (!brotliModule)
      throw new Error(
        `brotli requested but ${modulesDir} has no ngx_http_brotli_filter_module.so (apt-get install -y libnginx-mod-http-brotli-filter).`,
      );
  }
  // A port picked free can be taken before nginx binds it; a few tries make that race harmless.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'docs-nginx-'));
    // A root master runs workers as nobody, who must reach the temp folders inside.
    chmodSync(workDir, 0o755);
    copyFileSync(mimeTypesFile, path.join(workDir, 'mime.types'));
    const conf = path.join(workDir, 'nginx.conf');
    writeFileSync(conf, templateNginxConf(readFileSync(nginxConfFile, 'utf8'), { root: path.resolve(options.root), port, workDir, brotliModule }));
    // Started as root (CI), nginx would serve as 'nobody', who cannot read a checkout in a private
    // folder such as mktemp -d's (mode 700): every page would be a 403. Keep the workers as us.
    const globals = process.getuid?.() === 0 ? 'daemon off; user root;' : 'daemon off;';
    const child = spawn(nginxBinary, ['-c', conf, '-p', workDir, '-e', 'stderr', '-g', globals], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const origin = `http://127.0.0.1:${port}`;
    const server: NginxServer = {
      origin,
      brotli: Boolean(brotliModule),
      stderr: () => stderr,
      stop: async () => {
        await stopChild(child);
        rmSync(workDir, { recursive: true, force: true });
      },
    };
    try {
      await waitUntilServing(origin, child, () => stderr);
      return server;
    } catch (error) {
      lastError = error;
      await server.stop();
      if (!/Address already in use/.test(stderr)) break;
    }
  }
  throw lastError;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(origin: string, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`nginx exited before serving (exit code ${child.exitCode}):\n${stderr()}`);
    try {
      const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nginx did not answer on ${origin} within 10 s:\n${stderr()}`);
}

/** SIGTERM is nginx's fast shutdown: the master stops its workers, then exits. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
}
