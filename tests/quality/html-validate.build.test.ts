import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPages } from '../../scripts/quality/dist.ts';
import { formatHtmlProblems, validateHtmlFiles } from '../../scripts/quality/html-validity.ts';
import { realSite } from './sites.ts';

// .htmlvalidate.json is the recommended preset with one loosened option: Shiki writes
// `overflow-x: auto` inline on every highlighted <pre>, next to its colour variables, and no
// setting turns that off. Only that property (and custom properties) may be inline; a colour or
// any other inline style still fails. JSON allows no comments, so the reason lives here.

const fixtures = path.resolve('tests/fixtures/dist/broken-html');

describe('HTML validity gate', () => {
  it('rejects invalid markup in a deliberately broken page', async () => {
    const problems = await validateHtmlFiles([path.join(fixtures, 'index.html')]);
    expect(problems.map((p) => `${p.line} ${p.rule}`)).toEqual([
      '10 no-dup-id',
      '11 no-inline-style',
      '12 element-permitted-content',
      '13 wcag/h37',
      '14 element-permitted-content',
    ]);
  });

  it('accepts the markup the generator writes, highlighted code included', async () => {
    expect(formatHtmlProblems(await validateHtmlFiles([path.join(fixtures, 'valid.html')]))).toBe('');
  });

  it('finds no errors in any HTML file of the real site', async () => {
    const { outDir } = realSite();
    const pages = listPages(outDir);
    expect(pages.length).toBeGreaterThan(10);
    expect(formatHtmlProblems(await validateHtmlFiles(pages.map((p) => p.file)), outDir)).toBe('');
  });
});
