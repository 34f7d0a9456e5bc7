import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { imageSize } from 'image-size';
import type { ContentProblem } from '../problems.ts';
import { BIDI_CONTROL_NAMES } from '../plain-text.ts';
import { findFolderClashes, findUrlClashes } from '../validate/check-duplicate-urls.ts';
import { isComplete, sizeProblem } from './image-integrity.ts';
import { foldersOfPages, readSectionSettings, SECTION_SETTINGS_FILES, type SectionSettings } from './section-settings.ts';
import { pagePath, RESOURCES_SLUG, slugFromContentPath, type SlugRules } from '../urls.ts';
import { isInside } from '../paths.ts';
import { lineAndColumnOfByte } from '../text-lines.ts';

/**
 * The one list of content pages that the loader, the validator and the link checker share, so a
 * file is either published or named in a problem: never dropped without a word. Plain Node only
 * (no Astro), because it also runs in a worker and in the link checker CLI.
 *
 * What the walk skips, on purpose: names starting with a dot (files and folders), exactly as Astro's
 * glob loader does. `node_modules` is NOT skipped: the loader does not skip it either, and skipping
 * it here would be one more way for pages to disappear quietly.
 */

export interface InventoryPage {
  /** POSIX path relative to the docs folder, as written on disk (through symlinks, the link's name): 'guide/first.md'. */
  file: string;
  /** The file that was read: docsDir + file, or, for a file reached through a symlink, its target under contentDir. */
  absolutePath: string;
  format: 'md' | 'mdx';
  /** slugFromContentPath(file, slugRules). */
  slug: string;
  /** The text, decoded as UTF-8, without a byte order mark. */
  source: string;
  /** sha256 (hex) of the raw bytes: a cache key that changes whenever the file does. */
  hash: string;
}

export interface Inventory {
  docsDir: string;
  /** Pages that can be published as they are, sorted by file. A page with any problem of its own is left out. */
  pages: InventoryPage[];
  /** Every reason a page-like file is not in `pages`, sorted by file and line. */
  problems: ContentProblem[];
  /** Page files (docs-relative) that exist but were refused: links to them are not "missing". */
  refused: string[];
  /** Label and position of folders, from their `_category_.json` (see section-settings.ts). */
  sections: Map<string, SectionSettings>;
}

export interface InventoryOptions {
  /** Absolute path of the docs folder. */
  docsDir: string;
  /** Absolute path of the content folder: every symlink must resolve inside it. */
  contentDir: string;
  /** How a docs-relative path is named in messages, e.g. 'content/docs/' + file. */
  display: (fileFromDocsDir: string) => string;
  /** A first slug segment (or a whole slug) the site itself publishes, with what owns it. */
  reservedSlugs: ReadonlyMap<string, string>;
  /** How file names become URLs (number prefixes). */
  slugRules: SlugRules;
  /** Pages above this size are refused. Default 1 MiB. */
  maxPageBytes?: number;
}

const MIB = 1_048_576;

/**
 * URLs the site publishes besides the pages: its own routes (src/pages), files from public/, the
 * build's assets, the sitemap, the search index and the PDF. A page there would overwrite them or be
 * overwritten. Slugs never contain dots, so the dotted names cannot match a page today; they are
 * listed so that this map stays the complete inventory of the top level of dist/.
 */
export const SITE_RESERVED_SLUGS: ReadonlyMap<string, string> = new Map([
  [RESOURCES_SLUG, 'the Learning resources page'],
  ['404', "the site's page-not-found page"],
  ['pagefind', 'the folder of the search index, which is rebuilt (and its old contents deleted) on every build'],
  ['_astro', "the folder of the site's own scripts, styles and images"],
  ['_image', "Astro's image service"],
  ['sitemap-index.xml', 'the sitemap'],
  ['sitemap-0.xml', 'the sitemap'],
  ['robots.txt', 'the robots.txt file'],
  ['course.json', 'the course outline that the course PDF and offline reading read'],
  ['favicon.svg', 'the site icon'],
]);

const PAGE_EXTENSION = /\.(md|mdx)$/i;

/**
 * The inventory in four named steps: find the docs folder, walk it (symlinks followed only inside
 * content/), screen every page-like file by its name and URL, then read the pages that passed.
 */
export function buildInventory(options: InventoryOptions): Inventory {
  const problems = new ProblemLog(options);
  const roots = openDocsFolder(options, problems);
  if (!roots) return { docsDir: options.docsDir, pages: [], problems: problems.sorted(), refused: [], sections: new Map() };
  const found = walkDocsFolder(options, roots, problems);
  screenNames(found.candidates, found.unreadable, options, problems);
  const pages = readPages(found.candidates, found.unreadable, options, problems);

  const show = problems.show;
  const { sections, problems: sectionProblems } = readSectionSettings({
    docsDir: options.docsDir,
    contentDir: options.contentDir,
    folders: foldersOfPages(pages.map((page) => page.file)),
    display: show,
  });
  problems.add(...sectionProblems);
  problems.add(...unreadSettingsFiles(found.settingsFiles, foldersOfPages(found.candidates.map(({ file }) => file)), show));
  const published = new Set(pages.map((page) => page.file));
  const refused = [...new Set(found.candidates.map(({ file }) => file))].filter((file) => !published.has(file)).sort();
  return { docsDir: options.docsDir, pages, problems: problems.sorted(), refused, sections };
}

/** The problems found so far, and which files or folders a problem keeps out of the site. */
class ProblemLog {
  private readonly problems: ContentProblem[] = [];
  /** Files or folders whose problem keeps every page at or under them out of the site. */
  private readonly blocked = new Set<string>();
  /** How a docs-relative path is named; never with raw bidi or control characters, which would scramble the line. */
  readonly show: (file: string) => string;

  constructor(options: InventoryOptions) {
    this.show = (file) => options.display(visible(file));
  }

  add(...problems: ContentProblem[]): void {
    this.problems.push(...problems);
  }

  report = (file: string, message: string, line?: number): void => {
    this.problems.push(line === undefined ? { file: this.show(file), message } : { file: this.show(file), line, message });
  };

  block = (file: string, message: string, line?: number): void => {
    this.blocked.add(file);
    this.report(file, message, line);
  };

  isBlocked(file: string): boolean {
    for (let end = file.indexOf('/'); end !== -1; end = file.indexOf('/', end + 1)) if (this.blocked.has(file.slice(0, end))) return true;
    return this.blocked.has(file);
  }

  sorted(): ContentProblem[] {
    return this.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0));
  }
}

interface DocsRoots {
  realContent: string;
  realDocs: string;
}

/** The docs folder must exist, be a folder, and really lie inside content/. */
function openDocsFolder(options: InventoryOptions, problems: ProblemLog): DocsRoots | undefined {
  const { docsDir, contentDir } = options;
  const docsLabel = problems.show('').replace(/\/+$/, '');
  let docsStat: Stats;
  try {
    docsStat = statSync(docsDir);
  } catch {
    problems.add({ file: docsLabel, message: 'does not exist; create the folder and put the pages (.md or .mdx files) in it.' });
    return undefined;
  }
  if (!docsStat.isDirectory()) {
    problems.add({
      file: docsLabel,
      message: 'is a file, but it must be the folder that holds the pages; move the file away and create the folder.',
    });
    return undefined;
  }
  const realContent = realpathOrUndefined(contentDir) ?? path.resolve(contentDir);
  const realDocs = realpathSync(docsDir);
  if (!isInside(realContent, realDocs)) {
    problems.add({
      file: docsLabel,
      message: `points outside ${path.basename(contentDir)}/; the pages must live in the repository, so make it a real folder.`,
    });
    return undefined;
  }
  return { realContent, realDocs };
}

interface WalkResult {
  /** Page-like files in walk order, docs-relative, with the path to read. */
  candidates: { file: string; absolutePath: string }[];
  /** Candidates that cannot be read as a page, with why. */
  unreadable: Map<string, string>;
  /** Every _category_ file found, to name the ones no section reads. */
  settingsFiles: string[];
}

/** Every page-like file under the docs folder, following symlinks only where they stay inside content/. */
function walkDocsFolder(options: InventoryOptions, { realContent, realDocs }: DocsRoots, problems: ProblemLog): WalkResult {
  const { contentDir } = options;
  const { report, show } = problems;
  const contentLabel = `${path.basename(contentDir)}/`;
  const result: WalkResult = { candidates: [], unreadable: new Map(), settingsFiles: [] };
  // Files reached through a symlink are named by where they really are, but under contentDir as
  // the caller spelled it, so paths compare equal to the ones the rest of the build computes.
  const underContent = (real: string) => path.join(path.resolve(contentDir), path.relative(realContent, real));
  /** Real path of every folder walked -> the docs-relative path it was first walked as. */
  const visited = new Map<string, string>();
  /** Folder symlinks wait until the real tree is walked, so a folder is always named by its real place first. */
  const linkedFolders: { file: string; real: string; target: string }[] = [];

  const addCandidate = (file: string, absolutePath: string, problem: string | undefined) => {
    result.candidates.push({ file, absolutePath });
    if (problem) result.unreadable.set(file, problem);
  };

  const walk = (folder: string, absolute: string, real: string) => {
    visited.set(real, folder);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      report(folder, `cannot be read (${errorCode(error)}); check the folder's permissions.`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const file = folder ? `${folder}/${entry.name}` : entry.name;
      const entryPath = path.join(absolute, entry.name);
      if (entry.isSymbolicLink()) {
        followLink(file, entryPath);
      } else if (entry.isDirectory()) {
        const realChild = path.join(real, entry.name);
        const first = visited.get(realChild);
        if (first === undefined) walk(file, entryPath, realChild);
        else
          report(
            file,
            `is the folder ${show(first)} again, reached through a symbolic link, so its pages would be published twice; remove the link.`,
          );
      } else if (PAGE_EXTENSION.test(entry.name)) {
        addCandidate(file, entryPath, entry.isFile() ? undefined : 'is not a regular file; replace it with a Markdown file.');
      } else if ((SECTION_SETTINGS_FILES as readonly string[]).includes(entry.name)) {
        result.settingsFiles.push(file);
      }
    }
  };

  const followLink = (file: string, linkPath: string) => {
    const target = readLinkText(linkPath);
    let real: string;
    try {
      real = realpathSync(linkPath);
    } catch (error) {
      if (errorCode(error) === 'ELOOP') report(file, `is a symbolic link to "${target}" that leads back to itself; remove the link.`);
      else report(file, `is a symbolic link to "${target}", which does not exist; point it at an existing file or remove it.`);
      return;
    }
    if (!isInside(realContent, real)) {
      const kind = isDirectory(real) ? 'folder' : 'file';
      report(file, `is a symbolic link to "${target}", which points outside ${contentLabel}; copy the ${kind} in instead.`);
      return;
    }
    let stats: Stats;
    try {
      stats = statSync(real);
    } catch (error) {
      report(file, `is a symbolic link to "${target}", which cannot be read (${errorCode(error)}); copy the file in instead.`);
      return;
    }
    if (stats.isDirectory()) linkedFolders.push({ file, real, target });
    else if (PAGE_EXTENSION.test(file)) {
      addCandidate(
        file,
        underContent(real),
        stats.isFile() ? undefined : 'is a symbolic link to something that is not a regular file; replace it with a Markdown file.',
      );
    }
  };

  walk('', options.docsDir, realDocs);
  // Walking a linked folder can reveal more links: they join the end of the queue.
  for (let i = 0; i < linkedFolders.length; i++) {
    const link = linkedFolders[i]!;
    const first = visited.get(link.real);
    if (first === undefined) {
      walk(link.file, underContent(link.real), link.real);
    } else if (first === '' || link.file.startsWith(`${first}/`)) {
      const where = first === '' ? 'the docs folder itself' : `${show(first)}, a folder that contains the link`;
      report(link.file, `is a symbolic link to "${link.target}", which is ${where}, so following it would never end; remove the link.`);
    } else {
      report(
        link.file,
        `is a symbolic link to "${link.target}", the folder already published as ${show(first)}, so its pages would appear twice; remove the link.`,
      );
    }
  }
  return result;
}

/** Blocks files whose name or URL cannot be published: unreadable, upper-case extension, bad names, reserved or clashing URLs. */
function screenNames(
  candidates: WalkResult['candidates'],
  unreadable: WalkResult['unreadable'],
  options: InventoryOptions,
  problems: ProblemLog,
): void {
  const { block, show } = problems;
  const reportedFolders = new Set<string>();
  const cleanNames: string[] = [];
  for (const { file } of candidates) {
    const problem = unreadable.get(file);
    if (problem) block(file, problem);
    const extension = path.posix.extname(file);
    if (extension !== extension.toLowerCase()) {
      const renamed = path.posix.basename(file, extension) + extension.toLowerCase();
      block(file, `has the extension "${extension}", but only lower-case .md and .mdx files are published; rename it to ${visible(renamed)}.`);
    }
    if (checkNames(file, reportedFolders, block)) cleanNames.push(file);
    const slug = slugFromContentPath(file, options.slugRules);
    const owner = reservedOwner(slug, options.reservedSlugs);
    if (owner) {
      const firstFolder = file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined;
      const fix = firstFolder ? `rename the folder "${visible(firstFolder)}"` : 'rename the file';
      block(file, `would be published at ${pagePath(slug)}, which is ${owner}; ${fix}.`);
    }
  }
  for (const clash of findUrlClashes(cleanNames, '/', options.slugRules)) {
    const others = clash.others.map(show).join(' and ');
    block(clash.file, `has the same URL (${clash.url}) as ${others}, so one would overwrite the other; rename or move one of them.`);
  }
  for (const clash of findFolderClashes(cleanNames, '/', options.slugRules)) {
    block(clash.folder, folderClashMessage(clash.url, clash.others.map(show)));
  }
}

/** Reads every candidate nothing blocked; a page too big or not UTF-8 is blocked in turn. Sorted by file. */
function readPages(
  candidates: WalkResult['candidates'],
  unreadable: WalkResult['unreadable'],
  options: InventoryOptions,
  problems: ProblemLog,
): InventoryPage[] {
  const maxPageBytes = options.maxPageBytes ?? MIB;
  const pages: InventoryPage[] = [];
  for (const { file, absolutePath } of candidates) {
    if (unreadable.has(file)) continue;
    const read = readPage(absolutePath, maxPageBytes);
    if ('problem' in read) {
      problems.block(file, read.problem, read.line);
      continue;
    }
    if (problems.isBlocked(file)) continue;
    pages.push({
      file,
      absolutePath,
      format: file.endsWith('.mdx') ? 'mdx' : 'md',
      slug: slugFromContentPath(file, options.slugRules),
      source: read.source,
      hash: read.hash,
    });
  }
  return pages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Settings files that no section reads: one at the top of the docs folder (the top level is the
 * site, not a section), or in a folder without pages (the sidebar has no section for it). Left
 * alone, a label or position there would seem to be set and do nothing.
 */
function unreadSettingsFiles(files: string[], sections: Set<string>, show: (file: string) => string): ContentProblem[] {
  return files.flatMap((file) => {
    const folder = path.posix.dirname(file);
    if (folder === '.') {
      return [
        {
          file: show(file),
          message:
            'is at the top of the docs folder, which is the whole site, not a section, so nothing reads it. Put it in the folder it should label, or remove it.',
        },
      ];
    }
    if (sections.has(folder)) return [];
    return [
      {
        file: show(file),
        message: `is in ${show(folder)}, a folder with no pages (.md or .mdx) in it or below it, so the sidebar has no section for it to label. Add the folder's pages, or remove the file.`,
      },
    ];
  });
}

/** Said of a folder whose URL another folder has too (check-duplicate-urls.ts). */
export function folderClashMessage(url: string, others: string[]): string {
  return `is published at ${url}, as the folder ${others.join(' and ')} is, so the sidebar would show two sections of one name, each with part of the pages; merge the folders or rename one.`;
}

type ReadResult = { source: string; hash: string } | { problem: string; line?: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function readPage(absolutePath: string, maxPageBytes: number): ReadResult {
  let bytes: Buffer;
  try {
    // Stat first: an oversized page is refused without reading it.
    const { size } = statSync(absolutePath);
    if (size > maxPageBytes) {
      return {
        problem: `is ${describeSize(size, maxPageBytes)}; pages are limited to ${formatBytes(maxPageBytes)} so the build stays fast; split it into several pages.`,
      };
    }
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { problem: `cannot be read (${errorCode(error)}); check the file's permissions.` };
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  try {
    // The decoder drops a leading byte order mark by itself.
    return { source: strictUtf8.decode(bytes), hash };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = lineAndColumnOfByte(bytes, offset);
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
    return { problem: `is not valid UTF-8 (line ${line}, column ${column}: byte 0x${byte}). Save the file as UTF-8.`, line };
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    // The second byte's range is narrower after some leads: it rules out overlong forms, surrogates and code points above U+10FFFF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

const CHARACTER_NAMES: Record<string, string> = {
  '#': 'number sign',
  '?': 'question mark',
  '%': 'percent sign',
  '\\': 'backslash',
  '\u200b': 'zero width space',
  '\u200c': 'zero width non-joiner',
  '\u200d': 'zero width joiner',
  '\u2060': 'word joiner',
  '\ufeff': 'zero width no-break space',
  ...BIDI_CONTROL_NAMES,
};

/**
 * Characters a page or folder name may not contain: #, ? and % change what a URL means, the others
 * are invisible (a reader cannot type the address, and bidi controls can make a name look like
 * another). A backslash is a folder separator to slugFromContentPath, so the URL would not match the file.
 */
const INVISIBLE_CLASS = '\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u2060\\ufeff\\u202a-\\u202e\\u2066-\\u2069\\u061c';
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');
const IS_INVISIBLE = new RegExp(`^[${INVISIBLE_CLASS}]$`, 'u');
const FORBIDDEN = new RegExp(`[#?%\\\\${INVISIBLE_CLASS}]`, 'gu');

/** A name with its invisible characters spelled out, safe to print. */
function visible(name: string): string {
  return name.replace(INVISIBLE, (character) => `<${codePoint(character)}>`);
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describeCharacter(character: string): string {
  const name = CHARACTER_NAMES[character] ?? 'control character';
  return IS_INVISIBLE.test(character) ? `${codePoint(character)} (${name})` : `"${character}" (${codePoint(character)}, ${name})`;
}

/**
 * Checks every segment of a page's path; a bad folder is reported once, however many pages it holds.
 * Returns whether the names are clean (only then is the slug worth comparing with other pages').
 */
function checkNames(file: string, reportedFolders: Set<string>, block: (file: string, message: string) => void): boolean {
  const segments = file.split('/');
  let clean = true;
  segments.forEach((segment, i) => {
    const isFile = i === segments.length - 1;
    const here = segments.slice(0, i + 1).join('/');
    if (!isFile && reportedFolders.has(here)) {
      clean = false;
      return;
    }
    const stem = isFile ? segment.replace(PAGE_EXTENSION, '') : segment;
    const extension = isFile ? segment.slice(stem.length).toLowerCase() : '';
    const what = isFile ? 'the file' : 'the folder';
    const bad = [...new Set(segment.match(FORBIDDEN) ?? [])];
    const slug = new GithubSlugger().slug(stem);
    let message: string | undefined;
    if (bad.length > 0) {
      const suggestion = slug ? `, e.g. "${slug}${extension}"` : '';
      message = `has a name that cannot become a clean URL: it contains ${bad.map(describeCharacter).join(' and ')}. Rename ${what} using letters, digits and dashes${suggestion}.`;
    } else if (slug === '') {
      message = `has a name with no letters or digits, so its part of the URL would be empty and the page would collide with its folder. Rename ${what} using letters, digits and dashes.`;
    }
    if (message === undefined) return;
    clean = false;
    if (!isFile) reportedFolders.add(here);
    block(here, message);
  });
  return clean;
}

function reservedOwner(slug: string, reserved: ReadonlyMap<string, string>): string | undefined {
  const first = slug.split('/')[0]!;
  // `npm run pdf` writes a course's PDFs at the site root, named in the settings (printable.pdf).
  if (!slug.includes('/') && slug.toLowerCase().endsWith('.pdf')) return 'a PDF the site publishes at its root';
  return reserved.get(slug) ?? (first ? reserved.get(first) : undefined);
}

function describeSize(size: number, limit: number): string {
  const shown = formatBytes(size);
  // Just over the limit would round to the limit itself: "is 1 MB; limited to 1 MB" reads as a bug.
  return shown === formatBytes(limit) ? `${size.toLocaleString('en')} bytes` : shown;
}

function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function readLinkText(file: string): string {
  try {
    return readlinkSync(file).split(path.sep).join('/');
  } catch {
    return '?';
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

const RASTER_TYPES: Record<string, { label: string; types: string[] }> = {
  png: { label: 'PNG', types: ['png'] },
  jpg: { label: 'JPEG', types: ['jpg'] },
  jpeg: { label: 'JPEG', types: ['jpg'] },
  gif: { label: 'GIF', types: ['gif'] },
  webp: { label: 'WebP', types: ['webp'] },
  avif: { label: 'AVIF', types: ['avif', 'heif'] },
  ico: { label: 'ICO', types: ['ico', 'cur'] },
  bmp: { label: 'BMP', types: ['bmp'] },
  tif: { label: 'TIFF', types: ['tiff'] },
  tiff: { label: 'TIFF', types: ['tiff'] },
};

/** Formats browsers show whatever the file is named: a JPEG saved as .png still displays. */
const BROWSER_RASTER = new Set(Object.values(RASTER_TYPES).flatMap((entry) => entry.types));

/**
 * Why an image a page references cannot be published, as a fragment the caller prefixes with the
 * page and line ("is outside content/"), or undefined when it is fine. Only the header of raster
 * images is checked (image-size); SVGs are checked elsewhere.
 */
export function checkAssetFile(absolutePath: string, contentDir: string, publicDir?: string): string | undefined {
  const outside = `is outside ${path.basename(contentDir)}/${publicDir ? ` and ${path.basename(publicDir)}/` : ''}`;
  const roots = [contentDir, publicDir].filter((root): root is string => root !== undefined);
  const resolved = path.resolve(absolutePath);
  const realRoots = roots.map((root) => realpathOrUndefined(root) ?? path.resolve(root));

  const real = realpathOrUndefined(resolved);
  if (real === undefined) {
    // A missing file outside is reported as outside: that is what the author has to change first.
    const lexicallyInside = roots.some((root, i) => isInside(path.resolve(root), resolved) || isInside(realRoots[i]!, resolved));
    if (!lexicallyInside) return outside;
    let isLink = false;
    try {
      isLink = lstatSync(resolved).isSymbolicLink();
    } catch {
      // Not there at all.
    }
    return isLink ? 'is a symbolic link to a file that does not exist' : 'does not exist';
  }
  if (!realRoots.some((root) => isInside(root, real))) return outside;

  let stats: Stats;
  try {
    stats = statSync(real);
  } catch (error) {
    return `cannot be read (${errorCode(error)})`;
  }
  if (stats.isDirectory()) return 'is a folder, not a file';
  if (stats.size === 0) return 'is empty (0 bytes)';

  const raster = RASTER_TYPES[path.extname(resolved).slice(1).toLowerCase()];
  if (!raster) return undefined;
  let size: { width: number; height: number; type?: string };
  let bytes: Uint8Array;
  try {
    // A copy that owns its memory: image-size reads through the whole underlying ArrayBuffer, and a
    // small Buffer shares Node's pool, so a truncated file would be measured with another file's bytes.
    bytes = new Uint8Array(readFileSync(real));
    size = imageSize(bytes);
  } catch {
    return `is not a valid ${raster.label} image (the file may be corrupt or truncated)`;
  }
  // image-size guesses loosely (a run of zero bytes passes as a TGA): accept only formats browsers show.
  if (!size.type || !BROWSER_RASTER.has(size.type) || !(size.width > 0 && size.height > 0)) {
    return `is not a valid ${raster.label} image (the file may be corrupt or truncated)`;
  }
  if (!isComplete(bytes, size.type))
    return `is not a whole ${raster.label} image: the file ends before the image does (it was cut off while being saved or copied). Export or copy it again`;
  return sizeProblem(size.width, size.height);
}
