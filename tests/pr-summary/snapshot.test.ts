import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareBuilds } from '../../scripts/pr-summary/compare.ts';
import { readBuild } from '../../scripts/pr-summary/snapshot.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pr-summary-snapshot-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const address = { base: '/', site: 'https://example.org' };

/** A one-page build whose article holds `body`. */
function distWith(name: string, body: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><title>Home</title></head><body><main><article data-pagefind-body><h1>Home</h1>${body}</article></main></body></html>`,
  );
  return dir;
}

const code = (colour: string) => `<pre><code><span style="--shiki-light:${colour}">const</span> x = 1;</code></pre>`;

describe('readBuild: what counts as a change of a page', () => {
  it('ignores styling, such as code colours that differ between two builds of one commit', async () => {
    const before = await readBuild(distWith('plain', `<p>Read <a href="/a/">this</a>.</p>${code('#1F2328')}`), address);
    const after = await readBuild(distWith('coloured', `<p class="lead">Read <a href="/a/">this</a>.</p>${code('#CF222E')}`), address);
    expect(compareBuilds(before, after).changed).toEqual([]);
  });

  it('counts a link that points elsewhere, with the same text', async () => {
    const before = await readBuild(distWith('link-a', '<p>Read <a href="/a/">this</a>.</p>'), address);
    const after = await readBuild(distWith('link-b', '<p>Read <a href="/b/">this</a>.</p>'), address);
    expect(compareBuilds(before, after).changed.map((change) => [change.sitePath, change.contentChanged])).toEqual([['/', true]]);
  });

  it("counts the author's knowledge checks, but not the controls the site adds to every lesson", async () => {
    const check = (answer: string) =>
      `<div class="knowledge-check" data-knowledge-check="single" data-pagefind-ignore="all"><p>Which one? ${answer}</p></div>`;
    const chrome = (time: string) =>
      `<p class="lesson-time" data-pagefind-ignore>${time}</p><div data-pagefind-ignore="all">I have finished this lesson</div>`;
    const before = await readBuild(distWith('check-a', `${chrome('5 min read')}<p>Two words.</p>${check('Yes')}`), address);
    expect(before.pages.get('/')?.words).toBe(6); // "Home", "Two words", "Which one? Yes": the chrome is not counted
    const chromeOnly = await readBuild(distWith('check-b', `${chrome('6 min read')}<p>Two words.</p>${check('Yes')}`), address);
    expect(compareBuilds(before, chromeOnly).changed).toEqual([]);
    const newAnswer = await readBuild(distWith('check-c', `${chrome('5 min read')}<p>Two words.</p>${check('No')}`), address);
    expect(compareBuilds(before, newAnswer).changed.map((change) => change.sitePath)).toEqual(['/']);
  });
});

describe('readBuild on a build it cannot weigh', () => {
  it('names the page and the file it loads that the build lacks', async () => {
    const dir = distWith('missing-css', '<p>Text.</p>');
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_astro/gone.css"></head><body></body></html>',
    );
    await expect(readBuild(dir, address)).rejects.toThrow(
      `${path.join(dir, 'index.html')}: / loads /_astro/gone.css, which is not in the build (${dir}); is the build complete`,
    );
  });
});
