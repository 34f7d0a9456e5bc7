import { renderGithub } from './report-github.ts';
import { renderJson } from './report-json.ts';
import { renderMarkdown } from './report-markdown.ts';
import { renderText } from './report-text.ts';
import type { RunReport } from './summary.ts';

export const reportFormats = ['text', 'json', 'markdown', 'github'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export function renderReport(report: RunReport, format: ReportFormat, options: { verbose?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report, options);
    case 'github':
      return renderGithub(report);
    case 'text':
      return renderText(report, options);
  }
}
