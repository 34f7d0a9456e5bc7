import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, whatever the working directory. Inside Astro's bundled prerender code this
 * module no longer sits in src/lib, so astro.config.mjs records the root in DOCS_PROJECT_ROOT first.
 */
export const projectRoot = process.env.DOCS_PROJECT_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The only place the environment is read. DOCS_CONTENT_DIR points the build at another content
 * folder (fixtures in tests, generated corpora in benchmarks) without touching the normal build.
 */
export function readEnv(env: NodeJS.ProcessEnv = process.env) {
  const contentDir = env.DOCS_CONTENT_DIR ? path.resolve(env.DOCS_CONTENT_DIR) : path.join(projectRoot, 'content');
  return {
    contentDir,
    docsDir: path.join(contentDir, 'docs'),
    linksFile: path.join(contentDir, 'links.yaml'),
    astroCacheDir: env.ASTRO_CACHE_DIR ? path.resolve(env.ASTRO_CACHE_DIR) : path.join(projectRoot, 'node_modules', '.astro'),
    siteUrl: env.SITE_URL || undefined,
    siteBase: env.SITE_BASE || undefined,
    /** Link-check cache to show resource health from (issue: resource health on the site). */
    linkCacheFile: env.LINK_CHECK_CACHE ? path.resolve(env.LINK_CHECK_CACHE) : path.join(projectRoot, '.cache', 'link-check.json'),
  };
}
