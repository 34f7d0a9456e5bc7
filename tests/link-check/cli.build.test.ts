import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../scripts/link-check/cli-options.ts';
import { closedPort, startServer, type TestServer } from './helpers/server.ts';
import { makeTempDir, writeFiles } from './helpers/temp.ts';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/check-links.ts');
let server: TestServer;
let temp: { dir: string; cleanup: () => Promise<void> };

/**
 * Settings for loopback servers: allow 127.x (excluded by default), no retries. The servers answer
 * at once, so the timeout only has to outlast a busy machine, never a hanging server.
 */
const fast = ['--include', '^http://127\\.', '--timeout', '10000', '--retries', '0', '--no-cache'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process (asynchronously: the test server lives in this process). */
function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { cwd: temp.dir, env: { ...process.env, CI: 'true', ...env }, timeout: 60_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  server = await startServer((request, response) => response.writeHead(request.url === '/missing' ? 404 : 200).end());
  temp = await makeTempDir();
  await writeFiles(temp.dir, {
    'content/docs/intro.md': `# Intro\n\nSee [the guide](${server.url('/guide')}).\n\nAnd [this](${server.url('/missing')}).\n`,
    'content/docs/fine.md': `# Fine\n\n[ok](${server.url('/fine')})\n`,
  });
});

afterAll(async () => {
  await server.close();
  await temp.cleanup();
});

// Each test starts the CLI (seconds apiece when the machine's cores are shared): time for that.
describe('npm run links', { timeout: 90_000 }, () => {
  it('prints a text report grouped by file and exits 1 when a link is broken', async () => {
    const run = await runCli(['--content-dir', 'content', ...fast]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`content/docs/intro.md\n     5  broken        404  ${server.url('/missing')}\n`);
    expect(run.stdout).toMatch(/3 links in 2 files: 1 broken, 2 ok \(\d+ requests, [\d.]+ m?s\)\n$/);
    // Not a TTY: plain progress lines on stderr, no bar.
    expect(run.stderr).toContain('Checking 3 links...');
  });

  it('exits 0 when the only failures are verdicts left out of --fail-on', async () => {
    const run = await runCli(['--content-dir', 'content', ...fast, '--fail-on', 'timeout,invalid']);
    expect(run.code).toBe(0);
  });

  it('writes the JSON report to stdout', async () => {
    const run = await runCli(['--content-dir', 'content', ...fast, '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, exitCode: 1, counts: { ok: 2, broken: 1 } });
    expect(report.links.find((link: { verdict: string }) => link.verdict === 'broken').places).toEqual([
      { raw: server.url('/missing'), file: 'content/docs/intro.md', line: 5 },
    ]);
  });

  it('writes GitHub annotations and appends a Markdown summary to $GITHUB_STEP_SUMMARY', async () => {
    const summaryFile = path.join(temp.dir, 'step-summary.md');
    await writeFiles(temp.dir, { 'step-summary.md': '# Earlier step\n' });
    const run = await runCli(['--content-dir', 'content', ...fast, '--format', 'github'], { GITHUB_STEP_SUMMARY: summaryFile });
    expect(run.stdout).toContain(`::error file=content/docs/intro.md,line=5,title=Broken link::${server.url('/missing')} — answered 404 Not Found\n`);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary.startsWith('# Earlier step\n## Link check')).toBe(true);
    expect(summary).toContain('| ❌ broken |');
  });

  it('prints a Markdown report', async () => {
    const run = await runCli(['--content-dir', 'content', ...fast, '--format', 'markdown']);
    expect(run.stdout).toContain('**1 broken, 2 ok**');
  });

  it('checks a single --url, even one the default excludes would skip', async () => {
    const run = await runCli(['--url', server.url('/fine'), '--timeout', '10000', '--no-cache']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 link in 0 files: 1 ok');
  });

  it('keeps results in the cache file and reuses them on the next run', async () => {
    const cacheFile = path.join(temp.dir, 'cache', 'links.json');
    const args = ['--content-dir', 'content', '--include', '^http://127\\.', '--retries', '0', '--format', 'json'];
    const first = JSON.parse((await runCli(args, { LINK_CHECK_CACHE: cacheFile })).stdout);
    expect(first.fromCache).toBe(0);
    const second = JSON.parse((await runCli(args, { LINK_CHECK_CACHE: cacheFile })).stdout);
    expect(second.fromCache).toBe(2);
    expect(second.requests).toBe(1); // only the broken link is asked again (one GET: the soft-404 check reads pages)
  });

  it('exits 3 with an explanation when the machine looks offline', async () => {
    const offline = await makeTempDir();
    try {
      await writeFiles(offline.dir, {
        'content/docs/a.md': `[a](http://127.0.0.2:${await closedPort('127.0.0.2')}/) [b](http://127.0.0.3:${await closedPort('127.0.0.3')}/)\n`,
      });
      const run = await runCli(['--content-dir', path.join(offline.dir, 'content'), ...fast]);
      expect(run.code).toBe(3);
      expect(run.stdout).toContain('This machine looks offline: all 2 links to 2 hosts failed with DNS or connection errors');
    } finally {
      await offline.cleanup();
    }
  });

  it('exits 2 with a clear message for usage errors', async () => {
    const unknown = await runCli(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--frobnicate'");
    expect(unknown.stderr).toContain('--help');

    // The other flag errors come from the same parser; checked without a process each.
    const usageError = (argv: string[]) => {
      try {
        parseCliArgs(argv, { cacheFile: 'cache.json' });
      } catch (error) {
        if (error instanceof UsageError) return error.message;
        throw error;
      }
      throw new Error(`no usage error for ${argv.join(' ')}`);
    };
    expect(usageError(['--fail-on', 'broken,dead'])).toContain('unknown verdict "dead"');
    expect(usageError(['--format', 'xml'])).toContain('--format must be one of text, json, markdown, github');
    expect(usageError(['--per-host', 'two'])).toContain('--per-host expects a whole number (got "two")');
    expect(usageError(['--link-deadline', 'soon'])).toContain('--link-deadline expects a duration such as 20s, 1m or 90000 (got "soon")');
    expect(usageError(['--max-duration', '0'])).toContain('maxDurationMs');
    expect(usageError(['--exclude', '(unclosed'])).toContain('expected a valid JavaScript regular expression');

    const ref = await runCli(['--content-dir', 'content', '--changed-since', 'main']);
    expect(ref).toMatchObject({ code: 2, stderr: expect.stringContaining('is not inside one') });
    expect(ref.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 and names the folder when --content-dir does not exist', async () => {
    const run = await runCli(['--content-dir', 'no-such-folder', ...fast]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--content-dir no-such-folder does not exist');
    expect(run.stdout).toBe('');

    const file = await runCli(['--content-dir', 'content/docs/intro.md', ...fast]);
    expect(file).toMatchObject({ code: 2, stderr: expect.stringContaining('content/docs/intro.md is not a folder') });

    // The docs folder instead of the content folder: no pages in docs/, no links.yaml.
    const docs = await runCli(['--content-dir', 'content/docs', ...fast]);
    expect(docs).toMatchObject({ code: 2, stdout: '' });
    expect(docs.stderr).toContain('--content-dir content/docs has no pages in docs/ and no links.yaml, so there is nothing to check');
    expect(docs.stderr).toContain('pass its parent, content, which holds docs/ and links.yaml');
  });

  it('on Ctrl-C prints what it has, the links it did not check as unverified, and exits 130', async () => {
    const hanging = await startServer(() => {}, '127.0.0.8'); // accepts requests, never answers
    try {
      const pages = Array.from({ length: 4 }, (_, index) => `- [page ${index}](${hanging.url(`/${index}`)})`).join('\n');
      await writeFiles(temp.dir, { 'interrupt/docs/a.md': `# A\n\n${pages}\n` });
      const child = execFile(
        process.execPath,
        [cli, '--content-dir', 'interrupt', ...fast, '--timeout', '20000', '--headers-timeout', '20000', '--per-host', '1', '--format', 'json'],
        { cwd: temp.dir, env: { ...process.env, CI: 'true' }, timeout: 60_000 },
      );
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk) => (stdout += chunk));
      let interrupted = false;
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
        // Interrupt once the run has started checking (once: a second Ctrl-C kills at once).
        if (!interrupted && stderr.includes('Checking 4 links')) interrupted = child.kill('SIGINT');
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
      expect(code).toBe(130);
      const report = JSON.parse(stdout);
      expect(report).toMatchObject({ interrupted: true, exitCode: 130, counts: { unverified: 4, timeout: 0, 'network-error': 0 } });
      expect(report.links.map((link: { stoppedBy: string }) => link.stoppedBy)).toEqual(Array(4).fill('interrupted'));
      expect(stderr).toContain('interrupted; links not checked are reported unverified');
    } finally {
      await hanging.close();
    }
  });

  it('prints help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run links -- [options]');
    expect(run.stdout).toContain('Exit codes: 0 fine, 1 a failing verdict');
  });
});
