import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentFacts } from './facts.ts';

/**
 * Facts by page, keyed by the page's path and the hash of its text. The rendering plugin records
 * them as it renders; the validator reads them. Saved between builds, because Astro does not
 * re-render a page whose text is unchanged, and the facts must then come from somewhere.
 */

/** Bump when collectFacts changes what it records: older cache files are then ignored whole. */
export const FACTS_FORMAT = 7;

export function contentHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

const factsSchema = z.object({
  file: z.string(),
  anchors: z.array(z.string()),
  links: z.array(z.object({ href: z.string(), line: z.number() })),
  images: z.array(z.object({ src: z.string(), alt: z.string().optional(), line: z.number(), syntax: z.enum(['markdown', 'html']) })),
  sources: z.array(z.object({ href: z.string(), line: z.number() })),
  imports: z.array(z.object({ href: z.string(), line: z.number() })),
  problems: z.array(z.object({ line: z.number(), message: z.string() })),
});
const cacheFileSchema = z.object({ format: z.literal(FACTS_FORMAT), salt: z.string(), entries: z.record(z.string(), factsSchema) });

export class FactsStore {
  private readonly entries = new Map<string, DocumentFacts>();
  /** Keys recorded or read in this run: only those are saved, so deleted pages leave the cache. */
  private readonly used = new Set<string>();

  /** Names what else shapes the facts (the MDX import rules): a change there empties the store. */
  private readonly salt: string;

  // No parameter properties: render workers load this file with Node's type stripping.
  constructor(salt = '') {
    this.salt = salt;
  }

  private static key(absolutePath: string, hash: string): string {
    return `${absolutePath}\0${hash}`;
  }

  record(absolutePath: string, hash: string, facts: DocumentFacts): void {
    const key = FactsStore.key(absolutePath, hash);
    this.entries.set(key, facts);
    this.used.add(key);
  }

  get(absolutePath: string, hash: string): DocumentFacts | undefined {
    const key = FactsStore.key(absolutePath, hash);
    const facts = this.entries.get(key);
    if (facts) this.used.add(key);
    return facts;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Reads a saved store; a missing, corrupt or outdated file is an empty store, never an error. */
  load(file: string): void {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return;
    }
    const parsed = cacheFileSchema.safeParse(data);
    if (!parsed.success || parsed.data.salt !== this.salt) return;
    for (const [key, facts] of Object.entries(parsed.data.entries)) if (!this.entries.has(key)) this.entries.set(key, facts as DocumentFacts);
  }

  /** Writes the facts used in this run, atomically (a build killed mid-write leaves the old file). */
  save(file: string): void {
    const entries: Record<string, DocumentFacts> = {};
    for (const key of this.used) entries[key] = this.entries.get(key)!;
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: FACTS_FORMAT, salt: this.salt, entries }));
    renameSync(temporary, file);
  }
}
