import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addedLinesSince, GitRefError, parseAddedLines } from '../../scripts/link-check/changed-lines.ts';
import { runLinkCheck } from '../../scripts/link-check/pipeline.ts';
import { fastConfig } from './helpers/check-one.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { makeTempDir, writeFiles } from './helpers/temp.ts';

let server: TestServer;
let temp: { dir: string; cleanup: () => Promise<void> };
let repo: string;
let baseCommit: string;

const resource = (id: string, url: string) =>
  `- id: ${id}\n  title: ${id}\n  url: ${url}\n  kind: docs\n  level: beginner\n  description: A resource.\n  added: 2025-01-01\n`;

beforeAll(async () => {
  server = await startServer((_request, response) => response.writeHead(200).end());
  temp = await makeTempDir('link-check-git-');
  repo = realpathSync(temp.dir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  git('config', 'commit.gpgsign', 'false');
  await writeFiles(repo, {
    'content/docs/a.md': `# A\n\n[old](${server.url('/old')})\n`,
    'content/links.yaml': resource('old-resource', server.url('/old-resource')),
  });
  git('add', '.');
  git('commit', '--quiet', '-m', 'base');
  baseCommit = git('rev-parse', 'HEAD');

  // A committed change, an uncommitted change and a file git does not know yet.
  await writeFiles(repo, { 'content/docs/a.md': `# A\n\n[old](${server.url('/old')})\n\n[new](${server.url('/new-committed')})\n` });
  git('commit', '--quiet', '-am', 'add a link');
  await writeFiles(repo, {
    'content/docs/a.md': `# A\n\n[old](${server.url('/old')})\n\n[new](${server.url('/new-committed')}) and [more](${server.url('/new-uncommitted')})\n`,
    'content/docs/b.md': `# B\n\n[brand new](${server.url('/new-file')})\n`,
    'content/links.yaml': `${resource('old-resource', server.url('/old-resource'))}\n${resource('new-resource', server.url('/new-resource'))}`,
  });
});

afterAll(async () => {
  await server.close();
  await temp.cleanup();
});

describe('--changed-since', () => {
  it('knows which lines were added since the ref, committed or not, plus untracked files', async () => {
    const added = await addedLinesSince(baseCommit, path.join(repo, 'content'));
    expect([...(added.get(path.join(repo, 'content/docs/a.md')) ?? [])]).toEqual([4, 5]);
    expect([...(added.get(path.join(repo, 'content/docs/b.md')) ?? [])]).toEqual([1, 2, 3, 4]);
    expect([...(added.get(path.join(repo, 'content/links.yaml')) ?? [])]).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('checks only the links on added lines', async () => {
    const report = await runLinkCheck({
      config: fastConfig(),
      contentDir: path.join(repo, 'content'),
      linksFile: path.join(repo, 'content', 'links.yaml'),
      rootDir: repo,
      changedSince: baseCommit,
    });
    expect(report.links.map((link) => new URL(link.url).pathname)).toEqual(['/new-committed', '/new-uncommitted', '/new-file']);
    // The test server is on 127.0.0.1, which links.yaml refuses for a curated resource: the new
    // entry is reported instead of requested.
    expect(report.problems).toContainEqual(
      expect.objectContaining({ file: 'content/links.yaml', message: expect.stringContaining('local or private-network address') }),
    );
    expect(server.requests.map((request) => request.path)).not.toContain('/new-resource');
    expect(report.changedSince).toBe(baseCommit);
    expect(server.requests.map((request) => request.path)).not.toContain('/old');
  });

  it('rejects an unknown ref with a message that says how to fix it', async () => {
    const error = await addedLinesSince('origin/no-such-branch', path.join(repo, 'content')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitRefError);
    expect((error as Error).message).toContain('"origin/no-such-branch" is not a commit');
  });

  it('parses added lines from hunk headers, ignoring pure deletions and deleted files', () => {
    const diff = [
      'diff --git a/docs/x.md b/docs/x.md',
      '--- a/docs/x.md',
      '+++ b/docs/x.md',
      '@@ -3 +3 @@ heading',
      '-old',
      '+new',
      '@@ -10,2 +9,0 @@',
      '-gone',
      '-gone too',
      '@@ -20,0 +19,2 @@',
      '+one',
      '+two',
      'diff --git a/docs/y.md b/docs/y.md',
      '--- a/docs/y.md',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
    ].join('\n');
    const added = parseAddedLines(diff, '/repo');
    expect([...added]).toEqual([['/repo/docs/x.md', new Set([3, 19, 20])]]);
  });
});
