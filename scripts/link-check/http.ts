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
      const response = await agent.request({ origin: url.origin, path: `${url.pathname}${url.search}`, method, headers, signal });
      const flat: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: response.statusCode, headers: flat, body: response.body };
    },
    close: () => agent.close(),
  };
}

/**
 * Reads a body chunk by chunk until `onChunk` says stop or `limit` bytes were read, then drops the
 * rest. Returns the bytes read. Stopping early destroys the stream, which closes the socket: that is
 * the price of never downloading a large file just to learn that it exists.
 */
export async function readBodyUpTo(body: HttpResponse['body'], limit: number, onChunk?: (chunk: Uint8Array) => 'stop' | void): Promise<number> {
  let read = 0;
  if (limit <= 0) {
    body.destroy();
    return 0;
  }
  for await (const chunk of body) {
    const part = read + chunk.byteLength > limit ? chunk.subarray(0, limit - read) : chunk;
    read += part.byteLength;
    if (onChunk?.(part) === 'stop' || read >= limit) break;
  }
  body.destroy();
  return read;
}
