// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import validateContent from './src/integrations/validate-content.ts';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readEnv } from './src/core/env.ts';
import { markdownPipeline } from './src/plugins/index.ts';
import { codeThemeCssPlugin, codeThemes } from './src/plugins/code-theme.ts';
import { parallelUnified, RenderPool } from './src/plugins/render-pool.ts';
import { resolveSiteConfig, SiteConfigError } from './src/core/site-config.ts';
import { createContentSession } from './src/core/content/session.ts';

// This file is the entry point of `astro build` and `astro dev`: the code it loads throws typed
// errors, and only here are they turned into an exit code. Astro prints a stack trace under
// anything that reaches it, which would bury a list the maintainer has to read.

const env = readEnv();
const siteConfigInput = (await import(pathToFileURL(env.siteConfigFile).href)).default;
const siteConfig = resolveSiteConfigOrExit();

/** A mistake in the settings is the maintainer's to fix: say what it is, without a stack trace. */
function resolveSiteConfigOrExit() {
  try {
    return resolveSiteConfig(siteConfigInput, { SITE_URL: env.siteUrl, SITE_BASE: env.siteBase });
  } catch (error) {
    if (error instanceof SiteConfigError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** The integration has logged every problem; ending here keeps that list the last thing printed. */
function exitOnContentProblems() {
  process.exit(1);
}

// One session per build: the renderer records each page's facts into it, and the validator reads them.
const sessionOptions = {
  contentDir: env.contentDir,
  docsDir: env.docsDir,
  publicDir: env.publicDir,
  componentsDir: fileURLToPath(new URL('./src/components/', import.meta.url)),
  allowedImports: siteConfig.mdx.allowedImports,
  mdxTrusted: siteConfig.mdx.trusted,
  slugRules: { stripNumberPrefixes: siteConfig.stripNumberPrefixes },
  requireDescriptions: siteConfig.requireDescriptions,
};
const session = createContentSession({ ...sessionOptions, cacheDir: env.astroCacheDir });
const { remarkPlugins, rehypePlugins } = markdownPipeline({ docsDir: env.docsDir, base: siteConfig.base, session });
const renderPool = new RenderPool(session, sessionOptions, siteConfig.base, siteConfig.renderTimeLimitSeconds * 1000);
const processor = parallelUnified(unified({ remarkPlugins, rehypePlugins, smartypants: false }), renderPool);

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  publicDir: env.publicDir,
  trailingSlash: 'ignore',
  // Separate caches let tests build several fixture sites side by side.
  cacheDir: env.astroCacheDir,
  build: { format: 'directory', concurrency: 4 },
  markdown: {
    // Astro 7's default processor (Sätteri) silently ignores remark/rehype plugins; ours need unified.
    // No SmartyPants: it cost ~5 s per 1,000 pages (a tenth of the build), and its dashes changed
    // heading ids away from GitHub's ('--' must survive). Authors type typographic quotes themselves.
    processor,
    // Colours as variables only (defaultColor: false), which src/plugins/rehype-code-classes.ts turns into classes.
    shikiConfig: { themes: codeThemes, defaultColor: false },
  },
  // validateContent first: a content mistake stops the build before anything is rendered.
  integrations: [
    validateContent({
      session,
      linksFile: env.linksFile,
      renderPool,
      onProblems: exitOnContentProblems,
      github: env.githubActions ? { stepSummary: env.githubStepSummary } : undefined,
    }),
    mdx(),
    sitemap(),
    pagefind({ language: siteConfig.lang, linksFile: env.linksFile }),
  ],
  vite: {
    // The stylesheet for the code colour classes (src/plugins/code-theme.ts).
    plugins: [codeThemeCssPlugin()],
    // Scripts stay external files: the Content-Security-Policy then needs 'self' plus the hash of
    // the one inline theme snippet, instead of a hash that changes with every script edit.
    build: { assetsInlineLimit: 0 },
  },
});
