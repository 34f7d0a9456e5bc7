import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers of the code base and which may import which (ARCHITECTURE.md):
 *   core   src/core/ (+ the settings file src/site.config.ts): imports only itself
 *   site   the rest of src/: imports core and itself, never a tool
 *   tools  scripts/: import core and themselves, never the site
 * Tests may import anything.
 */
export type Layer = 'core' | 'site' | 'tools' | 'tests' | 'other';

export function layerOf(file: string): Layer {
  if (file.startsWith('src/core/') || file === 'src/site.config.ts') return 'core';
  if (file.startsWith('src/')) return 'site';
  if (file.startsWith('scripts/')) return 'tools';
  if (file.startsWith('tests/')) return 'tests';
  return 'other';
}

/**
 * Packages a layer may not import: the core is plain Node, so it runs in the tools without Astro,
 * Vite or a browser, and its tests need none of them.
 */
const FORBIDDEN_PACKAGES: Partial<Record<Layer, RegExp>> = {
  core: /^(astro(\/.*)?|astro:.*|@astrojs\/.*|vite(\/.*)?|virtual:.*|playwright-core|happy-dom|jsdom)$/,
};

const ALLOWED: Record<Layer, Layer[]> = {
  core: ['core'],
  site: ['core', 'site'],
  tools: ['core', 'tools'],
  tests: ['core', 'site', 'tools', 'tests', 'other'],
  other: ['core', 'site', 'tools', 'other'],
};

export interface BoundaryViolation {
  file: string;
  specifier: string;
  message: string;
}

/** Import specifiers of a TypeScript or Astro file (for .astro: its frontmatter and <script> blocks). */
export function importsOf(file: string, text: string): string[] {
  const sources = file.endsWith('.astro')
    ? [/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '', ...[...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!)]
    : [text];
  return sources.flatMap((source) => ts.preProcessFile(source, true, true).importedFiles.map((imported) => imported.fileName));
}

/** Every import that crosses a layer the wrong way, among `files` (paths relative to `root`). */
export function findBoundaryViolations(root: string, files: string[]): BoundaryViolation[] {
  const violations: BoundaryViolation[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const specifier of importsOf(file, readFileSync(path.join(root, file), 'utf8'))) {
      if (!specifier.startsWith('.')) {
        // Packages and node: built-ins belong to no layer, but some are kept out of one.
        if (FORBIDDEN_PACKAGES[from]?.test(specifier)) {
          violations.push({
            file,
            specifier,
            message: `${file} (${from}) imports the package ${specifier}; the ${from} may not use Astro, Vite or a browser.`,
          });
        }
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.replace(/\?.*$/, '')));
      const to = layerOf(target);
      if (ALLOWED[from].includes(to)) continue;
      violations.push({
        file,
        specifier,
        message: `${file} (${from}) imports ${target} (${to}); ${from} may import only ${ALLOWED[from].join(', ')}.`,
      });
    }
  }
  return violations;
}
