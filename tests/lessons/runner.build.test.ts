import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';
import { lessonReportSchema, type PageReport } from '../../src/core/lessons/report.ts';
import { createHostEngine } from '../../scripts/lessons/host-engine.ts';
import { planPages, runLessons } from '../../scripts/lessons/runner.ts';
import course from '../../src/site.config.ts';

// The runner end to end, on fixture pages, against the host engine with a stand-in `docker` first
// on the PATH (tests/fixtures/content/lessons/bin/docker): real bash sessions, real timeouts, no engine.
const pagesDir = 'tests/fixtures/content/lessons/pages';
/** The fixture pages name the Docker course's requirements (its settings declare them). */
const requirements = Object.keys(course.lessonRequirements);
const fakeBin = path.join(projectRoot, 'tests/fixtures/content/lessons/bin');
let state: string;

beforeEach(async () => {
  state = await mkdtemp(path.join(tmpdir(), 'fake-docker-'));
});
afterEach(async () => {
  await rm(state, { recursive: true, force: true });
});

async function run(...pages: string[]) {
  return runIn(projectRoot, ...pages.map((page) => `${pagesDir}/${page}`));
}

async function runIn(rootDir: string, ...files: string[]) {
  const { plans, missing } = await planPages({ rootDir, docsDir: path.join(rootDir, pagesDir), files, requirements });
  expect(missing).toEqual([]);
  const engine = await createHostEngine({
    env: { ...process.env, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`, FAKE_DOCKER_STATE: state },
  });
  try {
    return await runLessons(plans, engine, { defaultTimeoutSeconds: 20 });
  } finally {
    await engine.close();
  }
}

const failures = (page: PageReport) =>
  page.steps.filter((step) => step.verdict === 'failed').map((step) => ({ line: step.line, reason: step.reason }));

describe('lesson runner on fixture pages', { timeout: 60_000 }, () => {
  it('passes a page whose IDs, names, times and column widths differ from the page, and skips with reasons', async () => {
    const report = await run('passes-varying-output.md');
    expect(lessonReportSchema.safeParse(report).success).toBe(true);
    const [page] = report.pages;
    expect(failures(page!)).toEqual([]);
    expect(page!.problems).toEqual([]);
    expect(page!.leftBehind).toEqual([]);
    expect(page!.verdict).toBe('passed');
    const skipped = page!.steps.filter((step) => step.verdict === 'skipped').map((step) => [step.line, step.reason]);
    expect(skipped).toEqual([
      [64, 'needs desktop-only, which the host engine does not provide'],
      [69, 'shows the install script, which needs the internet'],
    ]);
    // The file block was written before the command that reads it, the background terminal ran,
    // and the console transcript's command kept the exported variable.
    expect(page!.steps.find((step) => step.text === 'notes/list.txt')?.verdict).toBe('passed');
    expect(page!.steps.find((step) => step.terminal === 'server')?.verdict).toBe('passed');
    expect(page!.steps.find((step) => step.text.startsWith('echo "$GREETING'))?.verdict).toBe('passed');
  }, 60_000);

  it('types the next block into an interactive command, and fails both when what is typed fails', async () => {
    const page = [
      '---',
      'title: Interactive',
      'lesson: {leaves: [image:alpine]}',
      '---',
      '',
      '<!-- lesson: stdin=next -->',
      '```sh',
      'docker run -it --rm alpine sh',
      '```',
      '',
      '```sh',
      'ls /no-such-folder',
      'exit 3',
      '```',
      '',
    ].join('\n');
    await writeFile(path.join(state, 'interactive.md'), page);
    const [report] = (await runIn(state, 'interactive.md')).pages;
    expect(report!.steps.map((step) => [step.line, step.verdict])).toEqual([
      [8, 'failed'],
      [12, 'failed'],
      [13, 'failed'],
    ]);
    expect(report!.steps[0]!.reason).toContain('ended with status 3');
    expect(report!.steps[0]!.output).toContain('No such file or directory');
  });

  it('types each line once the terminal is quiet, so a program that reads it while busy (apt-get) takes none of the later lines', async () => {
    const page = [
      '---',
      'title: Typed while busy',
      'lesson: {leaves: [image:alpine]}',
      '---',
      '',
      '<!-- lesson: stdin=next exit=7 -->',
      '```sh',
      'docker run -it --rm alpine sh',
      '```',
      '',
      '```sh',
      '(for i in 1 2 3 4 5 6; do echo busy; sleep 0.4; done) & timeout 2.6 cat > drained.txt; wait',
      '[ -s drained.txt ] && exit 9',
      'exit 7',
      '```',
      '',
    ].join('\n');
    await writeFile(path.join(state, 'typed-while-busy.md'), page);
    const [report] = (await runIn(state, 'typed-while-busy.md')).pages;
    // Typed all at once, cat took the last two lines and the shell ended at the end of its input, with 0.
    expect(report!.steps.map((step) => step.verdict)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(report!.verdict).toBe('passed');
  }, 60_000);

  it('retries a command while a background server starts, and only with retry', async () => {
    const page = (retry: string) =>
      [
        '---',
        'title: Retry',
        'lesson: {}',
        '---',
        '',
        '<!-- lesson: background terminal=server wait-for="starting" -->',
        '```sh',
        'echo starting; sleep 2; echo ok > up.txt; while :; do sleep 1; done',
        '```',
        '',
        retry,
        '```sh',
        'cat up.txt',
        '```',
        '',
        '```text',
        'ok',
        '```',
        '',
        '<!-- lesson: stop=server -->',
        '```sh',
        'rm up.txt',
        '```',
        '',
      ].join('\n');
    await writeFile(path.join(state, 'with-retry.md'), page('<!-- lesson: retry=15 -->'));
    await writeFile(path.join(state, 'without-retry.md'), page(''));
    const [withRetry, withoutRetry] = (await runIn(state, 'with-retry.md', 'without-retry.md')).pages;
    expect(failures(withRetry!)).toEqual([]);
    expect(withRetry!.verdict).toBe('passed');
    // Without retry the file is not there yet, and the server is stopped before it writes it.
    expect(failures(withoutRetry!)[0]).toEqual({ line: 13, reason: expect.stringContaining('status 1') });
  }, 60_000);

  it('compares a text block with all the commands of the block only with of=block', async () => {
    const page = (annotation: string) =>
      [
        '---',
        'title: Two ids',
        'lesson: {}',
        '---',
        '',
        '```sh',
        'echo root',
        'echo user',
        '```',
        '',
        annotation,
        '```text',
        'root',
        'user',
        '```',
        '',
      ].join('\n');
    await writeFile(path.join(state, 'of-block.md'), page('<!-- lesson: of=block -->'));
    await writeFile(path.join(state, 'of-last.md'), page(''));
    const [ofBlock, ofLast] = (await runIn(state, 'of-block.md', 'of-last.md')).pages;
    expect(failures(ofBlock!)).toEqual([]);
    expect(failures(ofLast!)).toEqual([{ line: 8, reason: expect.stringContaining('lines 13-14') }]);
  });

  it('checks each command against its own status with an exit list, shows each status to echo $?, and still fails the one that ends otherwise', async () => {
    const page = (exit: string) =>
      [
        '---',
        'title: Statuses',
        'lesson: {}',
        '---',
        '',
        `<!-- lesson: exit="${exit}" -->`,
        '```sh',
        "sh -c 'exit 3'",
        'echo $?',
        "sh -c 'exit 127'",
        'echo $?',
        '```',
        '',
        '<!-- lesson: of=block -->',
        '```text',
        '3',
        '127',
        '```',
        '',
      ].join('\n');
    await writeFile(path.join(state, 'statuses.md'), page('3,0,127,0'));
    await writeFile(path.join(state, 'wrong-status.md'), page('3,0,126,0'));
    const [right, wrong] = (await runIn(state, 'statuses.md', 'wrong-status.md')).pages;
    expect(failures(right!)).toEqual([]);
    expect(right!.verdict).toBe('passed');
    expect(failures(wrong!)).toEqual([{ line: 10, reason: expect.stringContaining('ended with status 127; the page expects status 126') }]);
  });

  it('writes a file block into the folder the terminal moved to, and refuses one outside the lesson folder', async () => {
    const page = [
      '---',
      'title: Folders',
      'lesson: {}',
      '---',
      '',
      '```sh',
      'mkdir app',
      'cd app',
      '```',
      '',
      '```text title="notes.txt"',
      'in app',
      '```',
      '',
      '```sh',
      'cat notes.txt',
      '```',
      '',
      '```text',
      'in app',
      '```',
      '',
      '```sh',
      'test ! -e ../notes.txt',
      'cd /',
      '```',
      '',
      '```text title="stray.txt"',
      'nowhere',
      '```',
      '',
    ].join('\n');
    await writeFile(path.join(state, 'folders.md'), page);
    const [report] = (await runIn(state, 'folders.md')).pages;
    expect(failures(report!)).toEqual([{ line: 28, reason: expect.stringContaining("the terminal is in /, outside the lesson's folder") }]);
    expect(report!.steps.find((step) => step.kind === 'file')?.text).toBe('app/notes.txt');
  });

  it('opens a second terminal in the folder the main one moved to, as a new tab there would', async () => {
    const page = [
      '---',
      'title: Tabs',
      'lesson: {}',
      '---',
      '',
      '```sh',
      'mkdir app',
      'cd app',
      '```',
      '',
      '```text title="notes.txt"',
      'in app',
      '```',
      '',
      '<!-- lesson: background terminal=server wait-for="in app" -->',
      '```sh',
      'cat notes.txt; while :; do sleep 1; done',
      '```',
      '',
      '<!-- lesson: terminal=other -->',
      '```sh',
      'cat notes.txt',
      '```',
      '',
      '<!-- lesson: stop=server -->',
      '```sh',
      'true',
      '```',
      '',
    ].join('\n');
    await writeFile(path.join(state, 'tabs.md'), page);
    const [report] = (await runIn(state, 'tabs.md')).pages;
    expect(failures(report!)).toEqual([]);
    expect(report!.problems).toEqual([]);
    expect(report!.steps.filter((step) => step.terminal !== 'main').map((step) => [step.terminal, step.verdict, step.reason])).toEqual([
      ['server', 'passed', undefined],
      ['other', 'passed', undefined],
    ]);
  });

  it("compares curl's output as a terminal shows it, without the progress meter a pipe gets", async () => {
    await writeFile(path.join(state, 'page.txt'), 'the page\n');
    const page = [
      '---',
      'title: Curl',
      'lesson: {}',
      '---',
      '',
      '```sh',
      `curl file://${state}/page.txt`,
      '```',
      '',
      '```text',
      'the page',
      '```',
      '',
    ].join('\n');
    await writeFile(path.join(state, 'curl.md'), page);
    const [report] = (await runIn(state, 'curl.md')).pages;
    expect(failures(report!)).toEqual([]);
  });

  it('runs the pages of lesson.after first, in the same folder, reporting only their failures', async () => {
    const first = [
      '---',
      'title: First',
      'lesson: {}',
      '---',
      '',
      '```sh',
      'mkdir app',
      'cd app',
      '```',
      '',
      '```text title="notes.txt"',
      'made first',
      '```',
      '',
      '```sh',
      'cd ..',
      '```',
      '',
    ].join('\n');
    const next = (after: string) =>
      [
        '---',
        'title: Next',
        `lesson: { after: [${after}] }`,
        '---',
        '',
        '```sh',
        'cd app',
        'cat notes.txt',
        '```',
        '',
        '```text',
        'made first',
        '```',
        '',
      ].join('\n');
    await writeFile(path.join(state, 'first.md'), first);
    await writeFile(path.join(state, 'next.md'), next('first.md'));
    const [report] = (await runIn(state, 'next.md')).pages;
    expect(report!.problems).toEqual([]);
    expect(report!.steps.map((step) => [step.line, step.verdict])).toEqual([
      [7, 'passed'],
      [8, 'passed'],
    ]);
    // A failing step of the earlier page fails this one, naming that page and line.
    await writeFile(path.join(state, 'first.md'), first.replace('cd ..', 'cd /no-such-folder'));
    const [broken] = (await runIn(state, 'next.md')).pages;
    expect(broken!.verdict).toBe('failed');
    expect(broken!.problems).toEqual([
      { message: expect.stringContaining('as first.md leaves it (lesson.after), its step at line 16 (cd /no-such-folder) failed') },
    ]);
    // So does a failing step the earlier page runs in a background terminal, reported when it ends.
    await writeFile(
      path.join(state, 'first.md'),
      first.replace('```sh\ncd ..', '<!-- lesson: background terminal=bg -->\n```sh\nls /no-such-folder\nsleep 30\n```\n\n```sh\ncd ..'),
    );
    const [background] = (await runIn(state, 'next.md')).pages;
    expect(background!.steps.map((step) => step.line)).toEqual([7, 8]);
    expect(background!.problems).toEqual([{ message: expect.stringContaining('its step at line 17 (ls /no-such-folder) failed') }]);
    // A page that is not there is refused before anything runs.
    await writeFile(path.join(state, 'next.md'), next('frist.md'));
    const { plans } = await planPages({ rootDir: state, docsDir: state, files: ['next.md'], requirements });
    expect(plans[0]!.problems).toEqual([{ message: expect.stringContaining('lesson.after names frist.md, but there is no frist.md') }]);
  });

  it('fails a misspelled flag at its line, with what docker said', async () => {
    const [page] = (await run('misspelled-flag.md')).pages;
    expect(failures(page!)).toEqual([{ line: 7, reason: expect.stringContaining('ended with status 125') }]);
    expect(page!.steps[0]!.output).toContain('unknown flag: --nmae');
  });

  it('fails wrong expected output at the command, with a diff numbered by the page lines', async () => {
    const [page] = (await run('wrong-output.md')).pages;
    expect(failures(page!)).toEqual([{ line: 8, reason: expect.stringContaining('lines 12-14') }]);
    expect(page!.steps[1]!.diff).toEqual(['  12 | one', '- 13 | 2', '+    | two', '  14 | three']);
  });

  it('fails the command that needs a file no titled block wrote', async () => {
    const [page] = (await run('missing-file.md')).pages;
    expect(failures(page!)).toEqual([{ line: 13, reason: expect.stringContaining('status 2') }]);
    expect(page!.steps[0]!.output).toContain('app.conf: No such file or directory');
  });

  it('fails a page that leaves a volume behind, naming it, though every step passed', async () => {
    const [page] = (await run('leaves-volume.md')).pages;
    expect(failures(page!)).toEqual([]);
    expect(page!.leftBehind).toEqual(['volume:notes']);
    expect(page!.verdict).toBe('failed');
    // Removed after the check, so the next page does not inherit it.
    const engine = await createHostEngine({
      env: { ...process.env, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`, FAKE_DOCKER_STATE: state },
    });
    expect((await engine.objects()).volumes).toEqual([]);
  });

  it('stops a step that hangs past its timeout, names its line, and goes on with the page', async () => {
    const [page] = (await run('hangs.md')).pages;
    expect(failures(page!)).toEqual([{ line: 8, reason: expect.stringContaining('timeout of 2 s') }]);
    expect(page!.steps[1]).toMatchObject({ line: 12, verdict: 'passed' });
  });

  it('refuses a page with a malformed annotation before running anything, naming the line', async () => {
    const { plans } = await planPages({ rootDir: projectRoot, docsDir: pagesDir, files: [`${pagesDir}/malformed-annotation.md`], requirements });
    expect(plans[0]!.problems.map((problem) => problem.line)).toEqual([6, 11]);
    expect(plans[0]!.problems[0]!.message).toContain('exit=maybe');
  });

  it('refuses to run commands in a terminal a background block still occupies, and a stop with nothing to stop', async () => {
    const page = [
      '---',
      'title: Busy',
      'lesson: {}',
      '---',
      '',
      '<!-- lesson: background terminal=server -->',
      '```sh',
      'sleep 100',
      '```',
      '',
      '<!-- lesson: terminal=server -->',
      '```sh',
      'echo hi',
      '```',
      '',
      '<!-- lesson: stop=other -->',
      '```sh',
      'true',
      '```',
      '',
    ].join('\n');
    await writeFile(path.join(state, 'busy.md'), page);
    const { plans } = await planPages({ rootDir: state, docsDir: state, files: ['busy.md'], requirements });
    expect(plans[0]!.problems.map((problem) => [problem.line, problem.message.slice(0, 50)])).toEqual([
      [11, 'lesson annotation: terminal server is still busy w'],
      [16, 'lesson annotation: stop=other names no background '],
    ]);
  });

  it('opts in only pages with a lesson: block when no page is named', async () => {
    const { plans } = await planPages({ rootDir: projectRoot, docsDir: path.join(projectRoot, 'content/docs'), files: [], requirements });
    for (const plan of plans) expect(plan.optedIn || plan.problems.length > 0, plan.file).toBe(true);
  });
});
