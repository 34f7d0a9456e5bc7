import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { projectRoot, readEnv } from './core/env.ts';
import { docFrontmatterSchema } from './core/frontmatter.ts';
import { formatProblems } from './core/problems.ts';
import { parseResources, resourceSchema } from './core/resources.ts';

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
      const shownPath = path.relative(projectRoot, env.linksFile) || env.linksFile;
      const { resources: located, problems } = parseResources(text, shownPath);
      store.clear();
      watcher?.add(env.linksFile);
      if (problems.length > 0) {
        logger.error(formatProblems('content/links.yaml has errors; fix them and build again', problems));
        // A thrown error would bury the list under Astro's stack trace; in dev, keep serving.
        if (!import.meta.env.DEV) process.exit(1);
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
