import { annotationCommand, commandData, problemAnnotations } from '../../src/core/github-report.ts';
import { offlineMessage, summaryLine } from './report-common.ts';
import type { RunReport } from './summary.ts';

const titles: Record<string, string> = {
  broken: 'Broken link',
  timeout: 'Link timed out',
  'network-error': 'Link unreachable',
  invalid: 'Invalid link',
  redirected: 'Link moved permanently',
  'rate-limited': 'Link rate-limited',
  unverified: 'Link not verifiable',
  suspect: 'Link may point to a missing page',
  ok: 'Link',
  excluded: 'Link excluded',
};

/**
 * GitHub Actions workflow commands: one ::error/::warning annotation per place, shown on the
 * pull-request diff at that line, then a plain summary line for the log.
 */
export function renderGithub(report: RunReport): string {
  const out: string[] = [];
  if (report.offline) {
    out.push(`::error title=Link check could not reach the network::${commandData(offlineMessage(report))}`);
  } else {
    for (const link of report.links) {
      if (link.severity === 'none') continue;
      const moved = link.finalUrl && link.finalUrl !== link.url ? ` → ${link.finalUrl}` : '';
      const message = `${link.url}${moved}${link.detail ? ` — ${link.detail}` : ''}`;
      for (const place of link.places) {
        out.push(
          annotationCommand({ level: link.severity, file: place.file, line: place.line, title: titles[link.verdict] ?? link.verdict, message }),
        );
      }
    }
  }
  out.push(...problemAnnotations(report.problems, 'Content not checked'));
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}
