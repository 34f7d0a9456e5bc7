import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { describeZodIssues, type ContentProblem } from './format-issues.ts';

export const resourceKinds = ['article', 'tutorial', 'course', 'docs', 'video', 'book', 'cheatsheet', 'interactive'] as const;
export const resourceLevels = ['beginner', 'intermediate', 'advanced'] as const;

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  },
  { message: 'expected an absolute https:// or http:// URL (javascript:, data: and relative URLs are not allowed)' },
);

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
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const problems: ContentProblem[] = [];
  for (const error of doc.errors) {
    problems.push({ file, line: counter.linePos(error.pos[0]).line, message: `is not valid YAML: ${error.message.split('\n')[0]}` });
  }
  if (problems.length > 0) return { resources: [], problems };

  const root = doc.contents;
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
    const data = (item as YamlNode).toJSON();
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
