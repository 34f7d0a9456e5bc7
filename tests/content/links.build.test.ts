import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';
import { formatProblems } from '../../src/core/problems.ts';
import { isSitePath, parseResources, resourceKinds, resourceLevels, type Resource } from '../../src/core/resources.ts';
import { DEFAULT_SLUG_RULES, pagePath, slugFromContentPath } from '../../src/core/urls.ts';
import { buildSite, tmpRoot } from '../helpers/build-site.ts';

const linksFile = 'content/links.yaml';
const linksText = readFileSync(path.join(projectRoot, linksFile), 'utf8');
const parsed = parseResources(linksText, linksFile);
const resources: Resource[] = parsed.resources.map((located) => located.resource);

/** Host without www and path without trailing slash (a page of this site as its path): how the required list below is written. */
const where = (url: string) => {
  if (isSitePath(url)) return url.replace(/\/+$/, '');
  const u = new URL(url);
  return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
};

const quickReferencePage = 'reference/quick-reference.md';
const quickReferencePath = pagePath(slugFromContentPath(quickReferencePage, DEFAULT_SLUG_RULES));

/**
 * Every resource the course's source material cites, at its current address (issue #13: the
 * install guide, the freeCodeCamp article and Docker Curriculum moved; Docker's training portal
 * is gone, so that entry now points at Docker's guides).
 */
const requiredResources = [
  'docker.com',
  'docs.docker.com/engine/install',
  'freecodecamp.org/news/a-beginner-friendly-introduction-to-containers-vms-and-docker-79a9e3e119b',
  'docs.docker.com/get-started',
  'docker-curriculum.com',
  'docs.docker.com/guides',
  where(quickReferencePath),
];

describe('content/links.yaml', () => {
  it('validates against the resource schema', () => {
    expect(parsed.problems).toEqual([]);
    expect(resources.length).toBeGreaterThanOrEqual(requiredResources.length + 12);
  });

  it.each(requiredResources)('lists %s, cited by the course material', (required) => {
    expect(resources.map((r) => where(r.url))).toContain(required);
  });

  it('points the quick reference sheet at our own page by its site path, so it follows the base path', () => {
    const entry = resources.find((r) => r.kind === 'cheatsheet' && isSitePath(r.url));
    expect(entry?.url).toBe(quickReferencePath);
    expect(readFileSync(path.join(projectRoot, 'content/docs', quickReferencePage), 'utf8')).toMatch(/^title:/m);
  });

  it('flags the resources issue #13 found dated or paid, and lists Docker Hub and the Docker website as websites', () => {
    const byId = new Map(resources.map((r) => [r.id, r]));
    for (const id of ['play-with-docker', 'play-with-docker-classroom', 'freecodecamp-docker-course-video'])
      expect(byId.get(id)?.dated, id).toBeTruthy();
    expect(byId.get('freecodecamp-docker-course-video')?.dated).toMatch(/Compose v1/);
    expect(byId.get('play-with-docker-classroom')?.dated).toMatch(/Swarm/);
    expect(byId.get('play-with-docker')?.dated).toMatch(/best-effort.*Docker Hub account/);
    for (const id of ['how-containers-work-zine', 'docker-up-and-running']) expect(byId.get(id)?.cost, id).toBe('paid');
    expect(byId.get('docker-up-and-running')?.title).toMatch(/^Docker: Up & Running/);
    expect([byId.get('docker-website')?.kind, byId.get('docker-hub')?.kind]).toEqual(['website', 'website']);
  });

  it('spreads the list over every kind and level', () => {
    for (const kind of resourceKinds) expect(resources.filter((r) => r.kind === kind).length, `no ${kind}`).toBeGreaterThan(0);
    for (const level of resourceLevels) expect(resources.filter((r) => r.level === level).length, `too few ${level}`).toBeGreaterThanOrEqual(5);
  });

  it('keeps descriptions to plain sentences (they are shown as escaped text)', () => {
    for (const r of resources) {
      expect(r.description, r.id).not.toMatch(/<[a-z/]/i);
      expect(r.description.split(/(?<=[.!?])\s+/).length, `${r.id}: one or two sentences`).toBeLessThanOrEqual(2);
    }
  });
});

/** Entries a maintainer might get wrong, appended to the real list. */
const badEntries = `
- id: missing-title
  url: https://example.org/missing-title
  kind: article
  level: beginner
  description: Has no title.
  tags: []
  added: 2026-11-28

- id: script-url
  title: Script URL
  url: javascript:alert(1)
  kind: article
  level: beginner
  description: Would run code when clicked.
  tags: []
  added: 2026-11-28

- id: docker-get-started
  title: Same id as an existing entry
  url: https://example.org/other
  kind: docs
  level: beginner
  description: Reuses an id.
  tags: []
  added: 2026-11-28

- id: same-url-again
  title: Same URL as an existing entry
  url: https://docs.docker.com/get-started
  kind: docs
  level: beginner
  description: Lists a resource twice.
  tags: []
  added: 2026-11-28
`;

describe('a bad content/links.yaml', () => {
  const { problems } = parseResources(linksText + badEntries, linksFile);
  const report = formatProblems('content/links.yaml has errors', problems);
  const lines = (linksText + badEntries).split('\n');
  /** The bad entries come last, so their lines are the last ones holding the text. */
  const lineOf = (text: string) => lines.findLastIndex((line) => line.includes(text)) + 1;

  it('names the file, the line, the entry and the field for each mistake', () => {
    expect(problems).toHaveLength(4);
    expect(report).toContain(`content/links.yaml:${lineOf('- id: missing-title')}: entry "missing-title", field title`);
    expect(report).toContain(
      `content/links.yaml:${lineOf('url: javascript:alert(1)')}: entry "script-url", field url: expected an absolute https://`,
    );
    expect(report).toContain(`content/links.yaml:${lineOf('- id: docker-get-started')}: entry "docker-get-started": duplicate id`);
    expect(report).toContain(
      `content/links.yaml:${lineOf('url: https://docs.docker.com/get-started')}: entry "same-url-again": field url duplicates entry "docker-get-started"`,
    );
  });

  it('fails the site build with that report', () => {
    const contentDir = path.join(tmpRoot, 'content-bad-links-src');
    mkdirSync(path.join(contentDir, 'docs'), { recursive: true });
    writeFileSync(
      path.join(contentDir, 'docs', 'index.md'),
      '---\ntitle: Home\ndescription: A page so the site has something to build.\n---\n\nHello.\n',
    );
    writeFileSync(path.join(contentDir, 'links.yaml'), linksText + badEntries);
    const result = buildSite({ contentDir, name: 'content-bad-links' });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/links\.yaml has errors.*\(4 problems\)/);
    expect(result.output).toMatch(/links\.yaml:\d+: entry "script-url", field url/);
    expect(result.output).toMatch(/links\.yaml:\d+: entry "missing-title", field title/);
    expect(result.output).toMatch(/links\.yaml:\d+: entry "docker-get-started": duplicate id/);
    expect(result.output).toMatch(/links\.yaml:\d+: entry "same-url-again": field url duplicates/);
  });
});
