import { z } from 'zod';

/** What a page's frontmatter may say. The only definition: the content collection and the validator use it. */
export const docFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1, 'a page needs a title'),
    /** One or two sentences for search results and link previews; without it, the first paragraph is used. */
    description: z
      .string()
      .trim()
      .min(1, 'description must not be empty: write one or two sentences, or remove the field to use the first paragraph')
      .optional(),
    sidebar: z
      .object({
        /** Shorter text for the sidebar than the title. */
        label: z.string().trim().min(1).optional(),
        /** Lower comes first; pages without an order follow, by title. */
        order: z.number().int('sidebar.order must be a whole number').optional(),
      })
      .strict()
      .optional(),
    /** Drafts are built by `astro dev` but left out of production builds, the sitemap and search. */
    draft: z.boolean().default(false),
    /** Overrides the "Last updated" date taken from git. */
    updated: z.coerce.date().optional(),
    /** Image for link previews (OpenGraph/Twitter), a path relative to public/ or an absolute URL. */
    image: z.string().optional(),
  })
  .strict();

export type DocFrontmatter = z.output<typeof docFrontmatterSchema>;
