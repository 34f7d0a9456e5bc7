import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderJson } from '../../scripts/link-check/report-json.ts';
import { summarize } from '../../scripts/link-check/summary.ts';
import { compareBuilds, type SiteDiff } from '../../scripts/pr-summary/compare.ts';
import { readBuild, type BuildSnapshot } from '../../scripts/pr-summary/snapshot.ts';
import { buildSite, projectRoot, tmpRoot } from '../helpers/build-site.ts';
import { SITE_ORIGIN, writeFixtureSite, type FixtureName } from './fixture-sites.ts';

const cli = path.join(projectRoot, 'scripts/pr-summary.ts');
const address = { base: '/', site: SITE_ORIGIN };

function build(name: FixtureName): string {
  const contentDir = writeFixtureSite(path.join(tmpRoot, 'pr-summary-content'), name);
  return buildSite({ contentDir, name: `pr-summary-${name}`, reuse: true }).outDir;
}

/** A report in the link checker's own JSON format, made by its own summarize and renderJson. */
function writeLinkReport(): string {
  const report = summarize({
    results: [
      {
        url: 'https://docs.docker.com/compose/',
        verdict: 'ok',
        status: 200,
        requests: 1,
        attempts: 1,
        elapsedMs: 80,
        checkedAt: '2026-11-30T00:00:00.000Z',
        fromCache: false,
        places: [{ raw: 'https://docs.docker.com/compose/', file: 'content/links.yaml', line: 12, resourceId: 'added-resource' }],
      },
    ],
    problems: [],
    startedAt: new Date('2026-11-30T00:00:00.000Z'),
    elapsedMs: 100,
    filesScanned: 1,
    changedSince: 'origin/main',
    config: { failOn: ['broken', 'timeout', 'network-error', 'invalid'] },
  });
  const file = path.join(tmpRoot, 'pr-summary-link-report.json');
  writeFileSync(file, renderJson(report));
  return file;
}

/** The real CLI, as `npm run pr-summary` runs it, with the deploy settings of the environment removed. */
function runCli(args: string[], extraEnv: Record<string, string> = {}) {
  // In CI the real job summary must not receive the fixtures' summaries.
  const { SITE_URL: _url, SITE_BASE: _base, DOCS_CONTENT_DIR: _content, GITHUB_STEP_SUMMARY: _summary, ...env } = process.env;
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: projectRoot, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('pr-summary on two fixture builds', () => {
  let baseDist: string;
  let headDist: string;
  let linkedDist: string;
  let base: BuildSnapshot;
  let head: BuildSnapshot;
  let diff: SiteDiff;
  beforeAll(async () => {
    mkdirSync(tmpRoot, { recursive: true });
    baseDist = build('base');
    headDist = build('head');
    linkedDist = build('head-linked');
    [base, head] = [await readBuild(baseDist, address), await readBuild(headDist, address)];
    diff = compareBuilds(base, head);
  });

  it('finds the added, moved and removed pages by their addresses', () => {
    expect(diff.pages.added).toEqual([{ sitePath: '/guide/added/', title: 'Added page' }]);
    expect(diff.pages.removed).toEqual([{ sitePath: '/guide/retired/', title: 'Retired page' }]);
    expect(diff.pages.moved).toEqual([
      {
        from: { sitePath: '/guide/install/', title: 'Install the tools' },
        to: { sitePath: '/guide/setup/', title: 'Install the tools' },
        similarity: 1,
      },
    ]);
    expect(diff.stillLinked).toEqual([]);
  });

  it('reports the page that grew past its first-view budget, with its sizes before and after', () => {
    const grown = diff.changed.find((change) => change.sitePath === '/guide/grows/');
    expect(grown?.pastBudget).toEqual([expect.stringMatching(/^first view is \d+ bytes gzip, budget is under 16384$/)]);
    expect(grown?.before?.firstView).toBeLessThan(16 * 1024);
    expect(grown?.after.firstView).toBeGreaterThanOrEqual(16 * 1024);
    // Title, one sentence, and the 400 digests of the code block.
    expect([grown?.before?.words, grown?.after.words]).toEqual([7, 406]);
    // The pages whose content stayed the same are not listed, however their sidebars changed.
    expect(diff.changed.map((change) => change.sitePath)).not.toContain('/');
  });

  it('reads the whole sidebar from the builds and shows what changed as a tree', () => {
    expect(head.sidebar.map((node) => node.label)).toEqual(['Fixture Home', 'The Guide', 'Learning resources']);
    expect(diff.sidebar).toEqual([
      'The Guide',
      '├── ~ Install the tools  /guide/setup/ (was at /guide/install/)',
      '├── + Added page  /guide/added/',
      '└── - Retired page  /guide/retired/',
    ]);
  });

  it('measures the search index of both builds', () => {
    expect(base.search?.indexBytes).toBeGreaterThan(0);
    expect(head.search!.entries).toBe(base.search!.entries + 1);
  });

  it('prints the summary with the resource verdict from the link report, also into the job summary, and exits 0', () => {
    const jobSummary = path.join(tmpRoot, 'pr-summary-job-summary.md');
    writeFileSync(jobSummary, '## Earlier step\n');
    const args = [
      '--base-dist',
      baseDist,
      '--head-dist',
      headDist,
      '--link-report',
      writeLinkReport(),
      '--artifact',
      'site-preview',
      '--retention-days',
      '7',
    ];
    const run = runCli(args, { GITHUB_STEP_SUMMARY: jobSummary });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(jobSummary, 'utf8')).toBe(`## Earlier step\n${run.stdout}\n`);
    // Changed: the guide's landing page (its links), the page that grew, and the resources list.
    expect(run.stdout).toContain('**1 page added · 1 moved · 1 removed · 3 changed** (2 unchanged)');
    expect(run.stdout).toContain('| moved | Install the tools | `/guide/install/` → `/guide/setup/` (100% same text) |');
    expect(run.stdout).toContain('| removed | Retired page | `/guide/retired/` |');
    expect(run.stdout).toMatch(
      /\| `\/guide\/grows\/` \| Growing page \| \d+ → \d+ \(\+\d+\) \| [\d.]+ KB → [\d.]+ KB \(\+[\d.]+ KB\) ⚠️ \*\*past its budget:\*\* first view is/,
    );
    expect(run.stdout).toContain('| added | A resource the pull request adds (`added-resource`): https://docs.docker.com/compose/ | ✅ ok (200) |');
    expect(run.stdout).toMatch(/Entries \(pages and resources\): \d+ → \d+ \(\+1\)/);
    expect(run.stdout).toContain('Download the `site-preview` artifact of this run');
    expect(run.stdout).toContain('npm run preview -- --dist <folder>');
  });

  it('fails when a moved page is still linked, naming the page that links to it', () => {
    const run = runCli(['--base-dist', baseDist, '--head-dist', linkedDist]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('### ❌ 1 address still linked');
    expect(run.stdout).toMatch(
      /- `\/guide\/install\/` moved to `\/guide\/setup\/`, but this still points to it: `\/` \(line \d+ of its HTML\)\. Fix: point them at the new address\./,
    );
    expect(run.stderr).toBe('pr-summary: /guide/install/ moved to /guide/setup/, but / still links to it.\n');
  });
});
