import { describe, expect, it } from 'vitest';
import { checkJsxElement, checkRawHtml, checkUrl } from '../../../src/core/security/html-policy.ts';

/** The messages for a fragment, for assertions that care about wording more than lines. */
function messages(html: string): string[] {
  return checkRawHtml(html, 1).map((problem) => problem.message);
}

describe('checkRawHtml: what GitHub keeps passes', () => {
  it.each([
    '<details>',
    '<details open>',
    '<summary>More</summary>',
    '</details>',
    '<kbd>Ctrl</kbd>',
    '<sup>1</sup>',
    '<br>',
    '<br/>',
    '<img src="x.png" alt="y" width="100">',
    '<img src="https://example.com/a.png" alt="a" height="20" title="t">',
    '<a href="../x.md">',
    '<a href="#section">',
    '<a href="mailto:someone@example.com">',
    '<a href="https://example.com/a?b=c:d">',
    '<a href="//cdn.example.com/x">',
    '<a id="anchor"></a>',
    '<a name="x"></a>',
    '<picture>\n<source srcset="dark.png" media="(prefers-color-scheme: dark)">\n<img src="light.png" alt="x">\n</picture>',
    '<div align="center">',
    '<p align="right">',
    '<input type="checkbox" disabled>',
    '<input type="checkbox" checked disabled>',
    '<table>\n<tr>\n<td colspan="2" rowspan="1">x</td>\n</tr>\n</table>',
    '<code class="language-js">',
    '<span dir="rtl" lang="ar">',
    '<blockquote cite="https://example.com">',
    '<ol start="3">',
    '<dl><dt>a</dt><dd>b</dd></dl>',
    '<ruby>漢<rt>kan</rt></ruby>',
    '<!-- x -->',
    '<!-- <script>alert(1)</script> -->',
    '<!-- markdownlint-disable MD033 -->\n<!-- <body onload="x"> -->',
  ])('keeps %j', (html) => {
    expect(checkRawHtml(html, 1)).toEqual([]);
  });
});

describe('checkRawHtml: refused elements', () => {
  it('refuses <script> and says pages cannot run scripts', () => {
    expect(checkRawHtml('<script>alert(1)</script>', 7)).toEqual([
      { line: 7, message: 'raw HTML <script> is not allowed: GitHub removes it and the site refuses it. Remove it; pages cannot run scripts.' },
    ]);
  });

  it('reports the file line inside a multi-line block', () => {
    const problems = checkRawHtml('<div align="center">\n<p>Intro</p>\n<script src="x.js"></script>\n</div>', 10);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(12);
    expect(problems[0]!.message).toContain('<script>');
  });

  it.each([
    ['<iframe src="https://example.com"></iframe>', '<iframe>', 'link to the page instead'],
    ['<style>p { color: red }</style>', '<style>', 'pages cannot add CSS'],
    ['<form action="/x"><p>x</p></form>', '<form>', 'forms do not work'],
    ['<button>Go</button>', '<button>', 'forms do not work'],
    ['<select><option>a</option></select>', '<select>', 'forms do not work'],
    ['<textarea>x</textarea>', '<textarea>', 'forms do not work'],
    ['<embed src="x.swf">', '<embed>', 'link to the page instead'],
    ['<object data="x"></object>', '<object>', 'link to the page instead'],
    ['<video src="x.mp4"></video>', '<video>', 'link to the media file'],
    ['<center>x</center>', '<center>', 'Use <div align="center"> instead'],
    ['<font color="red">x</font>', '<font>', '**bold** or *italic*'],
    ['<u>x</u>', '<u>', 'Use <ins>'],
    ['<small>x</small>', '<small>', 'normal size'],
    ['<meta http-equiv="refresh" content="0;url=https://example.com">', '<meta>', 'Remove it'],
    ['<link rel="stylesheet" href="x.css">', '<link>', 'Remove it'],
    ['<figure><img src="a.png" alt="a"><figcaption>c</figcaption></figure>', '<figure>', 'caption in the paragraph below'],
    ['<span><blink>x</blink></span>', '<blink>', 'Remove the tag'],
  ])('refuses %j', (html, tag, advice) => {
    const found = messages(html);
    expect(found[0]).toContain(`raw HTML ${tag} is not allowed: GitHub removes it and the site refuses it.`);
    expect(found[0]).toContain(advice);
  });

  it('reports every refused element, including ones nested in refused ones', () => {
    const found = messages('<center><font color="red"><script>x</script></font></center>');
    expect(found.map((message) => /<(\w+)>/.exec(message)?.[1])).toEqual(['center', 'font', 'script']);
  });

  it('refuses inline SVG once, pointing to an image file instead', () => {
    const found = messages('<svg viewBox="0 0 1 1"><script>x</script><rect/></svg>');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('<svg>');
    expect(found[0]).toContain('![description](./drawing.svg)');
  });

  it('refuses <input> unless it is a disabled checkbox', () => {
    for (const html of ['<input type="text">', '<input>', '<input type="checkbox">', '<input type="radio" disabled>']) {
      const found = messages(html);
      expect(found, html).toHaveLength(1);
      expect(found[0]).toContain('<input> is allowed only as <input type="checkbox" disabled>');
      expect(found[0]).toContain('task list item (- [ ])');
    }
  });

  it('refuses <body> and <html>, which the fragment parser would otherwise hide', () => {
    const found = messages('<body onload="alert(1)">');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('raw HTML <body> is not allowed');
    expect(messages('<html lang="en">')[0]).toContain('raw HTML <html> is not allowed');
  });

  it('looks inside <template>, whose content is kept apart from its children', () => {
    const found = messages('<template><img src="x.png" onerror="alert(1)"></template>');
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('<template>');
    expect(found[1]).toContain('attribute onerror on <img>');
  });

  it('refuses a tag left open at the end of the block, which hides its attributes', () => {
    const problems = checkRawHtml('<p>x</p>\n<img src="x.png"\n  onerror="alert(1)"', 20);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(21);
    expect(problems[0]!.message).toContain('tag <img is not closed before the HTML block ends');
  });
});

describe('checkRawHtml: refused attributes', () => {
  it('refuses event handlers whatever their case', () => {
    for (const html of ['<a href="x" onclick="f()">', '<a href="x" ONCLICK="f()">', '<a href="x" onClick="f()">']) {
      expect(messages(html)).toEqual(['attribute onclick on <a> is not allowed (event handlers run script). Remove it.']);
    }
    expect(messages('<img src="x.png" onerror="f()">')[0]).toContain('attribute onerror on <img>');
    expect(messages('<div onpointerrawupdate="f()">')[0]).toContain(
      'attribute onpointerrawupdate on <div> is not allowed (event handlers run script)',
    );
    expect(messages('<details ontoggle="f()">')[0]).toContain('event handlers run script');
  });

  it('refuses inline styles and points at align', () => {
    expect(messages('<span style="color: red">x</span>')).toEqual([
      'attribute style on <span> is not allowed (GitHub removes inline CSS). Remove it; to centre, use align="center" on <div> or <p>.',
    ]);
  });

  it('reports an attribute on the line it is written on', () => {
    const problems = checkRawHtml('<div\n  align="center"\n  style="color: red">', 5);
    expect(problems).toEqual([{ line: 7, message: expect.stringContaining('attribute style on <div>') }]);
  });

  it('refuses attributes GitHub drops, with the reason', () => {
    expect(messages('<div class="note">')).toEqual([
      'attribute class on <div> is not allowed (GitHub removes classes, and the site styles are not for authors to use). Remove it.',
    ]);
    expect(messages('<a href="https://example.com" target="_blank">')[0]).toContain(
      'attribute target on <a> is not allowed (GitHub removes it; the site decides how external links open)',
    );
    expect(messages('<span data-tooltip="x">')[0]).toContain('attribute data-tooltip on <span> is not allowed (GitHub removes data attributes)');
    expect(messages('<img src="a.png" alt="a" srcset="a@2x.png 2x">')[0]).toContain('GitHub keeps srcset only on <source> inside <picture>');
    expect(messages('<source srcset="a.png" type="image/webp">')[0]).toContain('attribute type on <source> is not allowed');
  });

  it('refuses classes on <code> other than language-*', () => {
    expect(messages('<code class="language-js highlight">')).toEqual([
      'class "highlight" on <code> is not allowed: GitHub keeps only language-* classes there. Remove it; for highlighted code use a fenced code block with a language.',
    ]);
  });
});

describe('checkRawHtml: URL schemes', () => {
  it('refuses javascript: links', () => {
    expect(messages('<a href="javascript:alert(1)">x</a>')).toEqual([
      'attribute href="javascript:alert(1)" on <a> uses the javascript: scheme, which is not allowed. Use an https:// URL or a relative link.',
    ]);
  });

  it.each([
    ['<a href="JaVaScRiPt:alert(1)">', 'javascript:'],
    ['<a href="  javascript:alert(1)">', 'javascript:'],
    ['<a href="java&#x09;script:alert(1)">', 'javascript:'],
    ['<a href="jav&#x0A;ascript:alert(1)">', 'javascript:'],
    ['<a href="&#106;avascript:alert(1)">', 'javascript:'],
    ['<a href="javascript&colon;alert(1)">', 'javascript:'],
    ['<a href="vbscript:msgbox(1)">', 'vbscript:'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">', 'data:'],
    ['<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">', 'data:'],
    ['<img src="javascript:alert(1)" alt="x">', 'javascript:'],
    ['<img src="ftp://example.com/a.png" alt="x">', 'ftp:'],
    ['<img src="x.png" alt="x" longdesc="javascript:alert(1)">', 'javascript:'],
    ['<blockquote cite="javascript:alert(1)">', 'javascript:'],
    ['<q cite="data:text/plain,x">', 'data:'],
    ['<picture><source srcset="a.png 1x, data:image/png;base64,AAAA 2x"></picture>', 'data:'],
  ])('sees through %j', (html, scheme) => {
    const found = messages(html);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`uses the ${scheme} scheme, which is not allowed`);
  });

  it('suggests a file for pictures and a link for the rest', () => {
    expect(messages('<img alt="x" src="data:image/png;base64,AA">')[0]).toContain(
      'Save the image as a file in the repository and use a relative path to it.',
    );
    expect(messages('<blockquote cite="javascript:x">')[0]).toContain('Use an https:// URL or a relative link.');
  });

  it('shows hidden characters and shortens long URLs in the message', () => {
    expect(messages('<a href="java&#x09;script:x">')[0]).toContain('href="java\\tscript:x"');
    const long = messages(`<img alt="x" src="data:image/png;base64,${'A'.repeat(500)}">`)[0]!;
    expect(long.length).toBeLessThan(250);
    expect(long).toContain('…');
    expect(long).toContain('Save the image as a file in the repository');
  });
});

describe('checkUrl', () => {
  it('refuses script and data URLs with what to write instead', () => {
    expect(checkUrl('javascript:alert(1)', 'href', 3, 'link')).toEqual({
      line: 3,
      message: 'link "javascript:alert(1)" uses the javascript: scheme, which is not allowed. Use an https:// URL or a relative link.',
    });
    expect(checkUrl('data:image/png;base64,AAAA', 'src', 8, 'image')).toEqual({
      line: 8,
      message:
        'image "data:image/png;base64,AAAA" uses the data: scheme, which is not allowed. Save the image as a file in the repository and use a relative path to it.',
    });
  });

  it.each([
    'https://example.com',
    'http://example.com',
    'HTTPS://example.com',
    'mailto:a@example.com',
    'irc://irc.example.com/x',
    'ircs://x',
    'xmpp:a@example.com',
    '../a.md',
    './a.md#part',
    '/docs/a/',
    '//example.com/a',
    '#section',
    '?q=a:b',
    'a/b:c',
    './a:b',
    '',
  ])('lets the link %j through', (url) => {
    expect(checkUrl(url, 'href', 1, 'link')).toBeUndefined();
  });

  it('allows only http and https for images', () => {
    expect(checkUrl('https://example.com/a.png', 'src', 1, 'image')).toBeUndefined();
    expect(checkUrl('./a.png', 'src', 1, 'image')).toBeUndefined();
    expect(checkUrl('//example.com/a.png', 'src', 1, 'image')).toBeUndefined();
    expect(checkUrl('mailto:a@example.com', 'src', 1, 'image')?.message).toContain('uses the mailto: scheme');
  });

  it.each([
    ['tel:+123', 'tel:'],
    ['ftp://example.com/a', 'ftp:'],
    [' JavaScript:alert(1)', 'javascript:'],
    ['java\nscript:alert(1)', 'javascript:'],
    ['\u0001javascript:alert(1)', 'javascript:'],
  ])('refuses the link %j', (url, scheme) => {
    expect(checkUrl(url, 'href', 2, 'link')?.message).toContain(`uses the ${scheme} scheme`);
  });

  it('explains a colon GitHub mistakes for a scheme', () => {
    expect(checkUrl('notes:draft.md', 'href', 1, 'link')?.message).toContain('uses the notes: scheme');
    expect(checkUrl('my notes:draft.md', 'href', 1, 'link')?.message).toBe(
      'link "my notes:draft.md" has a colon before any "/", so GitHub reads "my notes:" as a scheme and removes the URL. Start a relative path with "./", or use an https:// URL or a relative link.',
    );
  });
});

describe('checkJsxElement', () => {
  const text = (name: string, value: string) => ({ name, value, expression: false });
  const expression = (name: string) => ({ name, value: null, expression: true });
  const bare = (name: string) => ({ name, value: undefined, expression: false });

  it('leaves components alone', () => {
    expect(checkJsxElement('Tabs', [expression('onClick')], 1)).toEqual([]);
    expect(checkJsxElement('ui.Button', [expression('onClick')], 1)).toEqual([]);
  });

  it('refuses elements GitHub drops', () => {
    expect(checkJsxElement('script', [], 4)).toEqual([
      { line: 4, message: 'element <script> is not allowed: GitHub removes it and the site refuses it. Remove it; pages cannot run scripts.' },
    ]);
    expect(checkJsxElement('iframe', [text('src', 'https://example.com')], 5)[0]!.message).toContain('element <iframe> is not allowed');
  });

  it('refuses event handlers whatever their value', () => {
    expect(checkJsxElement('a', [text('href', '/x'), expression('onClick')], 6)).toEqual([
      { line: 6, message: 'attribute onClick on <a> is not allowed (event handlers run script). Remove it.' },
    ]);
    expect(checkJsxElement('img', [text('src', 'a.png'), text('onError', 'x()')], 6)[0]!.message).toContain('attribute onError on <img>');
  });

  it('refuses style, as an object or a string', () => {
    expect(checkJsxElement('div', [expression('style')], 1)[0]!.message).toContain(
      'attribute style on <div> is not allowed (GitHub removes inline CSS)',
    );
    expect(checkJsxElement('div', [text('style', 'color: red')], 1)[0]!.message).toContain('attribute style on <div>');
  });

  it('checks URL schemes of literal values, not of expressions', () => {
    expect(checkJsxElement('a', [text('href', 'javascript:alert(1)')], 2)[0]!.message).toContain('uses the javascript: scheme');
    expect(checkJsxElement('img', [text('src', 'data:image/png;base64,AA'), text('alt', 'x')], 2)[0]!.message).toContain('uses the data: scheme');
    expect(checkJsxElement('img', [expression('src'), text('alt', 'x')], 2)).toEqual([]);
  });

  it('maps JSX attribute spellings onto the HTML ones', () => {
    expect(checkJsxElement('a', [text('href', '/x'), text('aria-label', 'x'), text('id', 'a')], 1)).toEqual([]);
    expect(checkJsxElement('td', [text('colSpan', '2')], 1)).toEqual([]);
    expect(checkJsxElement('code', [text('className', 'language-ts')], 1)).toEqual([]);
    expect(checkJsxElement('a', [text('className', 'external')], 1)[0]!.message).toContain('attribute className="external" on <a> is not allowed');
    expect(checkJsxElement('input', [text('type', 'checkbox'), bare('disabled')], 1)).toEqual([]);
    expect(checkJsxElement('input', [text('type', 'checkbox')], 1)[0]!.message).toContain(
      '<input> is allowed only as <input type="checkbox" disabled>',
    );
    expect(checkJsxElement('div', [text('className', 'note')], 1)[0]!.message).toContain('attribute className on <div> is not allowed');
    expect(checkJsxElement('div', [text('class', 'note')], 1)[0]!.message).toContain('attribute class on <div> is not allowed');
  });
});
