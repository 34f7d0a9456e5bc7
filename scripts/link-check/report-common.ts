import type { RunReport } from './summary.ts';
import { verdicts, type LinkPlace, type Verdict } from './types.ts';
import { formatDuration } from './duration.ts';

/** "2 broken, 1 timeout, 30 ok": failing verdicts first, zero counts left out. */
export function countsText(report: RunReport): string {
  const failing = new Set<Verdict>(report.failOn);
  const ordered = [...verdicts.filter((verdict) => failing.has(verdict)), ...verdicts.filter((verdict) => !failing.has(verdict))];
  const parts = ordered.filter((verdict) => report.counts[verdict] > 0).map((verdict) => `${report.counts[verdict]} ${verdict}`);
  return parts.length > 0 ? parts.join(', ') : 'no external links found';
}

/** One line for the end of any report. */
export function summaryLine(report: RunReport): string {
  const total = report.links.length;
  const scope = report.changedSince ? ` on lines changed since ${report.changedSince}` : '';
  const cache = report.fromCache > 0 ? `, ${report.fromCache} from cache` : '';
  return `${total} link${total === 1 ? '' : 's'} in ${report.filesScanned} file${report.filesScanned === 1 ? '' : 's'}${scope}: ${countsText(report)} (${report.requests} request${report.requests === 1 ? '' : 's'}${cache}, ${formatDuration(report.elapsedMs)})`;
}

export function offlineMessage(report: RunReport): string {
  const requested = report.links.filter((link) => !link.fromCache && link.requests > 0);
  const hosts = new Set(requested.map((link) => new URL(link.url).host));
  const example = requested[0];
  const sample = example ? ` (for example ${example.errorCode} for ${new URL(example.url).host})` : '';
  return (
    `This machine looks offline: all ${requested.length} links to ${hosts.size} hosts failed with DNS or connection errors${sample}. ` +
    'No link was marked as dead because of it and the cache was left unchanged. Check the network connection (or proxy) and run again.'
  );
}

export function placeText(place: LinkPlace): string {
  return `${place.file}:${place.line}`;
}

/** Each (place, link) pair grouped by file, in line order: the shape of the text and markdown reports. */
export function byFile<T extends { places: LinkPlace[] }>(links: readonly T[]): Map<string, { place: LinkPlace; link: T }[]> {
  const files = new Map<string, { place: LinkPlace; link: T }[]>();
  for (const link of links) {
    for (const place of link.places) files.set(place.file, [...(files.get(place.file) ?? []), { place, link }]);
  }
  for (const rows of files.values()) rows.sort((a, b) => a.place.line - b.place.line);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
