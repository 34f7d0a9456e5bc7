import { describe, expect, it } from 'vitest';
import { resolveSiteConfig, SiteConfigError, type SiteConfigInput } from '../../src/core/site-config.ts';
import realConfig from '../../src/site.config.ts';

const good: SiteConfigInput = {
  title: 'T',
  description: 'D',
  site: 'https://example.org',
  base: '/',
  repository: { url: 'https://github.com/o/r' },
};

describe('resolveSiteConfig', () => {
  it('accepts the real config', () => {
    expect(resolveSiteConfig(realConfig).title).toBeTruthy();
  });

  it("keeps each course's progress under a key of its own, made from its title unless set", () => {
    // The Docker course's learners keep the progress they stored before the key became a setting.
    expect(resolveSiteConfig(realConfig).progressKey).toBe('docker-learning:progress:v1');
    expect(resolveSiteConfig({ ...good, title: 'Kubernetes in Practice' }).progressKey).toBe('kubernetes-in-practice:progress:v1');
    expect(resolveSiteConfig({ ...good, progressKey: 'k8s:v2' }).progressKey).toBe('k8s:v2');
    expect(() => resolveSiteConfig({ ...good, progressKey: 'has space' })).toThrow(/progressKey: expected letters, digits/);
  });

  it("keeps each course's lesson requirements and code languages its own, with generic defaults", () => {
    const docker = resolveSiteConfig(realConfig);
    expect(Object.keys(docker.lessonRequirements)).toEqual(expect.arrayContaining(['docker-hub-login', 'cgroup-v2', 'internet']));
    expect(docker.codeLanguages).toEqual(['dockerfile']);
    // A course that says nothing declares no requirement and preloads only the common languages.
    expect(resolveSiteConfig(good)).toMatchObject({ lessonRequirements: {}, codeLanguages: [] });
    const k8s = resolveSiteConfig({ ...good, lessonRequirements: { 'cluster-admin': 'the steps may create namespaces' }, codeLanguages: ['hcl'] });
    expect(k8s).toMatchObject({ lessonRequirements: { 'cluster-admin': 'the steps may create namespaces' }, codeLanguages: ['hcl'] });
  });

  it('refuses a requirement name or description a needs= annotation could not use, and a language name that is not one', () => {
    expect(() => resolveSiteConfig({ ...good, lessonRequirements: { 'Cluster Admin': 'x' } })).toThrow(
      /lessonRequirements: "Cluster Admin" is not a requirement name: use lower-case letters, digits and dashes/,
    );
    expect(() => resolveSiteConfig({ ...good, lessonRequirements: { gpu: ' ' } })).toThrow(
      /lessonRequirements\.gpu: say in a few words what the requirement means/,
    );
    expect(() => resolveSiteConfig({ ...good, codeLanguages: ['Docker File'] })).toThrow(
      /codeLanguages\.0: expected a code block's language name in lower case/,
    );
  });

  it('names the settings file it read in its errors', () => {
    expect(() => resolveSiteConfig({ ...good, title: '' }, {}, 'courses/k8s/site.config.ts')).toThrow(/^courses\/k8s\/site\.config\.ts is invalid:/);
  });

  it('refuses a printable page that is not a slug, or a PDF name that is not a PDF', () => {
    expect(() => resolveSiteConfig({ ...good, printable: { page: '/cheat/', pdf: 'cheat.pdf' } })).toThrow(/printable\.page: expected a page's slug/);
    expect(() => resolveSiteConfig({ ...good, printable: { page: 'cheat', pdf: 'cheat.html' } })).toThrow(
      /printable\.pdf: expected a file name ending in \.pdf/,
    );
  });

  it('applies environment overrides and trims the base', () => {
    const config = resolveSiteConfig(good, { SITE_BASE: '/docker-learning/', SITE_URL: 'https://o.github.io' });
    expect(config.base).toBe('/docker-learning');
    expect(config.site).toBe('https://o.github.io');
    expect(config.repository.branch).toBe('main');
  });

  it('names every bad field with what was expected and what was found', () => {
    const attempt = () => resolveSiteConfig({ ...good, base: 'docs', site: 'example.org', title: '' });
    expect(attempt).toThrow(SiteConfigError);
    expect(attempt).toThrow(/src\/site\.config\.ts is invalid/);
    expect(attempt).toThrow(/base: expected a path starting with '\/'.*\(got "docs"\)/);
    expect(attempt).toThrow(/site: expected an absolute http\(s\) URL.*\(got "example\.org"\)/);
    expect(attempt).toThrow(/title: give the site a title/);
  });

  it('lets MDX pages import no packages unless the settings list them', () => {
    expect(resolveSiteConfig(good).mdx.allowedImports).toEqual([]);
    expect(resolveSiteConfig({ ...good, mdx: {} }).mdx.allowedImports).toEqual([]);
    const allowedImports = ['@astrojs/starlight/components', '@example/widgets/*'];
    expect(resolveSiteConfig({ ...good, mdx: { allowedImports } }).mdx.allowedImports).toEqual(allowedImports);
  });

  it('names each unusable mdx.allowedImports entry, refusing Node built-ins outright', () => {
    const attempt = () => resolveSiteConfig({ ...good, mdx: { allowedImports: ['katex', 'node:fs', './local.js', 'child_process'] } });
    expect(attempt).toThrow(SiteConfigError);
    expect(attempt).toThrow(/mdx\.allowedImports\.1: Node built-ins cannot be allowed.*\(got "node:fs"\)/);
    expect(attempt).toThrow(/mdx\.allowedImports\.2: expected a package import path.*\(got "\.\/local\.js"\)/);
    expect(attempt).toThrow(/mdx\.allowedImports\.3: Node built-ins cannot be allowed.*\(got "child_process"\)/);
    expect(attempt).not.toThrow(/allowedImports\.0/);
  });

  it('keeps MDX declarative unless mdx.trusted says otherwise, and refuses a trust that is not a boolean', () => {
    expect(resolveSiteConfig(good).mdx.trusted).toBe(false);
    expect(resolveSiteConfig({ ...good, mdx: {} }).mdx.trusted).toBe(false);
    expect(resolveSiteConfig({ ...good, mdx: { trusted: true } }).mdx.trusted).toBe(true);
    expect(() => resolveSiteConfig({ ...good, mdx: { trusted: 'yes' } } as unknown as SiteConfigInput)).toThrow(/mdx\.trusted/);
  });

  it('gives each page 30 s to render unless renderTimeLimitSeconds says otherwise', () => {
    expect(resolveSiteConfig(good).renderTimeLimitSeconds).toBe(30);
    expect(resolveSiteConfig({ ...good, renderTimeLimitSeconds: 5 }).renderTimeLimitSeconds).toBe(5);
    expect(() => resolveSiteConfig({ ...good, renderTimeLimitSeconds: 0 })).toThrow(/renderTimeLimitSeconds must be more than 0/);
  });

  it('reads the lessons report from .cache/lessons-report.json unless lessonReport or LESSONS_REPORT says otherwise', () => {
    expect(resolveSiteConfig(good).lessonReport).toBe('.cache/lessons-report.json');
    expect(resolveSiteConfig({ ...good, lessonReport: 'reports/lessons.json' }).lessonReport).toBe('reports/lessons.json');
    expect(resolveSiteConfig({ ...good, lessonReport: 'reports/lessons.json' }, { LESSONS_REPORT: '/tmp/r.json' }).lessonReport).toBe('/tmp/r.json');
    expect(() => resolveSiteConfig({ ...good, lessonReport: '' })).toThrow(/lessonReport: give the path of the lessons report/);
  });

  it('names the environment variable behind a wrong value, and only that one', () => {
    const env = { SITE_BASE: 'docs', LESSONS_REPORT: '/tmp/r.json' };
    expect(() => resolveSiteConfig(good, env)).toThrow(/\(SITE_BASE from the environment override the file's values\)$/);
  });

  it('rejects unknown keys, catching typos', () => {
    expect(() => resolveSiteConfig({ ...good, tilte: 'x' } as SiteConfigInput)).toThrow(/tilte/);
    expect(() => resolveSiteConfig({ ...good, mdx: { allowedImport: ['x'] } } as SiteConfigInput)).toThrow(/allowedImport\b/);
  });
});
