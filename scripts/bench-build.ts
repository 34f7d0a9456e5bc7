// npm run bench [-- --sizes 1000 --words 500,1200 --links file|url --cpu-prof --keep --json bench-results/build.json]
// npm run bench -- --compare npm,npx,optimize-for-size [--runs 3]
//
// Builds generated corpora (scripts/generate-corpus.ts) of each size and page length (about 500
// and 1,200 words a page by default, each page with bash/Dockerfile/YAML fences, a table and a task
// list) twice, cold (empty Astro cache) and warm (the cache of the cold build), search index
// included, and prints per build: pages, wall time, CPU time, ms per page, peak RSS of the whole
// build process tree, dist size, search index size, and the first view of one doc page (HTML + CSS
// + JS, gzip). It prints figures and the targets they are held against; it asserts nothing and
// always exits 0 unless a build fails.
//
// --compare runs cold builds of the same corpora with several commands, interleaved (each round
// starts with the next command, so a change in the machine's load hits every command alike), and
// prints each command's median against the first: `npm run build` against `npx astro build`, or
// V8's defaults against --optimize-for-size. The load average is printed with every build: on a
// shared machine wall time includes waiting for a core, CPU time does not.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { astroBuildEnv, BUILD_NODE_FLAGS, projectRoot } from '../src/core/env.ts';
import { Page } from './support/html-page.ts';
import { listFiles, listPages } from './quality/dist.ts';
import { pageWeight } from './quality/page-weight.ts';
import { generateCorpus, LINK_STYLES, type LinkStyle } from './generate-corpus.ts';
import { BUILD_COMMANDS, compareCommands, type BuildCommand } from './bench-build/compare.ts';

const MiB = 1024 * 1024;
const GNU_TIME = '/usr/bin/time';

/** From the issue, for N = 1,000 cold. */
const TARGETS = { wallSeconds: 25, peakRssBytes: 1024 * MiB, distBytes: 40 * MiB, firstViewBytes: 18 * 1024 };

export interface BuildFigures {
  pages: number;
  kind: 'cold' | 'warm';
  wallMs: number;
  /** User + system CPU time of the build and its children: on a shared machine, wall time includes waiting for a core. */
  cpuMs?: number;
  /** Sum of the resident memory of the build and all its child processes, at its highest. */
  peakTreeRss: number;
  /** The single largest process at its highest (what /usr/bin/time -v would call max RSS). */
  peakProcessRss: number;
  distBytes: number;
  searchIndexBytes: number;
  /** Pagefind's own step as the build log reports it, when it does. */
  searchIndexMs?: number;
  docPage: string;
  docPageFirstView: number;
  medianFirstView: number;
  maxFirstView: number;
  /** The machine's 1-minute load average when the build ended: above the core count, builds wait. */
  loadAverage: number;
}

/** Resident set size in bytes of every live process, with its parent: one pass over /proc. */
function readProcesses(): Map<number, { parent: number; rss: number }> {
  const processes = new Map<number, { parent: number; rss: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      // Kernel threads and zombies have no VmRSS line.
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      processes.set(Number(entry), { parent, rss });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return processes;
}

/** The summed RSS of a process and all its descendants, and the largest single one. */
export function treeRss(root: number, processes = readProcesses()): { total: number; largest: number } {
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of processes) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let total = 0;
  let largest = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const rss = processes.get(pid)?.rss ?? 0;
    total += rss;
    largest = Math.max(largest, rss);
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

export interface RunResult {
  status: number;
  output: string;
  wallMs: number;
  /** From /usr/bin/time when it is installed (Debian package "time"). */
  cpuMs?: number;
  peakTreeRss: number;
  peakProcessRss: number;
}

/**
 * Runs a command and samples its process tree's memory every 50 ms. /proc is polled rather than
 * using /usr/bin/time, which reports only the largest single process, not the build plus the
 * Pagefind binary and workers it starts.
 */
export function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  // GNU time reports the CPU time of the command and every descendant it waited for, exactly.
  const timeFile = existsSync(GNU_TIME) ? path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`) : undefined;
  const [file, argv] = timeFile ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let peakTreeRss = 0;
    let peakProcessRss = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const { total, largest } = treeRss(child.pid);
      peakTreeRss = Math.max(peakTreeRss, total);
      peakProcessRss = Math.max(peakProcessRss, largest);
    };
    const timer = setInterval(sample, 50);
    child.once('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      let cpuMs: number | undefined;
      if (timeFile && existsSync(timeFile)) {
        // The last line holds "user system" in seconds (earlier lines: "Command exited with non-zero status").
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = (user! + system!) * 1000;
        rmSync(timeFile, { force: true });
      }
      resolve({ status: code ?? (signal ? 128 : 1), output, wallMs, cpuMs, peakTreeRss, peakProcessRss });
    });
  });
}

function folderBytes(dir: string): number {
  try {
    return listFiles(dir).reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
  } catch {
    return 0;
  }
}

/** First view of the first doc page in reading order (the home page's "Next"), and of all doc pages. */
async function firstViews(outDir: string): Promise<Pick<BuildFigures, 'docPage' | 'docPageFirstView' | 'medianFirstView' | 'maxFirstView'>> {
  const next = new Page(readFileSync(path.join(outDir, 'index.html'), 'utf8')).attr('a[rel="next"]', 'href');
  if (!next) throw new Error(`${outDir}/index.html has no "Next" link to pick a doc page from`);
  const docPages = listPages(outDir).filter((page) => page.sitePath !== '/404.html' && page.sitePath !== '/resources/');
  const totals = (await Promise.all(docPages.map((page) => pageWeight(outDir, page.sitePath, '/')))).map((w) => w.total).sort((a, b) => a - b);
  return {
    docPage: next,
    docPageFirstView: (await pageWeight(outDir, next, '/')).total,
    medianFirstView: totals[Math.floor((totals.length - 1) / 2)]!,
    maxFirstView: totals.at(-1)!,
  };
}

async function buildOnce(options: {
  contentDir: string;
  cacheDir: string;
  outDir: string;
  kind: 'cold' | 'warm';
  profileDir?: string;
}): Promise<BuildFigures> {
  rmSync(options.outDir, { recursive: true, force: true });
  const env = astroBuildEnv({ contentDir: options.contentDir, cacheDir: options.cacheDir });
  if (options.profileDir) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${options.profileDir}`.trim();
  // The command `npm run build` runs, without npm around it.
  const astro = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const run = await runMeasured(process.execPath, [...BUILD_NODE_FLAGS, astro, 'build', '--outDir', options.outDir], { cwd: projectRoot, env });
  if (run.status !== 0)
    throw new Error(`The ${options.kind} build of ${options.contentDir} failed (exit ${run.status}):\n${run.output.slice(-4000)}`);
  const indexed = /\[learning-site:pagefind\].* in (\d+(?:\.\d+)?) ?ms/.exec(run.output);
  return {
    pages: listPages(options.outDir).length,
    kind: options.kind,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    peakTreeRss: run.peakTreeRss,
    peakProcessRss: run.peakProcessRss,
    distBytes: folderBytes(options.outDir),
    searchIndexBytes: folderBytes(path.join(options.outDir, 'pagefind')),
    searchIndexMs: indexed ? Number(indexed[1]) : undefined,
    loadAverage: os.loadavg()[0]!,
    ...(await firstViews(options.outDir)),
  };
}

/** Self time per function from V8 .cpuprofile files, largest first: where a slow build spends its time. */
export function hotSpots(profileDir: string, top = 15): { name: string; ms: number; share: number }[] {
  const selfTime = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const names = new Map(
      profile.nodes.map((node) => {
        const { functionName, url, lineNumber } = node.callFrame;
        const where = url ? `${url.replace(/^file:\/\//, '').replace(`${projectRoot}/`, '')}:${lineNumber + 1}` : '';
        return [node.id, `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`];
      }),
    );
    profile.samples.forEach((id, index) => {
      const microseconds = profile.timeDeltas[index] ?? 0;
      const name = names.get(id) ?? '?';
      selfTime.set(name, (selfTime.get(name) ?? 0) + microseconds);
      total += microseconds;
    });
  }
  return [...selfTime]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, microseconds]) => ({ name, ms: microseconds / 1000, share: total ? microseconds / total : 0 }));
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function printFigures(figures: BuildFigures) {
  const perPage = figures.wallMs / figures.pages;
  console.log(
    `  ${figures.kind.padEnd(4)}  ${String(figures.pages).padStart(5)} pages  ${(figures.wallMs / 1000).toFixed(1).padStart(6)} s  ` +
      `${perPage.toFixed(1).padStart(6)} ms/page  CPU ${figures.cpuMs === undefined ? 'n/a' : `${(figures.cpuMs / 1000).toFixed(1)} s`}  peak RSS ${mib(figures.peakTreeRss).padStart(10)} (largest process ${mib(figures.peakProcessRss)})  ` +
      `dist ${mib(figures.distBytes)}  search index ${mib(figures.searchIndexBytes)}${figures.searchIndexMs !== undefined ? ` (indexed in ${(figures.searchIndexMs / 1000).toFixed(1)} s)` : ''}`,
  );
  console.log(
    `        first view of ${figures.docPage}: ${kb(figures.docPageFirstView)} gzip (${figures.docPageFirstView} B); ` +
      `all doc pages: median ${kb(figures.medianFirstView)}, max ${kb(figures.maxFirstView)}; load average ${figures.loadAverage.toFixed(1)}`,
  );
}

/** Issue #19: a 5,000-page site against a 1,000-page one, same machine, same run. */
const SCALE_TARGETS = { ratio: 5.5, firstViewBytes: 12 * 1024, peakRssBytes: 2048 * MiB };

/** The cold builds side by side, the way issue #19 measured them, and each size against the previous one. */
export function scaleTable(cold: BuildFigures[]): string[] {
  const lines = [
    '| pages | build wall | CPU | peak RSS | `dist/` | typical first view (gzip) | Pagefind indexing | load |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...cold.map(
      (f) =>
        `| ${f.pages.toLocaleString('en')} | ${(f.wallMs / 1000).toFixed(1)} s | ${f.cpuMs === undefined ? 'n/a' : `${(f.cpuMs / 1000).toFixed(1)} s`} | ${mib(f.peakTreeRss)} | ${mib(f.distBytes)} | ${kb(f.medianFirstView)} | ${f.searchIndexMs === undefined ? 'n/a' : `${(f.searchIndexMs / 1000).toFixed(1)} s`} | ${f.loadAverage.toFixed(1)} |`,
    ),
  ];
  // Corpora have a page or two besides the asked size (the home and resources pages).
  const near = (size: number) => cold.find((f) => Math.abs(f.pages - size) <= 10);
  const small = near(1000);
  const large = near(5000);
  if (small && large) {
    const check = (ok: boolean, text: string) => `${ok ? 'met   ' : 'MISSED'} ${text}`;
    const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
    const judge = (name: string, value: number | undefined) =>
      check(
        value !== undefined && value <= SCALE_TARGETS.ratio,
        `${name} 5,000 vs 1,000: ${value === undefined ? 'n/a' : `${value.toFixed(2)}×`} ≤ ${SCALE_TARGETS.ratio}×`,
      );
    lines.push(
      '',
      'Targets (issue #19):',
      `  ${judge('build wall', ratio(large.wallMs, small.wallMs))}`,
      `  ${judge('dist/', ratio(large.distBytes, small.distBytes))}`,
      `  ${judge('Pagefind time', ratio(large.searchIndexMs, small.searchIndexMs))}`,
      `  ${check(large.medianFirstView <= SCALE_TARGETS.firstViewBytes, `typical first view at 5,000: ${kb(large.medianFirstView)} ≤ ${kb(SCALE_TARGETS.firstViewBytes)}`)}`,
      `  ${check(large.peakTreeRss <= SCALE_TARGETS.peakRssBytes, `peak RSS at 5,000: ${mib(large.peakTreeRss)} ≤ ${mib(SCALE_TARGETS.peakRssBytes)}`)}`,
    );
  }
  return lines;
}

function verdicts(figures: BuildFigures): string[] {
  const check = (ok: boolean, text: string) => `${ok ? 'met   ' : 'MISSED'} ${text}`;
  return [
    check(
      figures.wallMs < TARGETS.wallSeconds * 1000,
      `wall time ${(figures.wallMs / 1000).toFixed(1)} s < ${TARGETS.wallSeconds} s (search index included; CPU time ${figures.cpuMs === undefined ? 'n/a' : `${(figures.cpuMs / 1000).toFixed(1)} s`})`,
    ),
    check(figures.peakTreeRss < TARGETS.peakRssBytes, `peak RSS ${mib(figures.peakTreeRss)} < ${mib(TARGETS.peakRssBytes)}`),
    check(figures.distBytes < TARGETS.distBytes, `dist ${mib(figures.distBytes)} < ${mib(TARGETS.distBytes)}`),
    check(figures.docPageFirstView < TARGETS.firstViewBytes, `doc page first view ${kb(figures.docPageFirstView)} < ${kb(TARGETS.firstViewBytes)}`),
  ];
}

/** One corpus of the bench: a number of pages of about one length. */
export interface CorpusSpec {
  pages: number;
  words: number;
}

function parseList(name: string, value: string, usage: string, min: number): number[] {
  const list = value.split(',').map((item) => Number(item.trim()));
  if (list.length === 0 || list.some((item) => !Number.isInteger(item) || item < min)) {
    console.error(`--${name} expects whole numbers of at least ${min}, separated by commas; got "${value}".\n${usage}`);
    process.exit(2);
  }
  return list;
}

async function main() {
  const usage =
    'Usage: npm run bench [-- --sizes 1000,5000] [--words 500,1200] [--links file|url] [--sections 10] [--no-warm] [--cpu-prof] [--keep] [--json <file>]\n' +
    `       npm run bench -- --compare ${BUILD_COMMANDS.map((c) => c.name).join(',')} [--runs 3] [--sizes 1000] [--words 500,1200]`;
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sizes: { type: 'string', default: '1000' },
        // Issue #23: pages of about 500 and about 1,200 words build at different speeds.
        words: { type: 'string', default: '500,1200' },
        links: { type: 'string', default: 'file' },
        // Issue #19 measured 10 sections, so a 5,000-page site has sections of 500 pages.
        sections: { type: 'string', default: '10' },
        'no-warm': { type: 'boolean', default: false },
        'cpu-prof': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        json: { type: 'string', default: 'bench-results/build.json' },
        compare: { type: 'string' },
        runs: { type: 'string', default: '3' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  const sizes = parseList('sizes', values.sizes, usage, 2);
  const wordCounts = parseList('words', values.words, usage, 50);
  const [sections] = parseList('sections', values.sections, usage, 1);
  const [runs] = parseList('runs', values.runs, usage, 1);
  if (!(LINK_STYLES as readonly string[]).includes(values.links)) {
    console.error(`--links expects one of ${LINK_STYLES.join(', ')}; got "${values.links}".\n${usage}`);
    process.exit(2);
  }
  let commands: BuildCommand[] | undefined;
  if (values.compare !== undefined) {
    const names = values.compare.split(',').map((name) => name.trim());
    const unknown = names.filter((name) => !BUILD_COMMANDS.some((command) => command.name === name));
    if (names.length < 2 || unknown.length > 0) {
      console.error(`--compare expects at least two of ${BUILD_COMMANDS.map((c) => c.name).join(', ')}; got "${values.compare}".\n${usage}`);
      process.exit(2);
    }
    commands = names.map((name) => BUILD_COMMANDS.find((command) => command.name === name)!);
  }

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'docs-bench-'));
  const results: (BuildFigures & { words: number })[] = [];
  console.log(
    `Build benchmark: ${os.cpus().length} CPUs, ${mib(os.totalmem())} RAM, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; working in ${workDir}`,
  );
  try {
    const corpora = sizes.flatMap((pages) => wordCounts.map((words) => ({ pages, words })));
    const generated = corpora.map((spec) => {
      const contentDir = path.join(workDir, `corpus-${spec.pages}-${spec.words}w`);
      const corpus = generateCorpus({
        pages: spec.pages,
        outDir: contentDir,
        seed: 42,
        sections: Math.min(sections!, spec.pages - 1),
        words: spec.words,
        links: values.links as LinkStyle,
      });
      console.log(
        `Corpus ${spec.pages} × ~${spec.words} words: ${corpus.pages} Markdown pages in ${corpus.sections} sections, ${kb(corpus.bytes)} of Markdown (${(corpus.bytes / corpus.pages / 1024).toFixed(1)} KB a page), ${values.links} links`,
      );
      return { ...spec, contentDir };
    });
    if (commands) {
      const comparison = await compareCommands({ corpora: generated, commands, runs: runs!, workDir, run: runMeasured });
      writeJson(values.json, { mode: 'compare', runs, comparison });
      return;
    }
    for (const { pages: size, words, contentDir } of generated) {
      console.log(`\nN = ${size}, ~${words} words a page:`);
      const cacheDir = path.join(workDir, `cache-${size}-${words}`);
      for (const kind of values['no-warm'] ? (['cold'] as const) : (['cold', 'warm'] as const)) {
        // Profile only the cold build: it is the one held to the time target.
        const profileDir = values['cpu-prof'] && kind === 'cold' ? path.join(workDir, `profile-${size}-${words}`) : undefined;
        const figures = await buildOnce({ contentDir, cacheDir, outDir: path.join(workDir, `dist-${size}-${words}-${kind}`), kind, profileDir });
        results.push({ ...figures, words });
        printFigures(figures);
        if (profileDir) {
          console.log(`        CPU profile (${profileDir}), self time of the main thread's hottest functions:`);
          for (const spot of hotSpots(profileDir))
            console.log(`          ${spot.ms.toFixed(0).padStart(7)} ms ${(spot.share * 100).toFixed(1).padStart(5)} %  ${spot.name}`);
        }
      }
    }
    for (const words of wordCounts) {
      console.log(`\nCold builds, ~${words} words a page:`);
      for (const line of scaleTable(results.filter((r) => r.kind === 'cold' && r.words === words))) console.log(line);
    }
    for (const judged of results.filter((r) => r.kind === 'cold' && Math.abs(r.pages - 1000) <= 10)) {
      console.log(`\nTargets (N = 1,000, cold), judged on the ${judged.pages}-page cold build of ~${judged.words} words a page:`);
      for (const line of verdicts(judged)) console.log(`  ${line}`);
    }
    writeJson(values.json, { targets: TARGETS, results });
  } finally {
    if (values.keep) console.log(`Kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

function writeJson(file: string, data: object): void {
  const json = path.resolve(file);
  mkdirSync(path.dirname(json), { recursive: true });
  writeFileSync(
    json,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), cpus: os.cpus().length, node: process.version, ...data }, null, 2)}\n`,
  );
  console.log(`\nFigures written to ${path.relative(process.cwd(), json)}`);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
