import { z } from 'zod';

/** What a page's frontmatter may say. The only definition: the content collection and the validator use it. */
export const docFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1, 'a page needs a title'),
    description: z
      .string()
      .trim()
      .min(1, 'a page needs a one or two sentence description (it is used for search and link previews)'),
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
