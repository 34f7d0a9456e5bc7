import { describe, expect, it } from 'vitest';
import type { SlugRules } from '../../../src/core/urls.ts';
import { frontmatter, validate } from './helpers.ts';

const check = (pages: Record<string, string>, slugRules: SlugRules) =>
  validate(pages, { production: true, slugRules }).map((problem) => `${problem.file}: ${problem.message}`);

describe('number prefixes and the validator', () => {
  const pages = {
    '01-setup.md': `${frontmatter('Setup')}\n[next](./02-run.md) and [by URL](/run/)\n`,
    '02-run.md': `${frontmatter('Run')}\nText.\n`,
  };

  it('accepts links to the stripped URL when prefixes are stripped', () => {
    expect(check(pages, { stripNumberPrefixes: true })).toEqual([]);
  });

  it('follows the setting when stripping is off: the site-absolute link names the old URL', () => {
    expect(check(pages, { stripNumberPrefixes: false })).toEqual([expect.stringMatching(/^content\/docs\/01-setup\.md: .*\/run\//)]);
  });

  it('names both files that become one URL only when stripping is on', () => {
    const twins = { '01-setup.md': `${frontmatter('A')}\nx\n`, 'setup.md': `${frontmatter('B')}\ny\n` };
    expect(check(twins, { stripNumberPrefixes: true })).toEqual([
      expect.stringContaining('content/docs/01-setup.md: has the same URL (/setup/) as content/docs/setup.md'),
      expect.stringContaining('content/docs/setup.md: has the same URL (/setup/) as content/docs/01-setup.md'),
    ]);
    expect(check(twins, { stripNumberPrefixes: false })).toEqual([]);
  });
});
