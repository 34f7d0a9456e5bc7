import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hotSpots, runMeasured } from '../../scripts/bench-build.ts';

const node = process.execPath;
const MiB = 1024 * 1024;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-measure-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build benchmark measurements', () => {
  it('counts the memory of child processes in the peak RSS of the tree', async () => {
    // A parent that starts a child holding 200 MiB of touched memory for a second.
    const childCode = 'const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 1000);';
    const parentCode = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(childCode)}], { stdio: 'inherit' });`;
    const run = await runMeasured(node, ['-e', parentCode], { cwd: tmp, env: process.env });
    expect(run.status).toBe(0);
    expect(run.output.trim()).toBe('1');
    expect(run.peakProcessRss).toBeGreaterThan(200 * MiB);
    // The parent's own memory comes on top of the child's.
    expect(run.peakTreeRss).toBeGreaterThan(run.peakProcessRss + 10 * MiB);
    expect(run.wallMs).toBeGreaterThanOrEqual(1000);
    if (existsSync('/usr/bin/time')) expect(run.cpuMs).toBeGreaterThan(0);
  });

  it('reports a failing command with its exit status and output', async () => {
    const run = await runMeasured(node, ['-e', 'console.error("broken build"); process.exit(3)'], { cwd: tmp, env: process.env });
    expect(run.status).toBe(3);
    expect(run.output).toContain('broken build');
  });

  it('names the function that burns the CPU in a V8 profile', async () => {
    const dir = path.join(tmp, 'profile');
    const code = 'function burnCpu() { let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; return x; } console.log(burnCpu() > 0);';
    const run = await runMeasured(node, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-e', code], { cwd: tmp, env: process.env });
    expect(run.status).toBe(0);
    const [top] = hotSpots(dir, 3);
    expect(top?.name).toMatch(/^burnCpu /);
    expect(top!.share).toBeGreaterThan(0.5);
  });
});
