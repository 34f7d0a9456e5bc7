import { resolveSiteConfig } from '../../src/core/site-config.ts';
import siteConfigInput from '../../src/site.config.ts';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';

/**
 * The builds of the real site that the quality gates and the ship tests (CSP, nginx) judge. Every
 * test file that needs the real site asks here, so a run builds it once per base path; the global
 * teardown fails the run if the same site is built twice.
 */
export const REAL_SITE = 'real-site';
export const REAL_SITE_BASE = 'real-site-base';
export const PROJECT_BASE = '/docker-learning';

/** Origin canonical URLs and the sitemap use: the configured one, as no test overrides SITE_URL. */
export const realSettings = resolveSiteConfig(siteConfigInput);
export const siteUrl = realSettings.site;

export function realSite(): BuildResult {
  return buildSite({ contentDir: 'content', name: REAL_SITE, reuse: true });
}

/** The same content deployed under a sub-path, as a GitHub Pages project site is. */
export function realSiteWithBase(): BuildResult {
  return buildSite({ contentDir: 'content', name: REAL_SITE_BASE, base: PROJECT_BASE, reuse: true });
}
