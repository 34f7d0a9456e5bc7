import type { LinkCheckConfig } from './config.ts';
import { formatDuration } from './duration.ts';

/**
 * Errors that say "could not reach the network at all" rather than "this site is down". When every
 * request of a run ends in one of these, the machine is offline.
 */
export const connectionErrorCodes: ReadonlySet<string> = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'ECONNREFUSED',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** A TLS handshake or certificate failure: the whole host presents it, whatever the path. */
export function isTlsError(code: string): boolean {
  return /CERT|SELF_SIGNED|ALTNAME|TLS|SSL|UNABLE_TO_(GET|VERIFY)|^EPROTO$/.test(code);
}

/**
 * Failures that say nothing answers at this host at all (no name, refused, no route, no
 * connection in time, a broken TLS set-up), as opposed to one path misbehaving: a reset, an empty
 * reply or a stalled answer concerns that request only, and the host's other paths may be fine.
 */
export function isHostLevelError(code: string): boolean {
  return connectionErrorCodes.has(code) || isTlsError(code);
}

/**
 * Errors that another attempt cannot fix: the name does not exist (NXDOMAIN; a resolver that
 * cannot be reached says EAI_AGAIN instead), or the certificate is wrong. Not retried.
 */
export function isPermanentNetworkError(code: string): boolean {
  return code === 'ENOTFOUND' || code === 'EAI_FAIL' || code === 'EAI_NODATA' || /CERT|SELF_SIGNED|ALTNAME/.test(code);
}

export function describeNetworkError(code: string, message: string, timeouts: LinkCheckConfig['timeouts']): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_FAIL':
    case 'EAI_NODATA':
      return `DNS lookup failed: the host name does not resolve (${code})`;
    case 'EAI_AGAIN':
      return `DNS lookup failed temporarily (${code})`;
    case 'ECONNREFUSED':
      return `connection refused (${code})`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `the server closed the connection before answering (${code})`;
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EHOSTUNREACH':
    case 'EHOSTDOWN':
      return `network unreachable (${code})`;
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `could not connect within ${formatDuration(timeouts.connectMs)} (${code})`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `no response headers within ${formatDuration(timeouts.headersMs)} (${code})`;
    case 'UND_ERR_BODY_TIMEOUT':
    case 'TIMEOUT':
      return `no complete answer within ${formatDuration(timeouts.totalMs)}`;
  }
  if (isTlsError(code)) return `TLS certificate problem (${code})`;
  return `${message.split('\n')[0]} (${code})`;
}
