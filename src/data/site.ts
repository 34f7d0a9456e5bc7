import settings from 'virtual:learning-site/settings';
import { joinBase, pageHref } from '../core/urls.ts';

/** The settings as the integration resolved them (environment overrides applied, defaults filled in). */
export const site = settings;

/** Internal URL of any site path (assets, pagefind, the PDF): base path included. */
export const url = (path: string): string => joinBase(site.base, path);

/** Internal URL of a page by slug. */
export const pageUrl = (slug: string, fragment?: string): string => pageHref(site.base, slug, fragment);

/** Absolute URL for canonical links and social cards. */
export const absoluteUrl = (path: string): string => new URL(url(path), site.site).href;
