import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, FactsStore } from '../../../src/core/content/facts-store.ts';
import { factsFromSource } from '../../../src/core/content/parse.ts';

const page = (source: string) => factsFromSource({ file: 'a.md', format: 'md', source });
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('FactsStore: facts kept between builds, by page and text', () => {
  it('gives back facts only for the same file with the same text', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'facts-'));
    const store = new FactsStore();
    const facts = page('## Install\n');
    store.record('/docs/a.md', contentHash('## Install\n'), facts);
    expect(store.get('/docs/a.md', contentHash('## Install\n'))).toBe(facts);
    expect(store.get('/docs/a.md', contentHash('## Changed\n'))).toBeUndefined();
    expect(store.get('/docs/b.md', contentHash('## Install\n'))).toBeUndefined();
  });

  it('saves what this run used and loads it in the next, so an unchanged page is not parsed again', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'facts-'));
    const file = path.join(dir, 'content-facts.json');
    const first = new FactsStore('rules');
    first.record('/docs/a.md', 'h1', page('## One\n'));
    first.record('/docs/gone.md', 'h2', page('## Two\n'));
    first.save(file);

    const second = new FactsStore('rules');
    second.load(file);
    expect(second.get('/docs/a.md', 'h1')?.anchors).toEqual(['one']);
    second.save(file); // gone.md was not asked for: a deleted page leaves the cache

    const third = new FactsStore('rules');
    third.load(file);
    expect(third.get('/docs/a.md', 'h1')?.anchors).toEqual(['one']);
    expect(third.get('/docs/gone.md', 'h2')).toBeUndefined();
  });

  it('starts empty from a corrupt or foreign file, or one made under other MDX rules', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'facts-'));
    const file = path.join(dir, 'content-facts.json');
    writeFileSync(file, '{"format": 3, "entries": {"x": {"file": 1}}');
    const corrupt = new FactsStore();
    corrupt.load(file);
    expect(corrupt.size).toBe(0);

    const saved = new FactsStore('rules A');
    saved.record('/docs/a.md', 'h', page('## One\n'));
    saved.save(file);
    const other = new FactsStore('rules B');
    other.load(file);
    expect(other.size).toBe(0);
  });
});
