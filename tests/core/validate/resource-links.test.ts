import { describe, expect, it } from 'vitest';
import { frontmatter, validate } from './helpers.ts';

describe('page-link check: links to curated resources (../links.yaml#id)', () => {
  const resourceIds = new Set(['docker-docs', 'compose-spec']);

  it('accepts a link to an id in links.yaml, and to the list itself', () => {
    const problems = validate({ 'guide/a.md': `${frontmatter()}\n[spec](../../links.yaml#compose-spec) [all](../../links.yaml)\n` }, { resourceIds });
    expect(problems).toEqual([]);
  });

  it('reports an id that is not in links.yaml, with the line and a valid id to use', () => {
    const problems = validate({ 'a.md': `${frontmatter()}\n\n[x](../links.yaml#compose)\n` }, { resourceIds });
    expect(problems).toEqual([
      {
        file: 'content/docs/a.md',
        line: 7,
        message:
          'link "../links.yaml#compose" points to the resource "compose", which is not an id in links.yaml. Use one of its ids (such as "docker-docs") or add the resource.',
      },
    ]);
  });

  it('reports a link to links.yaml when there is no list', () => {
    const [problem] = validate({ 'a.md': `${frontmatter()}\n[x](../links.yaml#a)\n` });
    expect(problem?.message).toMatch(/points to links\.yaml, which does not exist/);
  });
});
