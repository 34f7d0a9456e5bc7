import { BlockList, isIP } from 'node:net';
import { LineCounter, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { readAuthorYaml } from './security/yaml-limits.ts';
import { withoutBidiControls } from './plain-text.ts';
import { describeZodIssues, type ContentProblem } from './problems.ts';

export const resourceKinds = ['article', 'tutorial', 'course', 'docs', 'video', 'book', 'cheatsheet', 'interactive', 'website'] as const;
export const resourceLevels = ['beginner', 'intermediate', 'advanced'] as const;
/** What reading the resource costs: `free` (also when the field is left out), `paid` (a price or a subscription), `free-tier` (free up to a limit). */
export const resourceCosts = ['free', 'free-tier', 'paid'] as const;

/**
 * A path on this very site (`/reference/quick-reference/`), written from the site root without the
 * base path: the page renders it through the base, so it works on a sub-path deploy and in
 * previews, and the external link checker leaves it alone.
 */
export function isSitePath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/**
 * Addresses no reader can reach: a request would land on the reader's own machine or network, or,
 * from the link checker in CI, on the runner's and the cloud's internal services.
 */
const localAddresses = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local machine
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, home of cloud metadata endpoints
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  localAddresses.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback, and the deprecated IPv4-compatible form (::7f00:1)
  ['64:ff9b::', 96], // NAT64: an IPv4 address seen through the local translator
  ['64:ff9b:1::', 48],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
] as const) {
  localAddresses.addSubnet(network, prefix, 'ipv6');
}
// BlockList also matches IPv4-mapped IPv6 (::ffff:7f00:1) against the IPv4 ranges.

/** Names reserved for a machine or a private network (metadata.google.internal, printer.local): no public site lives there. */
const localNameSuffixes = ['.localhost', '.localdomain', '.local', '.internal', '.home.arpa'];

/**
 * The host of `url` when it is local or on a private network, as the URL parser normalised it (so
 * `http://2130706433/` and `http://127.1/` both give 127.0.0.1); undefined for a public host. Only
 * the URL is judged, not DNS: a public name that resolves to a private address is not caught here.
 */
export function localOrPrivateHost(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const version = isIP(host);
  if (version !== 0) return localAddresses.check(host, version === 4 ? 'ipv4' : 'ipv6') ? host : undefined;
  const name = host.replace(/\.+$/, '');
  if (name === 'localhost' || localNameSuffixes.some((suffix) => name.endsWith(suffix))) return host;
  // A name without a dot is completed by the local resolver's search domains (`http://intranet/`,
  // `http://metadata/`): it can only reach something on the machine's own network.
  if (!name.includes('.')) return host;
  return undefined;
}

/** Stands in for this site's origin when a site path is parsed: never fetched, never shown. */
const SITE_PATH_BASE = 'https://site.invalid';

const resourceUrl = z.string().superRefine((value, ctx) => {
  if (isSitePath(value)) {
    if (/[\s\\]/.test(value) || !URL.canParse(value, SITE_PATH_BASE)) {
      ctx.addIssue({ code: 'custom', message: 'expected a path on this site such as "/reference/quick-reference/" (no spaces or backslashes)' });
    }
    return;
  }
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    ctx.addIssue({
      code: 'custom',
      message:
        'expected an absolute https:// or http:// URL, or a path on this site starting with "/" (javascript:, data: and relative URLs are not allowed)',
    });
    return;
  }
  if (url.username || url.password) {
    ctx.addIssue({
      code: 'custom',
      message:
        'has a user name or password in it (user:pass@host), which the page would publish and the link checker would send; remove it and link to the public address',
    });
    return;
  }
  const local = localOrPrivateHost(url);
  if (local !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `points to a local or private-network address (${local}), which readers cannot reach and the link checker must not probe; use a public URL`,
    });
  }
});

const DATE_RULE = 'expected a date written YYYY-MM-DD, such as "2026-11-28" (two-digit month and day)';

/**
 * `added` as the file's comment and CONTRIBUTING spell it: YYYY-MM-DD, a real day. A plain
 * `z.coerce.date()` would take "2026-12-7", "12/7/2026" or "2026-02-31" (which becomes 3 March).
 * Astro's own loader hands the value back as a Date, which is accepted as it is.
 */
const calendarDate = z.unknown().transform((value, ctx): Date => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  const written = typeof value === 'string' ? value.trim() : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  // Date.UTC rolls 2026-02-31 over into March; reading the date back refuses such a day.
  if (date && date.toISOString().slice(0, 10) === written) return date;
  ctx.addIssue({ code: 'custom', message: DATE_RULE });
  return z.NEVER;
});

/** One curated learning resource in content/links.yaml. */
export const resourceSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a stable slug of lower-case letters, digits and dashes, such as "official-getting-started"'),
    title: withoutBidiControls(z.string().trim().min(1)),
    url: resourceUrl,
    kind: z.enum(resourceKinds),
    level: z.enum(resourceLevels),
    description: withoutBidiControls(z.string().trim().min(1).max(400, 'keep the description to one or two sentences (400 characters at most)')),
    /** Left out for a free resource, the usual case. */
    cost: z.enum(resourceCosts).optional(),
    /** Why the resource is out of date, shown beside it: readers still get it, with a warning. */
    dated: withoutBidiControls(
      z
        .string('expected a short note saying what is out of date, such as "Uses Compose v1 syntax"')
        .trim()
        .min(1, 'expected a short note saying what is out of date, such as "Uses Compose v1 syntax"; leave the field out if nothing is')
        .max(200, 'keep the note to one sentence (200 characters at most)'),
    ).optional(),
    tags: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lower-case slugs such as "compose"')).default([]),
    added: calendarDate,
  })
  .strict();

export type Resource = z.output<typeof resourceSchema>;
/** A resource and where it was written, so every later stage can point back at the source line. */
export interface LocatedResource {
  resource: Resource;
  line: number;
  /** Line of each field, for precise messages (the link checker reports the `url:` line). */
  fieldLines: Record<string, number>;
}

export interface ParsedResources {
  resources: LocatedResource[];
  problems: ContentProblem[];
}

function lineOf(node: YamlNode | null | undefined, counter: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/** Parses and validates the resource list, collecting every problem rather than stopping at the first. */
export function parseResources(text: string, file: string): ParsedResources {
  const counter = new LineCounter();
  // Each entry has its own alias budget, so one shared `&common` list can serve any number of entries.
  const yaml = readAuthorYaml(text, { lineCounter: counter, aliasBudget: 'each-item' });
  const problems: ContentProblem[] = yaml.problems.map((problem) => ({
    file,
    line: counter.linePos(problem.offset).line,
    message: problem.kind === 'syntax' ? `is not valid YAML: ${problem.message}` : problem.message,
  }));
  if (problems.length > 0 || !yaml.doc) return { resources: [], problems };

  const root = yaml.doc.contents;
  if (root === null || root === undefined) return { resources: [], problems };
  if (!isSeq(root)) {
    problems.push({
      file,
      line: lineOf(root as YamlNode, counter) ?? 1,
      message: 'expected a list of resources (each item starting with "- id: ...")',
    });
    return { resources: [], problems };
  }

  const resources: LocatedResource[] = [];
  const seenIds = new Map<string, number>();
  const seenUrls = new Map<string, { id: string; line: number }>();
  root.items.forEach((item, index) => {
    const line = lineOf(item as YamlNode, counter) ?? 1;
    const data = yaml.toJS(item) as { id?: unknown } | null;
    const fieldLines: Record<string, number> = {};
    if (isMap(item)) {
      for (const pair of item.items) {
        const key = (pair.key as { value?: unknown } | null)?.value;
        const keyLine = lineOf(pair.key as YamlNode, counter);
        if (typeof key === 'string' && keyLine) fieldLines[key] = keyLine;
      }
    }
    const label = typeof data?.id === 'string' ? `entry "${data.id}"` : `entry #${index + 1}`;
    const result = resourceSchema.safeParse(data);
    if (!result.success) {
      for (const issue of describeZodIssues(result.error, data)) {
        const field = issue.path.split('.')[0] ?? '';
        problems.push({ file, line: fieldLines[field] ?? line, message: `${label}, field ${issue.message}` });
      }
      return;
    }
    const resource = result.data;
    const previousId = seenIds.get(resource.id);
    if (previousId !== undefined) {
      problems.push({ file, line: fieldLines.id ?? line, message: `${label}: duplicate id, already used on line ${previousId}; ids must be unique` });
      return;
    }
    seenIds.set(resource.id, fieldLines.id ?? line);
    const urlKey = normalizeForDuplicates(resource.url);
    const previousUrl = seenUrls.get(urlKey);
    if (previousUrl) {
      problems.push({
        file,
        line: fieldLines.url ?? line,
        message: `${label}: field url duplicates entry "${previousUrl.id}" (line ${previousUrl.line}); list each resource once`,
      });
      return;
    }
    seenUrls.set(urlKey, { id: resource.id, line: fieldLines.url ?? line });
    resources.push({ resource, line, fieldLines });
  });
  return { resources, problems };
}

/** Two URLs that differ only in case of host, a trailing slash or a fragment name the same resource. */
function normalizeForDuplicates(value: string): string {
  const url = new URL(value, SITE_PATH_BASE);
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/** Shown instead of a host name for a resource that is one of this site's own pages. */
export const OWN_SITE_LABEL = 'this site';

/** The host a reader will land on, shown beside each resource ("docs.docker.com"). */
export function resourceDomain(url: string): string {
  if (isSitePath(url)) return OWN_SITE_LABEL;
  return new URL(url).hostname.replace(/^www\./, '');
}

/**
 * Resources whose site path names nothing this site publishes. `exists` answers for a site path
 * without the base path (`/reference/quick-reference/`), as pages and the site's own routes are known.
 */
export function checkResourceSitePaths(located: readonly LocatedResource[], file: string, exists: (sitePath: string) => boolean): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { resource, line, fieldLines } of located) {
    if (!isSitePath(resource.url)) continue;
    const { pathname } = new URL(resource.url, SITE_PATH_BASE);
    const asFolder = pathname.endsWith('/') || /\.[a-z0-9]+$/i.test(pathname) ? pathname : `${pathname}/`;
    if (exists(pathname) || exists(asFolder)) continue;
    problems.push({
      file,
      line: fieldLines.url ?? line,
      message: `entry "${resource.id}", field url: ${resource.url} is not a page of this site. Write the page's path from the site root without the base path (a page at content/docs/reference/quick-reference.md is "/reference/quick-reference/"), or use a full https:// URL.`,
    });
  }
  return problems;
}
