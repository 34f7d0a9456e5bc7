#!/usr/bin/env node
/**
 * npm run bench:links: the link checker against 4 loopback hosts that each answer after 50 ms.
 * Runs the real CLI twice (cold, then from the cache) in a child process and prints wall time,
 * requests and peak concurrent connections per host, and the checker's peak RSS.
 *
 * Options: --links <n> (default 2000), --latency <ms> (50), --per-host <n> (2).
 *
 * Then two hostile scenarios, each with its own fresh hosts and no cache: 1 link whose server never
 * answers among 200 fine ones (--link-deadline, default 5s here), and 2,000 links on one host that
 * answers 429 Too Many Requests with Retry-After: 1 forever (what giving up on a host saves).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));

// Child mode: run the CLI in this process and record its peak RSS when it exits.
if (process.argv[2] === '--measure-cli') {
  const [rssFile, ...cliArgs] = process.argv.slice(3);
  process.on('exit', () => {
    // Written synchronously because 'exit' handlers cannot wait. maxRSS is in kilobytes.
    const usage = process.resourceUsage();
    writeFileSync(rssFile as string, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
  process.argv = [process.argv[0] as string, path.join(here, 'check-links.ts'), ...cliArgs];
  await import(pathToFileURL(path.join(here, 'check-links.ts')).href);
} else {
  await main();
}

interface HostStats {
  host: string;
  requests: number;
  inFlight: number;
  maxInFlight: number;
  openSockets: number;
  maxOpenSockets: number;
}

async function startHost(host: string, latencyMs: number): Promise<{ server: Server; port: number; stats: HostStats; sockets: Set<Socket> }> {
  const stats: HostStats = { host, requests: 0, inFlight: 0, maxInFlight: 0, openSockets: 0, maxOpenSockets: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => {
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    setTimeout(() => {
      stats.inFlight--;
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ok</title>');
    }, latencyMs);
  });
  server.keepAliveTimeout = 10_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    stats.openSockets++;
    stats.maxOpenSockets = Math.max(stats.maxOpenSockets, stats.openSockets);
    socket.on('close', () => {
      sockets.delete(socket);
      stats.openSockets--;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, stats, sockets };
}

interface CliRun {
  wallMs: number;
  /** CPU time of the checker process: unlike wall time, unaffected by other load on a shared machine. */
  cpuMs: number;
  peakRssMb: number;
  report: { elapsedMs: number; requests: number; fromCache: number; counts: Record<string, number>; exitCode: number; links: unknown[] };
}

/** The Node flags `npm run links` uses (package.json), so the benchmark measures that exact command. */
async function linksScriptNodeFlags(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(here, '..', 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const words = (manifest.scripts?.links ?? '').split(/\s+/);
  return words
    .slice(
      1,
      words.findIndex((word) => word.endsWith('check-links.ts')),
    )
    .filter((word) => word.startsWith('--'));
}

function runCli(args: string[], workDir: string, nodeFlags: string[]): Promise<CliRun> {
  const rssFile = path.join(workDir, `rss-${Date.now()}.txt`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        ...nodeFlags,
        ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
        fileURLToPath(import.meta.url),
        '--measure-cli',
        rssFile,
        ...args,
      ],
      { cwd: workDir, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: 'true' } },
      async (error, stdout, stderr) => {
        const wallMs = performance.now() - started;
        try {
          const report = JSON.parse(stdout);
          const usage = JSON.parse(await readFile(rssFile, 'utf8')) as { maxRssKb: number; cpuMs: number };
          resolve({ wallMs, cpuMs: usage.cpuMs, peakRssMb: usage.maxRssKb / 1024, report });
        } catch {
          reject(new Error(`the link checker did not produce a JSON report (${error?.message ?? 'no error'}):\n${stderr.slice(-2000)}`));
        }
      },
    );
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      links: { type: 'string', default: '2000' },
      latency: { type: 'string', default: '50' },
      'per-host': { type: 'string', default: '2' },
      'link-deadline': { type: 'string', default: '5s' },
    },
  });
  const totalLinks = Number(values.links);
  const latencyMs = Number(values.latency);
  const perHost = Number(values['per-host']);
  const hostNames = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];

  const hosts = await Promise.all(hostNames.map((host) => startHost(host, latencyMs)));
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'bench-links-'));
  try {
    // 2,000 distinct pages, hosts interleaved, 100 links per Markdown file.
    const lines = Array.from({ length: totalLinks }, (_, index) => {
      const host = hosts[index % hosts.length];
      return `- [page ${index}](http://${host?.stats.host}:${host?.port}/page/${index})`;
    });
    const contentDir = path.join(workDir, 'content', 'docs');
    await mkdir(contentDir, { recursive: true });
    for (let file = 0; file * 100 < lines.length; file++) {
      await writeFile(
        path.join(contentDir, `page-${String(file).padStart(3, '0')}.md`),
        `# Page ${file}\n\n${lines.slice(file * 100, file * 100 + 100).join('\n')}\n`,
      );
    }
    const cliArgs = [
      '--content-dir',
      path.join(workDir, 'content'),
      '--include',
      '^http://127\\.',
      '--per-host',
      String(perHost),
      '--cache-file',
      path.join(workDir, 'cache.json'),
      '--format',
      'json',
    ];

    // BENCH_NODE_FLAGS tries other Node flags without editing package.json.
    const nodeFlags =
      process.env.BENCH_NODE_FLAGS !== undefined ? process.env.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean) : await linksScriptNodeFlags();
    const cold = await runCli(cliArgs, workDir, nodeFlags);
    const perHostCold = hosts.map(({ stats }) => ({ ...stats }));
    const cached = await runCli(cliArgs, workDir, nodeFlags);
    const requestsCached = hosts.reduce((sum, { stats }, index) => sum + stats.requests - (perHostCold[index]?.requests ?? 0), 0);

    const boundMs = (totalLinks / (hosts.length * perHost)) * latencyMs;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const out = [
      `Link checker benchmark: ${totalLinks} links over ${hosts.length} loopback hosts answering after ${latencyMs} ms, ${perHost} per host; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)} at the end`,
      `(the CLI runs as \`node ${[...nodeFlags, 'scripts/check-links.ts'].join(' ')}\`, like npm run links)`,
      '',
      `Cold run       wall ${seconds(cold.wallMs)} (checker's own elapsed ${seconds(cold.report.elapsedMs)}, CPU ${seconds(cold.cpuMs)}), ${cold.report.requests} requests, peak RSS ${cold.peakRssMb.toFixed(1)} MB, verdicts ${JSON.stringify(cold.report.counts)}`,
      `  bound set by the per-host limit: ${totalLinks} ÷ (${hosts.length} × ${perHost}) × ${latencyMs} ms = ${seconds(boundMs)}; ratio ${(cold.report.elapsedMs / boundMs).toFixed(2)}× (process wall ${(cold.wallMs / boundMs).toFixed(2)}×)`,
      ...perHostCold.map(
        (stats) =>
          `  ${stats.host.padEnd(10)} ${String(stats.requests).padStart(5)} requests, max ${stats.maxInFlight} concurrent requests, max ${stats.maxOpenSockets} open connections`,
      ),
      '',
      `Cached re-run  wall ${seconds(cached.wallMs)} (checker's own elapsed ${seconds(cached.report.elapsedMs)}, CPU ${seconds(cached.cpuMs)}), ${requestsCached} requests seen by the servers, ${cached.report.fromCache} answered from the cache, peak RSS ${cached.peakRssMb.toFixed(1)} MB`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    if (cold.report.links.length !== totalLinks) process.exitCode = 1;

    const hostile = await hostileScenarios(workDir, nodeFlags, values['link-deadline']);
    process.stdout.write(`\n${hostile.lines.join('\n')}\n`);
    if (!hostile.ok) process.exitCode = 1;
  } finally {
    for (const { server, sockets } of hosts) {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
    await rm(workDir, { recursive: true, force: true });
  }
}

type Answer = (request: IncomingMessage, response: ServerResponse) => void;

/** A loopback host with its own answer, counting requests; closed by the caller. */
async function startAnsweringHost(host: string, answer: Answer) {
  const sockets = new Set<Socket>();
  const seen = { requests: 0 };
  const server = createServer((request, response) => {
    seen.requests++;
    answer(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://${host}:${port}`,
    seen,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

async function writeLinks(dir: string, urls: string[]): Promise<string> {
  const contentDir = path.join(dir, 'content');
  await mkdir(path.join(contentDir, 'docs'), { recursive: true });
  for (let file = 0; file * 100 < urls.length; file++) {
    const lines = urls.slice(file * 100, file * 100 + 100).map((url, index) => `- [link ${index}](${url})`);
    await writeFile(path.join(contentDir, 'docs', `page-${String(file).padStart(3, '0')}.md`), `# Page ${file}\n\n${lines.join('\n')}\n`);
  }
  return contentDir;
}

interface ReportedLinkFigures {
  url: string;
  verdict: string;
  elapsedMs: number;
  requests: number;
  stoppedBy?: string;
  detail?: string;
}

/** The two runs that used to take forever: a server that never answers, and one that always says 429. */
async function hostileScenarios(workDir: string, nodeFlags: string[], linkDeadline: string): Promise<{ lines: string[]; ok: boolean }> {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines: string[] = [];
  let ok = true;
  const common = ['--include', '^http://127\\.', '--no-cache', '--format', 'json'];

  // 1 hanging link among 200 fine ones.
  const fine = await startAnsweringHost('127.0.0.5', (_request, response) =>
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ok</title><h1>ok</h1>'),
  );
  const hanging = await startAnsweringHost('127.0.0.6', () => {}); // accepts, never answers
  try {
    const dir = await mkdtemp(path.join(workDir, 'hanging-'));
    const urls = [...Array.from({ length: 200 }, (_, index) => `${fine.origin}/page/${index}`), `${hanging.origin}/never`];
    const run = await runCli(['--content-dir', await writeLinks(dir, urls), ...common, '--link-deadline', linkDeadline], dir, nodeFlags);
    const links = run.report.links as ReportedLinkFigures[];
    const stuck = links.find((link) => link.url.startsWith(hanging.origin));
    lines.push(
      `1 hanging link among 200 fine ones (--link-deadline ${linkDeadline})`,
      `  wall ${seconds(run.wallMs)} (checker's own elapsed ${seconds(run.report.elapsedMs)}), verdicts ${JSON.stringify(run.report.counts)}, exit code ${run.report.exitCode}`,
      `  hanging link: ${stuck?.verdict} after ${seconds(stuck?.elapsedMs ?? 0)}, ${stuck?.requests} request(s) — ${stuck?.detail}`,
    );
    if (stuck?.verdict !== 'timeout' || run.report.counts.ok !== 200) ok = false;
  } finally {
    fine.close();
    hanging.close();
  }

  // 2,000 links on a host that answers 429 forever.
  const throttled = await startAnsweringHost('127.0.0.7', (_request, response) => response.writeHead(429, { 'retry-after': '1' }).end());
  try {
    const dir = await mkdtemp(path.join(workDir, 'throttled-'));
    const run = await runCli(
      [
        '--content-dir',
        await writeLinks(
          dir,
          Array.from({ length: 2000 }, (_, index) => `${throttled.origin}/page/${index}`),
        ),
        ...common,
      ],
      dir,
      nodeFlags,
    );
    const links = run.report.links as ReportedLinkFigures[];
    const asked = links.filter((link) => link.requests > 0).length;
    lines.push(
      '2,000 links on a host answering 429 (Retry-After: 1) forever',
      `  wall ${seconds(run.wallMs)} (checker's own elapsed ${seconds(run.report.elapsedMs)}), verdicts ${JSON.stringify(run.report.counts)}, exit code ${run.report.exitCode}`,
      `  ${throttled.seen.requests} requests reached the server; ${asked} links requested, ${links.length - asked} reported without a request (host given up)`,
    );
    // The links not requested once the host is given up are unverified, never a failing verdict.
    if (links.length !== 2000 || run.report.counts['rate-limited'] !== asked || run.report.counts.unverified !== 2000 - asked) ok = false;
  } finally {
    throttled.close();
  }
  return { lines, ok };
}
