import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parsePage } from '../../src/core/content/parse.ts';
import { findFrontmatter } from '../../src/core/content/source.ts';
import { lessonSettingsSchema, type LessonSettings } from '../../src/core/lessons/page-settings.ts';
import { unknownRequirementProblem } from '../../src/core/lessons/requirements.ts';
import { extractLessonSteps, type LessonBlock } from '../../src/core/lessons/steps.ts';
import { describeZodIssues } from '../../src/core/problems.ts';

/** A page read and checked before anything runs: its steps, or the problems that stop it. */
export interface PagePlan {
  /** As given on the command line or found under content/: content/docs/hands-on/limits.md. */
  file: string;
  title?: string;
  /** Whether the page opts in (`lesson:` in its frontmatter, run not false). */
  optedIn: boolean;
  settings: LessonSettings;
  blocks: LessonBlock[];
  problems: { line?: number; message: string }[];
  /**
   * The pages of `lesson.after`, in the order they run before this one (their own `after` first),
   * in the same folder and terminals: a page that goes on in a folder an earlier page made.
   */
  after?: PagePlan[];
}

function frontmatterOf(source: string): { data: Record<string, unknown>; line: number } | { problem: string; line: number } {
  const block = findFrontmatter(source);
  if (!block) return { data: {}, line: 1 };
  try {
    const data = parseYaml(block.yaml) as unknown;
    return { data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {}, line: block.startLine };
  } catch (error) {
    return { problem: `the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, line: block.startLine };
  }
}

/** A file title that would write outside the page's work directory is refused. */
function titleProblem(title: string): string | undefined {
  if (path.posix.isAbsolute(title) || title.includes('\\') || title.split('/').includes('..')) {
    return `the code block's title="${title}" is where the runner writes the block, so it must be a path inside the lesson's folder: no leading /, no .., no backslashes.`;
  }
  return undefined;
}

/**
 * `requirements`: the requirement names the course declares (lessonRequirements in the site
 * settings); a `needs` naming another is a problem of the page, with its line.
 */
export function planPage(file: string, source: string, requirements: readonly string[]): PagePlan {
  const plan: PagePlan = { file, optedIn: false, settings: { run: true }, blocks: [], problems: [] };
  const frontmatter = frontmatterOf(source);
  if ('problem' in frontmatter) {
    plan.problems.push({ line: frontmatter.line, message: frontmatter.problem });
    return plan;
  }
  if (typeof frontmatter.data.title === 'string') plan.title = frontmatter.data.title;
  // `lesson: true` or `false` only says whether progress counts the page; settings opt it in to running.
  if (typeof frontmatter.data.lesson === 'object' && frontmatter.data.lesson !== null) {
    const settings = lessonSettingsSchema.safeParse(frontmatter.data.lesson);
    if (settings.success) {
      plan.settings = settings.data;
      plan.optedIn = settings.data.run;
      for (const name of settings.data.needs ?? []) {
        const problem = unknownRequirementProblem(name, requirements);
        if (problem) plan.problems.push({ line: frontmatter.line, message: `frontmatter lesson.needs: ${problem}` });
      }
    } else {
      for (const issue of describeZodIssues(settings.error, frontmatter.data.lesson))
        plan.problems.push({ line: frontmatter.line, message: `frontmatter lesson.${issue.message}` });
    }
  }
  const parsed = parsePage({ file, format: file.endsWith('.mdx') ? 'mdx' : 'md', source });
  if ('problem' in parsed) {
    plan.problems.push(parsed.problem);
    return plan;
  }
  const steps = extractLessonSteps(parsed.tree, parsed.lineOffset, requirements);
  plan.blocks = steps.blocks;
  plan.problems.push(...steps.problems);
  const started = new Set<string>();
  for (const block of steps.blocks) {
    if (block.kind === 'file') {
      const problem = titleProblem(block.path);
      if (problem) plan.problems.push({ line: block.line, message: problem });
      continue;
    }
    for (const name of block.annotation.stop) {
      if (!started.has(name))
        plan.problems.push({
          line: block.annotationLine ?? block.line,
          message: `lesson annotation: stop=${name} names no background terminal started above it. Start one with background terminal=${name} on an earlier block.`,
        });
      started.delete(name);
    }
    const name = block.annotation.terminal;
    if (name !== undefined && started.has(name)) {
      plan.problems.push({
        line: block.annotationLine ?? block.line,
        message: `lesson annotation: terminal ${name} is still busy with a background block above; stop it first with stop=${name}, or use another terminal name.`,
      });
    }
    if (block.annotation.background) started.add(name!);
  }
  plan.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return plan;
}
