import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../../src/core/validate/index.ts';
import { formatProblem } from '../../../src/core/problems.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/content');
const problemsIn = (name: string) => validateContent({ docsDir: path.join(fixtures, name, 'docs'), base: '/', production: true }).map(formatProblem);

describe('validateContent on the bad fixture folders', () => {
  it('bad-link: names the file, line and missing page', () => {
    expect(problemsIn('bad-link')).toEqual([
      'tests/fixtures/content/bad-link/docs/guide/first-steps.md:9: link "../networking/bridges.md#default-bridge" points to tests/fixtures/content/bad-link/docs/networking/bridges.md, which does not exist. Fix the path or create the page.',
    ]);
  });

  it('bad-url-links: Starlight-style links relative to the page URL, each broken one at its line with the route it resolved to', () => {
    const shown = 'tests/fixtures/content/bad-url-links/docs/troubleshooting/disk-usage.md';
    expect(problemsIn('bad-url-links')).toEqual([
      `${shown}:9: link "../../orchestration/service-discover/" resolves to /orchestration/service-discover/ (from this page's URL /troubleshooting/disk-usage/), which is not a page of this site. Did you mean /orchestration/service-discovery/ ("../../orchestration/service-discovery/")?`,
      `${shown}:11: link "../../orchestration/service-discovery/#dns" points to #dns, which is not a heading or id on tests/fixtures/content/bad-url-links/docs/orchestration/service-discovery.md (its anchors are #dns-names). Fix the anchor, or add the heading it refers to.`,
      `${shown}:13: link "../../../orchestration/" resolves above the site root: from this page's URL /troubleshooting/disk-usage/ it climbs past /, out of the site (a browser would open /orchestration/ at the server's root, outside any base path). Did you mean /orchestration/ ("../../orchestration/")?`,
      `${shown}:15: link "./logs" resolves to /troubleshooting/disk-usage/logs/ (from this page's URL /troubleshooting/disk-usage/), which is not a page of this site. As a file path it would name tests/fixtures/content/bad-url-links/docs/troubleshooting/logs.md, but without .md it is a URL, resolved against this page's URL: link the file as "./logs.md", or its URL as "../logs/".`,
    ]);
  });

  it('bad-anchor: reports a missing anchor on another page and on the same page, accepts the numbered repeat', () => {
    expect(problemsIn('bad-anchor')).toEqual([
      'tests/fixtures/content/bad-anchor/docs/index.md:8: link "./running.md#run-detached" points to #run-detached, which is not a heading or id on tests/fixtures/content/bad-anchor/docs/running.md (its anchors are #run-in-the-background, #run-in-the-background-1). Fix the anchor, or add the heading it refers to.',
      'tests/fixtures/content/bad-anchor/docs/index.md:8: link "#install-docker" points to #install-docker, which is not a heading or id on this page (its anchors are #installing-docker). Fix the anchor, or add the heading it refers to.',
    ]);
  });

  it('missing-image: reports only the image whose file is missing', () => {
    expect(problemsIn('missing-image')).toEqual([
      'tests/fixtures/content/missing-image/docs/index.md:8: image "./images/layers.png" does not exist (tests/fixtures/content/missing-image/docs/images/layers.png). Fix the path, or put the image file there.',
    ]);
  });

  it('missing-alt: asks for alt text', () => {
    expect(problemsIn('missing-alt')).toEqual([
      'tests/fixtures/content/missing-alt/docs/index.md:8: image "./diagram.png" has no alt text. Add alt text describing the image: ![what it shows](./diagram.png)',
    ]);
  });

  it('bad-frontmatter: one problem per bad field, each on its line', () => {
    expect(problemsIn('bad-frontmatter')).toEqual([
      'tests/fixtures/content/bad-frontmatter/docs/broken.md:4: invalid frontmatter field sidebar.order: expected number (got "first"); fix the value in the frontmatter.',
      'tests/fixtures/content/bad-frontmatter/docs/broken.md:5: invalid frontmatter field draft: expected boolean (got "maybe"); fix the value in the frontmatter.',
    ]);
  });

  it('duplicate-url: names both files', () => {
    expect(problemsIn('duplicate-url')).toEqual([
      'tests/fixtures/content/duplicate-url/docs/setup.md: has the same URL (/setup/) as tests/fixtures/content/duplicate-url/docs/setup/index.md, so one would overwrite the other; rename or move one of them.',
      'tests/fixtures/content/duplicate-url/docs/setup/index.md: has the same URL (/setup/) as tests/fixtures/content/duplicate-url/docs/setup.md, so one would overwrite the other; rename or move one of them.',
    ]);
  });

  it('the plugin fixture site has no problems (so its build test only fails for plugin reasons)', () => {
    expect(problemsIn('plugins-site')).toEqual([]);
  });
});
