import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseResources } from '../../src/core/resources.ts';
import { validate } from '../core/validate/helpers.ts';
import { corpusFiles, generateCorpus } from '../../scripts/generate-corpus.ts';

const docsOf = (files: Map<string, string>) =>
  [...files].filter(([file]) => file.startsWith('docs/')).map(([file, source]) => ({ file: file.slice('docs/'.length), source }));

describe('generate-corpus', () => {
  it('writes exactly the number of pages asked for', () => {
    for (const pages of [2, 7, 41, 250]) expect(docsOf(corpusFiles({ pages })).length, `${pages} pages`).toBe(pages);
  });

  it('is deterministic for a seed and different for another', () => {
    expect([...corpusFiles({ pages: 60, seed: 7 })]).toEqual([...corpusFiles({ pages: 60, seed: 7 })]);
    expect(corpusFiles({ pages: 60, seed: 7 }).get('docs/section-001/topic-001.md')).not.toBe(
      corpusFiles({ pages: 60, seed: 8 }).get('docs/section-001/topic-001.md'),
    );
  });

  it('produces content the site validator accepts: every relative link and #anchor resolves', () => {
    const files = corpusFiles({ pages: 120 });
    const documents = docsOf(files);
    const problems = validate(Object.fromEntries(documents.map((doc) => [doc.file, doc.source])), { production: true });
    expect(problems).toEqual([]);
    // The links are really there: the validator had something to check.
    const internal = documents.flatMap((doc) => [...doc.source.matchAll(/\]\((\.{1,2}\/[^)]+\.md)(#[^)]+)?\)/g)]);
    expect(internal.length).toBeGreaterThanOrEqual(documents.length * 2);
    expect(internal.some((match) => match[2])).toBe(true);
  });

  it('has the building blocks of real pages', () => {
    const page = corpusFiles({ pages: 50 }).get('docs/section-001/topic-001.md')!;
    expect(page).toMatch(/^---\ntitle: ".+"\ndescription: ".+"\n/);
    expect(page).toMatch(/^## .+/m);
    expect(page).toContain('```sh\ndocker ');
    const all = [...corpusFiles({ pages: 50 }).values()].join('\n');
    expect(all).toMatch(/^\| Setting \| Effect \|$/m);
    expect(all).toMatch(/^- \[x\] /m);
    expect(all).toMatch(/\]\(https:\/\/docs\.docker\.com\//);
  });

  it('makes topic pages of about the asked length, each with bash, Dockerfile and YAML fences, a table and a task list', () => {
    for (const words of [500, 1200]) {
      const topics = docsOf(corpusFiles({ pages: 30, words })).filter((doc) => doc.file.includes('/topic-'));
      const body = (source: string) => source.slice(source.indexOf('---', 3) + 3);
      const counts = topics.map((doc) => body(doc.source).split(/\s+/).filter(Boolean).length);
      expect(Math.min(...counts), `${words} words`).toBeGreaterThanOrEqual(words);
      expect(Math.max(...counts), `${words} words`).toBeLessThan(words * 1.4);
      for (const { source } of topics) {
        for (const block of ['```bash\n', '```dockerfile\nFROM ', '```yaml\nservices:', '| Setting | Effect |', '- [ ] '])
          expect(source).toContain(block);
      }
    }
  });

  it('writes links relative to the page URL in the url style, with the same targets as the file style', () => {
    const byFile = corpusFiles({ pages: 60, seed: 3 }).get('docs/section-001/topic-002.md')!;
    const byUrl = corpusFiles({ pages: 60, seed: 3, links: 'url' }).get('docs/section-001/topic-002.md')!;
    const target = /See \[[^\]]+\]\(\.\.\/(section-\d+)\/(topic-\d+)\.md\)/.exec(byFile) ?? /See \[[^\]]+\]\(\.\/(topic-\d+)\.md\)/.exec(byFile);
    expect(target).not.toBeNull();
    expect(byUrl).toMatch(/See \[[^\]]+\]\(\.\.\/(\.\.\/section-\d+\/)?topic-\d+\/\)/);
    expect(byUrl).toContain('Back to [the section overview](../)');
  });

  it('writes a valid links.yaml with the requested number of resources', () => {
    const text = corpusFiles({ pages: 10, resources: 12 }).get('links.yaml')!;
    const { resources, problems } = parseResources(text, 'links.yaml');
    expect(problems).toEqual([]);
    expect(resources).toHaveLength(12);
  });

  const out = mkdtempSync(path.join(tmpdir(), 'corpus-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('makes as many sections as asked, so big sections can be benchmarked', () => {
    const landings = [...corpusFiles({ pages: 1001, sections: 10 }).keys()].filter((file) => /^docs\/[^/]+\/index\.md$/.test(file));
    expect(landings).toHaveLength(10);
  });

  it('writes the files to disk and replaces an earlier corpus', () => {
    generateCorpus({ pages: 90, outDir: out });
    const summary = generateCorpus({ pages: 30, outDir: out, resources: 3 });
    const onDisk = readdirSync(summary.docsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(onDisk).toHaveLength(30);
    expect(summary).toMatchObject({ pages: 30, sections: 1, resources: 3 });
    expect(parseResources(readFileSync(summary.linksFile, 'utf8'), 'links.yaml').resources).toHaveLength(3);
  });
});
