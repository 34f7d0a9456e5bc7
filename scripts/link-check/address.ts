import ipaddr from 'ipaddr.js';
import { localOrPrivateHost } from '../../src/core/resources.ts';

/**
 * How the checker sees an address before deciding whether it may request it. Every URL it would
 * request, the links written in content and every redirect hop alike, goes through here, so a
 * server cannot send it somewhere the first URL would not have been allowed to go.
 */

/**
 * The URL that include/exclude patterns are matched against: as WHATWG URL parsing serialises it
 * (which already turns `2130706433`, `0x7f000001`, `0177.0.0.1` and `127.1` into `127.0.0.1`),
 * without user name, password or fragment, and with an IPv4-mapped IPv6 host (`[::ffff:7f00:1]`)
 * written as the IPv4 address it reaches, so `^http://127\.` means the same thing in every spelling.
 */
export function matchForm(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  copy.hash = '';
  const mapped = mappedIpv4(copy.hostname);
  if (mapped !== undefined) copy.hostname = mapped;
  return copy.href;
}

function mappedIpv4(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  if (bare === hostname || !ipaddr.IPv6.isValid(bare)) return undefined;
  const address = ipaddr.IPv6.parse(bare);
  return address.isIPv4MappedAddress() ? address.toIPv4Address().toString() : undefined;
}

/** Why the address only exists on the reader's machine or network, or undefined for a public one. */
export function localAddressReason(url: URL): string | undefined {
  const host = localOrPrivateHost(url);
  if (host === undefined) return undefined;
  const name = host.replace(/\.+$/, '');
  if (!name.includes('.') && !name.includes(':') && name !== 'localhost') {
    return 'single-label host name: a container or Compose service, not a public site';
  }
  return `local or private-network address (${host}): only reachable on the reader’s own machine or network`;
}

/** The URL with any password replaced, for messages: a server's Location header may carry one. */
export function shownUrl(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}

export const credentialsReason =
  'has a user name or password in it (user:pass@host): the checker does not send credentials, and a published link must not carry them';
