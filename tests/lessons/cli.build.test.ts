import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';
import { lessonReportSchema } from '../../src/core/lessons/report.ts';

// `npm run lessons` as a user calls it: exit statuses, formats and the report file.
const cli = path.join(projectRoot, 'scripts/run-lessons.ts');
const pages = 'tests/fixtures/content/lessons/pages';
const fakeBin = path.join(projectRoot, 'tests/fixtures/content/lessons/bin');
let temp: string;

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'lessons-cli-'));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`,
          FAKE_DOCKER_STATE: path.join(temp, 'state'),
          GITHUB_STEP_SUMMARY: '',
          ...env,
        },
        timeout: 60_000,
      },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('npm run lessons', { timeout: 60_000 }, () => {
  it('exits 0 when every step passes, and writes a report the schema accepts', async () => {
    const reportFile = path.join(temp, 'reports', 'lessons.json');
    const result = await runCli(['--engine', 'host', '--report', reportFile, `${pages}/passes-varying-output.md`]);
    expect(result.stderr).not.toContain('FAIL');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PASSED tests/fixtures/content/lessons/pages/passes-varying-output.md');
    const report = lessonReportSchema.parse(JSON.parse(await readFile(reportFile, 'utf8')));
    expect(report.engine).toMatchObject({
      kind: 'host',
      name: 'Docker Engine',
      version: '28.5.2',
      tools: [{ name: 'Docker Compose', version: '2.40.0' }],
    });
    expect(report.totals).toMatchObject({ pages: 1, failedPages: 0, failed: 0, skipped: 2 });
  }, 60_000);

  it('exits 1 when a step fails, and in github format annotates the failing line and writes the job summary', async () => {
    const summary = path.join(temp, 'summary.md');
    const result = await runCli(['--engine', 'host', '--format', 'github', `${pages}/wrong-output.md`, `${pages}/leaves-volume.md`], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error file=tests/fixtures/content/lessons/pages/wrong-output.md,line=8,title=Lesson step failed::');
    expect(result.stdout).toContain(
      '::error file=tests/fixtures/content/lessons/pages/leaves-volume.md,line=1,title=Lesson leaves objects behind::After its last step the engine still holds volume:notes.',
    );
    const markdown = await readFile(summary, 'utf8');
    expect(markdown).toContain('| `tests/fixtures/content/lessons/pages/wrong-output.md` | **failed** |');
    expect(markdown).toContain('leaves behind volume:notes');
  }, 60_000);

  it('exits 2 for a malformed annotation, naming file and line, before starting any engine', async () => {
    const result = await runCli(['--engine', 'host', `${pages}/malformed-annotation.md`], { PATH: '/nonexistent' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tests/fixtures/content/lessons/pages/malformed-annotation.md:6: lesson annotation: exit=maybe');
  });

  it('exits 2 for usage errors and a missing page', async () => {
    expect((await runCli(['--format', 'xml'])).code).toBe(2);
    const missing = await runCli(['--engine', 'host', 'content/docs/no-such-page.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('content/docs/no-such-page.md does not exist');
  });

  it('exits 2 when the host engine cannot be reached', async () => {
    const result = await runCli(['--engine', 'host', `${pages}/wrong-output.md`], {
      PATH: `${path.join(projectRoot, 'tests/fixtures/content/lessons/no-engine')}${path.delimiter}${process.env.PATH}`,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--engine host needs a running Docker engine');
  });

  it.skipIf(existsSync(path.join(projectRoot, 'scripts/lessons/sandbox/index.ts')))(
    'exits 2 with a clear message while the sandbox engine is not in the checkout',
    async () => {
      const result = await runCli([`${pages}/wrong-output.md`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('the sandbox engine (scripts/lessons/sandbox/) is not in this checkout');
    },
  );
});
