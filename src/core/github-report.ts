import type { ContentProblem } from './problems.ts';

/**
 * GitHub Actions workflow commands and job-summary Markdown: what turns a problem into an
 * annotation on the pull request's diff, at its file and line, instead of a line buried in a log.
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
 */

/** Escaping the workflow-command syntax requires for the message part. */
export function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally cannot contain the separators ':' and ','. */
export function commandProperty(text: string): string {
  return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file: string;
  line?: number;
  title: string;
  message: string;
}

/** One `::error file=…,line=…,title=…::message` line. */
export function annotationCommand({ level, file, line, title, message }: Annotation): string {
  return `::${level} file=${commandProperty(file)}${line ? `,line=${line}` : ''},title=${commandProperty(title)}::${commandData(message)}`;
}

/** Table cells cannot hold pipes or line breaks. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The job-summary section for content problems: one table row per problem. */
export function problemsSummary(title: string, problems: ContentProblem[]): string {
  const rows = problems.map((problem) => `| \`${markdownCell(problem.file)}\` | ${problem.line ?? ''} | ${markdownCell(problem.message)} |`);
  return [
    `## ${title}`,
    '',
    `${problems.length} problem${problems.length === 1 ? '' : 's'}; each is also annotated on the changed file.`,
    '',
    '| File | Line | Problem |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The annotations for content problems, one per problem. */
export function problemAnnotations(problems: ContentProblem[], title: string, level: Annotation['level'] = 'error'): string[] {
  return problems.map((problem) => annotationCommand({ level, file: problem.file, line: problem.line, title, message: problem.message }));
}
