import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../scripts/lessons/reporters.ts';
import type { LessonReport } from '../../src/core/lessons/report.ts';

const fixture = JSON.parse(readFileSync(path.resolve('tests/fixtures/content/lesson-status/lessons-report.json'), 'utf8')) as LessonReport;

describe('the text report', () => {
  it('puts a failed page and its output last, next to the totals, where a log cut to its end still shows it', () => {
    const [first, ...others] = fixture.pages;
    const failed = {
      ...first!,
      file: 'content/docs/early.md',
      verdict: 'failed' as const,
      steps: [
        {
          line: 12,
          kind: 'command' as const,
          text: 'docker compose watch',
          terminal: 'watch',
          verdict: 'failed' as const,
          durationMs: 9,
          reason: 'ended with status 1 before Ctrl+C was pressed.',
          output: 'failed to solve: frontend grpc server closed unexpectedly\n',
        },
      ],
    };
    const passed = others.map((page) => ({ ...page, verdict: 'passed' as const }));
    const text = renderText({ ...fixture, pages: [failed, ...passed] });
    const lines = text.trimEnd().split('\n');
    const failedAt = lines.findIndex((line) => line.startsWith('FAILED content/docs/early.md'));
    expect(failedAt).toBeGreaterThan(-1);
    for (const page of passed) expect(lines.findIndex((line) => line.startsWith(`PASSED ${page.file}`))).toBeLessThan(failedAt);
    expect(lines.slice(failedAt)).toContain('        | failed to solve: frontend grpc server closed unexpectedly');
    expect(lines.at(-1)).toMatch(/pages?, \d+ failed; /);
  });
});
