import { markdownCell as cell } from '../../src/core/github-report.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { countsText, offlineMessage, placeText, summaryLine } from './report-common.ts';
import type { RunReport } from './summary.ts';

/** Markdown for pull-request comments and the GitHub job summary: counts, then a table of what needs attention. */
export function renderMarkdown(report: RunReport, options: { verbose?: boolean } = {}): string {
  const out: string[] = ['## Link check', ''];
  if (report.offline) out.push(`> [!WARNING]\n> ${offlineMessage(report)}`, '');
  out.push(`**${countsText(report)}**`, '', summaryLine(report), '');
  const shown = report.links.filter((link) => options.verbose || (!report.offline && link.severity !== 'none'));
  if (shown.length > 0) {
    out.push('| Verdict | Link | Where | Details |', '| --- | --- | --- | --- |');
    for (const link of shown) {
      const where = link.places.map((place) => `\`${cell(placeText(place))}\``).join('<br>');
      const details = [link.status ? `HTTP ${link.status}` : undefined, link.detail, link.finalUrl ? `final URL: ${link.finalUrl}` : undefined]
        .filter(Boolean)
        .join('; ');
      out.push(
        `| ${link.severity === 'error' ? '❌' : link.severity === 'warning' ? '⚠️' : '✅'} ${link.verdict} | ${cell(link.url)} | ${where} | ${cell(details)} |`,
      );
    }
    out.push('');
  }
  if (report.problems.length > 0) {
    out.push('### Content that could not be checked', '');
    for (const problem of report.problems) out.push(`- ${cell(formatProblem(problem))}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
