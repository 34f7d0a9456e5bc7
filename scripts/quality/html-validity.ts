import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { projectRoot } from '../../src/core/env.ts';

export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

/** The project's html-validate configuration (.htmlvalidate.json at the root), read explicitly so
 * builds in temporary folders outside the project are judged by the same rules. */
function projectHtmlValidateConfig(): ConfigData {
  return JSON.parse(readFileSync(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
}

/** Validates every given HTML file; returns each error with file, position and rule. */
export async function validateHtmlFiles(files: string[], config: ConfigData = projectHtmlValidateConfig()): Promise<HtmlProblem[]> {
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const problems: HtmlProblem[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    for (const result of report.results) {
      for (const message of result.messages) {
        // Severity 2 is an error; warnings are advice and do not fail the gate.
        if (message.severity !== 2) continue;
        problems.push({ file, line: message.line, column: message.column, rule: message.ruleId, message: message.message });
      }
    }
  }
  return problems;
}

/** One line: `file:line:column message (rule)`, the file relative to `root`. */
export function describeHtmlProblem(problem: HtmlProblem, root = ''): string {
  return `${path.relative(root, problem.file)}:${problem.line}:${problem.column} ${problem.message} (${problem.rule})`;
}

export function formatHtmlProblems(problems: HtmlProblem[], root = ''): string {
  return problems.map((problem) => describeHtmlProblem(problem, root)).join('\n');
}
