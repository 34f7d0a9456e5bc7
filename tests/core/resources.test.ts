import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems.ts';
import { checkResourceSitePaths, parseResources, resourceDomain } from '../../src/core/resources.ts';

const entry = (over: Record<string, string> = {}) => {
  const fields = {
    id: 'docker-docs',
    title: 'Docker docs',
    url: 'https://docs.docker.com/',
    kind: 'docs',
    level: 'beginner',
    description: 'Official docs.',
    added: '2026-11-01',
    ...over,
  };
  return `- ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n  ')}\n`;
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

  it('rejects javascript:, data:, protocol-relative and document-relative URLs naming the entry, field and line', () => {
    const text =
      entry({ url: 'javascript:alert(1)' }) +
      entry({ id: 'b', url: 'data:text/html,x' }) +
      entry({ id: 'c', url: '//evil.example/' }) +
      entry({ id: 'd', url: 'docs/' });
    const { problems } = parseResources(text, 'content/links.yaml');
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatchObject({ file: 'content/links.yaml', line: 3 });
    expect(problems[0]!.message).toMatch(/entry "docker-docs", field url: expected an absolute https:\/\/ or http:\/\/ URL, or a path on this site/);
    expect(problems.map((p) => p.message.split(':')[0])).toEqual([
      'entry "docker-docs", field url',
      'entry "b", field url',
      'entry "c", field url',
      'entry "d", field url',
    ]);
  });

  it('accepts a path on this site, which links through the base path and is shown as "this site"', () => {
    const { resources, problems } = parseResources(entry({ url: '/reference/quick-reference/' }), 'l.yaml');
    expect(problems).toEqual([]);
    expect(resources[0]!.resource.url).toBe('/reference/quick-reference/');
    expect(resourceDomain('/reference/quick-reference/')).toBe('this site');
    expect(parseResources(entry({ url: '/a page/' }), 'l.yaml').problems[0]!.message).toMatch(/field url: expected a path on this site/);
  });

  it('reads cost (left out when free) and a dated note, refusing values it does not know', () => {
    const text = `${entry()}  cost: paid\n  dated: Uses Compose v1 syntax.\n${entry({ id: 'hub', url: 'https://hub.docker.com/' })}`;
    const { resources, problems } = parseResources(text, 'l.yaml');
    expect(problems).toEqual([]);
    expect(resources.map(({ resource }) => [resource.id, resource.cost, resource.dated])).toEqual([
      ['docker-docs', 'paid', 'Uses Compose v1 syntax.'],
      ['hub', undefined, undefined],
    ]);
    const bad = parseResources(`${entry()}  cost: expensive\n  dated: true\n`, 'content/links.yaml').problems;
    expect(bad.map((p) => [p.line, p.message])).toEqual([
      [8, expect.stringMatching(/entry "docker-docs", field cost: .*"free".*"free-tier".*"paid".*\(got "expensive"\)/)],
      [9, expect.stringMatching(/entry "docker-docs", field dated: expected a short note saying what is out of date.*\(got boolean true\)/)],
    ]);
    expect(parseResources(`${entry()}  dated: "  "\n`, 'l.yaml').problems[0]!.message).toMatch(/leave the field out if nothing is/);
  });

  it('refuses a bidi control in a title, description or dated note, at its line', () => {
    const { problems } = parseResources(`${entry({ title: 'Docker \u202Eexe.txt', description: 'Fine\u2067.' })}  dated: "Old\u200E"\n`, 'l.yaml');
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [2, 'entry "docker-docs", field title'],
      [6, 'entry "docker-docs", field description'],
      [8, 'entry "docker-docs", field dated'],
    ]);
    expect(problems[0]!.message).toContain('contains U+202E (right-to-left override)');
  });

  it('takes "added" only as YYYY-MM-DD, a real day, as the rule says', () => {
    expect(parseResources(entry({ added: '2026-12-07' }), 'l.yaml').resources[0]!.resource.added.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    for (const added of ['2026-12-7', '12/7/2026', '2026-02-31', 'yesterday', '2026-12-07T10:00']) {
      const { problems } = parseResources(entry({ added }), 'l.yaml');
      expect(problems, added).toEqual([
        {
          file: 'l.yaml',
          line: 7,
          message: expect.stringContaining(
            `field added: expected a date written YYYY-MM-DD, such as "2026-11-28" (two-digit month and day) (got ${JSON.stringify(added)})`,
          ),
        },
      ]);
    }
    expect(parseResources(entry().replace(/ {2}added: .*\n/, ''), 'l.yaml').problems[0]!.message).toContain(
      'field added: expected a date written YYYY-MM-DD',
    );
  });

  it('reports missing fields and bad enum values with what was found', () => {
    const { problems } = parseResources(
      '- id: x\n  title: X\n  url: https://x.org\n  kind: podcast\n  level: beginner\n  added: 2026-01-01\n',
      'l.yaml',
    );
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

describe('checkResourceSitePaths', () => {
  const pages = new Set(['/reference/quick-reference/', '/resources/']);
  const located = (url: string) => parseResources(entry({ url }), 'content/links.yaml').resources;

  it('accepts a site path that names a page, with or without the trailing slash', () => {
    expect(checkResourceSitePaths(located('/reference/quick-reference/'), 'content/links.yaml', (p) => pages.has(p))).toEqual([]);
    expect(checkResourceSitePaths(located('/reference/quick-reference#run-containers'), 'content/links.yaml', (p) => pages.has(p))).toEqual([]);
  });

  it('names the entry, the url line and the path to write when the page does not exist', () => {
    expect(checkResourceSitePaths(located('/reference/quick-ref/'), 'content/links.yaml', (p) => pages.has(p))).toEqual([
      {
        file: 'content/links.yaml',
        line: 3,
        message: expect.stringMatching(
          /^entry "docker-docs", field url: \/reference\/quick-ref\/ is not a page of this site\. Write the page's path from the site root without the base path/,
        ),
      },
    ]);
  });

  it('leaves absolute URLs to the external link checker', () => {
    expect(checkResourceSitePaths(located('https://docs.docker.com/'), 'content/links.yaml', () => false)).toEqual([]);
  });
});

describe('parseResources: YAML aliases and limits', () => {
  const fields = (id: string, url: string) =>
    `- id: ${id}\n  title: ${id}\n  url: ${url}\n  kind: docs\n  level: beginner\n  description: A resource.\n  added: 2026-01-01\n`;

  it('resolves an anchor written in one entry and reused by later ones', () => {
    const text = `${fields('first', 'https://a.example.org/')}  tags: &common [docker, basics]\n${fields('second', 'https://b.example.org/')}  tags: *common\n${fields('third', 'https://c.example.org/')}  tags: *common\n`;
    const { resources, problems } = parseResources(text, 'content/links.yaml');
    expect(problems).toEqual([]);
    expect(resources.map((r) => [r.resource.id, r.resource.tags])).toEqual([
      ['first', ['docker', 'basics']],
      ['second', ['docker', 'basics']],
      ['third', ['docker', 'basics']],
    ]);
  });

  it('lets any number of entries share one anchor: each entry has its own alias budget', () => {
    const many = Array.from({ length: 300 }, (_, i) => `${fields(`e${i}`, `https://e${i}.example.org/`)}  tags: *common\n`).join('');
    const { resources, problems } = parseResources(`${fields('first', 'https://a.example.org/')}  tags: &common [docker]\n${many}`, 'l.yaml');
    expect(problems).toEqual([]);
    expect(resources).toHaveLength(301);
  });

  it('applies << merge keys, the fields written in the entry winning', () => {
    const text = `- &docs-defaults\n  id: official\n  title: Docker docs\n  url: https://docs.docker.com/\n  kind: docs\n  level: beginner\n  description: The manual.\n  added: 2026-01-01\n- <<: *docs-defaults\n  id: compose\n  title: Compose docs\n  url: https://docs.docker.com/compose/\n  level: intermediate\n`;
    const { resources, problems } = parseResources(text, 'l.yaml');
    expect(problems).toEqual([]);
    expect(resources[1]!.resource).toMatchObject({ id: 'compose', kind: 'docs', level: 'intermediate', description: 'The manual.' });
  });

  it('refuses a billion-laughs alias bomb quickly, naming the file, the line and the fix', () => {
    const bomb = [
      '- &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((name, i) => `- &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    ];
    const text = `${fields('ok', 'https://a.example.org/')}${bomb.join('\n')}\n`;
    const { resources, problems } = parseResources(text, 'content/links.yaml');
    expect(resources).toEqual([]);
    // Each list item has its own budget, so the first item to pass it is the one with nine *c (100 + values each).
    expect(problems.map(formatProblem)).toEqual([
      'content/links.yaml:10: uses YAML aliases (*name) that expand too far (more than 100 values); write the values out instead.',
      'content/links.yaml:11: uses YAML aliases (*name) that expand too far (more than 100 values); write the values out instead.',
      'content/links.yaml:12: uses YAML aliases (*name) that expand too far (more than 100 values); write the values out instead.',
      'content/links.yaml:13: uses YAML aliases (*name) that expand too far (more than 100 values); write the values out instead.',
      'content/links.yaml:14: uses YAML aliases (*name) that expand too far (more than 100 values); write the values out instead.',
      'content/links.yaml:15: uses YAML aliases (*name) that expand too far (more than 100 values); write the values out instead.',
      'content/links.yaml:16: uses YAML aliases (*name) that expand too far (more than 100 values); write the values out instead.',
    ]);
  });

  it('refuses lists nested 10,000 deep with a named message instead of a stack overflow', () => {
    const text = `${fields('deep', 'https://a.example.org/')}  tags: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const { problems } = parseResources(text, 'content/links.yaml');
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/links\.yaml:8: nests lists or maps more than 32 levels deep; flatten the value\.$/),
    ]);
  });

  it('names an undefined alias and a repeated key with their lines', () => {
    const text = `${fields('a', 'https://a.example.org/')}  tags: *nothing\n${fields('b', 'https://b.example.org/')}  title: again\n`;
    expect(parseResources(text, 'l.yaml').problems.map(formatProblem)).toEqual([
      'l.yaml:8: uses the alias *nothing, but no anchor &nothing comes before it; mark the value to repeat with "&nothing", or write the value out.',
      'l.yaml:16: has the key "title" twice (first on line 10); keep one.',
    ]);
  });
});

describe('parseResources: local and private-network URLs', () => {
  const withUrl = (url: string) =>
    `- id: local\n  title: Local\n  url: ${JSON.stringify(url)}\n  kind: docs\n  level: beginner\n  description: A resource.\n  added: 2026-01-01\n`;
  const refusal = (url: string) => parseResources(withUrl(url), 'content/links.yaml').problems.map(formatProblem);

  it.each([
    ['http://localhost:8080/', 'localhost'],
    ['http://LOCALHOST./', 'localhost.'],
    ['http://app.localhost/', 'app.localhost'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal'],
    ['http://intranet/wiki/', 'intranet'],
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://127.8.9.10:3000/', '127.8.9.10'],
    ['http://0.0.0.0/', '0.0.0.0'],
    ['http://[::1]/', '::1'],
    ['http://[::]/', '::'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[::ffff:7f00:1]/', '::ffff:7f00:1'],
    ['http://10.1.2.3/', '10.1.2.3'],
    ['http://172.16.0.1/', '172.16.0.1'],
    ['http://172.31.255.255/', '172.31.255.255'],
    ['http://192.168.1.1/', '192.168.1.1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://100.64.0.1/', '100.64.0.1'],
    ['http://[fd00::1]/', 'fd00::1'],
    ['http://[fe80::1]/', 'fe80::1'],
    // Numeric forms the URL parser turns into 127.0.0.1: the message shows what the URL really means.
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
  ])('refuses %s, naming the address as %s', (url, shown) => {
    expect(refusal(url)).toEqual([
      `content/links.yaml:3: entry "local", field url: points to a local or private-network address (${shown}), which readers cannot reach and the link checker must not probe; use a public URL (got ${JSON.stringify(url)})`,
    ]);
  });

  it.each(['https://reader:s3cret@docs.docker.com/', 'https://reader@docs.docker.com/', 'http://user:pass@127.0.0.1/'])(
    'refuses %s, which carries credentials',
    (url) => {
      expect(refusal(url)).toEqual([
        `content/links.yaml:3: entry "local", field url: has a user name or password in it (user:pass@host), which the page would publish and the link checker would send; remove it and link to the public address (got ${JSON.stringify(url)})`,
      ]);
    },
  );

  it.each([
    'https://93.184.216.34/',
    'http://172.32.0.1/',
    'http://100.128.0.1/',
    'https://[2606:4700::1111]/',
    'https://docs.docker.com/',
    'https://localhost.example.com/',
  ])('accepts the public address %s', (url) => {
    expect(refusal(url)).toEqual([]);
  });
});
