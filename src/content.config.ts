import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { readEnv } from './core/env.ts';
import { docFrontmatterSchema } from './core/frontmatter.ts';
import { ContentProblemsError } from './core/problems.ts';
import { parseResources, resourceSchema } from './core/resources.ts';
import { LINKS_FILE_PROBLEMS_TITLE, shownLinksFile } from './core/links-file.ts';

const env = readEnv();

const docs = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: env.docsDir,
    // The id is the file's path (without extension) so two files that would claim one URL stay two
    // entries and the validator can name both; slugFromContentPath alone decides the URL.
    generateId: ({ entry }) => entry.replace(/\.(md|mdx)$/i, ''),
  }),
  schema: docFrontmatterSchema,
});

/** The curated resources, with every problem reported at once with its line (the file loader stops at the first). */
const resources = defineCollection({
  loader: {
    name: 'links-yaml',
    async load({ store, parseData, watcher, logger }) {
      let text: string;
      try {
        text = await readFile(env.linksFile, 'utf8');
      } catch {
        store.clear();
        return; // No list yet: the Learning resources page says so.
      }
      const { resources: located, problems } = parseResources(text, shownLinksFile(env.linksFile));
      store.clear();
      watcher?.add(env.linksFile);
      if (problems.length > 0) {
        const error = new ContentProblemsError(LINKS_FILE_PROBLEMS_TITLE, problems);
        // `astro dev` keeps serving while the author fixes the list. `astro build` and `sync` never
        // get here with a bad list (the validate-content integration stops them first, with the
        // list and no stack trace), so a throw here means a path that skipped that check.
        if (!import.meta.env.DEV) throw error;
        logger.error(error.message);
        return;
      }
      for (const { resource, line } of located) {
        const data = await parseData({ id: resource.id, data: { ...resource, line } });
        store.set({ id: resource.id, data });
      }
    },
  },
  // The line lets the page and search point maintainers back at the YAML.
  schema: resourceSchema.extend({ line: z.number().int() }),
});

export const collections = { docs, resources };
