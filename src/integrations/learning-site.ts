import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { projectRoot, readEnv } from '../core/env.ts';
import { loadLessonChecks, LessonReportError, type LessonChecks } from '../core/lessons/status.ts';
import { siteConfigFromEnv, SiteConfigError, type SiteConfig } from '../core/site-config.ts';
import { createContentSession } from '../core/content/session.ts';
import { markdownProcessorOptions } from '../markdown/processor.ts';
import { codeLanguagesProblem, codeThemeCssPlugin, codeThemes, preloadedLanguages } from '../markdown/code-theme.ts';
import { parallelUnified, RenderPool } from '../render-pool/pool.ts';
import pagefind from '../search/build/pagefind-integration.ts';
import offline from './offline.ts';
import buildLog from './build-log.ts';
import { folderUrl } from './astro-internals.ts';
import { dropStaleContentStore, generatorDigest } from './render-cache.ts';
import validateContent from './validate-content.ts';

/**
 * Pages and layouts read the resolved settings from a virtual module, never from a settings file
 * of their own; browser code gets only the one value it needs (the whole settings would cost every
 * page bytes of JavaScript).
 */
const VIRTUAL_MODULES = {
  'virtual:learning-site/settings': (settings: SiteConfig) => settings,
  'virtual:learning-site/progress-key': (settings: SiteConfig) => settings.progressKey,
};

/** The last lessons report, condensed: what lesson pages show about their last check (null: none). */
const LESSON_CHECKS_MODULE = 'virtual:learning-site/lesson-checks';

function settingsModulesPlugin(settings: SiteConfig, lessonChecks: LessonChecks | null): Plugin {
  const values = new Map<string, unknown>(Object.entries(VIRTUAL_MODULES).map(([id, pick]) => [`\0${id}`, pick(settings)]));
  values.set(`\0${LESSON_CHECKS_MODULE}`, lessonChecks);
  return {
    name: 'learning-site:settings',
    resolveId: (id) => (values.has(`\0${id}`) ? `\0${id}` : undefined),
    load: (id) => (values.has(id) ? `export default ${JSON.stringify(values.get(id))};` : undefined),
  };
}

/**
 * A mistake in the settings, or a content problem the gate has listed, is the maintainer's to fix:
 * the message is the last thing printed, without Astro's stack trace under it. This integration is
 * the generator's entry point, so it alone decides that the process ends.
 */
function exitWith(message?: string): never {
  if (message) console.error(`\n${message}\n`);
  process.exit(1);
}

/**
 * The whole generator as one Astro integration, as a Starlight site is `starlight({...})`: the
 * settings (src/site.config.ts, or the file DOCS_SITE_CONFIG names), the content session, the
 * Markdown processor and its render pool, code highlighting, the content gate, MDX, the sitemap
 * and search. astro.config.mjs only calls it.
 */
export default async function learningSite(): Promise<AstroIntegration> {
  const env = readEnv();
  let settings: SiteConfig;
  try {
    settings = await siteConfigFromEnv(env);
  } catch (error) {
    if (error instanceof SiteConfigError) exitWith(error.message);
    throw error;
  }
  const languagesProblem = codeLanguagesProblem(
    settings.codeLanguages,
    path.relative(projectRoot, env.siteConfigFile).split(path.sep).join('/') || env.siteConfigFile,
  );
  if (languagesProblem) exitWith(languagesProblem);
  // Read once, before anything renders: a report that is not one stops the build here, by name.
  let lessonChecks: LessonChecks | null;
  try {
    lessonChecks =
      loadLessonChecks({ reportFile: path.resolve(projectRoot, settings.lessonReport), rootDir: projectRoot, docsDir: env.docsDir }) ?? null;
  } catch (error) {
    if (error instanceof LessonReportError) exitWith(error.message);
    throw error;
  }

  // One session per build: the renderer records each page's facts into it, and the gate reads them.
  const sessionOptions = {
    contentDir: env.contentDir,
    docsDir: env.docsDir,
    publicDir: env.publicDir,
    componentsDir: fileURLToPath(new URL('../components/', import.meta.url)),
    allowedImports: settings.mdx.allowedImports,
    mdxTrusted: settings.mdx.trusted,
    slugRules: { stripNumberPrefixes: settings.stripNumberPrefixes },
    requireDescriptions: settings.requireDescriptions,
    lessonRequirements: Object.keys(settings.lessonRequirements),
  };
  const session = createContentSession({ ...sessionOptions, cacheDir: env.astroCacheDir });
  const renderPool = new RenderPool(session, sessionOptions, settings.base, settings.renderTimeLimitSeconds * 1000);
  const processor = parallelUnified(unified(markdownProcessorOptions({ docsDir: env.docsDir, base: settings.base, session })), renderPool);

  return {
    name: 'learning-site',
    hooks: {
      'astro:config:setup': ({ updateConfig, command, config, logger }) => {
        // Astro keeps the dev server's content store in .astro/ and the build's in cacheDir.
        const storeDir = command === 'dev' ? fileURLToPath(new URL('.astro/', config.root)) : env.astroCacheDir;
        const lockFile = path.join(fileURLToPath(config.root), 'package-lock.json');
        const digest = generatorDigest(
          [fileURLToPath(new URL('../', import.meta.url))],
          [JSON.stringify(settings), existsSync(lockFile) ? readFileSync(lockFile, 'utf8') : ''],
        );
        if (dropStaleContentStore(storeDir, digest))
          logger.info('The generator or its settings changed since the last build: every page is rendered afresh.');
        updateConfig({
          site: settings.site,
          base: settings.base,
          // Folders as URLs: config set by an integration skips the schema that turns paths into them.
          publicDir: folderUrl(env.publicDir),
          trailingSlash: 'ignore',
          // Separate caches let tests build several fixture sites side by side.
          cacheDir: folderUrl(env.astroCacheDir),
          build: { format: 'directory', concurrency: 4 },
          markdown: {
            // Astro 7's default processor (Sätteri) silently ignores remark/rehype plugins; ours need unified.
            processor,
            // Colours as variables only (defaultColor: false), which src/plugins/rehype-code-classes.ts turns into classes.
            // (updateConfig's deep-partial type cannot express a list of language names.)
            shikiConfig: { themes: codeThemes, defaultColor: false, langs: preloadedLanguages(settings.codeLanguages) as never[] },
          },
          // The log first, so every message is one line; then the gate: a content mistake stops the
          // build before anything is rendered.
          integrations: [
            buildLog(),
            validateContent({
              session,
              linksFile: env.linksFile,
              renderPool,
              onProblems: () => exitWith(),
              github: env.githubActions ? { stepSummary: env.githubStepSummary } : undefined,
            }),
            mdx(),
            sitemap(),
            pagefind({ language: settings.lang, linksFile: env.linksFile }),
            // After search: the offline manifest lists the index Pagefind has just written.
            offline(),
          ],
          vite: {
            plugins: [settingsModulesPlugin(settings, lessonChecks), codeThemeCssPlugin()],
            // Scripts stay external files: the Content-Security-Policy then needs 'self' plus the hash of
            // the one inline theme snippet, instead of a hash that changes with every script edit.
            build: { assetsInlineLimit: 0 },
          },
        });
      },
    },
  };
}
