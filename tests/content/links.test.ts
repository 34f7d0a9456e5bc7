import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';
import { formatProblems } from '../../src/core/problems.ts';
import { parseResources, resourceKinds, resourceLevels, type Resource } from '../../src/core/resources.ts';
import { DEFAULT_SLUG_RULES, pageHref, slugFromContentPath } from '../../src/core/urls.ts';
import siteConfig from '../../src/site.config.ts';
import { buildSite, tmpRoot } from '../helpers/build-site.ts';

const linksFile = 'content/links.yaml';
const linksText = readFileSync(path.join(projectRoot, linksFile), 'utf8');
const parsed = parseResources(linksText, linksFile);
const resources: Resource[] = parsed.resources.map((located) => located.resource);

/** Host without www and path without trailing slash: how the required list below is written. */
const where = (url: string) => {
  const u = new URL(url);
  return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
};

const quickReferencePage = 'reference/quick-reference.md';
const quickReferenceUrl = new URL(pageHref('/', slugFromContentPath(quickReferencePage, DEFAULT_SLUG_RULES)), siteConfig.site).href;

/** Every resource the course's source material cites, as the issue lists them. */
const requiredResources = [
  'docker.com',
  'docs.docker.com/engine/installation',
  'medium.freecodecamp.org/a-beginner-friendly-introduction-to-containers-vms-and-docker-79a9e3e119b',
  'docs.docker.com/get-started',
  'prakhar.me/docker-curriculum',
  'training.docker.com',
  where(quickReferenceUrl),
];

describe('content/links.yaml', () => {
  it('validates against the resource schema', () => {
    expect(parsed.problems).toEqual([]);
    expect(resources.length).toBeGreaterThanOrEqual(requiredResources.length + 12);
  });

  it.each(requiredResources)('lists %s, cited by the course material', (required) => {
    expect(resources.map((r) => where(r.url))).toContain(required);
  });

  it("points the quick reference sheet at our own page's absolute URL", () => {
    const entry = resources.find((r) => r.kind === 'cheatsheet' && where(r.url) === where(quickReferenceUrl));
    expect(entry?.url).toBe(quickReferenceUrl);
    expect(readFileSync(path.join(projectRoot, 'content/docs', quickReferencePage), 'utf8')).toMatch(/^title:/m);
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
    expect(report).toContain(`content/links.yaml:${lineOf('url: javascript:alert(1)')}: entry "script-url", field url: expected an absolute https://`);
    expect(report).toContain(`content/links.yaml:${lineOf('- id: docker-get-started')}: entry "docker-get-started": duplicate id`);
    expect(report).toContain(
      `content/links.yaml:${lineOf('url: https://docs.docker.com/get-started')}: entry "same-url-again": field url duplicates entry "docker-get-started"`,
    );
  });

  it('fails the site build with that report', () => {
    const contentDir = path.join(tmpRoot, 'content-bad-links-src');
    mkdirSync(path.join(contentDir, 'docs'), { recursive: true });
    writeFileSync(path.join(contentDir, 'docs', 'index.md'), '---\ntitle: Home\ndescription: A page so the site has something to build.\n---\n\nHello.\n');
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
