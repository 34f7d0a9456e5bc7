import { describe, expect, it } from 'vitest';
import { courseOrder, pageKind, pagerLinks, prepareArticle } from '../../src/search/build/page-signals.ts';
import { termStems } from '../../src/search/ranking/terms.ts';

describe('pageKind', () => {
  it('tells lessons, concepts, reference, resources and landing pages apart, with or without a base path', () => {
    expect(pageKind('/hands-on/compose/')).toBe('lesson');
    expect(pageKind('/docker-learning/concepts/docker/', '/docker-learning/')).toBe('concept');
    expect(pageKind('/reference/quick-reference/#cmd-docker-ps')).toBe('reference');
    expect(pageKind('/resources/#play-with-docker')).toBe('resource');
    expect(pageKind('/hands-on/')).toBe('landing');
    expect(pageKind('/docker-learning/', '/docker-learning')).toBe('landing');
  });
});

describe('prepareArticle', () => {
  const table =
    '<article data-pagefind-body><table><thead><tr><th>Command</th><th>Does</th></tr></thead><tbody>' +
    '<tr><td><code>docker volume create VOLUME</code></td><td>Creates a named volume</td></tr>' +
    '<tr><td><code>docker volume ls</code></td><td>Lists volumes.</td></tr></tbody></table></article>';

  it('keeps cell boundaries in the indexed text and leaves the header row out', () => {
    const { html } = prepareArticle(table);
    expect(html).toContain('<td><code>docker volume create VOLUME</code> —</td><td>Creates a named volume</td>');
    expect(html).toContain('<td><code>docker volume ls</code> —</td><td>Lists volumes.</td>');
    expect(html).toMatch(/<thead data-pagefind-ignore="">/);
  });

  it('reads what a page introduces and weighs bolded terms like a minor heading', () => {
    const { html, introduced } = prepareArticle(
      '<article data-pagefind-body><h2>Restart policies</h2><p>A <strong>bind mount</strong> maps a folder; <dfn>tmpfs</dfn> lives in memory.</p>' +
        '<div data-pagefind-ignore><strong>Ignored</strong></div></article>',
    );
    expect(introduced).toEqual(expect.arrayContaining([...termStems('restart policies bind mount tmpfs')]));
    expect(introduced).not.toContain(termStems('ignored')[0]);
    expect(html).toContain('<strong data-pagefind-weight="3">bind mount</strong>');
  });

  it('reads an italic term as introduced, whole, without weighing it in the index', () => {
    const { html, introduced } = prepareArticle('<article data-pagefind-body><p>Write it in the JSON <em>exec form</em>.</p></article>');
    expect(introduced).toEqual([termStems('exec form').join('+')]);
    expect(html).not.toContain('data-pagefind-weight');
  });

  it('reads italics that stress a phrase as no term: a function word in it, or more than three words', () => {
    const stressed = prepareArticle(
      '<article data-pagefind-body><p>Copy it <em>from your computer</em>, then <em>change nothing else in it</em>.</p></article>',
    );
    expect(stressed.introduced).toEqual([]);
  });

  it('reads only command rows as introduced on a page that does not teach, and weighs nothing there', () => {
    const glossary = prepareArticle('<article data-pagefind-body><p><strong>Volume</strong>: storage Docker manages.</p></article>', {
      teaches: false,
    });
    expect(glossary.introduced).toEqual([]);
    expect(glossary.html).not.toContain('data-pagefind-weight');
    const reference = prepareArticle(table, { teaches: false });
    expect(reference.html).toContain('<code>docker volume ls</code> —</td>');
    // The commands the rows document, not the words that explain them.
    expect(reference.introduced).toEqual(termStems('docker volume create ls').sort());
  });

  it("counts a command row's command as introduced", () => {
    expect(prepareArticle(table).introduced).toEqual(expect.arrayContaining(termStems('docker volume create ls')));
  });
});

describe('course order from the pager chain', () => {
  it('follows rel="next" from the page no other page names as next', () => {
    const html = (prev?: string, next?: string) =>
      `<nav>${prev ? `<a class="pager-prev" href="${prev}" rel="prev">p</a>` : ''}${next ? `<a href="${next}" rel="next" class="n">n</a>` : ''}</nav>`;
    const pagers = new Map([
      ['/b/', pagerLinks(html('/a/', '/c/'))],
      ['/c/', pagerLinks(html('/b/'))],
      ['/a/', pagerLinks(html(undefined, '/b/'))],
      ['/resources/', pagerLinks('<p>no pager</p>')],
    ]);
    expect(pagerLinks(html('/a/', '/c/'))).toEqual({ prev: '/a/', next: '/c/' });
    expect([...courseOrder(pagers)]).toEqual([
      ['/a/', 0],
      ['/b/', 1],
      ['/c/', 2],
      ['/resources/', 3],
    ]);
  });
});
