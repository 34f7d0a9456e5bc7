import { readEnv } from '../core/env.ts';
import { resolveSiteConfig } from '../core/site-config.ts';
import { joinBase, pageHref } from '../core/urls.ts';
import siteConfigInput from '../site.config.ts';

const env = readEnv();

/** The validated site config with environment overrides applied (astro.config.mjs resolves the same way). */
export const site = resolveSiteConfig(siteConfigInput, { SITE_URL: env.siteUrl, SITE_BASE: env.siteBase });

/** Internal URL of any site path (assets, pagefind, the PDF): base path included. */
export const url = (path: string): string => joinBase(site.base, path);

/** Internal URL of a page by slug. */
export const pageUrl = (slug: string, fragment?: string): string => pageHref(site.base, slug, fragment);

/** Absolute URL for canonical links and social cards. */
export const absoluteUrl = (path: string): string => new URL(url(path), site.site).href;
