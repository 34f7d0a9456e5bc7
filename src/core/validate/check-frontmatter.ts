import { isMap, isSeq, LineCounter, type Document } from 'yaml';
import { z } from 'zod';
import type { FrontmatterBlock } from '../content/source.ts';
import { readAuthorYaml } from '../security/yaml-limits.ts';
import { docFrontmatterSchema } from '../frontmatter.ts';
import { describeZodIssues } from '../problems.ts';
import { unknownRequirementProblem } from '../lessons/requirements.ts';

/** A problem inside one file; the caller adds the file name. */
export interface LocalProblem {
  line: number;
  message: string;
}

export interface FrontmatterResult {
  /** Whether the page is a draft (read leniently, so even an invalid page's links are judged right). */
  draft: boolean;
  /** File line of the `draft:` field, when the page is a draft. */
  draftLine?: number;
  /** Whether the page has its own description (false when the frontmatter could not be read). */
  hasDescription: boolean;
  problems: LocalProblem[];
  /** The `prerequisites` links with their file lines, for the page-link check (only when the frontmatter is valid). */
  prerequisites?: { href: string; line: number }[];
}

export interface FrontmatterRules {
  /** The site's `requireDescriptions`: a page without a description is a problem rather than a warning. */
  requireDescriptions?: boolean;
  /** The requirement names `lesson.needs` may use (the site's lessonRequirements); left out, not judged. */
  lessonRequirements?: readonly string[];
}

const NO_DESCRIPTION =
  'has no description, and this site requires one (requireDescriptions in src/site.config.ts). Add "description: One or two sentences about the page." to the frontmatter.';

/**
 * Frontmatter holds a title, a description and a few settings: a few hundred characters. The limit
 * is far above that and stops a page from making every later reader of it (Astro, search, the
 * sitemap) carry megabytes of YAML.
 */
const MAX_FRONTMATTER_CHARS = 64 * 1024;

const HOW_TO_START =
  'Start the file with a frontmatter block:\n      ---\n      title: Page title\n      description: One or two sentences about the page.\n      ---';

/** The object keys the schema allows at a path, to name them when an author misspells one. */
function allowedKeys(path: PropertyKey[]): string[] {
  let schema: z.ZodType = docFrontmatterSchema;
  for (const key of path) {
    while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
    if (!(schema instanceof z.ZodObject)) return [];
    schema = (schema.shape as Record<string, z.ZodType>)[String(key)]!;
  }
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** File line of the deepest key along `path` that exists in the YAML (the field itself, or its parent). */
export function lineOfPath(doc: Document, counter: LineCounter, path: PropertyKey[], startLine: number): number {
  let node: unknown = doc.contents;
  let line = startLine;
  for (const key of path) {
    if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as { range?: [number, number, number] } | undefined;
      if (item?.range) line = startLine + counter.linePos(item.range[0]).line;
      node = item;
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
    const offset = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (!pair || offset === undefined) break;
    line = startLine + counter.linePos(offset).line; // YAML line 1 is the line after `---`
    node = pair.value;
  }
  return line;
}

/** Checks a page's frontmatter (as findFrontmatter found it) against docFrontmatterSchema, with the file line of each bad field. */
export function checkFrontmatter(block: FrontmatterBlock | undefined, rules: FrontmatterRules = {}): FrontmatterResult {
  if (!block) {
    return {
      draft: false,
      hasDescription: false,
      problems: [{ line: 1, message: `has no frontmatter; every page needs at least a title. ${HOW_TO_START}` }],
    };
  }
  if (block.yaml.length > MAX_FRONTMATTER_CHARS) {
    const size = block.yaml.length.toLocaleString('en');
    return {
      draft: false,
      hasDescription: false,
      problems: [
        {
          line: block.startLine,
          message: `frontmatter is ${size} characters long, more than the ${MAX_FRONTMATTER_CHARS.toLocaleString('en')} allowed; it holds only the title, the description and a few settings, so move long text into the page itself.`,
        },
      ],
    };
  }
  const counter = new LineCounter();
  const lineOf = (offset: number) => block.startLine + counter.linePos(offset).line; // YAML line 1 is the line after `---`
  const yaml = readAuthorYaml(block.yaml, { lineCounter: counter, lineOf, aliasBudget: 'document' });
  if (yaml.problems.length > 0 || !yaml.doc) {
    return {
      draft: false,
      hasDescription: false,
      problems: yaml.problems.map((problem) => ({
        line: lineOf(problem.offset),
        message:
          problem.kind === 'syntax'
            ? `frontmatter is not valid YAML: ${problem.message}. Check the indentation and quote values that contain ": " or start with a special character.`
            : `frontmatter ${problem.message}`,
      })),
    };
  }
  const doc = yaml.doc;
  const data: unknown = yaml.toJS() ?? {};
  const draft = typeof data === 'object' && data !== null && (data as { draft?: unknown }).draft === true;
  const draftAt = draft ? { draftLine: lineOfPath(doc, counter, ['draft'], block.startLine) } : {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      draft,
      ...draftAt,
      hasDescription: false,
      problems: [{ line: block.startLine, message: `frontmatter must be a set of "field: value" lines. ${HOW_TO_START}` }],
    };
  }
  const result = docFrontmatterSchema.safeParse(data);
  const described =
    typeof (data as { description?: unknown }).description === 'string' && (data as { description: string }).description.trim() !== '';
  const missingDescription =
    rules.requireDescriptions && (data as { description?: unknown }).description === undefined
      ? [{ line: block.startLine, message: NO_DESCRIPTION }]
      : [];
  if (result.success) {
    const lesson = result.data.lesson;
    const needs = typeof lesson === 'object' ? (lesson.needs ?? []) : [];
    const unknownNeeds = needs.flatMap((name, i): LocalProblem[] => {
      const problem = unknownRequirementProblem(name, rules.lessonRequirements);
      return problem
        ? [{ line: lineOfPath(doc, counter, ['lesson', 'needs', i], block.startLine), message: `frontmatter lesson.needs: ${problem}` }]
        : [];
    });
    const prerequisites = result.data.prerequisites?.map((href, i) => ({
      href,
      line: lineOfPath(doc, counter, ['prerequisites', i], block.startLine),
    }));
    const problems = [...missingDescription, ...unknownNeeds];
    return { draft, ...draftAt, hasDescription: described, problems, ...(prerequisites ? { prerequisites } : {}) };
  }

  const issues = describeZodIssues(result.error, data);
  const problems = result.error.issues.map((issue, index): LocalProblem => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length > 0 ? ` in ${issue.path.map(String).join('.')}` : '';
      const allowed = allowedKeys(issue.path).join(', ');
      return {
        line: lineOfPath(doc, counter, [...issue.path, issue.keys[0]!], block.startLine),
        message: `frontmatter field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where} ${issue.keys.length > 1 ? 'are' : 'is'} not allowed; allowed: ${allowed}. Fix the spelling or remove ${issue.keys.length > 1 ? 'them' : 'it'}.`,
      };
    }
    const missing = issue.path.length > 0 && doc.getIn(issue.path as unknown[]) === undefined;
    const field = String(issue.path.at(-1));
    const fix = missing ? `add "${field}: …" to the frontmatter` : 'fix the value in the frontmatter';
    // describeZodIssues already says what was found, so zod's own "received …" would repeat it.
    const what = issues[index]!.message.replace('Invalid input: ', '').replace(/, received [\w ]+(?= \(got)/, '');
    return { line: lineOfPath(doc, counter, issue.path, block.startLine), message: `invalid frontmatter field ${what}; ${fix}.` };
  });
  return { draft, ...draftAt, hasDescription: described, problems: [...missingDescription, ...problems] };
}
