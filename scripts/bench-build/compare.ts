import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { astroBuildEnv, BUILD_NODE_FLAGS, projectRoot } from '../../src/core/env.ts';
import type { RunResult } from '../bench-build.ts';

/** A way to start the build, as a user or a script would type it. */
export interface BuildCommand {
  name: string;
  /** What the reader of the figures would type. */
  shown: string;
  argv: (outDir: string) => [string, string[]];
}

const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

export const BUILD_COMMANDS: readonly BuildCommand[] = [
  { name: 'npm', shown: 'npm run build', argv: (outDir) => ['npm', ['run', 'build', '--', '--outDir', outDir]] },
  { name: 'npx', shown: 'npx astro build', argv: (outDir) => ['npx', ['astro', 'build', '--outDir', outDir]] },
  // What `npm run build` runs, without npm around it.
  {
    name: 'node',
    shown: `node ${[...BUILD_NODE_FLAGS, ''].join(' ')}astro.mjs build`,
    argv: (outDir) => [process.execPath, [...BUILD_NODE_FLAGS, astroBin, 'build', '--outDir', outDir]],
  },
  // The flag `npm run build` used before issue #23.
  {
    name: 'optimize-for-size',
    shown: 'node --optimize-for-size astro.mjs build',
    argv: (outDir) => [process.execPath, ['--optimize-for-size', astroBin, 'build', '--outDir', outDir]],
  },
];

export interface CompareRun {
  command: string;
  round: number;
  wallMs: number;
  cpuMs?: number;
  peakTreeRss: number;
  loadAverage: number;
}

export interface CorpusComparison {
  pages: number;
  words: number;
  runs: CompareRun[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/**
 * Cold builds of each corpus with each command, `runs` rounds, interleaved: round r starts with
 * command r, so the machine's changing load falls on every command alike. Prints every build and,
 * per corpus, each command's medians against the first command's.
 */
export async function compareCommands(options: {
  corpora: { pages: number; words: number; contentDir: string }[];
  commands: readonly BuildCommand[];
  runs: number;
  workDir: string;
  run: (command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) => Promise<RunResult>;
}): Promise<CorpusComparison[]> {
  const comparisons: CorpusComparison[] = [];
  for (const corpus of options.corpora) {
    console.log(`\n${corpus.pages} pages × ~${corpus.words} words, cold builds, ${options.runs} interleaved rounds:`);
    const runs: CompareRun[] = [];
    for (let round = 0; round < options.runs; round++) {
      for (let i = 0; i < options.commands.length; i++) {
        const command = options.commands[(round + i) % options.commands.length]!;
        const outDir = path.join(options.workDir, `compare-dist-${command.name}`);
        const cacheDir = path.join(options.workDir, `compare-cache-${command.name}`);
        rmSync(outDir, { recursive: true, force: true });
        rmSync(cacheDir, { recursive: true, force: true });
        const [file, args] = command.argv(outDir);
        const result = await options.run(file, args, { cwd: projectRoot, env: astroBuildEnv({ contentDir: corpus.contentDir, cacheDir }) });
        if (result.status !== 0)
          throw new Error(`${command.shown} failed on ${corpus.contentDir} (exit ${result.status}):\n${result.output.slice(-4000)}`);
        const figures: CompareRun = {
          command: command.name,
          round: round + 1,
          wallMs: result.wallMs,
          cpuMs: result.cpuMs,
          peakTreeRss: result.peakTreeRss,
          loadAverage: os.loadavg()[0]!,
        };
        runs.push(figures);
        console.log(
          `  round ${round + 1}  ${command.shown.padEnd(42)} wall ${seconds(figures.wallMs).padStart(7)}  CPU ${seconds(figures.cpuMs).padStart(7)}  peak RSS ${mib(figures.peakTreeRss).padStart(9)}  load ${figures.loadAverage.toFixed(1)}`,
        );
      }
    }
    comparisons.push({ pages: corpus.pages, words: corpus.words, runs });
    for (const line of comparisonTable(runs, options.commands)) console.log(line);
  }
  return comparisons;
}

/** Medians per command, and each against the first command: the figures a closing note quotes. */
export function comparisonTable(runs: CompareRun[], commands: readonly BuildCommand[]): string[] {
  const stats = commands.map((command) => {
    const own = runs.filter((run) => run.command === command.name);
    const cpu = own.map((run) => run.cpuMs).filter((ms): ms is number => ms !== undefined);
    return {
      command,
      wall: median(own.map((run) => run.wallMs)),
      cpu: cpu.length > 0 ? median(cpu) : undefined,
      peak: median(own.map((run) => run.peakTreeRss)),
      load: median(own.map((run) => run.loadAverage)),
    };
  });
  const first = stats[0]!;
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? 'n/a' : `${((a / b - 1) * 100).toFixed(0).replace(/^(?!-)/, '+')} %`;
  return [
    '',
    `| command (median of ${runs.length / commands.length}) | wall | CPU | peak RSS | load | wall vs ${first.command.name} | CPU vs ${first.command.name} | peak vs ${first.command.name} |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...stats.map(
      (s) =>
        `| \`${s.command.shown}\` | ${seconds(s.wall)} | ${seconds(s.cpu)} | ${mib(s.peak)} | ${s.load.toFixed(1)} | ${s === first ? '' : ratio(s.wall, first.wall)} | ${s === first ? '' : ratio(s.cpu, first.cpu)} | ${s === first ? '' : ratio(s.peak, first.peak)} |`,
    ),
  ];
}
