import { mkdtempSync, writeFileSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { lastUpdated, parseGitLog } from '../../src/data/last-updated.ts';

it('keeps the newest commit date of each file from one git log', () => {
  const log = ['@1700000000', '', 'a.md', 'b.md', '', '@1600000000', '', 'a.md', 'c.md', ''].join('\n');
  const dates = parseGitLog(log, '/repo/docs');
  expect(dates.get('/repo/docs/a.md')?.getTime()).toBe(1700000000_000);
  expect(dates.get('/repo/docs/c.md')?.getTime()).toBe(1600000000_000);
});

it('prefers the frontmatter override, then git, then the file time', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'updated-'));
  const file = path.join(dir, 'page.md');
  writeFileSync(file, 'x');
  utimesSync(file, new Date('2020-01-02'), new Date('2020-01-02'));
  const git = new Map([[file, new Date('2021-05-05')]]);
  expect(lastUpdated(file, git, new Date('2022-01-01'))?.getUTCFullYear()).toBe(2022);
  expect(lastUpdated(file, git)?.getUTCFullYear()).toBe(2021);
  expect(lastUpdated(file, new Map())?.getUTCFullYear()).toBe(2020);
  expect(lastUpdated(path.join(dir, 'missing.md'), new Map())).toBeUndefined();
});
