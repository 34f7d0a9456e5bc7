import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../../scripts/generate-corpus.ts';
import { validate } from './helpers.ts';

// A generated course written the way Starlight authors write it: every link relative to the page's
// published URL (`../../section-004/topic-012/#anchor`, `../`, `./#top`). Nobody hand-picked these
// links, so they exercise the resolver on dozens of from/to pairs.
const docs = () =>
  [...corpusFiles({ pages: 40, sections: 4, seed: 7, links: 'url' })]
    .filter(([file]) => file.startsWith('docs/'))
    .map(([file, source]) => ({ file: file.slice('docs/'.length), source }));
const check = (pages: { file: string; source: string }[]) =>
  validate(Object.fromEntries(pages.map((page) => [page.file, page.source])), { base: '/course', production: true });

describe('a Starlight-style course with URL-relative links', () => {
  it('has no problems', { timeout: 60_000 }, () => {
    const pages = docs();
    expect(pages.filter((page) => /\]\(\.\.\/\.\.\/section-\d+\/topic-\d+\/#/.test(page.source)).length).toBeGreaterThan(15);
    expect(check(pages)).toEqual([]);
  });

  it('still reports a broken URL link at its line, and only that one', { timeout: 60_000 }, () => {
    const pages = docs();
    const page = pages.find((candidate) => candidate.file === 'section-003/topic-005.md')!;
    const lines = page.source.split('\n');
    lines.push('', 'Broken: [gone](../../section-003/topic-999/).');
    page.source = lines.join('\n');
    const problems = check(pages);
    expect(problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual([`content/docs/section-003/topic-005.md:${lines.length}`]);
    expect(problems[0]!.message).toMatch(
      /^link "\.\.\/\.\.\/section-003\/topic-999\/" resolves to \/section-003\/topic-999\/ \(from this page's URL \/section-003\/topic-005\/\)/,
    );
  });
});
