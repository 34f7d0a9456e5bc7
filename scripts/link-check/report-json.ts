import type { RunReport } from './summary.ts';

/** The run report as JSON: the schema documented in scripts/link-check/README.md (schemaVersion 1). */
export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
