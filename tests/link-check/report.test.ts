import { describe, expect, it } from 'vitest';
import { renderReport } from '../../scripts/link-check/report.ts';
import { looksOffline, summarize, type RunReport } from '../../scripts/link-check/summary.ts';
import type { LinkResult, Verdict } from '../../scripts/link-check/types.ts';

const checkedAt = '2025-06-01T10:00:00.000Z';

function result(url: string, verdict: Verdict, places: [string, number, string?][], extra: Partial<LinkResult> = {}): LinkResult {
  return {
    url,
    verdict,
    requests: 1,
    attempts: 1,
    elapsedMs: 12,
    checkedAt,
    fromCache: false,
    places: places.map(([file, line, resourceId]) => ({ raw: url, file, line, ...(resourceId && { resourceId }) })),
    ...extra,
  };
}

const results: LinkResult[] = [
  result('https://docs.docker.com/ok/', 'ok', [['content/docs/a.md', 3]], { status: 200 }),
  result(
    'https://docs.docker.com/gone/',
    'broken',
    [
      ['content/docs/a.md', 10],
      ['content/links.yaml', 4, 'docker-gone'],
    ],
    { status: 404, detail: 'answered 404 Not Found' },
  ),
  result('http://old.docker.com/x', 'redirected', [['content/docs/b.md', 7]], {
    status: 200,
    finalUrl: 'https://new.docker.com/x',
    permanentRedirect: true,
    redirects: [{ url: 'http://old.docker.com/x', status: 301 }],
    detail: 'moved permanently to https://new.docker.com/x: update the link',
  }),
  result('https://www.linkedin.com/in/someone', 'unverified', [['content/docs/b.md', 2]], { status: 999 }),
  result('https://dead.docker.com/', 'network-error', [['content/docs/a.md', 5]], {
    errorCode: 'ENOTFOUND',
    detail: 'DNS lookup failed: the host name does not resolve (ENOTFOUND)',
  }),
  result('http://localhost:8080/', 'excluded', [['content/docs/a.md', 20]], { requests: 0, attempts: 0 }),
];

function report(overrides: Partial<Parameters<typeof summarize>[0]> = {}): RunReport {
  return summarize({
    results,
    problems: [],
    startedAt: new Date(checkedAt),
    elapsedMs: 3400,
    filesScanned: 3,
    config: { failOn: ['broken', 'timeout', 'network-error', 'invalid'] },
    ...overrides,
  });
}

describe('summary and exit codes', () => {
  it('counts verdicts and fails only on the --fail-on verdicts', () => {
    const full = report();
    expect(full.counts).toMatchObject({ ok: 1, broken: 1, redirected: 1, unverified: 1, 'network-error': 1, excluded: 1, timeout: 0 });
    expect(full.exitCode).toBe(1);
    const lenient = report({ config: { failOn: ['timeout'] } });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.links.find((link) => link.verdict === 'broken')?.severity).toBe('none');
    const strict = report({ config: { failOn: ['redirected'] } });
    expect(strict.exitCode).toBe(1);
    expect(strict.links.find((link) => link.verdict === 'redirected')?.severity).toBe('error');
  });

  it('fails when content could not be read, even if every link is fine', () => {
    const clean = report({
      results: [results[0] as LinkResult],
      problems: [{ file: 'content/docs/x.mdx', line: 3, message: 'could not be parsed as MDX' }],
    });
    expect(clean.exitCode).toBe(1);
  });

  it('calls the machine offline only when every requested link failed to connect, on more than one host', () => {
    const dns = (host: string, code = 'ENOTFOUND') => result(`https://${host}/`, 'network-error', [['a.md', 1]], { errorCode: code });
    expect(looksOffline([dns('a.docker.com'), dns('b.docker.com', 'ECONNREFUSED'), dns('c.docker.com', 'EAI_AGAIN')])).toBe(true);
    // One dead host is a dead site, not an offline machine.
    expect(looksOffline([dns('a.docker.com'), dns('a.docker.com')])).toBe(false);
    // One real answer proves the network works.
    expect(looksOffline([dns('a.docker.com'), dns('b.docker.com'), result('https://c.docker.com/', 'broken', [['a.md', 1]], { status: 404 })])).toBe(
      false,
    );
    // A reset is a server problem, not a missing network.
    expect(looksOffline([dns('a.docker.com'), dns('b.docker.com', 'ECONNRESET')])).toBe(false);
    // Cached answers and excluded links say nothing about the network now.
    expect(
      looksOffline([
        result('https://a.docker.com/', 'ok', [['a.md', 1]], { fromCache: true }),
        result('http://localhost/', 'excluded', [['a.md', 1]], { requests: 0 }),
      ]),
    ).toBe(false);
    const offline = report({ results: [dns('a.docker.com'), dns('b.docker.com')] });
    expect(offline).toMatchObject({ offline: true, exitCode: 3 });
  });
});

describe('text report', () => {
  it('groups links needing attention by file, in line order, with a summary line', () => {
    const text = renderReport(report(), 'text');
    expect(text).toBe(
      [
        'content/docs/a.md',
        '     5  network-error      https://dead.docker.com/',
        '                           DNS lookup failed: the host name does not resolve (ENOTFOUND)',
        '    10  broken        404  https://docs.docker.com/gone/',
        '                           answered 404 Not Found',
        '',
        'content/docs/b.md',
        '     2  unverified    999  https://www.linkedin.com/in/someone',
        '     7  redirected    200  http://old.docker.com/x → https://new.docker.com/x',
        '                           moved permanently to https://new.docker.com/x: update the link',
        '',
        'content/links.yaml',
        '     4  broken        404  https://docs.docker.com/gone/ [docker-gone]',
        '                           answered 404 Not Found',
        '',
        '6 links in 3 files: 1 broken, 1 network-error, 1 ok, 1 redirected, 1 unverified, 1 excluded (5 requests, 3.4 s)',
        '',
      ].join('\n'),
    );
  });

  it('lists every link with --verbose', () => {
    const text = renderReport(report(), 'text', { verbose: true });
    expect(text).toContain('     3  ok            200  https://docs.docker.com/ok/');
    expect(text).toContain('    20  excluded');
  });

  it('explains an offline run instead of listing every link as dead', () => {
    const dns = (host: string) => result(`https://${host}/`, 'network-error', [['content/docs/a.md', 1]], { errorCode: 'ENOTFOUND' });
    const text = renderReport(report({ results: [dns('a.docker.com'), dns('b.docker.com')] }), 'text');
    expect(text).toContain(
      'This machine looks offline: all 2 links to 2 hosts failed with DNS or connection errors (for example ENOTFOUND for a.docker.com).',
    );
    expect(text).not.toContain('content/docs/a.md');
  });
});

describe('JSON report', () => {
  it('follows the documented schema', () => {
    const json = JSON.parse(renderReport(report(), 'json'));
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'startedAt',
      'elapsedMs',
      'offline',
      'filesScanned',
      'counts',
      'fromCache',
      'requests',
      'failOn',
      'links',
      'problems',
      'exitCode',
    ]);
    expect(json).toMatchObject({ schemaVersion: 1, startedAt: checkedAt, elapsedMs: 3400, offline: false, exitCode: 1 });
    const gone = json.links.find((link: { url: string }) => link.url === 'https://docs.docker.com/gone/');
    expect(gone).toEqual({
      url: 'https://docs.docker.com/gone/',
      verdict: 'broken',
      status: 404,
      severity: 'error',
      requests: 1,
      attempts: 1,
      elapsedMs: 12,
      checkedAt,
      fromCache: false,
      detail: 'answered 404 Not Found',
      places: [
        { raw: 'https://docs.docker.com/gone/', file: 'content/docs/a.md', line: 10 },
        { raw: 'https://docs.docker.com/gone/', file: 'content/links.yaml', line: 4, resourceId: 'docker-gone' },
      ],
    });
    const moved = json.links.find((link: { verdict: string }) => link.verdict === 'redirected');
    expect(moved).toMatchObject({ finalUrl: 'https://new.docker.com/x', permanentRedirect: true, severity: 'warning' });
  });
});

describe('Markdown report', () => {
  it('has the counts and a table of links needing attention', () => {
    const markdown = renderReport(report(), 'markdown');
    expect(markdown).toContain('## Link check');
    expect(markdown).toContain('**1 broken, 1 network-error, 1 ok, 1 redirected, 1 unverified, 1 excluded**');
    expect(markdown).toContain(
      '| ❌ broken | https://docs.docker.com/gone/ | `content/docs/a.md:10`<br>`content/links.yaml:4` | HTTP 404; answered 404 Not Found |',
    );
    expect(markdown).toContain('| ⚠️ redirected | http://old.docker.com/x |');
    expect(markdown).not.toContain('https://docs.docker.com/ok/');
  });
});

describe('GitHub report', () => {
  it('annotates each place, errors for failing verdicts and warnings for the rest', () => {
    const lines = renderReport(report(), 'github').trimEnd().split('\n');
    expect(lines).toContain('::error file=content/docs/a.md,line=10,title=Broken link::https://docs.docker.com/gone/ — answered 404 Not Found');
    expect(lines).toContain('::error file=content/links.yaml,line=4,title=Broken link::https://docs.docker.com/gone/ — answered 404 Not Found');
    expect(lines).toContain(
      '::warning file=content/docs/b.md,line=7,title=Link moved permanently::http://old.docker.com/x → https://new.docker.com/x — moved permanently to https://new.docker.com/x: update the link',
    );
    expect(lines.filter((line) => line.startsWith('::'))).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/^6 links in 3 files/);
  });

  it('escapes what would break the workflow-command syntax', () => {
    const odd = result('https://a.docker.com/100%', 'broken', [['content/docs/a, b.md', 1]], { detail: 'line one\nline two' });
    const text = renderReport(report({ results: [odd] }), 'github');
    expect(text).toContain('::error file=content/docs/a%2C b.md,line=1,title=Broken link::https://a.docker.com/100%25 — line one%0Aline two');
  });
});

describe('links that were not requested', () => {
  const notRequested = [
    result('https://docs.docker.com/ok/', 'ok', [['content/docs/a.md', 3]], { status: 200 }),
    result('https://flaky.example.net/guide/', 'unverified', [['content/docs/a.md', 8]], {
      requests: 0,
      attempts: 0,
      stoppedBy: 'host',
      detail:
        'not requested: the host cannot be reached (3 links in a row ended network-error; the last said: connection refused (ECONNREFUSED)); check it again later',
    }),
    result('https://slow.example.net/', 'unverified', [['content/docs/b.md', 2]], {
      requests: 0,
      attempts: 0,
      stoppedBy: 'max-duration',
      detail: 'not checked: the run reached its time limit (--max-duration 10 min)',
    }),
  ];
  const run = (failOn: Verdict[]) =>
    summarize({ results: notRequested, problems: [], startedAt: new Date(checkedAt), elapsedMs: 1000, filesScanned: 2, config: { failOn } });

  it('are warnings in every format and do not fail the run by default', () => {
    const summary = run(['broken', 'timeout', 'network-error', 'invalid']);
    expect(summary.exitCode).toBe(0);
    expect(summary.links.filter((link) => link.verdict === 'unverified').map((link) => link.severity)).toEqual(['warning', 'warning']);

    const text = renderReport(summary, 'text');
    expect(text).toContain('     8  unverified         https://flaky.example.net/guide/\n');
    expect(text).toContain('not requested: the host cannot be reached');
    expect(text).toContain('3 links in 2 files: 1 ok, 2 unverified (1 request, 1 s)');

    const json = JSON.parse(renderReport(summary, 'json'));
    expect(json.counts).toMatchObject({ unverified: 2, broken: 0, 'network-error': 0 });
    expect(json.links.filter((link: { severity: string }) => link.severity === 'error')).toEqual([]);

    const markdown = renderReport(summary, 'markdown');
    expect(markdown).toContain('| ⚠️ unverified | https://flaky.example.net/guide/ |');
    expect(markdown).not.toContain('❌');

    const github = renderReport(summary, 'github');
    expect(github).toContain('::warning file=content/docs/a.md,line=8,title=Link not verifiable::');
    expect(github).not.toContain('::error');
  });

  it('fail the run only with --fail-on unverified', () => {
    const summary = run(['broken', 'unverified']);
    expect(summary.exitCode).toBe(1);
    expect(renderReport(summary, 'github')).toContain('::error file=content/docs/b.md,line=2,title=Link not verifiable::');
  });
});
