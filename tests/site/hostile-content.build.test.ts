/**
 * Content arrives by pull request from strangers. These builds prove, through real `astro build`
 * runs, that every hostile input stops the build with its file (and line) named in one complete
 * list, without a stack trace, without "Complete!" and without writing a single page; and that what
 * authors may use still builds. Inputs are grouped so that one build shows many problems at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, readPage, type BuildResult } from '../helpers/build-site.ts';
import { Page } from '../../scripts/support/html-page.ts';
import {
  at,
  filesUnder,
  lineIn,
  linesNamed,
  missingProblems,
  problemList,
  shown,
  writeDeepPage,
  writeHostileFiles,
  writeHostilePages,
  type ExpectedProblem,
} from './hostile-content.helpers.ts';

/** What every refused build must look like, whatever refused it. */
function expectRefused(build: BuildResult): void {
  expect(build.status, build.output).not.toBe(0);
  expect(build.output).not.toMatch(/Stack trace|\n\s+at |Complete!/);
  expect(filesUnder(build.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
}

/** The build's problem list, checked to be whole: the heading's count is the number of lines. */
function listOf(build: BuildResult): string[] {
  const { count, lines } = problemList(build.output);
  expect(lines.length, build.output).toBeGreaterThan(0);
  expect(lines.length).toBe(count);
  return lines;
}

describe('hostile files: refused before Astro loads anything', () => {
  let build: BuildResult;
  let fixture: ReturnType<typeof writeHostileFiles>;
  const doc = (file: string) => shown(path.join(fixture.docsDir, file));
  beforeAll(() => {
    fixture = writeHostileFiles();
    build = buildSite({ contentDir: fixture.contentDir, name: 'hostile-files-out' });
  });

  it('stops with one complete list, no stack trace and nothing published', () => {
    expectRefused(build);
    listOf(build);
    // Stopped before loading: Astro never got as far as reading the pages.
    expect(build.output).not.toContain('Synced content');
  });

  it('names pages whose file names cannot become clean URLs', () => {
    const expected: ExpectedProblem[] = [
      { where: doc('what?.md'), says: 'contains "?" (U+003F, question mark)' },
      { where: doc('c#sharp.md'), says: 'contains "#" (U+0023, number sign)' },
      { where: doc('100%.md'), says: 'contains "%" (U+0025, percent sign)' },
      // Invisible characters are spelled out, so the name cannot scramble the line it is printed on.
      { where: doc('invoice-<U+202E>dm.exe.md'), says: 'contains U+202E (right-to-left override)' },
      { where: doc('set<U+200B>up.md'), says: 'contains U+200B (zero width space)' },
      { where: doc('!!!.md'), says: 'has a name with no letters or digits' },
      { where: doc('Setup.MD'), says: 'has the extension ".MD", but only lower-case .md and .mdx files are published; rename it to Setup.md' },
    ];
    expect(missingProblems(listOf(build), expected)).toEqual([]);
    expect(build.output).not.toContain('\u202E');
  });

  it("names pages that would take a URL the site owns or another page's", () => {
    const expected: ExpectedProblem[] = [
      { where: doc('resources.md'), says: 'would be published at /resources/, which is the Learning resources page' },
      { where: doc('pagefind.md'), says: 'would be published at /pagefind/, which is the folder of the search index' },
      { where: doc('404.md'), says: "would be published at /404/, which is the site's page-not-found page" },
      { where: doc('_astro/app.md'), says: 'which is the folder of the site\'s own scripts, styles and images; rename the folder "_astro"' },
      { where: doc('install/index.md'), says: `has the same URL (/install/) as ${doc('install.md')}` },
    ];
    expect(missingProblems(listOf(build), expected)).toEqual([]);
  });

  it('names a page that is not UTF-8 at its line and column, and a page over 1 MiB', () => {
    const expected: ExpectedProblem[] = [
      { where: `${doc('latin1.md')}:2`, says: 'is not valid UTF-8 (line 2, column 11: byte 0xE9). Save the file as UTF-8.' },
      { where: doc('huge.md'), says: 'is 2.1 MB; pages are limited to 1 MB' },
    ];
    expect(missingProblems(listOf(build), expected)).toEqual([]);
  });

  it('names symbolic links that leave the content folder or lead back into it', () => {
    const expected: ExpectedProblem[] = [
      { where: doc('linked'), says: 'is a symbolic link to "../../outside/secret", which points outside content/; copy the folder in instead.' },
      { where: doc('passwd.md'), says: 'is a symbolic link to "/etc/passwd", which points outside content/; copy the file in instead.' },
      { where: doc('loop'), says: 'which is the docs folder itself, so following it would never end' },
    ];
    const lines = listOf(build);
    expect(missingProblems(lines, expected)).toEqual([]);
    // Nothing from behind the links is read as a page of the site.
    expect(lines.some((line) => line.startsWith(doc('linked/page.md')))).toBe(false);
    expect(build.output).not.toContain('root:x:0:0');
  });

  it('names frontmatter problems: a draft home page, none at all, broken YAML, an Astro layout, an alias bomb', () => {
    const expected: ExpectedProblem[] = [
      // At the draft line itself (title, description, then draft: line 4), not the top of the file.
      { where: `${doc('index.md')}:4`, says: 'is the home page and says "draft: true"' },
      { where: `${doc('no-frontmatter.md')}:1`, says: 'has no frontmatter; every page needs at least a title' },
      { where: `${doc('broken-yaml.md')}:2`, says: 'frontmatter is not valid YAML' },
      // A `layout:` would make Astro import that file as code when it renders the page.
      { where: `${doc('layout.md')}:4`, says: 'frontmatter field "layout" is not allowed' },
    ];
    const lines = listOf(build);
    expect(missingProblems(lines, expected)).toEqual([]);
    // Billion laughs: named once, at a line of the bomb (lines 4 to 12), found without expanding it.
    const [line, ...more] = linesNamed(lines, doc('laughs.md'));
    expect(more, lines.join('\n')).toEqual([]);
    expect(line).toBeGreaterThanOrEqual(4);
    expect(line).toBeLessThanOrEqual(12);
    expect(lines.find((text) => text.startsWith(`${doc('laughs.md')}:${line}: `))).toContain('aliases');
  });

  it('lists problems inside the pages in the same list, although it stops before rendering', () => {
    expect(missingProblems(listOf(build), [{ where: `${doc('also.md')}:6`, says: 'raw HTML <script> is not allowed' }])).toEqual([]);
  });
});

describe('hostile pages: refused at the gate, after rendering and before writing', () => {
  let build: BuildResult;
  let lines: string[];
  let docsDir: string;
  const file = (name: string) => path.join(docsDir, name);
  /** Where `snippet` is in a fixture page, and what the problem there must say. */
  const problem = (name: string, snippet: string, says: string): ExpectedProblem => ({ where: at(file(name), snippet), says });
  beforeAll(() => {
    ({ docsDir } = writeHostilePages());
    build = buildSite({ contentDir: path.dirname(docsDir), name: 'hostile-pages-out', base: '/hostile' });
    lines = problemList(build.output).lines;
  });

  it('stops with one complete list, no stack trace and nothing published', () => {
    expectRefused(build);
    listOf(build);
  });

  it('refuses author HTML that GitHub would strip, with the line of each element or attribute', () => {
    const expected = [
      problem('html.md', '<script>alert', 'raw HTML <script> is not allowed'),
      problem('html.md', 'onerror="alert(\'img', 'attribute onerror on <img> is not allowed (event handlers run script)'),
      problem('html.md', 'onclick=', 'attribute onclick on <a> is not allowed (event handlers run script)'),
      problem('html.md', '<iframe', 'raw HTML <iframe> is not allowed'),
      problem('html.md', '<style>', 'raw HTML <style> is not allowed'),
      problem('html.md', '<form', 'raw HTML <form> is not allowed'),
      problem('html.md', '<svg><script>', 'raw HTML <svg> is not allowed'),
      problem('html.md', '<svg><script>', 'raw HTML <script> is not allowed'),
      problem('html.md', '<object', 'raw HTML <object> is not allowed'),
      problem('html.md', '<meta http-equiv', 'raw HTML <meta> is not allowed'),
      problem('html.md', '<base href', 'raw HTML <base> is not allowed'),
      problem('html.md', '<details ontoggle', 'attribute ontoggle on <details> is not allowed'),
      problem('html.md', '<IMG', 'attribute onerror on <img> is not allowed'),
      problem('html.md', 'srcset=', 'attribute srcset on <img> is not allowed'),
      problem('html.md', '<noscript>', 'raw HTML <noscript> is not allowed'),
      // GitHub keeps these, but the site could not rewrite them: Markdown works in both places.
      problem('html.md', '<a href="./links.md">', 'Write it as Markdown instead: [text](./links.md)'),
      problem('html.md', '<img src="./media/pixel.png"', 'Write it as Markdown instead: ![what it shows](./media/pixel.png)'),
    ];
    expect(missingProblems(lines, expected)).toEqual([]);
    // The commented-out <script> is harmless and not reported.
    const comment = at(file('html.md'), '<!-- A comment');
    expect(lines.filter((line) => line.startsWith(`${comment}: `))).toEqual([]);
  });

  it('refuses script and data URLs however they are spelled', () => {
    const expected = [
      problem('html.md', '(javascript:alert(document.cookie))', 'link "javascript:alert(document.cookie)" uses the javascript: scheme'),
      problem('html.md', '(data:image/png', 'image "data:image/png;base64,AAAA" uses the data: scheme'),
      problem('html.md', 'jav&#x09;ascript', 'on <a> uses the javascript: scheme'),
      problem('html.md', 'javascript&#58;', `link "javascript:alert('entity')" uses the javascript: scheme`),
      problem('html.md', '<javascript:', `link "javascript:alert('autolink')" uses the javascript: scheme`),
      problem('html.md', '[unused-definition]', 'uses the vbscript: scheme'),
      problem('html.md', '(JaVaScRiPt:', 'link "JaVaScRiPt:alert(document.domain)" uses the javascript: scheme'),
      problem('html.md', '&#106;avascript', `attribute href="javascript:alert('numeric entity')" on <a> uses the javascript: scheme`),
    ];
    expect(missingProblems(lines, expected)).toEqual([]);
  });

  it('refuses unsafe SVG images, images outside content/, and empty or corrupt images', () => {
    const svg = (name: string, snippet: string) => at(file(`media/${name}`), snippet);
    const expected = [
      problem('media/images.md', './script.svg', `is not safe to publish: ${svg('script.svg', '<script>')} <script> is not allowed in an SVG image`),
      problem('media/images.md', './foreign.svg', `is not safe to publish: ${svg('foreign.svg', '<foreignObject')} <foreignObject> is not allowed`),
      problem(
        'media/images.md',
        './tracker.svg',
        `is not safe to publish: ${svg('tracker.svg', '<image')} attribute href on <image> points outside the file`,
      ),
      problem(
        'media/images.md',
        './entities.svg',
        `is not safe to publish: ${svg('entities.svg', '<!ENTITY a')} <!ENTITY> declarations are not allowed`,
      ),
      problem('media/images.md', './handler.svg', `is not safe to publish: ${svg('handler.svg', 'onload')} attribute onload on <svg> is not allowed`),
      problem('media/images.md', '../../../outside/drawing.svg', 'is outside content/ and public/'),
      problem('media/images.md', './empty.png', 'is empty (0 bytes)'),
      problem('media/images.md', './corrupt.png', 'is not a valid PNG image'),
    ];
    expect(missingProblems(lines, expected)).toEqual([]);
  });

  it('refuses links to routes that do not exist, missing anchors and files outside content/, and accepts the base path', () => {
    const expected = [
      problem('links.md', '(/hands-on/composer/)', 'points to /hands-on/composer/, which is not a page or file of this site'),
      problem('links.md', '#no-such-heading', 'points to #no-such-heading, which is not a heading or id'),
      problem('links.md', '../../outside/notes.txt', 'which the site does not publish'),
    ];
    expect(missingProblems(lines, expected)).toEqual([]);
    for (const fine of ['(/hostile/html/)', '(/links/#site-absolute-links)']) {
      const where = at(file('links.md'), fine);
      expect(lines.filter((line) => line.startsWith(`${where}: `))).toEqual([]);
    }
    // The home page links only to pages that exist: no problem of its own.
    expect(lines.filter((line) => line.startsWith(shown(file('index.md'))))).toEqual([]);
  });

  it('refuses MDX that reaches for the build machine, at the line where it does', () => {
    const expected = [
      problem('mdx/read-file.mdx', "import { readFileSync } from 'node:fs'", 'imports node:fs, which MDX pages may not import'),
      problem('mdx/environment.mdx', '{process.env.HOME}', 'has the expression {process.env.HOME}, which MDX pages may not use'),
      problem('mdx/tricks.mdx', "require('fs')", 'exports fs with a value that is not literal data: it calls a function'),
      problem('mdx/tricks.mdx', "from 'node:child_process'", 're-exports from node:child_process'),
      problem('mdx/tricks.mdx', 'astro:env/server', 'imports astro:env/server'),
      problem('mdx/tricks.mdx', "import('node:os')", 'it imports a module with import()'),
      problem('mdx/tricks.mdx', 'globalThis', 'it reads a property'),
      problem('mdx/tricks.mdx', '.constructor(', 'it calls a function'),
      problem('mdx/tricks.mdx', 'import.meta', 'it reads import.meta'),
      problem('mdx/tricks.mdx', 'onClick', 'attribute onClick on <div> is not allowed'),
      problem('mdx/tricks.mdx', 'href="javascript:alert(\'jsx link\')"', 'on <a> uses the javascript: scheme'),
      problem('mdx/tricks.mdx', '<iframe', 'element <iframe> is not allowed'),
    ];
    expect(missingProblems(lines, expected)).toEqual([]);
    // Nothing was run: the machine's name and home folder are not in the output.
    for (const secret of [readFileSync('/etc/hostname', 'utf8').trim(), process.env.HOME ?? '/root']) {
      expect(build.output).not.toContain(`The build machine is called ${secret}`);
      expect(build.output).not.toContain(`The build runs in ${secret}`);
    }
  });

  it('refuses tags named by exported constants, which published live script before (issue 24)', () => {
    const tag = (name: string) =>
      problem('mdx/tag-xss.mdx', `<${name} `, `uses the tag <${name}>, whose element comes from \`export const ${name}\``);
    const expected = [
      tag('I'),
      tag('A'),
      problem('mdx/tag-xss.mdx', '<S>', 'uses the tag <S>, whose element comes from `export const S`'),
      problem('mdx/tag-xss.mdx', 'export const components', 'exports components, a name Astro reads to render the page'),
    ];
    expect(missingProblems(lines, expected)).toEqual([]);
  });

  it('refuses names built at run time, which reached Function before (issue 24)', () => {
    const expected = [
      problem('mdx/computed-names.mdx', "Computed member: {[]['constr'", 'which MDX pages may not use: it'),
      problem('mdx/computed-names.mdx', 'Template key:', 'which MDX pages may not use: it'),
      problem('mdx/computed-names.mdx', 'Descriptor:', 'which MDX pages may not use: it reads a property'),
      problem('mdx/computed-names.mdx', 'Reflect:', 'which MDX pages may not use: it calls a function'),
      problem('mdx/computed-names.mdx', 'export const leaked', 'exports leaked with a value that is not literal data: it calls a function'),
    ];
    expect(missingProblems(lines, expected)).toEqual([]);
  });

  it('refuses an endless loop before running it: the build ends (issue 24)', () => {
    // The build finishing at all is the proof: the page is refused before any page is evaluated.
    expect(
      missingProblems(lines, [problem('mdx/endless.mdx', '{(() =>', 'has the expression {(() => { for (;;) {} })()}, which MDX pages may not use')]),
    ).toEqual([]);
  });

  it('refuses script that MDX hides in expressions, spreads and Fragment set:html', () => {
    // Each of these is published as live script when it is the only problem (the build says
    // "Complete!"): literal attributes are checked, but JSX can also pass values as expressions,
    // spread whole objects of attributes, or hand raw HTML to Astro's <Fragment set:html>.
    const bypass = (snippet: string) => problem('mdx/jsx-bypass.mdx', snippet, '');
    const expected = [
      bypass(`href={'javascript:`),
      bypass('href={`javascript:'),
      bypass('{...{ onclick:'),
      bypass('{...{ onerror:'),
      bypass(`<Fragment set:html={'<script>`),
      bypass('<Fragment set:html="<img'),
      bypass('<Fragment set:html={drawing}'),
      bypass(`src={'data:`),
    ];
    expect(missingProblems(lines, expected)).toEqual([]);
  });

  it('names an MDX syntax error at its line, frontmatter included', () => {
    expect(missingProblems(lines, [problem('mdx/unclosed.mdx', '<div>', 'Expected a closing tag for `<div>`')])).toEqual([]);
    // One mistake, one line in the list, however many stages tripped over it.
    expect(lines.filter((line) => line.startsWith(shown(file('mdx/unclosed.mdx'))))).toHaveLength(1);
  });
});

describe('hostile nesting: a 10,000-level blockquote', () => {
  // A build of its own: Astro renders Markdown while it loads the content, before the gate.
  it('is refused once, at its file and line, without a stack trace or a stack overflow from Astro', () => {
    const { contentDir, deepPage } = writeDeepPage();
    const build = buildSite({ contentDir, name: 'hostile-deep-out' });
    expectRefused(build);
    const lines = listOf(build);
    const where = `${shown(deepPage)}:${lineIn(readFileSync(deepPage, 'utf8'), '>>>')}`;
    expect(missingProblems(lines, [{ where, says: 'is nested more than 200 levels deep' }])).toEqual([]);
    // One mistake, one problem: not also Astro's own failure to render it, without file or line.
    expect(lines, build.output).toHaveLength(1);
    expect(build.output).not.toMatch(/Maximum call stack/);
  });
});

describe('hostile links.yaml', () => {
  const linksProblems = (output: string, linksFile: string) => {
    const list = /content\/links\.yaml has errors; fix them and build again \((\d+) problems?\):\n((?: {2}- .*\n?)+)/.exec(output);
    const lines = list
      ? list[2]!
          .trimEnd()
          .split('\n')
          .map((line) => line.slice(4))
      : [];
    return { count: Number(list?.[1] ?? 0), lines, file: shown(linksFile) };
  };

  it('refuses a YAML alias bomb with the file and a line inside it, quickly and without a stack trace', () => {
    const fixture = path.join(projectRoot, 'tests/fixtures/content/hostile-links');
    const started = Date.now();
    const build = buildSite({ contentDir: fixture, name: 'hostile-links-out' });
    expect(Date.now() - started).toBeLessThan(60_000);
    expectRefused(build);
    const { count, lines, file } = linksProblems(build.output, path.join(fixture, 'links.yaml'));
    expect(lines.length, build.output).toBe(count);
    const text = readFileSync(path.join(fixture, 'links.yaml'), 'utf8');
    const [first, last] = [lineIn(text, '- id: laughs'), lineIn(text, '- &i')];
    expect(
      linesNamed(lines, file).some((line) => line >= first && line <= last),
      lines.join('\n'),
    ).toBe(true);
  });

  it('refuses resources on the build machine or its private network, naming each url line', () => {
    const fixture = path.join(projectRoot, 'tests/fixtures/content/hostile-links-private');
    const build = buildSite({ contentDir: fixture, name: 'hostile-links-private-out' });
    expectRefused(build);
    const { lines, file } = linksProblems(build.output, path.join(fixture, 'links.yaml'));
    const text = readFileSync(path.join(fixture, 'links.yaml'), 'utf8');
    for (const url of ['http://127.0.0.1/admin', 'http://169.254.169.254/latest/meta-data/', 'http://localhost:8080/', 'http://10.0.0.1/']) {
      const where = `${file}:${lineIn(text, url)}: `;
      expect(
        lines.some((line) => line.startsWith(where)),
        `${where}… in\n${lines.join('\n')}`,
      ).toBe(true);
    }
    expect(lines.some((line) => line.includes('"fine"'))).toBe(false);
  });
});

describe('allowed content builds, under a base path', () => {
  const BASE = '/sub';
  let build: BuildResult;
  const page = (sitePath: string) => new Page(readPage(build.outDir, sitePath));
  beforeAll(() => {
    build = buildSite({ contentDir: 'tests/fixtures/content/hostile-clean', name: 'hostile-clean-out', base: BASE });
    if (build.status !== 0) throw new Error(`Building the allowed-content fixture failed:\n${build.output}`);
  });

  it('keeps the HTML GitHub allows', () => {
    const first = page('guide/first');
    expect(first.text('details > summary')).toBe('Show the shortcut');
    expect(first.texts('article kbd')).toEqual(['Ctrl', 'C']);
    expect(first.one('a#custom-anchor')).toBeDefined();
    expect(first.attr('a[href="#custom-anchor"]', 'href')).toBe('#custom-anchor');
    expect(first.one('img[alt="Docker\'s icon"][width="16"]')).toBeDefined();
    expect(first.one('div[align="center"]')).toBeDefined();
    expect(first.texts('sub, sup, ins, del')).toEqual(['2', '2', 'inserted', 'deleted']);
    // The safe SVG (it has a <title>) is published as an image.
    const square = String(first.attr('img[alt="A blue square drawn as SVG"]', 'src'));
    expect(square.startsWith(`${BASE}/`)).toBe(true);
  });

  it('keeps absolute URLs in allowed HTML as written', () => {
    const first = page('guide/first');
    expect(first.all('article a').find((a) => toString(a) === "Docker's own documentation")?.properties.href).toBe('https://docs.docker.com/');
    expect(first.attr('img[alt="Docker\'s icon"]', 'src')).toBe('https://www.docker.com/favicon.ico');
  });

  it('renders a declarative MDX page: a site component with literal props, a literal expression, a Markdown image', () => {
    const mdx = page('guide/component');
    expect(mdx.text('nav.breadcrumbs')).toContain('Guide');
    expect(mdx.attr('nav.breadcrumbs a[href$="/guide/"]', 'href')).toBe(`${BASE}/guide/`);
    expect(mdx.text('main')).toContain('The answer is 42.');
    expect(String(mdx.attr('img[alt="Layers drawn by the image pipeline"]', 'src')).startsWith(`${BASE}/_astro/`)).toBe(true);
    expect(mdx.text('details kbd')).toBe('Enter');
  });

  it('gives a site-absolute link written by the author the base path', () => {
    expect(
      page('')
        .all('main a')
        .map((a) => a.properties.href),
    ).toContain(`${BASE}/guide/first/`);
  });

  it('publishes markup in frontmatter, image titles and code as text, and no author script or handler anywhere', () => {
    const escaped = page('guide/escaped');
    expect(escaped.text('h1')).toBe("</title><script>alert('title')</script>");
    expect(escaped.attr('meta[name="description"]', 'content')).toBe(`"><script>alert('description')</script>`);
    expect(page('guide/first').texts(`a[href="${BASE}/guide/escaped/"]`)).toContain("<img src=x onerror=alert('sidebar label')>");
    expect(escaped.attr('img[alt="Stacked layers"]', 'title')).toBe(`a" onerror="alert('image title')`);
    expect(escaped.text('pre')).toContain("<script>alert('fenced code')</script>");
    const htmlFiles = filesUnder(build.outDir).filter((name) => name.endsWith('.html'));
    expect(htmlFiles.length).toBeGreaterThan(5);
    for (const name of htmlFiles) {
      const html = new Page(readFileSync(path.join(build.outDir, name), 'utf8'));
      // The site's own scripts only: bundles under the base path and inline code without "alert".
      for (const script of html.all('script')) {
        const src = script.properties.src;
        if (src !== undefined) expect(String(src).startsWith(`${BASE}/`), `${name}: ${String(src)}`).toBe(true);
        else expect(JSON.stringify(script.children), name).not.toContain('alert');
      }
      for (const element of html.all('*')) {
        const handlers = Object.keys(element.properties).filter((key) => /^on[a-z]/i.test(key));
        expect(handlers, `${name}: <${element.tagName}>`).toEqual([]);
        for (const key of ['href', 'src', 'action', 'formAction', 'content']) {
          const value = String(element.properties[key] ?? '').replace(/[\s\u0000-\u001f]/g, '');
          expect(value, `${name}: <${element.tagName} ${key}>`).not.toMatch(/^(javascript|vbscript|data):/i);
        }
      }
    }
    // Text files published beside the pages carry no markup that could run either.
    for (const name of filesUnder(build.outDir).filter((file) => /\.(xml|txt|json)$/.test(file))) {
      expect(readFileSync(path.join(build.outDir, name), 'utf8'), name).not.toMatch(/<script|javascript:/i);
    }
  });
});
