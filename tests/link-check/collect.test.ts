import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collectLinks, documentHash } from '../../scripts/link-check/collect.ts';
import { extractMarkdownLinks } from '../../scripts/link-check/collect-markdown.ts';
import { dedupeLinks } from '../../scripts/link-check/dedupe.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const contentDir = path.join(here, 'fixtures', 'content');

async function collectFixture() {
  return collectLinks({ contentDir, linksFile: path.join(contentDir, 'links.yaml'), rootDir: contentDir });
}

describe('collecting links', () => {
  it('finds every kind of Markdown link with its line, and nothing inside code or front matter', async () => {
    const { places } = await collectFixture();
    const guide = places.filter((place) => place.file === 'docs/guide.md').map((place) => [place.line, place.raw]);
    expect(guide).toEqual([
      [8, 'https://docs.docker.com/get-started/'],
      [9, 'https://www.docker.com/logo.png'],
      [11, 'https://hub.docker.com/_/nginx'],
      [12, 'https://github.com/docker/compose'],
      [14, 'https://docs.docker.com/compose/'],
      [16, 'https://kubernetes.io/docs/'],
      [20, 'https://raw.githubusercontent.com/docker/docs/main/logo.svg'],
      [29, '../other/'],
      [29, 'mailto:someone@docker.com'],
      [30, 'https://exa%mple.com/bad'],
    ]);
  });

  it('reads href/src of JSX elements and components in MDX, skipping computed values', async () => {
    const { places } = await collectFixture();
    const mdx = places.filter((place) => place.file === 'docs/nested/component.mdx').map((place) => [place.line, place.raw]);
    expect(mdx).toEqual([
      [6, 'https://docs.docker.com/engine/'],
      [10, 'https://docs.docker.com/compose/'],
      [15, 'https://docs.docker.com/build/#cache'],
    ]);
  });

  it('takes each links.yaml url from its url: line, with the entry id', async () => {
    const { places } = await collectFixture();
    expect(places.filter((place) => place.file === 'links.yaml')).toEqual([
      { raw: 'https://docs.docker.com/get-started/', file: 'links.yaml', line: 3, resourceId: 'docker-get-started' },
      { raw: 'https://labs.play-with-docker.com/', file: 'links.yaml', line: 11, resourceId: 'play-with-docker' },
    ]);
  });

  it('reports unparseable MDX and rejected links.yaml entries as problems with file and line, without crashing', async () => {
    const { problems, filesScanned } = await collectFixture();
    expect(filesScanned).toBe(4);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ file: 'docs/broken.mdx', line: 5 });
    expect(problems[0]?.message).toMatch(/^is not valid MDX: .*Its links were not checked\.$/);
    expect(problems[1]).toMatchObject({ file: 'links.yaml', line: 19 });
    expect(problems[1]?.message).toContain('not-a-url');
  });

  it('is happy without a links.yaml or a content folder', async () => {
    const result = await collectLinks({ contentDir: path.join(here, 'no-such-folder'), linksFile: path.join(here, 'no-such.yaml'), rootDir: here });
    expect(result).toEqual({ places: [], problems: [], filesScanned: 0, documents: {} });
  });

  it('reports the line of the href itself inside multi-line raw HTML', async () => {
    const { places } = await extractMarkdownLinks('Intro\n\n<div>\n\n<a\n  href="https://a.example.org/">x</a>\n</div>\n', 'x.md', 'md');
    expect(places).toEqual([{ raw: 'https://a.example.org/', file: 'x.md', line: 6 }]);
  });
});

describe('reusing parsed documents', () => {
  const guidePath = path.join(contentDir, 'docs', 'guide.md');
  const input = { contentDir, linksFile: path.join(contentDir, 'links.yaml'), rootDir: contentDir };

  it('remembers what each document contains, with problems, keyed by its text', async () => {
    const { documents } = await collectFixture();
    expect(Object.keys(documents).sort()).toEqual(['docs/broken.mdx', 'docs/guide.md', 'docs/nested/component.mdx']);
    expect(documents['docs/guide.md']?.hash).toBe(documentHash(readFileSync(guidePath, 'utf8')));
    expect(documents['docs/guide.md']?.links).toContainEqual({ raw: 'https://kubernetes.io/docs/', line: 16 });
    expect(documents['docs/broken.mdx']?.problems).toEqual([
      { line: 5, message: expect.stringMatching(/^is not valid MDX: .*Its links were not checked\.$/) },
    ]);
  });

  it('does not parse a document again while its text is unchanged', async () => {
    const remembered = {
      hash: documentHash(readFileSync(guidePath, 'utf8')),
      links: [{ raw: 'https://remembered.docker.com/', line: 3 }],
      problems: [],
    };
    const { places } = await collectLinks({ ...input, knownDocuments: { 'docs/guide.md': remembered } });
    expect(places.filter((place) => place.file === 'docs/guide.md')).toEqual([
      { raw: 'https://remembered.docker.com/', file: 'docs/guide.md', line: 3 },
    ]);
  });

  it('parses a document again when its text changed', async () => {
    const outdated = { hash: documentHash('older text'), links: [{ raw: 'https://remembered.docker.com/', line: 3 }], problems: [] };
    const { places } = await collectLinks({ ...input, knownDocuments: { 'docs/guide.md': outdated } });
    expect(places.filter((place) => place.file === 'docs/guide.md')).toHaveLength(10);
  });
});

describe('de-duplicating links', () => {
  it('checks each normalized URL once and reports it at every place', async () => {
    const { places } = await collectFixture();
    const targets = dedupeLinks(places, { checkFragments: false });
    const compose = targets.find((target) => target.key === 'https://docs.docker.com/compose/');
    expect(compose?.places.map((place) => `${place.file}:${place.line}`)).toEqual(['docs/guide.md:14', 'docs/nested/component.mdx:10']);
    const started = targets.find((target) => target.key === 'https://docs.docker.com/get-started/');
    expect(started?.places.map((place) => place.resourceId ?? place.file)).toEqual(['docs/guide.md', 'docker-get-started']);
    // Relative and mailto links are not external.
    expect(targets.some((target) => target.key.startsWith('mailto') || target.key.startsWith('..'))).toBe(false);
  });

  it('treats host case, default ports and fragments (when not checked) as the same link', () => {
    const targets = dedupeLinks(
      [
        { raw: 'https://Docs.Docker.com:443/build/', file: 'a.md', line: 1 },
        { raw: 'https://docs.docker.com/build/#cache', file: 'a.md', line: 2 },
        { raw: 'https://docs.docker.com/build', file: 'a.md', line: 3 },
      ],
      { checkFragments: false },
    );
    expect(targets.map((target) => [target.key, target.places.length])).toEqual([
      ['https://docs.docker.com/build/', 2],
      // A missing trailing slash may be a different resource to the server: checked on its own.
      ['https://docs.docker.com/build', 1],
    ]);
  });

  it('keeps the fragments of a page when fragment checking is on, still fetching the page once', () => {
    const targets = dedupeLinks(
      [
        { raw: 'https://docs.docker.com/build/#cache', file: 'a.md', line: 1 },
        { raw: 'https://docs.docker.com/build/#secrets', file: 'a.md', line: 2 },
      ],
      { checkFragments: true },
    );
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ kind: 'page', fragments: ['cache', 'secrets'] });
  });

  it('turns malformed http(s) URLs into invalid targets with their places', async () => {
    const { places } = await collectFixture();
    const invalid = dedupeLinks(places, { checkFragments: false }).filter((target) => target.kind === 'invalid');
    expect(invalid).toEqual([
      expect.objectContaining({ key: 'https://exa%mple.com/bad', places: [expect.objectContaining({ file: 'docs/guide.md', line: 30 })] }),
    ]);
    const [scheme] = dedupeLinks([{ raw: 'https:docs.docker.com', file: 'a.md', line: 1 }], { checkFragments: false });
    expect(scheme).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('"//"') });
    const [port] = dedupeLinks([{ raw: 'http://docs.docker.com:99999/', file: 'a.md', line: 1 }], { checkFragments: false });
    expect(port).toMatchObject({ kind: 'invalid' });
  });
});
