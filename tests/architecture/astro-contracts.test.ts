import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractFrontmatter, unified } from '@astrojs/markdown-remark';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import { ASTRO_FRONTMATTER } from '../../src/core/content/source.ts';
import {
  CONTENT_STORE_FILE,
  collectLoggedErrors,
  droppedPage,
  endsPageLine,
  folderUrl,
  inPrerenderBuild,
  installRenderErrorReporter,
  MARKDOWN_PARSE_ERROR_PREFIX,
  PRERENDER_ENVIRONMENT,
  quietMarkdownParseErrors,
  RENDER_ERROR_REPORTER,
  sharedWithPageCode,
  type LogEvent,
} from '../../src/integrations/astro-internals.ts';

/**
 * Assumptions the code makes about Astro that no type checks. Each test names one, so an Astro
 * upgrade that breaks it fails here by name instead of shifting line numbers or pages silently.
 */
describe('contracts with Astro', () => {
  it('the core finds a page’s frontmatter where Astro does (src/core/content/source.ts)', () => {
    const samples = [
      '---\ntitle: A\n---\n# A\n',
      '\uFEFF---\ntitle: BOM\n---\ntext',
      '\n\n---\ntitle: after blank lines\n---\n',
      '+++\ntitle = "toml"\n+++\n',
      '# No frontmatter\n---\nnot: this\n---\n',
      '---\ntitle: unclosed\n',
      '---\n---\nempty',
      'text\n---\na: b\n---\n',
    ];
    for (const sample of samples) expect(ASTRO_FRONTMATTER.exec(sample)?.[1], JSON.stringify(sample)).toBe(extractFrontmatter(sample));
  });
});

// ── Astro's internals that src/integrations/astro-internals.ts relies on, one test per assumption ──

const astroDist = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'dist');
/** Astro's own source, for the few assumptions only a full build would exercise. */
const astroSource = (file: string) => readFileSync(path.join(astroDist, file), 'utf8');
const astroModule = (file: string) => import(pathToFileURL(path.join(astroDist, file)).href);

describe('contracts with Astro internals (src/integrations/astro-internals.ts)', () => {
  it('logger destination: every Astro logger, integration loggers included, writes {level, label, message, newLine} through one shared options.destination', async () => {
    const { AstroLogger } = await astroModule('core/logger/core.js');
    const written: LogEvent[] = [];
    const astro = new AstroLogger({ level: 'info', destination: { write: (event: LogEvent) => written.push(event) } });
    // Astro hands each integration a fork of its logger (integrations/hooks.js, getLogger).
    expect(astroSource('integrations/hooks.js')).toContain('logger.forkIntegrationLogger(integration.name)');
    const ours = astro.forkIntegrationLogger('validate-content') as AstroIntegrationLogger;
    const errors = collectLoggedErrors(ours);
    astro.error('content', 'Error rendering guide/a.md: boom');
    astro.forkIntegrationLogger('another').error('from a sibling integration');
    astro.info(null, 'an open line', false);
    expect(errors).toEqual(['[content] Error rendering guide/a.md: boom', '[another] from a sibling integration']);
    expect(written.at(-1)).toEqual({ level: 'info', label: null, message: 'an open line', newLine: false });
  });

  it('page lines: astro build opens a page line with newLine false and ends it with a SKIP_FORMAT event holding the time, "(cached)" or "(restored)"', () => {
    const generate = astroSource('core/build/generate.js');
    expect(generate).toContain('logger.info(null, `  ${colors.blue("├─")} ${colors.dim(filePath)}`, false)');
    expect(generate).toContain('logger.info("SKIP_FORMAT", ` ${timeIncrease} ${notCreatedMsg}`)');
    expect(generate).toContain('const timeIncrease = (isSlow ? colors.red : colors.dim)(`(+${getTimeStat(timeStart, timeEnd)})`)');
    expect(generate).toContain('logger.info("SKIP_FORMAT", restored ? ` ${colors.green("(restored)")}` : ` ${colors.green("(cached)")}`)');
    for (const end of [' \u001b[2m(+607ms)\u001b[22m ', ' (+1.2s) ', ' (cached)', ' (restored)']) {
      expect(endsPageLine({ level: 'info', label: 'SKIP_FORMAT', message: end }), end).toBe(true);
    }
    expect(endsPageLine({ level: 'info', label: 'SKIP_FORMAT', message: '\n generating static routes ' })).toBe(false);
  });

  it('content loader messages: the glob loader logs "Error rendering <entry>: …" or "Error reading <entry>: …" for a page it drops', () => {
    const glob = astroSource('content/loaders/glob.js');
    expect(glob).toContain('logger.error(`Error rendering ${entry}: ${error.message}`)');
    expect(glob).toContain('logger.error(`Error reading ${entry}: ${err.message}`)');
    // A render error arrives prefixed by @astrojs/markdown-remark (its prefixError): the prefix is dropped.
    const rendering = droppedPage('[content] Error rendering guide/a.md: Failed to parse Markdown file "/x/guide/a.md":\nboom');
    expect(rendering.entry).toBe('guide/a.md');
    expect(rendering.reason).not.toContain(MARKDOWN_PARSE_ERROR_PREFIX);
    expect(droppedPage('[content] Error reading b.md: EACCES')).toEqual({ entry: 'b.md', reason: '[content] Error reading b.md: EACCES' });
  });

  it('markdown parse errors: @astrojs/markdown-remark prints a failed render once with console.error, as an Error starting "Failed to parse Markdown file"', async () => {
    const failing = () => () => {
      throw new Error('boom');
    };
    const renderer = await unified({ remarkPlugins: [failing] }).createRenderer({ syntaxHighlight: false });
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(renderer.render('# A', { fileURL: pathToFileURL('/docs/a.md') })).rejects.toThrow(MARKDOWN_PARSE_ERROR_PREFIX);
      expect(printed).toHaveBeenCalledOnce();
      const [error] = printed.mock.calls[0]!;
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message.startsWith(MARKDOWN_PARSE_ERROR_PREFIX)).toBe(true);
      // With the quieting on, that print is dropped and every other one goes through.
      printed.mockClear();
      const restore = quietMarkdownParseErrors();
      await expect(renderer.render('# A', { fileURL: pathToFileURL('/docs/a.md') })).rejects.toThrow();
      console.error('another message');
      restore();
      expect(printed.mock.calls).toEqual([['another message']]);
    } finally {
      printed.mockRestore();
    }
  });

  it('prerender environment: Astro names the Vite environment of its static build "prerender", which Vite hands each hook as this.environment', async () => {
    const { ASTRO_VITE_ENVIRONMENT_NAMES } = await astroModule('core/constants.js');
    expect(ASTRO_VITE_ENVIRONMENT_NAMES.prerender).toBe(PRERENDER_ENVIRONMENT);
    const vite = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('vite/package.json'), 'utf8')) as { version: string };
    // `this.environment` in plugin hooks came with Vite 6's Environment API.
    expect(Number(vite.version.split('.')[0])).toBeGreaterThanOrEqual(6);
    expect(inPrerenderBuild({ environment: { name: ASTRO_VITE_ENVIRONMENT_NAMES.prerender } })).toBe(true);
    expect(inPrerenderBuild({ environment: { name: ASTRO_VITE_ENVIRONMENT_NAMES.ssr } })).toBe(false);
    expect(inPrerenderBuild({ environment: { name: ASTRO_VITE_ENVIRONMENT_NAMES.client } })).toBe(false);
  });

  it('page code shares the build’s process: the default prerenderer imports the page bundle into it, and parallel prerendering stays off', async () => {
    expect(astroSource('core/build/default-prerenderer.js')).toContain('const { app } = await import(prerenderEntryUrl.toString());');
    expect(astroSource('core/build/generate.js')).toContain('if (!settingsPrerenderer && options.settings.config.experimental.parallelPrerender)');
    const { ASTRO_CONFIG_DEFAULTS } = await astroModule('core/config/schemas/base.js');
    expect(ASTRO_CONFIG_DEFAULTS.experimental.parallelPrerender).toBe(false);
    // What the middleware and compiled MDX rely on: a value set by the integration is there for them.
    const feed = sharedWithPageCode<string>('learning-site.contract-test');
    feed.set('from the integration');
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('learning-site.contract-test')]).toBe('from the integration');
    feed.set(undefined);
    expect(Object.getOwnPropertySymbols(globalThis)).not.toContain(Symbol.for('learning-site.contract-test'));
    const remove = installRenderErrorReporter(() => {});
    expect(typeof (globalThis as Record<string, unknown>)[RENDER_ERROR_REPORTER]).toBe('function');
    remove();
    expect(RENDER_ERROR_REPORTER in globalThis).toBe(false);
  });

  it('hook order: astro build loads (and so renders) the content before astro:build:start, and generates pages after the prerender build', () => {
    const build = astroSource('core/build/index.js');
    const contentSync = build.indexOf('buildPhase("content sync"');
    const buildStart = build.indexOf('await runHookBuildStart(');
    expect(contentSync).toBeGreaterThan(-1);
    expect(buildStart).toBeGreaterThan(contentSync);
    // The prerender bundle is built in the main buildApp; pages are generated in a buildApp handler
    // ordered "post", after it, so the gate's buildEnd in the prerender build comes before any page.
    const staticBuild = astroSource('core/build/static-build.js');
    expect(staticBuild).toContain('builder.build(builder.environments.prerender)');
    const generate = staticBuild.slice(staticBuild.indexOf('name: "astro:build-generate"'));
    expect(generate.indexOf('order: "post"')).toBeGreaterThan(-1);
    expect(generate.indexOf('order: "post"')).toBeLessThan(generate.indexOf('generatePages('));
  });

  it('integration config: what an integration passes to updateConfig is merged and checked, not coerced, so folders must already be URLs', () => {
    const hooks = astroSource('integrations/hooks.js');
    expect(hooks).toContain('updatedConfig = mergeConfig(updatedConfig, newConfig);');
    expect(hooks).toContain('updatedConfig = await validateConfigRefined(updatedConfig);');
    // The schema that turns the user's paths into URLs (createRelativeSchema) is not applied there.
    expect(hooks).not.toMatch(/createRelativeSchema|validateConfig\(/);
    expect(astroSource('core/config/validate.js')).toContain('createRelativeSchema(cmd, root)');
    expect(folderUrl('/work/site/public').href).toBe('file:///work/site/public/');
    expect(folderUrl('/work/site/public/').href).toBe('file:///work/site/public/');
  });
  it('content store: the content layer keeps loaded and rendered entries in data-store.json, under cacheDir for a build and .astro/ for dev, and compares no plugin code', () => {
    expect(astroSource('content/consts.js')).toContain(`DATA_STORE_FILE = "${CONTENT_STORE_FILE}"`);
    expect(astroSource('content/paths.js')).toContain('new URL(DATA_STORE_FILE, isDev ? settings.dotAstroDir : settings.config.cacheDir)');
    // What Astro compares before reusing the store: its config as JSON (functions drop out) and its version.
    expect(astroSource('content/content-layer.js')).toContain('const astroConfigDigest = safeStringify(hashableConfig);');
  });
});
