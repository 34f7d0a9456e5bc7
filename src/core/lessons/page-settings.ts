import { z } from 'zod';
import { REQUIREMENT_NAME } from './requirements.ts';

export const OBJECT_KINDS = ['container', 'image', 'volume', 'network', 'build-cache'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/**
 * A page's `lesson:` frontmatter: it opts the page into `npm run lessons` and holds what is true
 * for the whole page. Frontmatter is metadata on GitHub too, so nothing here is read as prose.
 */
export const lessonSettingsSchema = z
  .object({
    /** false keeps the page out of `npm run lessons` without deleting its settings. */
    run: z.boolean().default(true),
    /** Seconds each command may take, unless its block says timeout=…; default 60. */
    timeout: z.number().int().min(1).max(3600).optional(),
    /**
     * Requirements of every step of the page, by the names the course declares in its settings
     * (lessonRequirements); the content check and the runner refuse a name it does not declare.
     */
    needs: z.array(z.string().regex(REQUIREMENT_NAME, 'a requirement name is lower-case letters, digits and dashes, such as internet')).optional(),
    /** Placeholders used throughout the page (USERNAME) and the value the runner writes instead. */
    bind: z.record(z.string().min(1), z.string()).optional(),
    /**
     * Pages a reader works through before this one, whose steps run first in the same folder:
     * a page that goes on in a folder an earlier page made. Paths relative to this page.
     */
    after: z.array(z.string().regex(/\.mdx?$/, 'name a page file, such as first-steps.md')).optional(),
    /**
     * What the page leaves in the engine on purpose, for a later page: `kind:name`, kind one of
     * container, image, volume, network, build-cache; `*` in a name matches any text.
     */
    leaves: z
      .array(
        z
          .string()
          .regex(
            new RegExp(`^(${OBJECT_KINDS.join('|')}):.+$`),
            `write what the page leaves as kind:name, kind one of ${OBJECT_KINDS.join(', ')} (image:nginx:alpine, volume:pgdata, build-cache:*)`,
          ),
      )
      .optional(),
  })
  .strict();

export type LessonSettings = z.output<typeof lessonSettingsSchema>;
