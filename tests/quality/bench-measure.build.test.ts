import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotSpots, runMeasured, treeRss, type RunResult } from '../../scripts/bench-build.ts';

// Nothing here may depend on how busy the machine is: no time bounds, no "hold it for a second and
// hope the sampler looks". Processes wait for the test to release them, and CPU work is counted in
// CPU time by the process doing it, so a loaded machine only makes the test slower.

const node = process.execPath;
const MiB = 1024 * 1024;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-measure-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Spins until this process has used `ms` of CPU by its own clock, however long that takes on the wall. */
const burnSource = (ms: number) =>
  `function burnCpu() { const start = process.cpuUsage(); let x = 0;` +
  ` for (;;) { for (let i = 0; i < 1e6; i++) x += i % 7; const used = process.cpuUsage(start); if ((used.user + used.system) / 1000 >= ${ms}) return x; } }`;

describe('treeRss', () => {
  it('adds up a process and all its descendants, and nothing else', () => {
    const processes = new Map([
      [1, { parent: 0, rss: 1000 }],
      [10, { parent: 1, rss: 5 }], // the measured command
      [11, { parent: 10, rss: 30 }],
      [12, { parent: 10, rss: 7 }],
      [13, { parent: 11, rss: 2 }], // a grandchild
      [14, { parent: 12, rss: 0 }], // a zombie has no VmRSS
      [20, { parent: 1, rss: 99 }], // a sibling of the command, not part of it
    ]);
    expect(treeRss(10, processes)).toEqual({ total: 44, largest: 30 });
    expect(treeRss(11, processes)).toEqual({ total: 32, largest: 30 });
    expect(treeRss(404, processes)).toEqual({ total: 0, largest: 0 });
  });
});

describe('runMeasured on a real process tree', () => {
  // A parent holding PARENT_MIB that waits for a child holding CHILD_MIB: the tree is worth both,
  // no single process is. The child also burns CHILD_CPU_MS of CPU, which only the tree's CPU time has.
  const PARENT_MIB = 64;
  const CHILD_MIB = 128;
  const CHILD_CPU_MS = 400;
  const ready = path.join(tmp, 'child-ready');
  let run: RunResult;
  let parentCpuMs: number;

  beforeAll(async () => {
    const childCode = [
      `const fs = require('node:fs');`,
      // Buffer.alloc with a fill value writes every page, so all of it is resident.
      `const held = Buffer.alloc(${CHILD_MIB} * 1024 * 1024, 1);`,
      burnSource(CHILD_CPU_MS),
      `burnCpu();`,
      // The handler goes in before the announcement: SIGUSR2 would otherwise kill the process.
      `process.on('SIGUSR2', () => { console.log(held[0]); process.exit(0); });`,
      `setInterval(() => {}, 1 << 30);`,
      `fs.writeFileSync(${JSON.stringify(`${ready}.tmp`)}, String(process.pid));`,
      `fs.renameSync(${JSON.stringify(`${ready}.tmp`)}, ${JSON.stringify(ready)});`,
    ].join('\n');
    const parentCode = [
      `const held = Buffer.alloc(${PARENT_MIB} * 1024 * 1024, 1);`,
      `const child = require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(childCode)}], { stdio: 'inherit' });`,
      // Its own CPU time, children excluded, so the test can tell whose CPU time was counted.
      `const own = process.cpuUsage();`,
      `console.error('parent-cpu-ms=' + (own.user + own.system) / 1000 + ' held=' + held[0]);`,
      `process.exit(child.status ?? 1);`,
    ].join('\n');

    const measured = runMeasured(node, ['-e', parentCode], { cwd: tmp, env: process.env });
    let settled = false;
    void measured.finally(() => (settled = true));
    while (!existsSync(ready)) {
      if (settled) throw new Error(`the child exited before it was ready:\n${(await measured).output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // runMeasured samples on a 50 ms interval in this very process. Node runs due timers in order
    // of expiry, so that interval (due within 50 ms) fires before a timeout due in 150 ms, however
    // late the event loop gets to them: at least one sample sees both buffers held.
    await new Promise((resolve) => setTimeout(resolve, 150));
    process.kill(Number(readFileSync(ready, 'utf8')), 'SIGUSR2');
    run = await measured;
    parentCpuMs = Number(/parent-cpu-ms=([\d.]+)/.exec(run.output)?.[1]);
  });

  it('runs the command to the end and keeps its output', () => {
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/^1$/m);
    expect(run.output).toMatch(/held=1/);
    expect(run.wallMs).toBeGreaterThan(0);
  });

  it('counts the memory of every process in the tree, not only the largest', () => {
    expect(run.peakProcessRss).toBeGreaterThanOrEqual(CHILD_MIB * MiB);
    expect(run.peakTreeRss).toBeGreaterThanOrEqual((CHILD_MIB + PARENT_MIB) * MiB);
    // The parent's buffer on top of the largest process: what a single-process max RSS misses.
    expect(run.peakTreeRss - run.peakProcessRss).toBeGreaterThanOrEqual(PARENT_MIB * MiB);
  });

  it.skipIf(!existsSync('/usr/bin/time'))('adds the CPU time of child processes (from /usr/bin/time)', () => {
    expect(parentCpuMs).toBeGreaterThan(0);
    // GNU time prints seconds to two decimals, so allow for rounding down.
    expect(run.cpuMs).toBeGreaterThanOrEqual(parentCpuMs + CHILD_CPU_MS - 30);
  });
});

describe('runMeasured on a failing command', () => {
  it('reports the exit status and output', async () => {
    const run = await runMeasured(node, ['-e', 'console.error("broken build"); process.exit(3)'], { cwd: tmp, env: process.env });
    expect(run.status).toBe(3);
    expect(run.output).toContain('broken build');
  });
});

describe('hotSpots', () => {
  it('names the function that burns the CPU in a V8 profile', async () => {
    const dir = path.join(tmp, 'profile');
    // A plain loop with no calls out of JavaScript. A profile weighs each sample by the wall time
    // since the last one, and a loaded machine preempts a process mostly in system calls: a loop
    // that asked for its CPU time every so often came out with `cpuUsage` on top. This one holds
    // over 90 % of the samples whether the machine is idle or not.
    const code = 'function burnCpu() { let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; return x; } console.log(burnCpu() > 0);';
    const run = await runMeasured(node, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-e', code], { cwd: tmp, env: process.env });
    expect(run.status, run.output).toBe(0);
    const spots = hotSpots(dir, 3);
    expect(spots[0]?.name).toMatch(/^burnCpu /);
    expect(spots[0]!.share).toBeGreaterThan(0.5);
    expect(spots.reduce((sum, spot) => sum + spot.share, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });
});
