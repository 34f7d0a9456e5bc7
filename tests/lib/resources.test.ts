import { describe, expect, it } from 'vitest';
import { parseResources, resourceDomain } from '../../src/lib/resources.ts';

const entry = (over: Record<string, string> = {}) => {
  const fields = { id: 'docker-docs', title: 'Docker docs', url: 'https://docs.docker.com/', kind: 'docs', level: 'beginner', description: 'Official docs.', added: '2026-11-01', ...over };
  return `- ${Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n  ')}\n`;
};

describe('parseResources', () => {
  it('parses entries with their lines', () => {
    const { resources, problems } = parseResources(entry() + entry({ id: 'hub', url: 'https://hub.docker.com/' }), 'links.yaml');
    expect(problems).toEqual([]);
    expect(resources.map((r) => [r.resource.id, r.line, r.fieldLines.url])).toEqual([
      ['docker-docs', 1, 3],
      ['hub', 8, 10],
    ]);
    expect(resources[0]!.resource.added).toBeInstanceOf(Date);
  });

  it('rejects javascript:, data: and relative URLs naming the entry, field and line', () => {
    const text = entry({ url: 'javascript:alert(1)' }) + entry({ id: 'b', url: 'data:text/html,x' }) + entry({ id: 'c', url: '/docs/' });
    const { problems } = parseResources(text, 'content/links.yaml');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatchObject({ file: 'content/links.yaml', line: 3 });
    expect(problems[0]!.message).toMatch(/entry "docker-docs", field url: expected an absolute https:\/\/ or http:\/\/ URL/);
    expect(problems[1]!.message).toMatch(/entry "b", field url/);
  });

  it('reports missing fields and bad enum values with what was found', () => {
    const { problems } = parseResources('- id: x\n  title: X\n  url: https://x.org\n  kind: podcast\n  level: beginner\n  added: 2026-01-01\n', 'l.yaml');
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/field kind: .*"podcast"/);
    expect(messages).toMatch(/field description: .*got nothing/);
  });

  it('rejects duplicate ids and duplicate URLs, pointing at the first use', () => {
    const text = entry() + entry({ url: 'https://other.org/' }) + entry({ id: 'again', url: 'https://DOCS.docker.com' });
    const { problems, resources } = parseResources(text, 'l.yaml');
    expect(resources).toHaveLength(1);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/entry "docker-docs": duplicate id, already used on line 1/),
      expect.stringMatching(/entry "again": field url duplicates entry "docker-docs" \(line 3\)/),
    ]);
  });

  it('reports YAML syntax errors with a line and never throws', () => {
    const { problems } = parseResources('- id: a\n  title: [unclosed\n', 'l.yaml');
    expect(problems[0]).toMatchObject({ file: 'l.yaml' });
    expect(problems[0]!.message).toMatch(/not valid YAML/);
  });

  it('shows the domain without www', () => {
    expect(resourceDomain('https://www.docker.com/x')).toBe('docker.com');
  });
});
