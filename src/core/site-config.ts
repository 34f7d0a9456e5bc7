import { z } from 'zod';
import { allowedImportEntryProblem } from './content/mdx-policy.ts';
import { describeZodIssues } from './problems.ts';

/** One `mdx.allowedImports` entry; its meaning is defined next to the check that uses it. */
const allowedImportEntry = z.string().superRefine((entry, context) => {
  const problem = allowedImportEntryProblem(entry);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** The single definition of what a site config is; the type comes from it. */
export const siteConfigSchema = z
  .object({
    title: z.string().min(1, 'give the site a title'),
    description: z.string().min(1, 'give the site a one-sentence description'),
    /** Absolute origin (and optional path) the site is served from, used for canonical URLs and the sitemap. */
    site: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://example.org' }),
    /** Sub-path for project sites, e.g. '/docker-learning'. '/' for a site at the domain root. */
    base: z
      .string()
      .regex(/^\/([A-Za-z0-9._~-]+\/?)*$/, "expected a path starting with '/', such as '/' or '/docker-learning'"),
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "expected a BCP 47 language tag such as 'en'").default('en'),
    repository: z.object({
      url: z.url({ protocol: /^https$/, error: 'expected the https URL of the repository' }),
      branch: z.string().min(1).default('main'),
      /** Where content lives inside the repository, for "Edit this page" links. */
      contentPath: z.string().default('content'),
    }),
    /**
     * `01-intro.md` and `02-basics/` sort by their number and are published without it (the
     * Docusaurus convention). Turn it off for sites whose file names start with dates or numbers
     * that are part of the name.
     */
    stripNumberPrefixes: z.boolean().default(true),
    /**
     * A page without `description` gets one from its first paragraph, and the build lists those
     * pages in one warning. `true` makes a missing description an error instead.
     */
    requireDescriptions: z.boolean().default(false),
    /**
     * The most entries an open sidebar section shows. A bigger one shows that many around the
     * current page and links to its landing page, which lists them all: pages stay small however
     * big a section grows. Smaller sections are shown whole.
     */
    sidebarMaxEntries: z.number().int().min(10, 'sidebarMaxEntries must be at least 10, or readers lose their way').default(50),
    mdx: z
      .object({
        /**
         * Packages MDX pages may import besides our components, their content files and astro:
         * modules. Pages run as code at build time, so each entry is a decision to trust that
         * package with the build machine. `'pkg/sub'` allows exactly that import path;
         * `'pkg/*'` allows every subpath of pkg (not pkg itself: list both to allow both).
         */
        allowedImports: z.array(allowedImportEntry).default([]),
        /**
         * Full MDX: pages may compute (expressions, functions, exported code, computed tags) and
         * import anything. Only for sites whose every MDX change is reviewed as code by a
         * maintainer: a page then runs with the build machine's rights, and only the output gate
         * stands between it and the published HTML. Default: declarative MDX (see CONTRIBUTING).
         */
        trusted: z.boolean().default(false),
      })
      .strict()
      .default({ allowedImports: [], trusted: false }),
    /**
     * The longest one page may take to render, in seconds. Past it the build fails naming the
     * page rather than hang: a hostile page can make a parser or highlighter spin.
     */
    renderTimeLimitSeconds: z.number().positive('renderTimeLimitSeconds must be more than 0').max(3600).default(30),
  })
  .strict();

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** Environment overrides let CI deploy the same config under a different origin or base path. */
export interface SiteEnv {
  SITE_URL?: string;
  SITE_BASE?: string;
}

export function resolveSiteConfig(input: SiteConfigInput, env: SiteEnv = {}): SiteConfig {
  const merged = {
    ...input,
    ...(env.SITE_URL ? { site: env.SITE_URL } : {}),
    ...(env.SITE_BASE ? { base: env.SITE_BASE } : {}),
  };
  const result = siteConfigSchema.safeParse(merged);
  if (!result.success) {
    const lines = describeZodIssues(result.error, merged).map((i) => `  - ${i.message}`);
    const overrides = Object.entries({ SITE_URL: env.SITE_URL, SITE_BASE: env.SITE_BASE })
      .filter(([, value]) => value)
      .map(([name]) => name);
    if (overrides.length > 0) lines.push(`  (${overrides.join(' and ')} from the environment override the file's values)`);
    throw new SiteConfigError(`src/site.config.ts is invalid:\n${lines.join('\n')}`);
  }
  const base = result.data.base === '/' ? '/' : result.data.base.replace(/\/+$/, '');
  return { ...result.data, base };
}
