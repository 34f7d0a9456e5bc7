import { mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { DEBIAN_MIRROR } from './debian.ts';

/**
 * The sandbox's one way out: Debian's package mirror, for `apt-get` in a container, as a learner's
 * container reaches its distribution's mirror. The sandbox has no route out; this HTTP proxy runs
 * in the runner's process, on the machine's network, and listens on a Unix socket inside the
 * sandbox root. In the sandbox, socat turns port 3142 into that socket, and the stand-ins that
 * keep apt point apt at it (standins/files/apt/). Anything but a GET or HEAD for the mirror's
 * host is refused, so no lesson step reaches anything else through it.
 */
export const PACKAGE_PROXY_PORT = 3142;
/** The socket as the sandbox sees it; on the machine it is the same path under the sandbox root. */
export const PACKAGE_PROXY_SOCKET = '/var/lib/lesson-packages/sock';
/** The host the sandbox's own trees are installed from (debian.ts), and no other. */
export const PACKAGE_HOSTS: readonly string[] = [new URL(DEBIAN_MIRROR).hostname];

const REFUSED = `The lesson sandbox reaches only Debian's package mirror (${PACKAGE_HOSTS.join(', ')}), for apt-get.\n`;
/** Hop-by-hop headers a proxy must not pass on (RFC 9110, section 7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'proxy-connection', 'keep-alive', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** The default rule: plain HTTP to the mirror's host on port 80 (apt checks what it downloads by its signed Release file). */
export function isPackageMirror(target: URL): boolean {
  return target.protocol === 'http:' && target.port === '' && PACKAGE_HOSTS.includes(target.hostname);
}

function allowedTarget(request: http.IncomingMessage, allow: (target: URL) => boolean): URL | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  let target: URL;
  try {
    target = new URL(request.url ?? '');
  } catch {
    return undefined;
  }
  return allow(target) ? target : undefined;
}

function forward(request: http.IncomingMessage, response: http.ServerResponse, target: URL): void {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  const upstream = http.request(target, { method: request.method, headers, timeout: 60_000 }, (answer) => {
    const passed = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    response.writeHead(answer.statusCode ?? 502, passed);
    pipeline(answer, response, () => undefined);
  });
  upstream.once('timeout', () => upstream.destroy(new Error('the mirror did not answer within 60 s')));
  upstream.once('error', (error) => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`The package mirror could not be reached: ${error.message}\n`);
  });
  upstream.end();
}

export interface PackageProxy {
  close(): Promise<void>;
}

/**
 * Starts the proxy on `socketPath` (a path on this machine, inside the sandbox root). `allow` is
 * for tests, which forward to a server of their own on 127.0.0.1.
 */
export async function startPackageProxy(socketPath: string, allow: (target: URL) => boolean = isPackageMirror): Promise<PackageProxy> {
  mkdirSync(path.dirname(socketPath), { recursive: true });
  rmSync(socketPath, { force: true });
  const server = http.createServer((request, response) => {
    const target = allowedTarget(request, allow);
    if (!target) {
      response.writeHead(403, { 'content-type': 'text/plain' });
      response.end(REFUSED);
      return;
    }
    forward(request, response, target);
  });
  // HTTPS through the proxy (CONNECT) would be a tunnel to anywhere: refused.
  server.on('connect', (_request, socket) => socket.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\n${REFUSED}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(socketPath, { force: true });
          resolve();
        });
      }),
  };
}
