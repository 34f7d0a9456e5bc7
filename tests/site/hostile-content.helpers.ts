/**
 * Fixtures for tests/site/hostile-content.build.test.ts that git cannot carry faithfully (names with `?`
 * and `#`, bidi characters, symlinks, Latin-1 bytes, a 2 MB page, binary images), written into the
 * run's temporary folder, and the checks every refused build must pass.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, tmpRoot } from '../helpers/build-site.ts';

/** A page with a valid frontmatter block and `body` below it (the frontmatter takes lines 1–4). */
export function page(title: string, body = 'Some text.\n', extra = ''): string {
  return `---\ntitle: ${title}\ndescription: A page of a hostile fixture.\n${extra}---\n\n${body}`;
}

/** A folder under the run's temporary folder, emptied first. */
export function freshDir(name: string): string {
  const dir = path.join(tmpRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** How the build names a file: relative to the project root, with forward slashes. */
export function shown(absolute: string): string {
  return path.relative(projectRoot, absolute).split(path.sep).join('/');
}

/** The 1-based line of the first occurrence of `snippet` in `text`. */
export function lineIn(text: string, snippet: string): number {
  const index = text.indexOf(snippet);
  if (index === -1) throw new Error(`Fixture text does not contain ${JSON.stringify(snippet)}`);
  return text.slice(0, index).split('\n').length;
}

/** `file:line` of `snippet` in a fixture file, as the build prints it. */
export function at(file: string, snippet: string): string {
  return `${shown(file)}:${lineIn(readFileSync(file, 'utf8'), snippet)}`;
}

/** Nine levels of YAML aliases, each nine times the one before (387,420,489 strings once expanded). */
export function billionLaughs(): string {
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return lines.join('\n');
}

export interface HostileFiles {
  contentDir: string;
  docsDir: string;
  /** Names of the generated pages, relative to docsDir, for the assertions. */
  names: Record<'rtl' | 'zeroWidth', string>;
}

/**
 * Content whose problems are all found before Astro loads anything: names, extensions, reserved
 * URLs, clashing URLs, encodings, sizes, symlinks and frontmatter (a YAML alias bomb among them). One page also has a problem only
 * the renderer's facts reveal, to show the early list is still the complete list.
 */
export function writeHostileFiles(): HostileFiles {
  const root = freshDir('hostile-files');
  const contentDir = path.join(root, 'content');
  const docsDir = path.join(contentDir, 'docs');
  const outside = path.join(root, 'outside');
  const write = (file: string, text: string | Buffer) => {
    mkdirSync(path.dirname(path.join(docsDir, file)), { recursive: true });
    writeFileSync(path.join(docsDir, file), text);
  };
  const names = { rtl: 'invoice-\u202Edm.exe.md', zeroWidth: 'set\u200Bup.md' };

  write('index.md', page('Home', 'The home page of a site nobody may publish.\n', 'draft: true\n'));
  write('what?.md', page('Question mark'));
  write('c#sharp.md', page('Number sign'));
  write('100%.md', page('Percent sign'));
  write(names.rtl, page('Right-to-left override'));
  write(names.zeroWidth, page('Zero width space'));
  write('!!!.md', page('No letters'));
  write('Setup.MD', page('Upper-case extension'));
  write('resources.md', page('Takes the Learning resources URL'));
  write('pagefind.md', page('Takes the search index folder'));
  write('404.md', page('Takes the not-found page'));
  write('_astro/app.md', page('Takes the assets folder'));
  write('install.md', page('Install'));
  write('install/index.md', page('Install again'));
  write('latin1.md', Buffer.from('---\ntitle: Caf\xe9\ndescription: Saved as Latin-1.\n---\n\nText.\n', 'latin1'));
  write('huge.md', page('Huge', `${'All work and no play. '.repeat(100_000)}\n`));
  write('no-frontmatter.md', 'Just text, no title, no description.\n');
  write('layout.md', page('Layout', 'Astro would import the layout as code.\n', 'layout: ../../../../src/pages/resources.astro\n'));
  write('broken-yaml.md', '---\ntitle: Colons: in: a row\ndescription: Broken.\n---\n\nText.\n');
  write('laughs.md', `---\ntitle: Laughs\ndescription: Nine levels of aliases.\n${billionLaughs()}\n---\n\nText.\n`);
  write('also.md', page('Also', '<script>alert("found by the renderer\'s extractor")</script>\n'));

  // A folder outside the content folder, linked in; a system file linked in as a page; a loop.
  mkdirSync(path.join(outside, 'secret'), { recursive: true });
  writeFileSync(path.join(outside, 'secret', 'page.md'), page('Outside'));
  symlinkSync(path.relative(docsDir, path.join(outside, 'secret')), path.join(docsDir, 'linked'));
  symlinkSync('/etc/passwd', path.join(docsDir, 'passwd.md'));
  symlinkSync('.', path.join(docsDir, 'loop'));
  return { contentDir, docsDir, names };
}

/**
 * A home page and a 10,000-level blockquote. It has a build of its own: Astro renders Markdown while
 * it loads the content, so this page reaches the renderer before the gate can refuse it.
 */
export function writeDeepPage(): { contentDir: string; deepPage: string } {
  const contentDir = path.join(freshDir('hostile-deep'), 'content');
  const docsDir = path.join(contentDir, 'docs');
  mkdirSync(docsDir, { recursive: true });
  writeFileSync(path.join(docsDir, 'index.md'), page('Home'));
  const deepPage = path.join(docsDir, 'deep.md');
  writeFileSync(deepPage, page('Deep', `${'>'.repeat(10_000)} The bottom of the well.\n`));
  return { contentDir, deepPage };
}

/** tests/fixtures/content/hostile-pages copied, plus the images that are generated rather than committed. */
export function writeHostilePages(): { contentDir: string; docsDir: string } {
  const root = freshDir('hostile-pages');
  cpSync(path.join(projectRoot, 'tests', 'fixtures', 'content', 'hostile-pages'), root, { recursive: true });
  const contentDir = path.join(root, 'content');
  const docsDir = path.join(contentDir, 'docs');
  writeFileSync(path.join(docsDir, 'media', 'empty.png'), '');
  // A PNG signature and the start of its header chunk, then nothing: a download cut short.
  writeFileSync(path.join(docsDir, 'media', 'corrupt.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
  return { contentDir, docsDir };
}

/** Every file under `dir` (relative, POSIX), or none when the folder was never created. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The problem list the build printed: the lines after its heading, and the count the heading gives. */
export function problemList(output: string): { count: number; lines: string[] } {
  const heading = /The content has problems; fix them and build again \((\d+) problems?\):\n/.exec(output);
  if (!heading) return { count: 0, lines: [] };
  const after = output.slice(heading.index + heading[0].length).split('\n');
  const lines: string[] = [];
  for (const line of after) {
    if (line.startsWith('  - ')) lines.push(line.slice(4));
    // A message may go on over indented lines (an example to copy): they belong to the problem above.
    else if (line.startsWith('    ') && lines.length > 0) lines[lines.length - 1] += `\n${line}`;
    else break;
  }
  return { count: Number(heading[1]), lines };
}

/** A problem the build must print: where (`file` or `file:line`) and the key words of its message ('' for any). */
export interface ExpectedProblem {
  where: string;
  says: string;
}

/** The expected problems that no printed line matches (empty when every one is there). */
export function missingProblems(lines: string[], expected: ExpectedProblem[]): string[] {
  return expected
    .filter(({ where, says }) => !lines.some((line) => line.startsWith(`${where}: `) && line.includes(says)))
    .map(({ where, says }) => `${where}: ${says ? `…${says}…` : '(any problem)'}`);
}

/** The line numbers of the problems printed for `file` (shown as the build shows it). */
export function linesNamed(lines: string[], file: string): number[] {
  return lines.flatMap((line) => (line.startsWith(`${file}:`) ? [Number(/^\d+/.exec(line.slice(file.length + 1))?.[0])] : []));
}
