import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { findBoundaryViolations, importsOf } from './boundaries.ts';

const trackedCode = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.ts', '*.mjs', '*.astro'], { cwd: projectRoot, encoding: 'utf8' })
  .split('\n')
  .filter((file) => /^(src|scripts)\//.test(file));

describe('dependencies run one way: core <- site, core <- tools', () => {
  it('holds for every file of the site and the tools', () => {
    expect(trackedCode.length).toBeGreaterThan(50);
    expect(findBoundaryViolations(projectRoot, trackedCode).map((violation) => violation.message)).toEqual([]);
  });

  it('names a deliberate wrong-way import in each direction', () => {
    const fixture = path.join(projectRoot, 'tests/fixtures/code/bad-boundaries');
    const files = ['src/core/uses-site.ts', 'src/data/uses-tool.ts', 'scripts/uses-site.ts', 'scripts/uses-core.ts'];
    expect(findBoundaryViolations(fixture, files).map((violation) => violation.message)).toEqual([
      'src/core/uses-site.ts (core) imports src/data/sidebar.ts (site); core may import only core.',
      'src/data/uses-tool.ts (site) imports scripts/link-check/check.ts (tools); site may import only core, site.',
      'scripts/uses-site.ts (tools) imports src/data/docs.ts (site); tools may import only core, tools.',
    ]);
  });

  it('keeps Astro, Vite and browser packages out of the core', () => {
    const fixture = path.join(projectRoot, 'tests/fixtures/code/bad-boundaries');
    expect(findBoundaryViolations(fixture, ['src/core/uses-astro.ts']).map((violation) => violation.message)).toEqual([
      'src/core/uses-astro.ts (core) imports the package astro/errors; the core may not use Astro, Vite or a browser.',
      'src/core/uses-astro.ts (core) imports the package @astrojs/markdown-remark; the core may not use Astro, Vite or a browser.',
    ]);
  });

  it('reads imports from .astro frontmatter and <script> blocks, and dynamic imports', () => {
    const astro =
      "---\nimport A from '../lib/a.ts';\nconst b = await import('../lib/b.ts');\n---\n<div/>\n<script>\n  import '../client/c.ts';\n</script>\n";
    expect(importsOf('src/pages/x.astro', astro)).toEqual(['../lib/a.ts', '../lib/b.ts', '../client/c.ts']);
  });
});
