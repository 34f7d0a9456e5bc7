import { formatProblem } from '../../src/core/problems.ts';
import { byFile, offlineMessage, summaryLine } from './report-common.ts';
import type { ReportedLink, RunReport } from './summary.ts';

/**
 * The default report: links needing attention grouped by file with line numbers, then content
 * problems, then one summary line. `verbose` lists every link, ok ones included.
 */
export function renderText(report: RunReport, options: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  const shown = report.links.filter((link) => options.verbose || (!report.offline && link.severity !== 'none'));
  for (const [file, rows] of byFile(shown)) {
    out.push(file);
    for (const { place, link } of rows) {
      const resource = place.resourceId ? ` [${place.resourceId}]` : '';
      out.push(
        `  ${String(place.line).padStart(4)}  ${link.verdict.padEnd(13)} ${String(link.status ?? '').padStart(3)}  ${target(link)}${resource}`,
      );
      const notes = [link.detail, link.fromCache ? `cached result from ${link.checkedAt}` : undefined].filter(Boolean);
      if (notes.length > 0) out.push(`${' '.repeat(27)}${notes.join('; ')}`);
    }
    out.push('');
  }
  if (report.problems.length > 0) {
    out.push('Content that could not be checked:');
    for (const problem of report.problems) out.push(`  ${formatProblem(problem)}`);
    out.push('');
  }
  if (report.offline) out.push(offlineMessage(report), '');
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

function target(link: ReportedLink): string {
  return link.finalUrl && link.finalUrl !== link.url ? `${link.url} → ${link.finalUrl}` : link.url;
}
