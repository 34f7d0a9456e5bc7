import { z } from 'zod';
import { withoutBidiControls } from './plain-text.ts';
import { lessonSettingsSchema } from './lessons/page-settings.ts';

/** What a page's frontmatter may say. The only definition: the content collection and the validator use it. */
export const docFrontmatterSchema = z
  .object({
    title: withoutBidiControls(z.string().trim().min(1, 'a page needs a title')),
    /** One or two sentences for search results and link previews; without it, the first paragraph is used. */
    description: withoutBidiControls(
      z.string().trim().min(1, 'description must not be empty: write one or two sentences, or remove the field to use the first paragraph'),
    ).optional(),
    sidebar: z
      .object({
        /** Shorter text for the sidebar than the title. */
        label: withoutBidiControls(z.string().trim().min(1)).optional(),
        /** Lower comes first; pages without an order follow, by title. */
        order: z.number().int('sidebar.order must be a whole number').optional(),
      })
      .strict()
      .optional(),
    /**
     * Whether course progress counts the page as a lesson. Left out: every page is one except
     * landing pages (`index` files). Reference pages, such as a glossary, say `false`. A lesson
     * whose commands `npm run lessons` runs gives its settings here instead (`lesson: { run: true }`,
     * see CONTRIBUTING, "Make a lesson runnable"): it is a lesson too.
     */
    lesson: z
      .union([z.boolean(), lessonSettingsSchema], {
        error:
          'lesson is true or false (whether course progress counts this page), or the settings of a lesson that runs, such as { run: true, timeout: 120 }',
      })
      .optional(),
    /** Drafts are built by `astro dev` but left out of production builds, the sitemap and search. */
    draft: z.boolean().default(false),
    /** Overrides the "Last updated" date taken from git. */
    updated: z.coerce.date().optional(),
    /** Image for link previews (OpenGraph/Twitter), a path relative to public/ or an absolute URL. */
    image: z.string().optional(),
    /** Minutes a hands-on session takes, when the reading time computed from the text would mislead. */
    duration: z
      .number()
      .int('duration is whole minutes, such as 20')
      .positive('duration is a number of minutes above 0')
      .max(600, 'duration is at most 600 minutes; split a longer session')
      .optional(),
    /** What the reader will be able to do afterwards, shown as "What you will learn". */
    objectives: z
      .array(withoutBidiControls(z.string().trim().min(1, 'an objective cannot be empty')))
      .min(1, 'objectives needs at least one entry, or leave the field out')
      .optional(),
    /** Pages to read first, as links to their .md files (checked like links in the text), shown as "Before you start". */
    prerequisites: z
      .array(z.string().trim().min(1, 'a prerequisite cannot be empty; write a link such as ../concepts/containers.md'))
      .min(1, 'prerequisites needs at least one link, or leave the field out')
      .optional(),
  })
  .strict();

export type DocFrontmatter = z.output<typeof docFrontmatterSchema>;
