import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin only: 'http://127.0.0.1:41234'. */
  origin: string;
  /** Where the site lives: origin plus base path, always ending in '/'. */
  siteUrl: string;
  /** Every request path the server answered, in order: tests use it to see what a page fetched. */
  requests: string[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Base path the site was built with ('/docker-learning'); requests outside it get the 404 page. */
  base?: string;
}

/**
 * Serves a built site on 127.0.0.1 at a free port, the way a static host would: the site mounted at
 * its base path, folders answered by their index.html, and anything else by 404.html with status
 * 404. sirv does the file serving (MIME types, ETags, ranges): it is what `vite preview` uses.
 */
export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  if (!existsSync(dir)) throw new Error(`serveStatic: ${dir} does not exist; build the site first.`);
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const notFoundFile = path.join(dir, '404.html');
  const serveFile = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const requests: string[] = [];

  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(notFoundFile) ? readFileSync(notFoundFile) : 'Not found');
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    requests.push(url);
    const pathname = url.split('?')[0]!;
    if (base !== '/' && pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    if (!pathname.startsWith(base)) return notFound(res);
    // sirv sees the site as if it were at the root.
    req.url = `/${url.slice(base.length)}`;
    serveFile(req, res, () => notFound(res));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    siteUrl: `${origin}${base}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
