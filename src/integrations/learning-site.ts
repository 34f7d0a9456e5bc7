import { fileURLToPath, pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { readEnv } from '../core/env.ts';
import { siteConfigFromEnv, SiteConfigError, type SiteConfig } from '../core/site-config.ts';
import { createContentSession } from '../core/content/session.ts';
import { markdownProcessorOptions } from '../plugins/index.ts';
import { codeThemeCssPlugin, codeThemes, preloadedLanguages } from '../plugins/code-theme.ts';
import { parallelUnified, RenderPool } from '../plugins/render-pool.ts';
import pagefind from './pagefind.ts';
import offline from './offline.ts';
import buildLog from './build-log.ts';
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

function settingsModulesPlugin(settings: SiteConfig): Plugin {
  const entries = new Map(Object.entries(VIRTUAL_MODULES).map(([id, pick]) => [`\0${id}`, pick]));
  return {
    name: 'learning-site:settings',
    resolveId: (id) => (id in VIRTUAL_MODULES ? `\0${id}` : undefined),
    load: (id) => {
      const pick = entries.get(id);
      return pick ? `export default ${JSON.stringify(pick(settings))};` : undefined;
    },
  };
}

const folderUrl = (folder: string): URL => pathToFileURL(folder.endsWith('/') ? folder : `${folder}/`);

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
  };
  const session = createContentSession({ ...sessionOptions, cacheDir: env.astroCacheDir });
  const renderPool = new RenderPool(session, sessionOptions, settings.base, settings.renderTimeLimitSeconds * 1000);
  const processor = parallelUnified(unified(markdownProcessorOptions({ docsDir: env.docsDir, base: settings.base, session })), renderPool);

  return {
    name: 'learning-site',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
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
            shikiConfig: { themes: codeThemes, defaultColor: false, langs: preloadedLanguages as never[] },
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
            plugins: [settingsModulesPlugin(settings), codeThemeCssPlugin()],
            // Scripts stay external files: the Content-Security-Policy then needs 'self' plus the hash of
            // the one inline theme snippet, instead of a hash that changes with every script edit.
            build: { assetsInlineLimit: 0 },
          },
        });
      },
    },
  };
}
