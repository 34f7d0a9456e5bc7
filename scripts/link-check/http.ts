import { Agent } from 'undici';

export type Method = 'HEAD' | 'GET';

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown };
}

export interface HttpClient {
  request(url: URL, method: Method, signal: AbortSignal): Promise<HttpResponse>;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  /** Keep-alive connections per origin: the per-host politeness limit, enforced at the socket level. */
  connectionsPerOrigin: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  userAgent: string;
}

/**
 * undici Agent: one keep-alive pool per origin, capped at `connectionsPerOrigin` sockets. Redirects
 * are not followed here (the checker follows them itself to record each hop and spot loops).
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const agent = new Agent({
    connections: options.connectionsPerOrigin,
    connectTimeout: options.connectTimeoutMs,
    headersTimeout: options.headersTimeoutMs,
    // A stalled body is cut by the whole-request deadline; this only guards against a silent socket.
    bodyTimeout: options.headersTimeoutMs,
    keepAliveTimeout: 4_000,
  });
  const headers = {
    'user-agent': options.userAgent,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-language': 'en-US,en;q=0.9',
  };
  return {
    async request(url, method, signal) {
      // undici closes the connection after every HEAD by default, in case a broken server sends a
      // body anyway. That costs a TCP (and TLS) handshake per link; keep the connection instead; the
      // rare server that does this produces a parse error on the next request, which is retried.
      const response = await agent.request({ origin: url.origin, path: `${url.pathname}${url.search}`, method, headers, signal, reset: false });
      const flat: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: response.statusCode, headers: flat, body: response.body };
    },
    close: () => agent.close(),
  };
}
