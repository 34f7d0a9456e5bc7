import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { Agent } from 'undici';
import { localOrPrivateHost } from '../../src/core/resources.ts';

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
  /**
   * Whether a host name may lead to a local or private-network address. A public-looking name can
   * resolve to one (`127.0.0.1.nip.io`, a rebinding DNS server): the connection is then refused
   * with ELOCALADDRESS unless this says the name was allowed (named by an include pattern).
   */
  mayReachLocal?: (hostname: string) => boolean;
  /** The resolver (tests give a fake one; default node:dns lookup). */
  lookup?: typeof dnsLookup;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A resolver that refuses local addresses for names not allowed to reach them, checked at connect time. */
function guardedLookup(resolve: typeof dnsLookup, mayReachLocal: (hostname: string) => boolean) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => {
    resolve(
      hostname,
      options as LookupAllOptions,
      ((error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => {
        if (error) return callback(error, address, family);
        const addresses = typeof address === 'string' ? [{ address, family: family ?? 4 }] : address;
        const local = addresses.find(
          (each) => localOrPrivateHost(new URL(`http://${each.family === 6 ? `[${each.address}]` : each.address}/`)) !== undefined,
        );
        if (local && !mayReachLocal(hostname)) {
          const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${local.address}, a local or private-network address`);
          refused.code = 'ELOCALADDRESS';
          return callback(refused, address, family);
        }
        callback(null, address, family);
      }) as never,
    );
  };
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
    connect: { lookup: guardedLookup(options.lookup ?? dnsLookup, options.mayReachLocal ?? (() => false)) as never },
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
