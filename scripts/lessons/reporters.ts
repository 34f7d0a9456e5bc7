import { annotationCommand, markdownCell } from '../../src/core/github-report.ts';
import type { LessonReport, PageReport, StepReport } from '../../src/core/lessons/report.ts';
import { engineSummary } from './engine.ts';

/**
 * How a lessons report is shown: `text` for a terminal, `json` (the report itself, the schema in
 * src/core/lessons/report.ts), `github` (annotations on the pull request's diff; the job summary
 * is `renderSummary`). Reporters only format: every verdict is already in the report.
 */
export type ReportFormat = 'text' | 'json' | 'github';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const firstLine = (text: string) => text.split('\n')[0]!;

function counts(page: PageReport): string {
  const by = (verdict: StepReport['verdict']) => page.steps.filter((step) => step.verdict === verdict).length;
  const parts = [`${by('passed')} passed`, `${by('failed')} failed`, `${by('skipped')} skipped`];
  if (by('not-run') > 0) parts.push(`${by('not-run')} not run`);
  return `${page.steps.length} steps: ${parts.join(', ')}`;
}

export function engineLine(report: LessonReport): string {
  const { engine } = report;
  const standIns = engine.standIns.length > 0 ? `; stand-in images: ${engine.standIns.join(', ')}` : '; real images';
  return `Engine: ${engine.kind}, ${engineSummary(engine)}${standIns}; provides: ${engine.provides.join(', ') || 'nothing optional'}`;
}

/** One step as a terminal line (used for progress and in the text report). */
export function stepLine(file: string, step: StepReport): string {
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip', 'not-run': '--  ' }[step.verdict];
  const reason = step.reason ? ` — ${step.reason}` : '';
  return `  ${mark} ${file}:${step.line} ${firstLine(step.text)}${reason}`;
}

function pageText(page: PageReport): string[] {
  const lines = [`${page.verdict === 'passed' ? 'PASSED' : 'FAILED'} ${page.file} (${counts(page)}; ${seconds(page.durationMs)})`];
  for (const step of page.steps) {
    if (step.verdict === 'passed') continue;
    lines.push(stepLine(page.file, step));
    for (const diffLine of step.diff ?? []) lines.push(`        ${diffLine}`);
    if (step.output) for (const outputLine of step.output.trimEnd().split('\n').slice(-15)) lines.push(`        | ${outputLine}`);
  }
  for (const problem of page.problems) lines.push(`  FAIL ${page.file}${problem.line ? `:${problem.line}` : ''} ${problem.message}`);
  if (page.leftBehind.length > 0) {
    lines.push(
      `  FAIL ${page.file}: the page leaves behind ${page.leftBehind.join(', ')}. Remove them in the page's clean-up steps, or declare them in lesson.leaves if a later page needs them.`,
    );
  }
  return lines;
}

export function renderText(report: LessonReport): string {
  const { totals } = report;
  // Failed pages last, next to the totals: a log cut to its end (a CI excerpt) still shows why.
  const ordered = [...report.pages.filter((page) => page.verdict === 'passed'), ...report.pages.filter((page) => page.verdict !== 'passed')];
  const lines = [engineLine(report), '', ...ordered.flatMap(pageText), ''];
  lines.push(
    `${totals.pages} page${totals.pages === 1 ? '' : 's'}, ${totals.failedPages} failed; ${totals.steps} steps: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.notRun} not run (${seconds(report.durationMs)}).`,
  );
  return `${lines.join('\n')}\n`;
}

/** `::error file=…,line=…` for each failure, so a pull request shows it on the line that broke. */
export function renderGithub(report: LessonReport): string {
  const commands: string[] = [];
  for (const page of report.pages) {
    for (const step of page.steps) {
      if (step.verdict !== 'failed') continue;
      const detail = step.diff ? `\n${step.diff.join('\n')}` : step.output ? `\n${step.output.trimEnd().split('\n').slice(-10).join('\n')}` : '';
      commands.push(
        annotationCommand({
          level: 'error',
          file: page.file,
          line: step.line,
          title: 'Lesson step failed',
          message: `${firstLine(step.text)}: ${step.reason ?? 'failed'}${detail}`,
        }),
      );
    }
    for (const problem of page.problems)
      commands.push(annotationCommand({ level: 'error', file: page.file, line: problem.line, title: 'Lesson failed', message: problem.message }));
    if (page.leftBehind.length > 0) {
      commands.push(
        annotationCommand({
          level: 'error',
          file: page.file,
          line: 1,
          title: 'Lesson leaves objects behind',
          message: `After its last step the engine still holds ${page.leftBehind.join(', ')}. Remove them in the clean-up steps, or declare them in lesson.leaves.`,
        }),
      );
    }
  }
  return `${[...commands, renderText(report).trimEnd()].join('\n')}\n`;
}

/** The job summary: one row per page, then one per failure. */
export function renderSummary(report: LessonReport): string {
  const rows = report.pages.map((page) => {
    const by = (verdict: StepReport['verdict']) => page.steps.filter((step) => step.verdict === verdict).length;
    const skips = [...new Set(page.steps.filter((step) => step.verdict === 'skipped').map((step) => step.reason ?? ''))].join('; ');
    return `| \`${markdownCell(page.file)}\` | ${page.verdict === 'passed' ? 'passed' : '**failed**'} | ${page.steps.length} | ${by('passed')} | ${by('failed')} | ${by('skipped')} | ${markdownCell(skips)} | ${seconds(page.durationMs)} |`;
  });
  const failures = report.pages.flatMap((page) => [
    ...page.steps
      .filter((step) => step.verdict === 'failed')
      .map(
        (step) =>
          `| \`${markdownCell(page.file)}\` | ${step.line} | \`${markdownCell(firstLine(step.text))}\` | ${markdownCell(step.reason ?? '')} |`,
      ),
    ...page.problems.map((problem) => `| \`${markdownCell(page.file)}\` | ${problem.line ?? ''} | | ${markdownCell(problem.message)} |`),
    ...(page.leftBehind.length > 0 ? [`| \`${markdownCell(page.file)}\` | | | leaves behind ${markdownCell(page.leftBehind.join(', '))} |`] : []),
  ]);
  const lines = [
    '## Lessons',
    '',
    markdownCell(engineLine(report)),
    '',
    '| Page | Verdict | Steps | Passed | Failed | Skipped | Skip reasons | Time |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
  if (failures.length > 0) lines.push('### Failures', '', '| Page | Line | Step | Why |', '| --- | --- | --- | --- |', ...failures, '');
  return `${lines.join('\n')}\n`;
}

export function renderReport(report: LessonReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'github') return renderGithub(report);
  return renderText(report);
}
