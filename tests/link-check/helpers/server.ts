import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Raw request path as sent on the wire (percent-encoding included). */
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, seen: SeenRequest[]) => void;

export interface TestServer {
  origin: string;
  url(path: string): string;
  requests: SeenRequest[];
  /** Requests being answered right now, and the most at once. */
  stats: { inFlight: number; maxInFlight: number; openSockets: number; maxOpenSockets: number; totalSockets: number };
  close(): Promise<void>;
}

/** A real HTTP server on a loopback address and a free port, for one test file. */
export async function startServer(handler: Handler, host = '127.0.0.1'): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const stats = { inFlight: 0, maxInFlight: 0, openSockets: 0, maxOpenSockets: 0, totalSockets: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, at: Date.now() });
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let counted = true;
    const done = () => {
      if (counted) stats.inFlight--;
      counted = false;
    };
    response.on('finish', done);
    response.on('close', done);
    handler(request, response, requests);
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    stats.openSockets++;
    stats.totalSockets++;
    stats.maxOpenSockets = Math.max(stats.maxOpenSockets, stats.openSockets);
    socket.on('close', () => {
      sockets.delete(socket);
      stats.openSockets--;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on which nothing listens (connection refused). */
export async function closedPort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
