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
    out.push(`::error title=Link check could not reach the network::${data(offlineMessage(report))}`);
  } else {
    for (const link of report.links) {
      if (link.severity === 'none') continue;
      const moved = link.finalUrl && link.finalUrl !== link.url ? ` → ${link.finalUrl}` : '';
      const message = `${link.url}${moved}${link.detail ? ` — ${link.detail}` : ''}`;
      for (const place of link.places) {
        out.push(`::${link.severity} file=${property(place.file)},line=${place.line},title=${property(titles[link.verdict] ?? link.verdict)}::${data(message)}`);
      }
    }
  }
  for (const problem of report.problems) {
    out.push(`::error file=${property(problem.file)}${problem.line ? `,line=${problem.line}` : ''},title=Content not checked::${data(problem.message)}`);
  }
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

/** Escaping required by the workflow-command syntax for the message part. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally cannot contain the separators ':' and ','. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
