import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/content/facts-store.ts';
import { createContentSession } from '../../src/core/content/session.ts';
import { markdownPipeline } from '../../src/markdown/processor.ts';
import { RenderPool } from '../../src/render-pool/pool.ts';

let root: string;
let pool: RenderPool | undefined;
afterEach(async () => {
  await pool?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('RenderPool: pages rendered on another core come back the same, with their facts', () => {
  it.runIf(os.availableParallelism() > 1)(
    'renders in a worker what this thread would render, and records the facts in the build session',
    async () => {
      root = mkdtempSync(path.join(os.tmpdir(), 'pool-'));
      const docsDir = path.join(root, 'content', 'docs');
      mkdirSync(docsDir, { recursive: true });
      const options = {
        contentDir: path.join(root, 'content'),
        docsDir,
        publicDir: path.join(root, 'public'),
        componentsDir: path.join(root, 'src'),
        allowedImports: [],
      };
      const session = createContentSession({ ...options, cacheDir: path.join(root, 'cache') }, { load: false });
      const { remarkPlugins, rehypePlugins } = markdownPipeline({ docsDir, base: '/sub', session });
      const shared = { syntaxHighlight: false, gfm: true };
      const local = await unified({ remarkPlugins, rehypePlugins, smartypants: false }).createRenderer(shared as never);

      pool = new RenderPool(session, options, '/sub');
      pool.enabled = true;
      let localRenders = 0;
      const pooled = pool.wrap(
        {
          render: (...args) => {
            localRenders += 1;
            return local.render(...args);
          },
        },
        shared,
      );

      const source = '---\ntitle: A\n---\n\n## Start here\n\nSee [b](./b.md#x) and <a href="javascript:x">this</a>.\n';
      const file = path.join(docsDir, 'a.md');
      writeFileSync(file, source);
      const body = source.slice(source.indexOf('## Start')).trim();
      const viaPool = await pooled.render(body, { fileURL: pathToFileURL(file), frontmatter: { title: 'A' } });
      expect(localRenders).toBe(0); // the worker had room, so it rendered the page
      const here = await local.render(body, { fileURL: pathToFileURL(file), frontmatter: { title: 'A' } });
      expect(viaPool.code).toBe(here.code);
      expect(viaPool.code).toContain('href="/sub/b/#x"');
      expect(viaPool.metadata.headings).toEqual(here.metadata.headings);

      const facts = session.store.get(file, contentHash(source));
      expect(facts?.anchors).toEqual(['start-here']);
      expect(facts?.links.map((link) => [link.href, link.line])).toEqual([
        ['./b.md#x', 7],
        ['javascript:x', 7],
      ]);
      expect(facts?.problems.map((problem) => problem.line)).toEqual([7]);
    },
  );

  it('renders on this thread when the pool is off (astro dev)', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'pool-'));
    const options = { contentDir: root, docsDir: root, publicDir: root, componentsDir: root, allowedImports: [] };
    pool = new RenderPool(createContentSession({ ...options, cacheDir: root }, { load: false }), options, '/');
    const local = { render: async () => ({ code: 'here', metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter: {} } }) };
    expect(pool.wrap(local, {})).toBe(local);
  });
});

describe('RenderPool: the render time limit', () => {
  it.runIf(os.availableParallelism() > 1)(
    'stops a worker that overruns it and hands the page to the content gate, rendering it as nothing',
    async () => {
      root = mkdtempSync(path.join(os.tmpdir(), 'pool-'));
      const docsDir = path.join(root, 'content', 'docs');
      mkdirSync(docsDir, { recursive: true });
      const options = {
        contentDir: path.join(root, 'content'),
        docsDir,
        publicDir: path.join(root, 'public'),
        componentsDir: path.join(root, 'src'),
        allowedImports: [],
      };
      const session = createContentSession({ ...options, cacheDir: path.join(root, 'cache') }, { load: false });
      const { remarkPlugins, rehypePlugins } = markdownPipeline({ docsDir, base: '/', session });
      const shared = { syntaxHighlight: false, gfm: true };
      const local = await unified({ remarkPlugins, rehypePlugins, smartypants: false }).createRenderer(shared as never);
      // 50 ms: less than a worker needs to load the pipeline, let alone render a 5,000-row table.
      pool = new RenderPool(session, options, '/', 50);
      pool.enabled = true;
      const pooled = pool.wrap(local, shared);
      const file = path.join(docsDir, 'slow.md');
      const table = `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(5000)}`;
      writeFileSync(file, `---\ntitle: Slow\n---\n\n${table}`);
      const result = await pooled.render(table, { fileURL: pathToFileURL(file), frontmatter: { title: 'Slow' } });
      expect(result.code).toBe('');
      expect(pool.timedOut).toEqual([file]);
      // The stopped worker is gone: the next page renders on this thread, within the limit or not.
      expect((pool as unknown as { workers: unknown[] }).workers).toEqual([]);
    },
  );
});
