import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { LAYOUT_IDS } from '../../../src/core/content/layout-ids.ts';
import { factsFromSource } from '../../../src/core/content/parse.ts';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const problemsOf = (body: string) => factsFromSource({ file: 'a.md', format: 'md', source: `---\ntitle: A\n---\n\n${body}` }).problems;

/** Every literal id="…" the layout and its components write. */
function layoutIds(): string[] {
  const folders = ['src/layouts', 'src/components'].map((folder) => path.join(projectRoot, folder));
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.astro'))
      .flatMap((name) => [...readFileSync(path.join(folder, name), 'utf8').matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]!)),
  );
}

describe("headings and the layout's own ids", () => {
  it('refuses a heading that would take an id the layout uses, at its line', () => {
    expect(problemsOf('Text.\n\n## Main content\n\n## On this page\n')).toEqual([
      {
        line: 7,
        message:
          'heading "Main content" gets the id "main-content", which the site already gives the page\'s main area (the skip link\'s target), so the page would have two elements with one id. Reword the heading.',
      },
    ]);
    expect(problemsOf('## Your progress\n')).toEqual([{ line: 5, message: expect.stringContaining('the course progress box on the home page') }]);
  });

  it('lets a page have its own "Before you start" and "What you will learn": the lesson block\'s ids cannot clash', () => {
    expect(problemsOf('## Before you start\n\n## What you will learn\n')).toEqual([]);
  });

  it('knows every fixed id the layout writes that a heading could also get', () => {
    const ids = layoutIds();
    expect(ids.length).toBeGreaterThan(3);
    // A heading slug is what GitHub's slugger makes of some text: an id it could produce must be listed.
    const reachable = ids.filter((id) => new GithubSlugger().slug(id) === id);
    expect(reachable.filter((id) => !LAYOUT_IDS.has(id))).toEqual([]);
  });
});
