import { BlockList, isIP } from 'node:net';
import { LineCounter, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { readAuthorYaml } from './content/yaml-limits.ts';
import { describeZodIssues, type ContentProblem } from './problems.ts';

export const resourceKinds = ['article', 'tutorial', 'course', 'docs', 'video', 'book', 'cheatsheet', 'interactive'] as const;
export const resourceLevels = ['beginner', 'intermediate', 'advanced'] as const;

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

const httpUrl = z.string().superRefine((value, ctx) => {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    ctx.addIssue({ code: 'custom', message: 'expected an absolute https:// or http:// URL (javascript:, data: and relative URLs are not allowed)' });
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

/** One curated learning resource in content/links.yaml. */
export const resourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a stable slug of lower-case letters, digits and dashes, such as "docker-get-started"'),
    title: z.string().trim().min(1),
    url: httpUrl,
    kind: z.enum(resourceKinds),
    level: z.enum(resourceLevels),
    description: z.string().trim().min(1).max(400, 'keep the description to one or two sentences (400 characters at most)'),
    tags: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lower-case slugs such as "compose"')).default([]),
    added: z.coerce.date(),
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
    problems.push({ file, line: lineOf(root as YamlNode, counter) ?? 1, message: 'expected a list of resources (each item starting with "- id: ...")' });
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
  const url = new URL(value);
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/** The host a reader will land on, shown beside each resource ("docs.docker.com"). */
export function resourceDomain(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
