import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { resolveSiteConfig } from '../../src/core/site-config.ts';
import siteConfigInput from '../../src/site.config.ts';

// GitHub Actions cannot run here, so the workflows are checked the ways that catch real mistakes:
// the published workflow schema, the npm scripts they call, and the settings each job depends on.

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  container?: string | { image: string };
  permissions?: Record<string, string> | string;
  environment?: { name: string; url?: string };
  needs?: string | string[];
  steps: Step[];
}
interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string };
  jobs: Record<string, Job>;
}

const workflowsDir = path.join(projectRoot, '.github', 'workflows');
const workflowFiles = readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file));

function readYaml<T>(file: string): T {
  const document = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) throw new Error(`${path.relative(projectRoot, file)}: ${document.errors.map((error) => error.message).join('\n')}`);
  return document.toJS() as T;
}

const workflow = (file: string) => readYaml<Workflow>(path.join(workflowsDir, file));
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const runs = (wf: Workflow) => steps(wf).flatMap((step) => (step.run ? [step.run] : []));
const stepUsing = (wf: Workflow, action: string) => steps(wf).find((step) => step.uses?.split('@')[0] === action);

function describeErrors(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => {
    const nested = 'states' in error && error.states ? error.states.flatMap((state) => describeErrors(state.errors)) : [];
    const where = 'path' in error ? error.path : 'location' in error && error.location ? `line ${error.location.line}` : '';
    return [`${where} ${error.title}${error.detail ? `: ${error.detail}` : ''}`, ...nested];
  });
}

/** Every `npm run <script>` and `npm test`/`npm start` a command line calls. */
function npmScriptsCalled(command: string): string[] {
  const names = [...command.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(test|start|stop|restart)\b)/g)].map((match) => match[1] ?? match[2]);
  return [...new Set(names)];
}

describe('every workflow', () => {
  it.each(workflowFiles)('%s matches the published GitHub workflow schema', (file) => {
    const result = validateWorkflow(readFileSync(path.join(workflowsDir, file), 'utf8'));
    expect(describeErrors(result.errors)).toEqual([]);
  });

  it.each(workflowFiles)('%s calls only npm scripts that package.json defines', (file) => {
    // Read now, not at import: scripts other changes add show up as they land.
    const scripts = Object.keys(JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).scripts ?? {});
    const called = runs(workflow(file)).flatMap(npmScriptsCalled);
    const missing = called.filter((name) => !scripts.includes(name));
    expect(missing, `${file} runs npm scripts missing from package.json`).toEqual([]);
  });

  it.each(workflowFiles)('%s pins every action to a release, not a moving branch', (file) => {
    for (const step of steps(workflow(file))) {
      if (!step.uses || step.uses.startsWith('./')) continue;
      expect(step.uses, file).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    }
  });

  it.each(workflowFiles)('%s keeps event data out of shell scripts (passed through env instead)', (file) => {
    // ${{ github.event.* }} pasted into `run:` lets a branch name or PR title inject shell code.
    for (const command of runs(workflow(file))) expect(command, file).not.toMatch(/\$\{\{\s*github\.(event|head_ref)/);
  });

  it.each(workflowFiles)('%s gives the token no write access by default (jobs ask for what they need)', (file) => {
    // Unset permissions mean the repository default, which may be write-all.
    const permissions = workflow(file).permissions;
    expect(typeof permissions, `${file} needs a top-level permissions: block`).toBe('object');
    const writes = Object.entries(permissions as Record<string, string>).filter(([, access]) => access === 'write');
    expect(writes, file).toEqual([]);
  });
});

describe('npmScriptsCalled', () => {
  it('finds run scripts and the npm shorthands, not npm ci or arguments after --', () => {
    expect(npmScriptsCalled('npm ci && npm run build\nnpm test\nnpm run links -- --format github')).toEqual(['build', 'test', 'links']);
  });
});

describe('ci.yml', () => {
  const ci = workflow('ci.yml');
  const job = Object.values(ci.jobs)[0];

  it('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on.push).toEqual({ branches: ['main'] });
  });

  it('uses the Node version in .nvmrc with the npm cache, and the full git history', () => {
    expect(stepUsing(ci, 'actions/setup-node')?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(stepUsing(ci, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
  });

  it('installs Chromium and nginx with apt before the tests, on Debian where those packages are real', () => {
    const image = typeof job.container === 'string' ? job.container : job.container?.image;
    expect(image).toMatch(/bookworm|trixie/);
    const install = runs(ci).find((command) => /apt-get install/.test(command)) ?? '';
    expect(install).toMatch(/\bchromium\b/);
    expect(install).toMatch(/\bnginx\b/);
  });

  it('installs from the lock file, then builds, tests and lints the content, in that order', () => {
    const commands = runs(ci).join('\n');
    const order = ['npm ci', 'npm run build', 'npm test', 'npm run lint:content'].map((command) => commands.indexOf(command));
    expect(
      order.every((index) => index >= 0),
      'every command is there',
    ).toBe(true);
    expect(order.slice(0, 3)).toEqual([...order.slice(0, 3)].sort((a, b) => a - b));
  });

  it('checks links only on lines changed since the pull request base, as annotations', () => {
    const step = steps(ci).find((candidate) => candidate.run && /npm run links/.test(candidate.run));
    expect(step?.if).toBe("github.event_name == 'pull_request'");
    expect(step?.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    expect(step?.run).toMatch(/--changed-since "\$BASE_SHA"/);
    expect(step?.run).toMatch(/--format github/);
  });
});

describe('ci.yml on pull requests: summary and preview', () => {
  const ci = workflow('ci.yml');
  const all = steps(ci);
  const at = (pattern: RegExp) => all.findIndex((step) => step.run !== undefined && pattern.test(step.run));
  const flag = (command: string, name: string) => new RegExp(`--${name} "?([^\\s"]+)`).exec(command)?.[1];
  const summaryAt = at(/npm run pr-summary/);
  const summary = all[summaryAt]!;
  const upload = stepUsing(ci, 'actions/upload-artifact') as Step & { id?: string };

  it('runs only for pull requests, once the build succeeded, even after a failed test', () => {
    const buildStep = all.find((step) => step.run === 'npm run build') as Step & { id?: string };
    expect(buildStep.id).toBe('build');
    for (const step of [summary, all[at(/--format json > link-report\.json/)]!, all[at(/^npm run pdf$/)]!, upload]) {
      expect(step.if).toBe("github.event_name == 'pull_request' && !cancelled() && steps.build.outcome == 'success'");
    }
  });

  it('compares the build with the base commit, and gives new resources the changed-lines verdicts', () => {
    expect(summary.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    expect(flag(summary.run!, 'base')).toBe('$BASE_SHA');
    expect(flag(summary.run!, 'head-dist')).toBe('dist');
    const reportAt = at(/--format json > link-report\.json/);
    expect(reportAt).toBeGreaterThan(-1);
    expect(reportAt).toBeLessThan(summaryAt);
    expect(all[reportAt]!.run).toMatch(/--changed-since "\$BASE_SHA"/);
    // Without --silent, npm writes its own lines into the file ahead of the JSON.
    expect(all[reportAt]!.run).toMatch(/^npm run links --silent -- /);
    expect(all[reportAt]!.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    // A failing link (1) or no network (3) must not stop the summary; a usage error (2) must.
    expect(all[reportAt]!.run).toMatch(/\|\| \[ \$\? -ne 2 \]$/);
    expect(flag(summary.run!, 'link-report')).toBe('link-report.json');
  });

  it('uploads dist with the PDF as a short-lived artifact, under the name and retention the summary gives', () => {
    const pdfAt = at(/^npm run pdf$/);
    const uploadAt = all.indexOf(upload);
    // The summary compares pages as the build wrote them, before the PDF step links the PDF.
    expect([summaryAt < pdfAt, pdfAt < uploadAt]).toEqual([true, true]);
    expect(upload.with?.path).toBe('dist');
    expect(upload.with?.['if-no-files-found']).toBe('error');
    expect(Number(upload.with?.['retention-days'])).toBeLessThanOrEqual(7);
    expect(flag(summary.run!, 'artifact')).toBe(upload.with?.name);
    expect(flag(summary.run!, 'retention-days')).toBe(String(upload.with?.['retention-days']));
    const link = all.find((step) => step.env?.ARTIFACT_URL);
    expect(link?.env?.ARTIFACT_URL).toBe(`\${{ steps.${upload.id}.outputs.artifact-url }}`);
    expect(link?.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });
});

describe('lessons.yml', () => {
  const lessons = workflow('lessons.yml');
  const run = runs(lessons).find((command) => /npm run lessons/.test(command)) ?? '';
  const runStep = steps(lessons).find((step) => step.run === run);

  it('runs on pull requests that touch the docs, weekly, and on demand', () => {
    expect(Object.keys(lessons.on).sort()).toEqual(['pull_request', 'schedule', 'workflow_dispatch']);
    expect(lessons.on.pull_request).toEqual({ paths: ['content/docs/**'] });
    expect((lessons.on.schedule as { cron: string }[])[0]?.cron).toMatch(/^\S+ \S+ \* \* \d$/);
  });

  it("runs every lesson on the runner's own Docker engine, as annotations, writing the JSON report", () => {
    expect(stepUsing(lessons, 'actions/setup-node')?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(run).toMatch(/--engine host\b/);
    expect(run).toMatch(/--format github\b/);
    // No page named: every page that opts in runs.
    expect(
      run
        .replace(/--\S+ \S+/g, '')
        .replace(/^npm run lessons --/, '')
        .trim(),
    ).toBe('');
    expect(runStep?.if).toBeUndefined();
  });

  it('keeps the report even when a step fails: saved for the site (not from pull requests) and uploaded', () => {
    const reportFile = /--report (\S+)/.exec(run)?.[1];
    expect(reportFile).toBeTruthy();
    const save = stepUsing(lessons, 'actions/cache/save');
    expect(save?.with?.path).toBe(reportFile);
    expect(save?.with?.key).toMatch(/^lessons-report-\$\{\{ github\.run_id \}\}$/);
    expect(save?.if).toBe("${{ !cancelled() && github.event_name != 'pull_request' }}");
    const upload = stepUsing(lessons, 'actions/upload-artifact');
    expect(upload?.with?.path).toBe(reportFile);
    expect(upload?.if).toBe('${{ !cancelled() }}');
    const all = steps(lessons);
    expect(all.indexOf(runStep!)).toBeLessThan(all.indexOf(save!));
  });

  it('cancels superseded pull request runs, never scheduled ones', () => {
    expect(lessons.concurrency?.group).toMatch(/^lessons-/);
    expect(lessons.concurrency?.['cancel-in-progress']).toBe("${{ github.event_name == 'pull_request' }}");
  });
});

describe('deploy.yml', () => {
  const deploy = workflow('deploy.yml');

  it('deploys on pushes to main, one deployment at a time, never cancelled half-way', () => {
    expect(deploy.on.push).toEqual({ branches: ['main'] });
    expect(deploy.concurrency?.group).toBeTruthy();
    expect(deploy.concurrency?.['cancel-in-progress']).toBe(false);
  });

  it('builds with the base path and URL that configure-pages reports', () => {
    const pages = stepUsing(deploy, 'actions/configure-pages');
    expect(pages?.uses).toBeTruthy();
    const id = (pages as Step & { id?: string }).id;
    const build = steps(deploy).find((step) => step.run === 'npm run build');
    expect(build?.env).toEqual({ SITE_URL: `\${{ steps.${id}.outputs.origin }}`, SITE_BASE: `\${{ steps.${id}.outputs.base_path }}` });
    expect(stepUsing(deploy, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
    expect(stepUsing(deploy, 'actions/setup-node')?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
  });

  it('restores the cache links.yml saves before building, so the resources page shows link health', () => {
    const all = steps(deploy);
    const restoreAt = all.findIndex((step) => step.uses?.split('@')[0] === 'actions/cache/restore');
    const buildAt = all.findIndex((step) => step.run === 'npm run build');
    expect(restoreAt).toBeGreaterThan(-1);
    expect(restoreAt).toBeLessThan(buildAt);
    const saved = steps(workflow('links.yml')).find((step) => step.uses?.split('@')[0] === 'actions/cache/save');
    expect(all[restoreAt]?.with?.path).toBe(saved?.with?.path);
    expect(String(all[restoreAt]?.with?.['restore-keys'])).toBe(String(saved?.with?.key).split('$')[0]);
  });

  it('restores the report lessons.yml saves from main before building, where the site reads it, and deploys again after each lessons run on main', () => {
    const all = steps(deploy);
    const saved = stepUsing(workflow('lessons.yml'), 'actions/cache/save');
    const restoreAt = all.findIndex((step) => step.uses?.split('@')[0] === 'actions/cache/restore' && step.with?.path === saved?.with?.path);
    expect(restoreAt).toBeGreaterThan(-1);
    expect(restoreAt).toBeLessThan(all.findIndex((step) => step.run === 'npm run build'));
    expect(String(all[restoreAt]?.with?.['restore-keys'])).toBe(String(saved?.with?.key).split('$')[0]);
    // The path the site reads by default (the lessonReport setting) is the one restored.
    expect(resolveSiteConfig(siteConfigInput).lessonReport).toBe(saved?.with?.path);
    expect(deploy.on.workflow_run).toEqual({ workflows: [workflow('lessons.yml').name], types: ['completed'], branches: ['main'] });
  });

  it("prints the PDF after the build, with Debian's Chromium and the same base path, before publishing", () => {
    const all = steps(deploy);
    const buildAt = all.findIndex((step) => step.run === 'npm run build');
    const pdfAt = all.findIndex((step) => step.run === 'npm run pdf');
    const uploadAt = all.findIndex((step) => step.uses?.split('@')[0] === 'actions/upload-pages-artifact');
    expect(buildAt).toBeGreaterThan(-1);
    expect(pdfAt).toBeGreaterThan(buildAt);
    expect(uploadAt).toBeGreaterThan(pdfAt);
    expect(all[pdfAt].env).toEqual(all[buildAt].env);
    const job = Object.values(deploy.jobs).find((candidate) => candidate.steps.includes(all[pdfAt]))!;
    expect(typeof job.container === 'string' ? job.container : job.container?.image).toMatch(/bookworm|trixie/);
    const installAt = all.findIndex((step) => /apt-get install[\s\S]*\bchromium\b/.test(step.run ?? ''));
    expect(installAt).toBeGreaterThan(-1);
    expect(installAt).toBeLessThan(pdfAt);
  });

  it('publishes dist/ with the official Pages actions', () => {
    expect(stepUsing(deploy, 'actions/upload-pages-artifact')?.with).toEqual({ path: 'dist' });
    const deployJob = Object.values(deploy.jobs).find((job) => job.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')));
    expect(deployJob?.environment?.name).toBe('github-pages');
    expect(deployJob?.needs).toBeTruthy();
  });

  it('gives write permissions only to the job that deploys, and only the two it needs', () => {
    for (const job of Object.values(deploy.jobs)) {
      const deploys = job.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'));
      if (deploys) expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
      else expect(job.permissions).toBeUndefined();
    }
  });
});

describe('links.yml', () => {
  it('runs on a weekly schedule and keeps its cache between runs', () => {
    const links = workflow('links.yml');
    expect(links.on.schedule).toBeTruthy();
    expect(steps(links).some((step) => /^actions\/cache(\/restore|\/save)?@/.test(step.uses ?? ''))).toBe(true);
    expect(runs(links).some((command) => npmScriptsCalled(command).includes('links'))).toBe(true);
  });
});

describe('dependabot.yml', () => {
  it('keeps npm packages, GitHub Actions and the Dockerfile base images up to date', () => {
    const config = readYaml<{ version: number; updates: Array<{ 'package-ecosystem': string; directory: string; schedule: { interval: string } }> }>(
      path.join(projectRoot, '.github', 'dependabot.yml'),
    );
    expect(config.version).toBe(2);
    expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual(['docker', 'github-actions', 'npm']);
    for (const update of config.updates) {
      expect(update.directory).toBe('/');
      expect(['daily', 'weekly', 'monthly']).toContain(update.schedule.interval);
    }
  });
});
