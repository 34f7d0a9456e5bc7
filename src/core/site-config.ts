import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { slug } from 'github-slugger';
import { readEnv } from './env.ts';
import { z } from 'zod';
import { allowedImportEntryProblem } from './security/mdx-policy.ts';
import { describeZodIssues } from './problems.ts';
import { lessonRequirementsSchema } from './lessons/requirements.ts';

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
    base: z.string().regex(/^\/([A-Za-z0-9._~-]+\/?)*$/, "expected a path starting with '/', such as '/' or '/my-course'"),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "expected a BCP 47 language tag such as 'en'")
      .default('en'),
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
    /**
     * A page also offered as a PDF (`npm run pdf` prints it with Chromium after the build): its
     * slug, and the file name of the PDF at the site root.
     */
    printable: z
      .object({
        page: z.string().regex(/^[a-z0-9][a-z0-9/_-]*$/, "expected a page's slug, such as 'reference/quick-reference'"),
        pdf: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/, "expected a file name ending in .pdf, such as 'quick-ref.pdf'"),
      })
      .strict()
      .optional(),
    /** The file name of the whole course as one PDF (`npm run pdf`); by default made from the title ('docker-learning.pdf'). */
    coursePdf: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/, "expected a file name ending in .pdf, such as 'my-course.pdf'")
      .optional(),
    /**
     * The browser storage key under which a learner's progress is kept. Two courses on one origin
     * need different keys; by default it is made from the title ('My Course' → 'my-course:progress:v1').
     */
    /** What search engines and link previews say about the resources page (links.yaml). */
    resourcesDescription: z.string().min(1).default('Hand-picked articles, courses, videos and books from elsewhere on the web, grouped by level.'),
    progressKey: z
      .string()
      .regex(/^[A-Za-z0-9:._-]+$/, 'expected letters, digits and : . _ - only')
      .optional(),
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
    /**
     * The lessons report (`npm run lessons -- --report FILE`) the pages of lessons that run show
     * their last result from, relative to the project folder. No file there, no status on any page;
     * a file that is not a report stops the build. LESSONS_REPORT in the environment overrides it.
     */
    lessonReport: z.string().min(1, 'give the path of the lessons report, such as .cache/lessons-report.json').default('.cache/lessons-report.json'),
    /**
     * What a lesson step may need from the engine that runs it, by name, with what it means:
     * `needs=` annotations and `lesson.needs` may use these names and no other (a misspelling is a
     * content error), and the runner skips a step whose need its engine does not meet. None by default.
     */
    lessonRequirements: lessonRequirementsSchema.default({}),
    /**
     * Languages of the course's code blocks to load before the first page is highlighted, beyond
     * the common ones (shell, JavaScript, YAML, SQL, …, src/markdown/code-theme.ts): the name of a
     * fence, such as 'hcl'. Others still work, loaded when a page first uses them.
     */
    codeLanguages: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9+#.-]*$/, "expected a code block's language name in lower case, such as 'hcl'"))
      .default([]),
  })
  .strict();

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema> & { progressKey: string; coursePdf: string };

/** Where the settings live unless DOCS_SITE_CONFIG names another file (a second course, a fixture). */
export const DEFAULT_SITE_CONFIG_FILE = 'src/site.config.ts';

export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** Environment overrides let CI deploy the same config under a different origin or base path. */
export interface SiteEnv {
  SITE_URL?: string;
  SITE_BASE?: string;
  /** Another lessons report than the settings name: the tests keep a developer's own out of fixture sites. */
  LESSONS_REPORT?: string;
}

/** The settings with environment overrides applied and defaults filled in; `file` is named in errors. */
export function resolveSiteConfig(input: SiteConfigInput, env: SiteEnv = {}, file: string = DEFAULT_SITE_CONFIG_FILE): SiteConfig {
  const merged = {
    ...input,
    ...(env.SITE_URL ? { site: env.SITE_URL } : {}),
    ...(env.SITE_BASE ? { base: env.SITE_BASE } : {}),
    ...(env.LESSONS_REPORT ? { lessonReport: env.LESSONS_REPORT } : {}),
  };
  const result = siteConfigSchema.safeParse(merged);
  if (!result.success) {
    const issues = describeZodIssues(result.error, merged);
    const lines = issues.map((i) => `  - ${i.message}`);
    // Only the variables behind a field that is wrong: the tests always set LESSONS_REPORT, for one.
    const wrongFields = new Set(issues.map((issue) => issue.path.split('.')[0]));
    const overrides = Object.entries({
      SITE_URL: ['site', env.SITE_URL],
      SITE_BASE: ['base', env.SITE_BASE],
      LESSONS_REPORT: ['lessonReport', env.LESSONS_REPORT],
    })
      .filter(([, [field, value]]) => value && wrongFields.has(field!))
      .map(([name]) => name);
    if (overrides.length > 0) lines.push(`  (${overrides.join(' and ')} from the environment override the file's values)`);
    throw new SiteConfigError(`${file} is invalid:\n${lines.join('\n')}`);
  }
  const base = result.data.base === '/' ? '/' : result.data.base.replace(/\/+$/, '');
  const name = slug(result.data.title) || 'course';
  return { ...result.data, base, progressKey: result.data.progressKey ?? `${name}:progress:v1`, coursePdf: result.data.coursePdf ?? `${name}.pdf` };
}

/**
 * Reads and resolves the settings file (a module whose default export is the settings), for the
 * integration and the tools alike. A file that cannot be loaded is a SiteConfigError naming it.
 */
export async function loadSiteConfig(file: string, env: SiteEnv, rootDir: string): Promise<SiteConfig> {
  const shown = path.relative(rootDir, file).split(path.sep).join('/') || file;
  let input: unknown;
  try {
    input = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new SiteConfigError(
      `${shown} could not be loaded: ${(error as Error).message.split('\n')[0]}. It must be a module whose default export is the site settings (see README, Settings).`,
    );
  }
  if (typeof input !== 'object' || input === null)
    throw new SiteConfigError(`${shown} must export the site settings as its default export (export default { title: …, … }).`);
  return resolveSiteConfig(input as SiteConfigInput, env, shown);
}

/** The settings a tool runs with: the file DOCS_SITE_CONFIG names (or src/site.config.ts), with SITE_URL and SITE_BASE applied. */
export function siteConfigFromEnv(env: ReturnType<typeof readEnv> = readEnv(), rootDir: string = process.cwd()): Promise<SiteConfig> {
  return loadSiteConfig(env.siteConfigFile, { SITE_URL: env.siteUrl, SITE_BASE: env.siteBase, LESSONS_REPORT: env.lessonReport }, rootDir);
}
