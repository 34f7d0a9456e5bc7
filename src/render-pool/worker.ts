// One render worker of RenderPool (render-pool.ts): the same Markdown pipeline as the main thread,
// fed page by page; it answers with the HTML and the facts its pipeline recorded for that page.
import { parentPort, workerData } from 'node:worker_threads';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { DocumentFacts } from '../core/content/facts.ts';
import { FactsStore } from '../core/content/facts-store.ts';
import { createContentSession } from '../core/content/session.ts';
import { markdownProcessorOptions } from '../markdown/processor.ts';
import type { RenderReply, RenderWorkerData } from './pool.ts';
import { quietMarkdownParseErrors } from '../integrations/astro-internals.ts';

const data = workerData as RenderWorkerData;

/** Keeps the last facts recorded per file, to send back with the page. */
class ForwardingStore extends FactsStore {
  readonly recorded = new Map<string, { hash: string; facts: DocumentFacts }>();
  override record(absolutePath: string, hash: string, facts: DocumentFacts): void {
    this.recorded.set(absolutePath, { hash, facts });
  }
}

const store = new ForwardingStore();
const session = { ...createContentSession({ ...data.session, cacheDir: '' }, { load: false }), store };
const markdownOptions = markdownProcessorOptions({ docsDir: session.docsDir, base: data.base, session });
quietMarkdownParseErrors();
// Astro's Markdown settings (highlighting themes, image options) arrive with the first renderer, after
// the worker has started and loaded its modules; pages never arrive before them.
let processor: ReturnType<typeof createMarkdownProcessor> | undefined;

type Message = { settings: unknown } | { id: number; content: string; fileURL?: string; frontmatter?: Record<string, unknown> };

parentPort!.on('message', async (message: Message) => {
  if ('settings' in message) {
    processor = createMarkdownProcessor({ ...(message.settings as object), ...markdownOptions });
    return;
  }
  const reply: RenderReply = { id: message.id };
  const fileURL = message.fileURL ? new URL(message.fileURL) : undefined;
  try {
    reply.result = await (await processor!).render(message.content, { fileURL, frontmatter: message.frontmatter });
  } catch (error) {
    reply.error = error instanceof Error ? error.message : String(error);
  }
  const path = fileURL ? decodeURIComponent(fileURL.pathname) : undefined;
  const recorded = path ? store.recorded.get(path) : undefined;
  if (path && recorded) {
    reply.facts = { path, ...recorded };
    store.recorded.delete(path);
  }
  parentPort!.postMessage(reply);
});
