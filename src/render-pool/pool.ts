import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MarkdownProcessor } from '@astrojs/markdown-remark';
import type { DocumentFacts } from '../core/content/facts.ts';
import type { ContentSession, ContentSessionOptions } from '../core/content/session.ts';

/**
 * Renders Markdown pages on more than one core during `astro build`. Astro's content loader renders
 * up to ten pages at a time but on one thread; on a 2-core machine that left a core idle for most of
 * the build. The pool keeps rendering on this thread too, and hands a page to a worker whenever the
 * worker has room, so both cores stay busy. Each worker runs the same plugin list (markdownPipeline)
 * and sends back the facts it recorded, which go into this build's session like local ones.
 */

type Renderer = Awaited<ReturnType<MarkdownProcessor['createRenderer']>>;
type RenderOptions = Parameters<Renderer['render']>[1];
type RenderResult = Awaited<ReturnType<Renderer['render']>>;

/** What a worker needs to build the same pipeline: plain data only (it crosses a thread). */
export interface RenderWorkerData {
  base: string;
  session: Omit<ContentSessionOptions, 'cacheDir'>;
}

export interface RenderReply {
  id: number;
  result?: RenderResult;
  error?: string;
  facts?: { path: string; hash: string; facts: DocumentFacts };
}

/** A page a worker holds: kept so that it can be rendered again elsewhere if the worker is stopped. */
interface PendingPage {
  resolve: (result: RenderResult) => void;
  reject: (error: Error) => void;
  content: string;
  options: RenderOptions;
  timer?: NodeJS.Timeout;
}

/** What the build says about a page that ran out of time, after its file name. */
export function renderTimeMessage(limitMs: number): string {
  return `took longer than ${limitMs / 1000} s to render, so the build stopped it (renderTimeLimitSeconds in src/site.config.ts). Look for what makes this page slow: an enormous table or code block, or deeply repeated markup.`;
}

/**
 * What a page that ran out of time renders to: nothing. Astro's loader would print a rejected
 * render with a stack trace and stop; an empty page lets the content gate list it with the rest
 * (validate-content reads `timedOut`) before anything is written.
 */
function emptyResult(options: RenderOptions): RenderResult {
  return {
    code: '',
    metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter: options?.frontmatter ?? {} },
  } as unknown as RenderResult;
}

interface PoolWorker {
  worker: Worker;
  /** Ids of the pages it is rendering. */
  ids: Set<number>;
}

/**
 * Pages a worker may hold at once. This thread stops answering while it renders a page of its own,
 * so the worker needs a backlog to stay busy meanwhile: with 3 it rendered 36% of a 1,000-page
 * site, with 8 it rendered 52% and the content sync took 5.8 s instead of 7.1 s.
 */
const WORKER_QUEUE = 8;

export class RenderPool {
  private workers: PoolWorker[] = [];
  private readonly pending = new Map<number, PendingPage>();
  private nextId = 0;
  /** Set by the integration: only `astro build` renders every page up front; `astro dev` renders on request. */
  enabled = false;

  private readonly session: ContentSession;
  private readonly sessionOptions: Omit<ContentSessionOptions, 'cacheDir'>;
  private readonly base: string;
  readonly timeLimitMs: number;
  /** Absolute paths of the pages that ran out of time, for the content gate. */
  readonly timedOut: string[] = [];
  /** This thread's renderer, for the pages of a worker that had to be stopped. */
  private local: Renderer | undefined;

  /**
   * `timeLimitMs` bounds each page a worker renders: a worker that takes longer is terminated, which
   * stops even an endless loop, and the page fails with its name. Pages rendered on this thread are
   * raced against the same limit, which catches a page stuck waiting but not one stuck computing:
   * a timer cannot fire while this thread is busy. That is why the workers take every page they can.
   */
  constructor(session: ContentSession, sessionOptions: Omit<ContentSessionOptions, 'cacheDir'>, base: string, timeLimitMs = 30_000) {
    this.session = session;
    this.sessionOptions = sessionOptions;
    this.base = base;
    this.timeLimitMs = timeLimitMs;
  }

  /**
   * Starts the workers early (astro build's config setup), so that they load the Markdown and
   * highlighting modules while Astro sets itself up, not after the first page is handed out.
   */
  warmUp(): void {
    if (!this.enabled || this.workers.length > 0) return;
    this.start();
  }

  /** Wraps this thread's renderer so that pages also go to workers. */
  wrap(local: Renderer, shared: unknown): Renderer {
    if (!this.enabled) return local;
    this.start();
    let settings: unknown;
    try {
      settings = structuredClone(shared);
    } catch {
      void this.close(); // Settings that cannot cross a thread (functions): render here, as Astro would.
      return local;
    }
    for (const { worker } of this.workers) worker.postMessage({ settings });
    if (this.workers.length === 0) return local;
    this.local = local;
    return {
      render: (content, options) => {
        const free = this.workers.find((entry) => entry.ids.size < WORKER_QUEUE);
        return free ? this.send(free, content, options) : this.renderHere(content, options);
      },
    };
  }

  private renderHere(content: string, options: RenderOptions): Promise<RenderResult> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<RenderResult>((resolve) => {
      timer = setTimeout(() => resolve(this.ranOut(options)), this.timeLimitMs);
      timer.unref();
    });
    return Promise.race([this.local!.render(content, options), limit]).finally(() => clearTimeout(timer));
  }

  private start(): void {
    if (this.workers.length > 0) return;
    // One core stays with this thread, which renders too and runs Astro.
    const count = Math.min(Math.max(os.availableParallelism() - 1, 0), 3);
    const data: RenderWorkerData = { base: this.base, session: this.sessionOptions };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: data });
      worker.unref(); // A finished build must not wait for an idle worker.
      const entry: PoolWorker = { worker, ids: new Set() };
      worker.on('message', (reply: RenderReply) => {
        entry.ids.delete(reply.id);
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        clearTimeout(waiting?.timer);
        this.startClock(entry);
        if (reply.facts) this.session.store.record(reply.facts.path, reply.facts.hash, reply.facts.facts);
        if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
        else waiting?.resolve(reply.result!);
      });
      worker.on('error', (error) => {
        // A worker that dies takes its pages with it: fail them, so the loader names each one.
        this.workers = this.workers.filter((other) => other !== entry);
        for (const id of entry.ids) {
          clearTimeout(this.pending.get(id)?.timer);
          this.pending.get(id)?.reject(error);
          this.pending.delete(id);
        }
      });
      this.workers.push(entry);
    }
  }

  private send(entry: PoolWorker, content: string, options: RenderOptions): Promise<RenderResult> {
    const id = this.nextId++;
    entry.ids.add(id);
    return new Promise((resolve, reject) => {
      const page: PendingPage = { resolve, reject, content, options };
      this.pending.set(id, page);
      entry.worker.postMessage({ id, content, fileURL: options?.fileURL?.href, frontmatter: options?.frontmatter });
      this.startClock(entry);
    });
  }

  /**
   * A worker renders the pages it holds one after another, so only the oldest runs the clock: a
   * page queued behind others gets its full time once they are done, and a busy machine does not
   * fail pages that merely waited.
   */
  private startClock(entry: PoolWorker): void {
    const held = [...entry.ids].map((id) => [id, this.pending.get(id)] as const);
    if (held.some(([, page]) => page?.timer)) return;
    const [oldest] = held;
    if (!oldest?.[1]) return;
    const [id, page] = oldest;
    page.timer = setTimeout(() => this.timeOut(entry, id), this.timeLimitMs);
    page.timer.unref();
  }

  /** Stops a worker that overran the limit on page `id`: that page is reported, the rest of its queue is rendered here. */
  private timeOut(entry: PoolWorker, id: number): void {
    this.workers = this.workers.filter((other) => other !== entry);
    void entry.worker.terminate();
    for (const other of entry.ids) {
      const page = this.pending.get(other);
      this.pending.delete(other);
      if (!page) continue;
      clearTimeout(page.timer);
      if (other === id) page.resolve(this.ranOut(page.options));
      else this.renderHere(page.content, page.options).then(page.resolve, page.reject);
    }
    entry.ids.clear();
  }

  private ranOut(options: RenderOptions): RenderResult {
    const url = options?.fileURL;
    this.timedOut.push(url ? decodeURIComponent(url.pathname) : '(a page without a file)');
    return emptyResult(options);
  }

  /** Ends the workers once every page is rendered, giving their memory back before pages are written. */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}

/**
 * The unified processor Astro is given, whose `.md` renderer renders through the pool. MDX is
 * untouched: @astrojs/mdx compiles a page in Vite and Astro renders it on its own thread while
 * prerendering, where no time limit can interrupt it. Declarative MDX cannot loop (expressions
 * are literals); trusted MDX is code its maintainers reviewed (README, `mdx.trusted`).
 */
export function parallelUnified(processor: MarkdownProcessor, pool: RenderPool): MarkdownProcessor {
  return {
    ...processor,
    async createRenderer(shared) {
      return pool.wrap(await processor.createRenderer(shared), shared);
    },
  };
}
