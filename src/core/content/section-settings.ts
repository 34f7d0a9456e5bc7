import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { LineCounter } from 'yaml';
import { z } from 'zod';
import { withoutBidiControls } from '../plain-text.ts';
import type { ContentProblem } from '../problems.ts';
import { describeZodIssues } from '../problems.ts';
import { lineOfPath } from '../validate/check-frontmatter.ts';
import { readAuthorYaml } from '../security/yaml-limits.ts';
import { isInside } from '../paths.ts';

/**
 * A folder without a landing page can still get a label and a place in the sidebar from a small
 * file beside its pages. The name and the two keys are Docusaurus's, so courses written for it keep
 * their settings; YAML reads the JSON spelling as well, so one reader serves both.
 */
export const SECTION_SETTINGS_FILES = ['_category_.json', '_category_.yml'] as const;

export const sectionSettingsSchema = z
  .object({
    /** What the sidebar and breadcrumbs call the folder. */
    label: withoutBidiControls(z.string().trim().min(1, 'label must not be empty')).optional(),
    /** Lower comes first, compared with the pages' `sidebar.order` and number prefixes. */
    position: z.number().finite().optional(),
  })
  .strict();

export type SectionSettings = z.output<typeof sectionSettingsSchema>;

const MAX_SETTINGS_BYTES = 4096;

/** Reads and checks one settings file's text; the problems carry the file's own lines. */
export function parseSectionSettings(text: string): { settings?: SectionSettings; problems: { line: number; message: string }[] } {
  const counter = new LineCounter();
  const yaml = readAuthorYaml(text, { lineCounter: counter, aliasBudget: 'document' });
  const lineOf = (offset: number) => counter.linePos(offset).line;
  if (yaml.problems.length > 0 || !yaml.doc) {
    return {
      problems: yaml.problems.map((problem) => ({
        line: lineOf(problem.offset),
        message: `is not valid JSON or YAML: ${problem.message}. Write it as {"label": "Setup", "position": 2}.`,
      })),
    };
  }
  const data = yaml.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ line: 1, message: 'must be an object such as {"label": "Setup", "position": 2}.' }] };
  }
  const result = sectionSettingsSchema.safeParse(data);
  if (result.success) return { settings: result.data, problems: [] };
  const described = describeZodIssues(result.error, data);
  return {
    problems: result.error.issues.map((issue, index) => {
      const line = lineOfPath(yaml.doc!, counter, issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : issue.path, 0) || 1;
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((key) => `"${key}"`).join(', ');
        return {
          line,
          message: `sets ${keys}, which this site does not read; only "label" and "position" are allowed. Remove ${issue.keys.length > 1 ? 'them' : 'it'}.`,
        };
      }
      return {
        line,
        message: `has an invalid ${described[index]!.message.replace('Invalid input: ', '')}; "label" is text and "position" a number.`,
      };
    }),
  };
}

export interface SectionSettingsResult {
  /** Settings by folder (POSIX, relative to the docs folder). */
  sections: Map<string, SectionSettings>;
  problems: ContentProblem[];
}

/**
 * The settings files of the given folders (those that hold pages). A file must really be inside the
 * content folder: a symlink out of it would publish text from elsewhere in the sidebar.
 */
export function readSectionSettings(options: {
  docsDir: string;
  contentDir: string;
  folders: Iterable<string>;
  display: (file: string) => string;
}): SectionSettingsResult {
  const sections = new Map<string, SectionSettings>();
  const problems: ContentProblem[] = [];
  const realContent = realpathOr(options.contentDir);
  for (const folder of [...new Set(options.folders)].sort()) {
    const found = SECTION_SETTINGS_FILES.map((name) => (folder ? `${folder}/${name}` : name)).filter((file) =>
      existsSync(path.join(options.docsDir, file)),
    );
    if (found.length === 0) continue;
    const [file, ...others] = found as [string, ...string[]];
    if (others.length > 0) {
      problems.push({ file: options.display(others[0]!), message: `sets the same folder as ${options.display(file)}; keep one of the two files.` });
    }
    const absolute = path.join(options.docsDir, file);
    const real = realpathOr(absolute);
    // Never read: the inventory's walk names every symlink that leaves the content folder.
    if (!isInside(realContent, real)) continue;
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch {
      problems.push({ file: options.display(file), message: 'cannot be read; check that it is a file and its permissions.' });
      continue;
    }
    if (text.length > MAX_SETTINGS_BYTES) {
      problems.push({
        file: options.display(file),
        message: `is ${text.length} characters long; it holds only a label and a position, so at most ${MAX_SETTINGS_BYTES}.`,
      });
      continue;
    }
    const parsed = parseSectionSettings(text);
    for (const problem of parsed.problems) problems.push({ file: options.display(file), ...problem });
    if (parsed.settings) sections.set(folder, parsed.settings);
  }
  return { sections, problems };
}

/** Every folder a page sits in, and their parents: the folders that are sections. */
export function foldersOfPages(files: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let end = file.lastIndexOf('/'); end > 0; end = file.lastIndexOf('/', end - 1)) folders.add(file.slice(0, end));
  }
  return folders;
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
