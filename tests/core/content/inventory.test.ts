import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInventory, checkAssetFile, firstInvalidUtf8, SITE_RESERVED_SLUGS, type InventoryOptions } from '../../../src/core/content/inventory.ts';
import { formatProblem } from '../../../src/core/problems.ts';
import { DEFAULT_SLUG_RULES } from '../../../src/core/urls.ts';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

let root: string;
let contentDir: string;
let docsDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'inv-'));
  contentDir = path.join(root, 'content');
  docsDir = path.join(contentDir, 'docs');
  mkdirSync(docsDir, { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const page = (title = 'A page') => `---\ntitle: ${title}\n---\n\nText.\n`;

/** Writes a file under the docs folder, creating its folders. */
function write(file: string, data: string | Uint8Array = page()): string {
  const absolute = path.join(docsDir, file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, data);
  return absolute;
}

function inventory(overrides: Partial<InventoryOptions> = {}) {
  return buildInventory({
    docsDir,
    contentDir,
    display: (file) => `content/docs/${file}`,
    reservedSlugs: SITE_RESERVED_SLUGS,
    slugRules: DEFAULT_SLUG_RULES,
    ...overrides,
  });
}

/** What an author reads in the build log. */
const lines = (result: ReturnType<typeof inventory>) => result.problems.map(formatProblem);
const files = (result: ReturnType<typeof inventory>) => result.pages.map((p) => p.file);

describe('buildInventory: the happy path', () => {
  it('lists pages with their slug, format, text and a stable hash', () => {
    write('index.md', page('Home'));
    write('Getting Started/First Steps.md');
    write('guide/index.mdx', `\uFEFF${page('Guide')}`);
    write('guide/notes.txt', 'not a page');
    write('guide/diagram.png', 'not read');

    const first = inventory();
    expect(first.problems).toEqual([]);
    expect(first.pages.map(({ file, slug, format }) => ({ file, slug, format }))).toEqual([
      { file: 'Getting Started/First Steps.md', slug: 'getting-started/first-steps', format: 'md' },
      { file: 'guide/index.mdx', slug: 'guide', format: 'mdx' },
      { file: 'index.md', slug: '', format: 'md' },
    ]);
    const guide = first.pages.find((p) => p.file === 'guide/index.mdx')!;
    expect(guide.source).toBe(page('Guide')); // byte order mark removed
    expect(guide.absolutePath).toBe(path.join(docsDir, 'guide/index.mdx'));
    expect(guide.hash).toMatch(/^[0-9a-f]{64}$/);

    const second = inventory();
    expect(second.pages.map((p) => p.hash)).toEqual(first.pages.map((p) => p.hash));
    write('index.md', page('Home, edited'));
    expect(inventory().pages.find((p) => p.file === 'index.md')!.hash).not.toBe(first.pages.find((p) => p.file === 'index.md')!.hash);
  });

  it('skips dot files and dot folders, as Astro does, without a word', () => {
    write('visible.md');
    write('.hidden.md');
    write('.drafts/secret.md');
    write('guide/.wip/notes.md');
    const result = inventory();
    expect(result.problems).toEqual([]);
    expect(files(result)).toEqual(['visible.md']);
  });

  it('keeps node_modules, because the loader publishes it too', () => {
    write('node_modules/readme.md');
    expect(files(inventory())).toEqual(['node_modules/readme.md']);
  });
});

describe('buildInventory: names that cannot become a URL', () => {
  it.each([
    ['what?.md', '"?" (U+003F, question mark)', '"what.md"'],
    ['c#sharp.md', '"#" (U+0023, number sign)', '"csharp.md"'],
    ['50%.md', '"%" (U+0025, percent sign)', '"50.md"'],
  ])('refuses %s and says which character', (file, character, suggestion) => {
    write(file);
    write('ok.md');
    const result = inventory();
    expect(lines(result)).toEqual([
      `content/docs/${file}: has a name that cannot become a clean URL: it contains ${character}. Rename the file using letters, digits and dashes, e.g. ${suggestion}.`,
    ]);
    expect(files(result)).toEqual(['ok.md']);
  });

  it('names an invisible bidi control by code point and never prints it raw', () => {
    write('invoice\u202Efdp.md');
    const [line, ...rest] = lines(inventory());
    expect(rest).toEqual([]);
    expect(line).toContain('content/docs/invoice<U+202E>fdp.md:');
    expect(line).toContain('U+202E (right-to-left override)');
    expect(line).toContain('Rename the file using letters, digits and dashes, e.g. "invoicefdp.md"');
    expect(line).not.toContain('\u202E');
  });

  it('reports a bad folder name once, and leaves out every page in it', () => {
    write('c#/one.md');
    write('c#/two.md');
    const result = inventory();
    expect(lines(result)).toEqual([
      'content/docs/c#: has a name that cannot become a clean URL: it contains "#" (U+0023, number sign). Rename the folder using letters, digits and dashes, e.g. "c".',
    ]);
    expect(result.pages).toEqual([]);
  });

  it('refuses a name with no letters or digits, whose URL part would be empty', () => {
    write('guide/!!!.md');
    write('guide/index.md');
    expect(lines(inventory())).toEqual([
      'content/docs/guide/!!!.md: has a name with no letters or digits, so its part of the URL would be empty and the page would collide with its folder. Rename the file using letters, digits and dashes.',
    ]);
  });

  it('asks for a lower-case extension, which is all Astro renders', () => {
    write('Guide.MD');
    write('x.Mdx');
    const result = inventory();
    expect(lines(result)).toEqual([
      'content/docs/Guide.MD: has the extension ".MD", but only lower-case .md and .mdx files are published; rename it to Guide.md.',
      'content/docs/x.Mdx: has the extension ".Mdx", but only lower-case .md and .mdx files are published; rename it to x.mdx.',
    ]);
    expect(result.pages).toEqual([]);
  });
});

describe('buildInventory: URLs that are already taken', () => {
  it('refuses pages at the routes the site owns', () => {
    write('resources.md');
    write('404.md');
    write('pagefind/index.md');
    write('pagefind.md');
    write('guide/resources.md'); // only the first segment is the site's
    const result = inventory();
    expect(lines(result)).toEqual([
      "content/docs/404.md: would be published at /404/, which is the site's page-not-found page; rename the file.",
      'content/docs/pagefind.md: would be published at /pagefind/, which is the folder of the search index, which is rebuilt (and its old contents deleted) on every build; rename the file.',
      // Two pages at one URL: both are named, from each side.
      'content/docs/pagefind.md: has the same URL (/pagefind/) as content/docs/pagefind/index.md, so one would overwrite the other; rename or move one of them.',
      'content/docs/pagefind/index.md: would be published at /pagefind/, which is the folder of the search index, which is rebuilt (and its old contents deleted) on every build; rename the folder "pagefind".',
      'content/docs/pagefind/index.md: has the same URL (/pagefind/) as content/docs/pagefind.md, so one would overwrite the other; rename or move one of them.',
      'content/docs/resources.md: would be published at /resources/, which is the Learning resources page; rename the file.',
    ]);
    expect(files(result)).toEqual(['guide/resources.md']);
  });

  it('takes the reserved names from the options', () => {
    write('admin/index.md');
    expect(lines(inventory({ reservedSlugs: new Map([['admin', 'the admin area']]) }))).toEqual([
      'content/docs/admin/index.md: would be published at /admin/, which is the admin area; rename the folder "admin".',
    ]);
  });

  it.each([
    ['setup.md', 'setup/index.md', '/setup/'],
    ['Setup.md', 'setup.md', '/setup/'],
    ['a b.md', 'a-b.md', '/a-b/'],
  ])('names both %s and %s when they share a URL', (a, b, url) => {
    write(a);
    write(b);
    write('other.md');
    const result = inventory();
    expect(lines(result).sort()).toEqual(
      [
        `content/docs/${a}: has the same URL (${url}) as content/docs/${b}, so one would overwrite the other; rename or move one of them.`,
        `content/docs/${b}: has the same URL (${url}) as content/docs/${a}, so one would overwrite the other; rename or move one of them.`,
      ].sort(),
    );
    expect(files(result)).toEqual(['other.md']);
  });

  it('covers every route in src/pages and every file in public/', () => {
    const routes = readdirSync(path.join(projectRoot, 'src/pages'))
      .filter((file) => !file.startsWith('['))
      .map((file) => file.replace(/\.(astro|ts|js)$/, ''));
    const publicFiles = readdirSync(path.join(projectRoot, 'public'));
    for (const name of [...routes, ...publicFiles]) expect(SITE_RESERVED_SLUGS.has(name), name).toBe(true);
  });
});

describe('buildInventory: file contents', () => {
  it('reports a Latin-1 file with the line, column and byte to fix', () => {
    write(
      'latin.md',
      Buffer.concat([Buffer.from('---\ntitle: Caf\u00e9 ok\n---\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from(' au lait\n')]),
    );
    write('second-line.md', Buffer.concat([Buffer.from('line one\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9])]));
    const result = inventory();
    expect(lines(result)).toEqual([
      'content/docs/latin.md:4: is not valid UTF-8 (line 4, column 4: byte 0xE9). Save the file as UTF-8.',
      'content/docs/second-line.md:2: is not valid UTF-8 (line 2, column 4: byte 0xE9). Save the file as UTF-8.',
    ]);
    expect(result.pages).toEqual([]);
  });

  it('finds the first invalid byte the way a strict decoder does', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at(0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x90, 0xb3)).toBe(-1); // a é € 🐳
    expect(at(0x61, 0x80)).toBe(1); // stray continuation byte
    expect(at(0xc0, 0xaf)).toBe(0); // overlong '/'
    expect(at(0x61, 0xed, 0xa0, 0x80)).toBe(1); // surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
    expect(at(0x61, 0x62, 0xe2, 0x82)).toBe(2); // cut short
  });

  it('refuses a page over the size limit without returning its text', () => {
    write('huge.md', Buffer.alloc(2 * 1_048_576 + 200_000, 0x61));
    write('small.md');
    const result = inventory();
    expect(lines(result)).toEqual([
      'content/docs/huge.md: is 2.2 MB; pages are limited to 1 MB so the build stays fast; split it into several pages.',
    ]);
    expect(files(result)).toEqual(['small.md']);
  });

  it('says the exact size when it would round to the limit', () => {
    write('edge.md', Buffer.alloc(1_048_577, 0x61));
    expect(lines(inventory())).toEqual([
      'content/docs/edge.md: is 1,048,577 bytes; pages are limited to 1 MB so the build stays fast; split it into several pages.',
    ]);
  });
});

describe('buildInventory: symbolic links', () => {
  it('refuses a folder link that points outside content/', () => {
    const outside = path.join(root, 'elsewhere');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.md'), page());
    symlinkSync(outside, path.join(docsDir, 'borrowed'));
    const result = inventory();
    expect(lines(result)).toEqual([
      `content/docs/borrowed: is a symbolic link to "${outside}", which points outside content/; copy the folder in instead.`,
    ]);
    expect(result.pages).toEqual([]);
  });

  it('refuses a file link that points outside content/', () => {
    writeFileSync(path.join(root, 'notes.md'), page());
    symlinkSync('../../notes.md', path.join(docsDir, 'notes.md'));
    expect(lines(inventory())).toEqual([
      'content/docs/notes.md: is a symbolic link to "../../notes.md", which points outside content/; copy the file in instead.',
    ]);
  });

  it('follows a file link that stays inside content/, and reads the real file', () => {
    const shared = path.join(contentDir, 'shared', 'intro.md');
    mkdirSync(path.dirname(shared));
    writeFileSync(shared, page('Shared'));
    symlinkSync('../shared/intro.md', path.join(docsDir, 'intro.md'));
    const result = inventory();
    expect(result.problems).toEqual([]);
    expect(result.pages).toEqual([expect.objectContaining({ file: 'intro.md', slug: 'intro', absolutePath: shared, source: page('Shared') })]);
  });

  it('follows a folder link that stays inside content/', () => {
    mkdirSync(path.join(contentDir, 'shared'));
    writeFileSync(path.join(contentDir, 'shared', 'a.md'), page());
    symlinkSync('../shared', path.join(docsDir, 'common'));
    const result = inventory();
    expect(result.problems).toEqual([]);
    expect(result.pages).toEqual([
      expect.objectContaining({ file: 'common/a.md', slug: 'common/a', absolutePath: path.join(contentDir, 'shared', 'a.md') }),
    ]);
  });

  it('refuses a dangling link', () => {
    symlinkSync('gone.md', path.join(docsDir, 'page.md'));
    expect(lines(inventory())).toEqual([
      'content/docs/page.md: is a symbolic link to "gone.md", which does not exist; point it at an existing file or remove it.',
    ]);
  });

  it('stops at a link back to a folder that contains it', () => {
    write('guide/a.md');
    symlinkSync('..', path.join(docsDir, 'guide', 'loop'));
    symlinkSync('.', path.join(docsDir, 'guide', 'self'));
    const result = inventory();
    expect(lines(result)).toEqual([
      'content/docs/guide/loop: is a symbolic link to "..", which is the docs folder itself, so following it would never end; remove the link.',
      'content/docs/guide/self: is a symbolic link to ".", which is content/docs/guide, a folder that contains the link, so following it would never end; remove the link.',
    ]);
    expect(files(result)).toEqual(['guide/a.md']);
  });

  it('refuses a second way into a folder already published', () => {
    write('guide/a.md');
    symlinkSync('guide', path.join(docsDir, 'alias'));
    const result = inventory();
    expect(lines(result)).toEqual([
      'content/docs/alias: is a symbolic link to "guide", the folder already published as content/docs/guide, so its pages would appear twice; remove the link.',
    ]);
    expect(files(result)).toEqual(['guide/a.md']);
  });

  it('refuses a chain of links that leads back to itself', () => {
    symlinkSync('b.md', path.join(docsDir, 'a.md'));
    symlinkSync('a.md', path.join(docsDir, 'b.md'));
    expect(lines(inventory())).toEqual([
      'content/docs/a.md: is a symbolic link to "b.md" that leads back to itself; remove the link.',
      'content/docs/b.md: is a symbolic link to "a.md" that leads back to itself; remove the link.',
    ]);
  });
});

describe('buildInventory: the docs folder', () => {
  it('reports a missing docs folder instead of building an empty site', () => {
    rmSync(docsDir, { recursive: true });
    const result = inventory();
    expect(lines(result)).toEqual(['content/docs: does not exist; create the folder and put the pages (.md or .mdx files) in it.']);
    expect(result.pages).toEqual([]);
  });
});

describe('checkAssetFile', () => {
  const png = path.join(projectRoot, 'tests/fixtures/content/missing-alt/docs/diagram.png');

  it('accepts a valid image and any non-image file', () => {
    copyFileSync(png, write('diagram.png', ''));
    write('data.csv', 'a,b\n');
    expect(checkAssetFile(path.join(docsDir, 'diagram.png'), contentDir)).toBeUndefined();
    expect(checkAssetFile(path.join(docsDir, 'data.csv'), contentDir)).toBeUndefined();
  });

  it('refuses a path that climbs out of content/', () => {
    writeFileSync(path.join(root, 'x.png'), 'x');
    expect(checkAssetFile(path.join(docsDir, '../../x.png'), contentDir)).toBe('is outside content/');
    expect(checkAssetFile(path.join(docsDir, '../../missing.png'), contentDir)).toBe('is outside content/');
  });

  it('refuses a symlink that leads out of content/', () => {
    copyFileSync(png, path.join(root, 'real.png'));
    symlinkSync(path.join(root, 'real.png'), path.join(docsDir, 'linked.png'));
    expect(checkAssetFile(path.join(docsDir, 'linked.png'), contentDir)).toBe('is outside content/');
  });

  it('accepts a file in public/ when that folder is given', () => {
    const publicDir = path.join(root, 'public');
    mkdirSync(publicDir);
    copyFileSync(png, path.join(publicDir, 'logo.png'));
    expect(checkAssetFile(path.join(publicDir, 'logo.png'), contentDir, publicDir)).toBeUndefined();
    expect(checkAssetFile(path.join(root, 'logo.png'), contentDir, publicDir)).toBe('is outside content/ and public/');
  });

  it('reports a missing file', () => {
    expect(checkAssetFile(path.join(docsDir, 'nope.png'), contentDir)).toBe('does not exist');
  });

  it('reports an empty file', () => {
    write('empty.png', '');
    expect(checkAssetFile(path.join(docsDir, 'empty.png'), contentDir)).toBe('is empty (0 bytes)');
  });

  it('reports an image it cannot read', () => {
    write('corrupt.png', Buffer.from([0x13, 0x37, 0x42, 0x00, 0xff, 0x10]));
    write('zeros.jpg', Buffer.alloc(64)); // image-size alone would call this a TGA
    write('cut.gif', Buffer.from('GIF8'));
    write('truncated.png', readFileSync(png).subarray(0, 16)); // the signature, then nothing where the size should be
    expect(checkAssetFile(path.join(docsDir, 'corrupt.png'), contentDir)).toBe('is not a valid PNG image (the file may be corrupt or truncated)');
    expect(checkAssetFile(path.join(docsDir, 'zeros.jpg'), contentDir)).toBe('is not a valid JPEG image (the file may be corrupt or truncated)');
    expect(checkAssetFile(path.join(docsDir, 'cut.gif'), contentDir)).toBe('is not a valid GIF image (the file may be corrupt or truncated)');
    expect(checkAssetFile(path.join(docsDir, 'truncated.png'), contentDir)).toBe('is not a valid PNG image (the file may be corrupt or truncated)');
  });

  it('does not parse SVGs', () => {
    write('drawing.svg', 'not really svg');
    expect(checkAssetFile(path.join(docsDir, 'drawing.svg'), contentDir)).toBeUndefined();
  });
});
