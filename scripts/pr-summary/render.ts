import type { PageChange, SiteDiff, StillLinked } from './compare.ts';

/** How a reviewer gets the head build: a CI artifact, or a folder on this machine. */
export interface PreviewHint {
  /** Name of the workflow artifact holding the build. */
  artifact?: string;
  /** Days the artifact is kept. */
  retentionDays?: number;
  /** The folder of the head build, when it is on this machine. */
  localDist?: string;
}

export interface RenderOptions {
  /** What was compared, for the first line: 'main (abc1234) → this branch'. */
  title?: string;
  preview?: PreviewHint;
}

/** Text from pages (titles) that Markdown would read as syntax: shown literally instead. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (character) => `\\${character}`);
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function signed(delta: number, format: (value: number) => string): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}

/** 'before → after (+delta)', or just the value when it did not change or there is no before. */
function beforeAfter(before: number | undefined, after: number, format: (value: number) => string): string {
  if (before === undefined) return `new: ${format(after)}`;
  if (before === after) return format(after);
  return `${format(before)} → ${format(after)} (${signed(after - before, format)})`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function stillLinkedLine(entry: StillLinked): string {
  const what = entry.movedTo ? `${code(entry.sitePath)} moved to ${code(entry.movedTo)}` : `${code(entry.sitePath)} was removed`;
  const where = [
    ...entry.linkedFrom.map((link) => `${code(link.page)} (line ${link.line} of its HTML)`),
    ...(entry.inSitemap ? ['the sitemap'] : []),
  ];
  const fix = entry.movedTo ? 'point them at the new address' : 'remove those links or link to another page';
  return `- ${what}, but ${where.length === 1 ? 'this still points' : 'these still point'} to it: ${where.join(', ')}. Fix: ${fix}.`;
}

function changedRow(change: PageChange): string {
  const address = change.movedFrom
    ? `${code(change.sitePath)} (moved from ${code(change.movedFrom)})`
    : change.before
      ? code(change.sitePath)
      : `${code(change.sitePath)} (new)`;
  const before = change.before;
  const title =
    before && before.title !== change.after.title
      ? `${escapeMarkdown(before.title)} → ${escapeMarkdown(change.after.title)}`
      : escapeMarkdown(change.after.title);
  const words = beforeAfter(before?.words, change.after.words, String);
  let weight = beforeAfter(before?.firstView, change.after.firstView, formatBytes);
  if (change.pastBudget.length > 0) weight += ` ⚠️ **past its budget:** ${change.pastBudget.join('; ')}`;
  return `| ${address} | ${title} | ${words} | ${weight} |`;
}

/**
 * The summary as Markdown: GitHub renders it in the job summary, and it stays readable as plain
 * text on a terminal (short tables, one fenced tree, no HTML).
 */
export function renderSummary(diff: SiteDiff, options: RenderOptions = {}): string {
  const out: string[] = [];
  const { added, removed, moved, unchanged } = diff.pages;
  const contentChanges = diff.changed.filter((change) => change.before && !change.movedFrom && change.contentChanged).length;
  out.push('## Site changes', '');
  if (options.title) out.push(options.title, '');
  out.push(
    `**${[`${plural(added.length, 'page')} added`, `${moved.length} moved`, `${removed.length} removed`, `${contentChanges} changed`].join(' · ')}** (${unchanged} unchanged)`,
    '',
  );

  if (diff.stillLinked.length > 0) {
    out.push(`### ❌ ${plural(diff.stillLinked.length, 'address')} still linked`, '');
    out.push('A reader following these links would land on a missing page.', '');
    out.push(...diff.stillLinked.map(stillLinkedLine), '');
  }

  if (added.length + removed.length + moved.length > 0) {
    out.push('### Pages', '', '| Change | Page | Address |', '| --- | --- | --- |');
    for (const page of added) out.push(`| added | ${escapeMarkdown(page.title)} | ${code(page.sitePath)} |`);
    for (const move of moved) {
      out.push(
        `| moved | ${escapeMarkdown(move.to.title)} | ${code(move.from.sitePath)} → ${code(move.to.sitePath)} (${Math.round(move.similarity * 100)}% same text) |`,
      );
    }
    for (const page of removed) out.push(`| removed | ${escapeMarkdown(page.title)} | ${code(page.sitePath)} |`);
    out.push('');
  }

  if (diff.changed.length > 0) {
    out.push('### Changed pages', '', '| Address | Title | Words | First view (gzip) |', '| --- | --- | --- | --- |');
    out.push(...diff.changed.map(changedRow), '');
  }

  out.push('### Sidebar', '');
  if (diff.sidebar.length === 0) out.push('No change.', '');
  else
    out.push(
      '`+` added, `-` removed, `~` renamed or at a new address, `↕` reordered, `→` moved from another section.',
      '',
      '```text',
      ...diff.sidebar,
      '```',
      '',
    );

  out.push('### Resources', '');
  if (diff.resources.length === 0) out.push('No resource added or removed.', '');
  else {
    out.push('| Change | Resource | Link check |', '| --- | --- | --- |');
    for (const change of diff.resources) {
      const name = `${escapeMarkdown(change.resource.title)} (${code(change.resource.id)}): ${change.resource.url}`;
      const was = change.previousUrl ? ` (was ${change.previousUrl})` : '';
      out.push(`| ${change.change} | ${name}${was} | ${change.check?.text ?? '—'} |`);
    }
    out.push('');
  }

  out.push('### Search', '');
  const { before, after } = diff.search;
  if (!after) out.push('⚠️ The new build has no search index (`pagefind/` is missing).', '');
  else {
    const entries = beforeAfter(before?.entries, after.entries, String);
    out.push(
      `Index ${beforeAfter(before?.indexBytes, after.indexBytes, formatBytes)}; with Pagefind's own code ${beforeAfter(before?.totalBytes, after.totalBytes, formatBytes)}. Entries (pages and resources): ${entries}.`,
      '',
    );
  }

  const preview = options.preview;
  if (preview?.artifact || preview?.localDist) {
    out.push('### Preview', '');
    if (preview.artifact) {
      const kept = preview.retentionDays ? `, kept ${plural(preview.retentionDays, 'day')}` : '';
      out.push(
        `Download the ${code(preview.artifact)} artifact of this run (on the run's Summary page, under Artifacts${kept}) and unzip it into a folder, then either:`,
        '',
      );
    } else out.push('The new build is on this machine; open it with either:', '');
    const folder = preview.localDist ?? '<folder>';
    out.push('```sh', `npx serve ${folder}`, `npm run preview -- --dist ${folder}   # in a clone of this repository`, '```', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
