import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../../src/core/validate/index.ts';

const root = mkdtempSync(path.join(tmpdir(), 'resource-site-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A content folder with two pages (one a draft) and the given links.yaml. */
function contentWith(linksYaml: string): string {
  const contentDir = mkdtempSync(path.join(root, 'content-'));
  const docsDir = path.join(contentDir, 'docs');
  mkdirSync(path.join(docsDir, 'reference'), { recursive: true });
  writeFileSync(path.join(docsDir, 'index.md'), '---\ntitle: Home\ndescription: Start here.\n---\n\nHello.\n');
  writeFileSync(path.join(docsDir, 'reference', 'quick-reference.md'), '---\ntitle: Quick reference\ndescription: Commands.\n---\n\n## Run\n');
  writeFileSync(path.join(docsDir, 'reference', 'draft.md'), '---\ntitle: Draft\ndescription: Not yet.\ndraft: true\n---\n\nSoon.\n');
  writeFileSync(path.join(contentDir, 'links.yaml'), linksYaml);
  return docsDir;
}

const resource = (id: string, url: string) =>
  `- id: ${id}\n  title: ${id}\n  url: ${url}\n  kind: cheatsheet\n  level: beginner\n  description: A page of this site.\n  added: 2026-11-30\n`;

describe('content check: resources that are pages of this site', () => {
  it('accepts site paths to published pages and to the Learning resources page', () => {
    const docsDir = contentWith(resource('quick-ref', '/reference/quick-reference/') + resource('all', '/resources/'));
    expect(validateContent({ docsDir, base: '/', rootDir: root, production: true })).toEqual([]);
  });

  it('names links.yaml, the url line and the entry when the path is no page, or only a draft', () => {
    const docsDir = contentWith(resource('typo', '/reference/quick-ref/') + resource('draft', '/reference/draft/'));
    const shown = path.relative(root, path.join(path.dirname(docsDir), 'links.yaml'));
    const problems = validateContent({ docsDir, base: '/', rootDir: root, production: true });
    expect(problems.map((p) => [p.file, p.line, p.message.split('.')[0]])).toEqual([
      [shown, 3, 'entry "typo", field url: /reference/quick-ref/ is not a page of this site'],
      [shown, 10, 'entry "draft", field url: /reference/draft/ is not a page of this site'],
    ]);
    // A development server shows drafts, so the link works there.
    expect(validateContent({ docsDir, base: '/', rootDir: root, production: false }).map((p) => p.line)).toEqual([3]);
  });
});
