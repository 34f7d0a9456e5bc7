import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSvg } from '../../../src/core/security/svg-policy.ts';

const conceptsDir = fileURLToPath(new URL('../../../content/docs/concepts/', import.meta.url));

/** A valid SVG document with `body` starting on line 2. */
function svg(body: string, rootAttributes = ''): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${rootAttributes}>\n${body}\n</svg>\n`;
}

function messages(text: string): string[] {
  return checkSvg(text).map((problem) => problem.message);
}

describe('checkSvg: drawings that pass', () => {
  const files = readdirSync(conceptsDir).filter((file) => file.endsWith('.svg'));

  it('finds the hand-drawn diagrams', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('accepts content/docs/concepts/%s', (file) => {
    expect(checkSvg(readFileSync(path.join(conceptsDir, file), 'utf8'))).toEqual([]);
  });

  it('accepts titles, styles with dark mode and custom properties, gradients and local references', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
      '<!-- A test drawing -->',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" role="img" aria-labelledby="t">',
      '  <title id="t">Layers &amp; parts</title>',
      '  <desc>Two boxes &#8212; one over the other.</desc>',
      '  <style><![CDATA[',
      '    :root { --ink: #1f2328; }',
      '    text { fill: var(--ink); font-family: "Segoe UI", sans-serif; }',
      '    .shade { fill: url(#g); }',
      '    @media (prefers-color-scheme: dark) { :root { --ink: #f0f6fc; } }',
      '  ]]></style>',
      '  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h1"/></defs>',
      '  <rect class="shade" width="10" height="10" fill="url(#g)" style="stroke: var(--ink)"/>',
      '  <use href="#p"/><use xlink:href="#p" xml:space="preserve"/>',
      '  <a href="#t"><text x="1" y="1">a &lt; b</text></a>',
      '</svg>',
    ].join('\n');
    expect(checkSvg(text)).toEqual([]);
  });
});

describe('checkSvg: script', () => {
  it('refuses <script>, on the line it starts', () => {
    expect(checkSvg(svg('<rect width="1" height="1"/>\n<script>alert(1)</script>'))).toEqual([
      { line: 3, message: '<script> is not allowed in an SVG image: an SVG opened on its own runs its scripts. Remove it.' },
    ]);
  });

  it('refuses scripts in other namespaces and spellings', () => {
    expect(messages(svg('<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>'))[0]).toContain(
      '<html:script> is not allowed',
    );
    expect(messages(svg('<handler type="application/ecmascript">alert(1)</handler>'))[0]).toContain('<handler> is not allowed');
  });

  it('refuses every on* attribute', () => {
    expect(checkSvg(svg('<rect\n  width="1"\n  onclick="alert(1)"/>'))).toEqual([
      { line: 4, message: 'attribute onclick on <rect> is not allowed (event handlers run script). Remove it.' },
    ]);
    expect(messages(svg('', ' onload="alert(1)"'))).toEqual(['attribute onload on <svg> is not allowed (event handlers run script). Remove it.']);
    expect(messages(svg('<g ONMOUSEOVER="x()"/>'))[0]).toContain('attribute ONMOUSEOVER on <g>');
  });

  it('refuses javascript: wherever it hides, entity-encoded included', () => {
    expect(messages(svg('<a href="j&#x61;vascript:alert(1)"><text>x</text></a>'))).toEqual([
      'attribute href on <a> contains a script URL ("javascript:alert(1)"). Remove it.',
    ]);
    expect(messages(svg('<a xlink:href=" java&#9;script:alert(1)"><text>x</text></a>'))[0]).toContain('contains a script URL');
    expect(messages(svg('<animate attributeName="fill" values="javascript:alert(1)"/>'))[0]).toContain(
      'attribute values on <animate> contains a script URL',
    );
  });

  it('refuses animations that rewrite links or handlers', () => {
    const found = messages(svg('<a href="#x"><set attributeName="href" to="https://example.com"/><text>x</text></a>'));
    expect(found).toEqual(['<set> animates attribute href, which can change what the picture links to or runs. Remove it.']);
    expect(messages(svg('<animate attributeName="xlink:href" values="#a;#b"/>'))[0]).toContain('<animate> animates attribute xlink:href');
  });

  it('refuses <foreignObject>, which embeds HTML', () => {
    const found = messages(svg('<foreignObject width="5" height="5"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'));
    expect(found).toEqual([
      '<foreignObject> is not allowed in an SVG image: it embeds HTML, which can run script. Draw the content with SVG shapes and <text> instead.',
    ]);
  });

  it.each(['iframe', 'embed', 'object'])('refuses <%s>', (tag) => {
    expect(messages(svg(`<${tag} xmlns="http://www.w3.org/1999/xhtml"/>`))).toEqual([
      `<${tag}> is not allowed in an SVG image: it loads other content into the picture. Remove it.`,
    ]);
  });
});

describe('checkSvg: references outside the file', () => {
  it.each([
    ['<use href="other.svg#shape"/>', 'attribute href on <use>'],
    ['<use xlink:href="https://example.com/x.svg#a"/>', 'attribute xlink:href on <use>'],
    ['<image href="photo.png" width="5" height="5"/>', 'attribute href on <image>'],
    ['<image xlink:href="data:image/png;base64,AAAA"/>', 'attribute xlink:href on <image>'],
    ['<a href="https://example.com"><text>x</text></a>', 'attribute href on <a>'],
    ['<filter id="f"><feImage href="https://example.com/x.png"/></filter>', 'attribute href on <feImage>'],
  ])('refuses %j', (body, what) => {
    expect(messages(svg(body))).toEqual([
      expect.stringMatching(new RegExp(`^${what} points outside the file \\(".*"\\); an SVG image may only refer to its own parts \\("#id"\\)\\.`)),
    ]);
  });

  it('refuses url() to anything but #id in attributes and inline styles', () => {
    expect(messages(svg('<rect fill="url(https://example.com/p.svg#g)"/>'))).toEqual([
      'url(https://example.com/p.svg#g) in attribute fill on <rect> points outside the file; an SVG image may only refer to its own parts (url(#id)). Remove it.',
    ]);
    expect(messages(svg('<rect style="filter: url(\'f.svg#x\')"/>'))[0]).toContain('url(f.svg#x) in the style of <rect> points outside the file');
    expect(messages(svg('<rect style="fill: u\\72l(x.svg#g)"/>'))[0]).toContain('url(x.svg#g) in the style of <rect>');
  });

  it('refuses url() and @import in <style>, on the line they are on', () => {
    const problems = checkSvg(
      svg('<style>\n  .a { fill: url(#ok); }\n  .b { background: url("https://example.com/t.png"); }\n  @import "theme.css";\n</style>'),
    );
    expect(problems).toEqual([
      {
        line: 4,
        message:
          'url(https://example.com/t.png) in <style> points outside the file; an SVG image may only refer to its own parts (url(#id)). Remove it.',
      },
      { line: 5, message: '@import in <style> loads another style sheet, which is not allowed in an SVG image. Copy its rules in instead.' },
    ]);
  });

  it('keeps <style> lines right across CDATA and comments', () => {
    const problems = checkSvg(svg('<style><![CDATA[\n  a {}\n]]><!-- x\n -->\n@font-face { src: url(font.woff2); }\n</style>'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(6);
    expect(problems[0]!.message).toContain('url(font.woff2) in <style>');
  });

  it('refuses CSS tricks hidden behind comments and escapes', () => {
    expect(messages(svg('<style>/* */@im\\70 ort "x.css";</style>'))[0]).toContain('@import in <style>');
    expect(messages(svg('<style>a { background: image-set("x.png" 1x); }</style>'))[0]).toContain('image-set() in <style>');
  });

  it('refuses an external style sheet instruction', () => {
    expect(checkSvg(`<?xml version="1.0"?>\n<?xml-stylesheet href="https://example.com/x.css"?>\n${svg('')}`)).toEqual([
      {
        line: 2,
        message:
          '<?xml-stylesheet?> loads a style sheet from outside the file, which is not allowed in an SVG image. Put the rules in a <style> element instead.',
      },
    ]);
  });
});

describe('checkSvg: entity declarations', () => {
  it('refuses each <!ENTITY> (expansion bombs)', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY a "aaaaaaaa">\n  <!ENTITY b "&a;&a;&a;&a;">\n]>\n${svg('<text>&b;</text>')}`;
    const problems = checkSvg(text);
    expect(problems.slice(0, 2)).toEqual([
      {
        line: 3,
        message:
          '<!ENTITY> declarations are not allowed in an SVG image (entities can expand without limit). Remove the [ … ] part of the <!DOCTYPE>.',
      },
      {
        line: 4,
        message:
          '<!ENTITY> declarations are not allowed in an SVG image (entities can expand without limit). Remove the [ … ] part of the <!DOCTYPE>.',
      },
    ]);
  });

  it('refuses any internal DTD subset', () => {
    expect(messages(`<!DOCTYPE svg [ <!-- nothing ] here --> ]>\n${svg('')}`)).toEqual([
      '<!DOCTYPE> with an internal subset [ … ] is not allowed in an SVG image. Remove the [ … ] part.',
    ]);
  });
});

describe('checkSvg: not an SVG image', () => {
  it.each([
    ['an empty file', ''],
    ['plain text', 'just some text'],
    ['HTML', '<html><body><p>x</p></body></html>'],
    ['a PNG read as text', '\u0089PNG\r\n\u001a\n'],
  ])('refuses %s', (_what, text) => {
    const found = messages(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^file is not an SVG image/);
  });

  it('refuses an <svg> without the SVG namespace, which browsers do not draw', () => {
    expect(messages('<svg viewBox="0 0 1 1"><rect/></svg>')).toEqual([
      'file is not an SVG image: the root <svg> lacks xmlns="http://www.w3.org/2000/svg", so browsers do not draw it. Add that attribute.',
    ]);
  });

  it.each([
    ['an unclosed element', '<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n<rect/>\n', '<g> opened on line 2 is never closed'],
    ['mismatched tags', svg('<g>\n<text>x</g>'), '</g> closes <text> opened on line 3'],
    ['an unquoted attribute', svg('<rect width=5/>'), 'is not in quotes'],
    ['an HTML entity', svg('<text>a&nbsp;b</text>'), 'the entity &nbsp; is not defined in XML'],
    ['a bare ampersand', svg('<text>Tom & Jerry</text>'), 'write &amp; instead'],
    ['a duplicate attribute', svg('<rect width="1" width="2"/>'), 'appears twice'],
    [
      'an undeclared prefix',
      '<svg xmlns="http://www.w3.org/2000/svg">\n<use xlink:href="#a"/>\n</svg>',
      'add xmlns:xlink="http://www.w3.org/1999/xlink"',
    ],
    ['"--" inside a comment', svg('<!-- a -- b -->'), 'a comment contains "--"'],
    ['a second root element', `${svg('')}<svg xmlns="http://www.w3.org/2000/svg"/>`, 'a second element'],
  ])('refuses %s, naming the place', (_what, text, detail) => {
    const found = messages(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^file is not an SVG image: it is not well-formed XML \(/);
    expect(found[0]).toContain(detail);
  });

  it('reports the line where the XML breaks', () => {
    expect(checkSvg(svg('<rect/>\n<text>a &nbsp; b</text>'))[0]!.line).toBe(3);
  });

  it('still reports unsafe parts found before the XML breaks', () => {
    const found = messages(svg('<script>x</script>\n<g>'));
    expect(found[0]).toContain('<script> is not allowed');
    expect(found[1]).toContain('not well-formed XML');
  });
});
