import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/core/resources.ts';
import { declaresNoindex, hasSearchBody, resourceRecord, searchableDocument } from '../../src/search/build/records.ts';
import { sitePathOfHtmlFile } from '../../src/core/urls.ts';

const resource: Resource = {
  id: 'play-with-docker',
  title: 'Play with Docker',
  url: 'https://www.labs.play-with-docker.com/start',
  kind: 'interactive',
  level: 'beginner',
  description: 'A browser sandbox with Docker ready to use.',
  tags: ['sandbox', 'getting-started'],
  added: new Date('2026-11-28'),
};

describe('resourceRecord', () => {
  it('links to the resource anchor on the Learning resources page, base path included', () => {
    expect(resourceRecord(resource, { base: '/', language: 'en' }).url).toBe('/resources/#play-with-docker');
    expect(resourceRecord(resource, { base: '/docker-learning', language: 'en' }).url).toBe('/docker-learning/resources/#play-with-docker');
    expect(resourceRecord(resource, { base: '/docker-learning/', language: 'en' }).url).toBe('/docker-learning/resources/#play-with-docker');
  });

  it('makes title, description, kind, level, domain and tags searchable text', () => {
    const record = resourceRecord(resource, { base: '/', language: 'en' });
    expect(record.content).toContain('Play with Docker.');
    expect(record.content).toContain('A browser sandbox with Docker ready to use.');
    expect(record.content).toContain('A beginner interactive on labs.play-with-docker.com.');
    // Tag slugs become words, so "getting started" finds the record.
    expect(record.content).toContain('Topics: sandbox, getting started.');
  });

  it('carries what the result shows as metadata and the section as a filter', () => {
    const record = resourceRecord(resource, { base: '/', language: 'en' });
    expect(record.language).toBe('en');
    expect(record.meta).toEqual({
      title: 'Play with Docker',
      description: 'A browser sandbox with Docker ready to use.',
      kind: 'interactive',
      level: 'beginner',
      domain: 'labs.play-with-docker.com',
      external: 'https://www.labs.play-with-docker.com/start',
    });
    expect(record.filters).toEqual({ section: ['Learning resources'], kind: ['interactive'], level: ['beginner'] });
  });

  it('leaves out the topics sentence when a resource has no tags', () => {
    expect(resourceRecord({ ...resource, tags: [] }, { base: '/', language: 'en' }).content).not.toContain('Topics');
  });
});

describe('sitePathOfHtmlFile', () => {
  it('maps built files to the paths they are served at', () => {
    expect(sitePathOfHtmlFile('index.html')).toBe('/');
    expect(sitePathOfHtmlFile('guide/first/index.html')).toBe('/guide/first/');
    expect(sitePathOfHtmlFile('guide\\first\\index.html')).toBe('/guide/first/');
    expect(sitePathOfHtmlFile('guide/old.html')).toBe('/guide/old.html');
    expect(sitePathOfHtmlFile('404.html')).toBe('/404.html');
  });
});

describe('declaresNoindex', () => {
  it('spots robots noindex whatever the attribute order and quoting', () => {
    expect(declaresNoindex('<head><meta name="robots" content="noindex"></head>')).toBe(true);
    expect(declaresNoindex("<meta content='noindex, nofollow' name='robots' />")).toBe(true);
    expect(declaresNoindex('<META NAME=robots CONTENT="NOINDEX">')).toBe(true);
  });

  it('ignores other meta tags and pages that allow indexing', () => {
    expect(declaresNoindex('<meta name="description" content="How to noindex a page">')).toBe(false);
    expect(declaresNoindex('<meta name="robots" content="index, follow">')).toBe(false);
    expect(declaresNoindex('<p>noindex</p>')).toBe(false);
  });
});

describe('hasSearchBody', () => {
  it('finds the attribute Pagefind needs, not look-alikes', () => {
    expect(hasSearchBody('<article class="content" data-pagefind-body>')).toBe(true);
    expect(hasSearchBody('<article data-pagefind-body="">')).toBe(true);
    expect(hasSearchBody('<p>add data-pagefind-body to your layout</p>')).toBe(false);
  });
});

describe('searchableDocument: only what Pagefind reads crosses to its process', () => {
  const page = (article: string) =>
    `<!doctype html><html lang="en"><head><title>T</title><meta name="description" content="D" data-pagefind-meta="description[content]"><script src="/x.js"></script></head><body><nav>sidebar</nav><main>${article}</main><footer>f</footer></body></html>`;

  it('keeps the html tag, the Pagefind meta tags and the article, and drops the rest', () => {
    const trimmed = searchableDocument(
      page('<article class="content" data-pagefind-body><h1 data-pagefind-meta="title">T</h1><p>Body</p></article>'),
    );
    expect(trimmed).toBe(
      '<html lang="en"><head><meta name="description" content="D" data-pagefind-meta="description[content]"></head><body><article class="content" data-pagefind-body><h1 data-pagefind-meta="title">T</h1><p>Body</p></article></body></html>',
    );
  });

  it('sends the page whole when it cannot tell where the searchable part ends', () => {
    const nested = page('<article data-pagefind-body><p>a</p><article><p>b</p></article><p>c</p></article>');
    expect(searchableDocument(nested)).toBe(nested);
    const none = page('<div data-pagefind-body>x</div>');
    expect(searchableDocument(none)).toBe(none);
  });
});
