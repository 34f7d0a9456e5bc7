import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Three small content folders for the pull-request summary, written by code so the differences
 * between them read in one place:
 *   base:        home, a guide section with install, retired and grows, one resource
 *   head:        install renamed to setup (same text), retired removed, added new, grows past its
 *                budget, a second resource
 *   head-linked: head, with the home page still linking to install's old address
 */
export const SITE_ORIGIN = 'https://docker-learning.github.io';

type Files = Record<string, string>;

const page = (title: string, description: string, body: string, order?: number) =>
  `---\ntitle: ${title}\ndescription: ${description}\n${order === undefined ? '' : `sidebar:\n  order: ${order}\n`}---\n\n${body}\n`;

const resource = (id: string, title: string, url: string) =>
  `- id: ${id}\n  title: ${title}\n  url: ${url}\n  kind: docs\n  level: beginner\n  description: A resource the summary test adds or keeps.\n  tags: [basics]\n  added: 2026-11-01\n`;

const INSTALL_TEXT = [
  'Installing the tools comes first. Download the engine for your system from the vendor and run the installer.',
  'On Linux, add the package repository, install the engine with the package manager and start the service.',
  'Check the installation by asking the client for its version and by running the small hello program.',
  'If the client cannot reach the daemon, add your user to the group that owns the socket and log in again.',
].join('\n\n');

/** Sixteen kilobytes of text gzip cannot squeeze much: hex digests, one per line, in a code block. */
function bulkyCodeBlock(lines: number): string {
  const digests = Array.from({ length: lines }, (_, index) => createHash('sha256').update(`line ${index}`).digest('hex'));
  return ['```text', ...digests, '```'].join('\n');
}

const base: Files = {
  'docs/index.md': page('Fixture Home', 'Home of the pull-request summary fixture.', 'Start with the [guide](guide/index.md).'),
  'docs/guide/index.md': page(
    'The Guide',
    'Landing page of the guide.',
    'Read [install](install.md), [retired](retired.md) and [grows](grows.md).',
    1,
  ),
  'docs/guide/install.md': page('Install the tools', 'How to install the tools.', INSTALL_TEXT, 1),
  'docs/guide/retired.md': page(
    'Retired page',
    'A page the pull request removes.',
    'This page explains an old way of working that nobody uses any more.',
    2,
  ),
  'docs/guide/grows.md': page('Growing page', 'A page the pull request makes heavy.', 'A short page for now.', 3),
  'links.yaml': resource('kept-resource', 'A resource that stays', 'https://docs.docker.com/get-started/'),
};

const head: Files = {
  'docs/index.md': base['docs/index.md']!,
  'docs/guide/index.md': page('The Guide', 'Landing page of the guide.', 'Read [setup](setup.md), [added](added.md) and [grows](grows.md).', 1),
  'docs/guide/setup.md': page('Install the tools', 'How to install the tools.', INSTALL_TEXT, 1),
  'docs/guide/added.md': page('Added page', 'A page the pull request adds.', 'Brand new material about volumes and networks.', 2),
  'docs/guide/grows.md': page('Growing page', 'A page the pull request makes heavy.', `A long page now.\n\n${bulkyCodeBlock(400)}`, 3),
  'links.yaml': base['links.yaml']! + resource('added-resource', 'A resource the pull request adds', 'https://docs.docker.com/compose/'),
};

const headLinked: Files = {
  ...head,
  // A full address of one of our own pages is an external-looking link the content check leaves alone.
  'docs/index.md': page(
    'Fixture Home',
    'Home of the pull-request summary fixture.',
    `Start with the [guide](guide/index.md), or [install](${SITE_ORIGIN}/guide/install/).`,
  ),
};

export const fixtureSites = { base, head, 'head-linked': headLinked } as const;
export type FixtureName = keyof typeof fixtureSites;

/** Writes one fixture's content folder under `root` and returns it. */
export function writeFixtureSite(root: string, name: FixtureName): string {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(fixtureSites[name])) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
