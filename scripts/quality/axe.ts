import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus Deque's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
/**
 * axe marks this rule experimental, so tags alone do not run it; it catches a control whose
 * accessible name does not contain its visible text (a "Search" button named "Find"), which
 * breaks voice control ("click Search").
 */
const EXTRA_RULES = ['label-content-name-mismatch'];

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

export type Theme = 'light' | 'dark';

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/**
 * Makes every page this tab opens next show the given theme: the site's theme script reads the
 * reader's stored choice, and the operating-system preference is emulated to match so media
 * queries agree with it.
 */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.context().addInitScript((value) => {
    try {
      localStorage.setItem('theme', value);
    } catch {
      // about:blank has no storage; real pages do.
    }
  }, theme);
  await page.emulateMedia({ colorScheme: theme });
}

/** Runs axe-core on the page as it is now (scripts done, runtime buttons added). */
export async function runAxe(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, so a Content-Security-Policy cannot block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const options = {
    runOnly: { type: 'tag', values: AXE_TAGS },
    rules: Object.fromEntries(EXTRA_RULES.map((rule) => [rule, { enabled: true }])),
    resultTypes: ['violations'],
  };
  const results = await page.evaluate(
    // axe is the global the injected source defines.
    (opts) => (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResults> } }).axe.run(document, opts),
    options,
  );
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(' ')),
  }));
}

interface AxeResults {
  violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
}

export function formatViolations(where: string, violations: Violation[]): string[] {
  return violations.map(
    (v) =>
      `${where}: ${v.rule} (${v.impact}) ${v.help}: ${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? ` and ${v.targets.length - 5} more` : ''}`,
  );
}
