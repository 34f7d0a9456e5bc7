import path from 'node:path';
import { FactsStore } from './facts-store.ts';
import type { MdxImportRules } from '../security/mdx-policy.ts';
import { DEFAULT_SLUG_RULES, type SlugRules } from '../urls.ts';

/**
 * What one build (or dev server) knows about its content: created once in astro.config.mjs and
 * handed to both the rendering plugin, which records facts into it, and the validator, which reads
 * them. Passing it explicitly keeps the two from needing a shared global.
 */
export interface ContentSession {
  contentDir: string;
  docsDir: string;
  publicDir: string;
  mdxRules: Omit<MdxImportRules, 'fileFromDocsDir'>;
  /** How file names become URLs: the renderer's link rewriting and the validator must agree. */
  slugRules: SlugRules;
  /** Whether a page without `description` is an error rather than a warning. */
  requireDescriptions: boolean;
  /** The requirement names lessons may use in `needs=` (lessonRequirements); undefined: not judged. */
  lessonRequirements: readonly string[] | undefined;
  store: FactsStore;
  /** Where the store is saved between builds. */
  cacheFile: string;
}

export interface ContentSessionOptions {
  contentDir: string;
  docsDir: string;
  publicDir: string;
  componentsDir: string;
  allowedImports: readonly string[];
  /** `mdx.trusted` in the site settings: MDX pages are not held to the declarative rule. */
  mdxTrusted?: boolean;
  /** Default: as the site config defaults (number prefixes stripped, descriptions optional). */
  slugRules?: SlugRules;
  requireDescriptions?: boolean;
  /** The names of the site's lessonRequirements; left out, `needs=` names are not judged. */
  lessonRequirements?: readonly string[];
  cacheDir: string;
}

/** `load: false` starts with an empty store (render workers keep no cache of their own). */
export function createContentSession(options: ContentSessionOptions, { load = true } = {}): ContentSession {
  const mdxRules = {
    docsDir: options.docsDir,
    contentDir: options.contentDir,
    componentsDir: options.componentsDir,
    allowedImports: options.allowedImports,
    trusted: options.mdxTrusted ?? false,
  };
  // The facts hold the annotation problems, which depend on the declared requirements too.
  const store = new FactsStore(JSON.stringify({ mdxRules, lessonRequirements: options.lessonRequirements ?? null }));
  const cacheFile = path.join(options.cacheDir, 'content-facts.json');
  if (load) store.load(cacheFile);
  return {
    contentDir: options.contentDir,
    docsDir: options.docsDir,
    publicDir: options.publicDir,
    mdxRules,
    slugRules: options.slugRules ?? DEFAULT_SLUG_RULES,
    requireDescriptions: options.requireDescriptions ?? false,
    lessonRequirements: options.lessonRequirements,
    store,
    cacheFile,
  };
}
