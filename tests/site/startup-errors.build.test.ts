import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build-site.ts';

describe('startup errors a maintainer can fix without reading code', () => {
  it('refuses an old Node with one sentence and no stack trace', () => {
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/require-node.mjs'), '20.20.2'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^This project needs Node\.js >= 24\.11 but found v20\.20\.2 .*Run `npm ci`.*\.nvmrc says 24\)\.$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const ok = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/require-node.mjs'), '24.11.0'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
  });

  it('stops the build on a bad site setting, naming the field, the value and the fix', () => {
    const result = buildSite({ contentDir: 'tests/fixtures/content/site', name: 'bad-config', env: { SITE_BASE: 'docs' } });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      "src/site.config.ts is invalid:\n  - base: expected a path starting with '/', such as '/' or '/my-course' (got \"docs\")",
    );
    expect(result.output).toContain('SITE_BASE from the environment');
    expect(result.output).not.toMatch(/Stack trace|\n\s+at /);
  });

  it('stops the build on a bad links.yaml with every problem listed and no stack trace', () => {
    const result = buildSite({ contentDir: 'tests/fixtures/content/bad-links-yaml', name: 'bad-links-yaml' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/links.yaml has errors; fix them and build again (2 problems)');
    expect(result.output).toContain(
      'tests/fixtures/content/bad-links-yaml/links.yaml:3: entry "x", field url: expected an absolute https:// or http:// URL',
    );
    expect(result.output).toMatch(/links\.yaml:12: entry "x", field level: .*\(got "expert"\)/);
    expect(result.output).not.toMatch(/Stack trace|\n\s+at /);
  });
});
