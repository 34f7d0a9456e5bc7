// Deterministic synthetic documentation corpus for build and search benchmarks.
//
//   node scripts/generate-corpus.ts --pages 1000 --out /tmp/corpus [--seed 42] [--resources 40]
//     [--sections 10] [--words 1200] [--links file|url]
//
// Writes <out>/docs/**.md (section landing pages plus topic pages with headings, code blocks,
// tables, task lists, callouts, relative links to other pages and their headings, external
// links) and <out>/links.yaml. The same options always give byte-identical files, so figures from
// two runs compare like with like. Every link resolves, so the content validator accepts it.
//
// --words N makes each topic page about N words long, each with a bash, a Dockerfile and a YAML
// fence, a table and a task list (the bench's page-size corpora). --links url writes links the way
// Starlight courses do, relative to the page's published URL (`../../section-002/topic-004/#x`,
// `../`) instead of to the .md file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import GithubSlugger from 'github-slugger';
import { DEFAULT_SLUG_RULES, pagePath, slugFromContentPath } from '../src/core/urls.ts';
import { relativeUrlHref } from '../src/core/validate/link-hints.ts';

export interface CorpusOptions {
  /** Total number of pages, landing pages included (at least 2). */
  pages: number;
  /** Folder to write into; its docs/ and links.yaml are replaced. */
  outDir: string;
  seed?: number;
  /** Curated resources in links.yaml. */
  resources?: number;
  /** Number of sections (folders); default about one per 40 pages. Fewer make big sections. */
  sections?: number;
  /** About this many words per topic page, with bash/Dockerfile/YAML fences, a table and a task list on each. */
  words?: number;
  /** `file`: links to the .md file (GitHub style, the default); `url`: relative to the page URL (Starlight style). */
  links?: LinkStyle;
}

export type LinkStyle = 'file' | 'url';
export const LINK_STYLES: readonly LinkStyle[] = ['file', 'url'];

export interface CorpusSummary {
  pages: number;
  sections: number;
  resources: number;
  bytes: number;
  docsDir: string;
  linksFile: string;
}

/** mulberry32: a tiny seeded generator, enough for reproducible text (not for anything secret). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'image',
  'container',
  'volume',
  'network',
  'registry',
  'layer',
  'build cache',
  'Dockerfile',
  'Compose file',
  'service',
  'bind mount',
  'health check',
  'entrypoint',
  'environment variable',
  'port mapping',
  'bridge network',
  'overlay network',
  'namespace',
  'control group',
  'base image',
  'multi-stage build',
  'tag',
  'digest',
  'secret',
  'restart policy',
  'log driver',
  'storage driver',
  'build context',
  'ignore file',
  'user namespace',
  'capability',
  'seccomp profile',
  'init process',
];
/** [third person, imperative]: "the volume mounts…", "Mount the volume…". */
const VERBS: readonly (readonly [string, string])[] = [
  ['creates', 'create'],
  ['removes', 'remove'],
  ['inspects', 'inspect'],
  ['publishes', 'publish'],
  ['mounts', 'mount'],
  ['rebuilds', 'rebuild'],
  ['tags', 'tag'],
  ['pushes', 'push'],
  ['pulls', 'pull'],
  ['limits', 'limit'],
  ['isolates', 'isolate'],
  ['restarts', 'restart'],
  ['caches', 'cache'],
  ['copies', 'copy'],
  ['exposes', 'expose'],
  ['labels', 'label'],
  ['prunes', 'prune'],
  ['attaches', 'attach'],
  ['detaches', 'detach'],
  ['scans', 'scan'],
  ['signs', 'sign'],
  ['starts', 'start'],
  ['stops', 'stop'],
];
const QUALIFIERS = [
  'on every start',
  'before the first request',
  'when the daemon restarts',
  'for each layer',
  'without root privileges',
  'on a single host',
  'across several hosts',
  'during the build',
  'at run time',
  'in the background',
  'behind a proxy',
  'with a read-only filesystem',
  'in continuous integration',
  'on a developer laptop',
  'in production',
];
const OPENERS = [
  'In practice,',
  'By default,',
  'As a rule,',
  'For small projects,',
  'On Linux hosts,',
  'When in doubt,',
  'Usually,',
  'Sooner or later,',
  'In most setups,',
  'For reproducible results,',
];
const COMMANDS = [
  'docker run --rm -it alpine:3.20 sh',
  'docker build -t shop/web:1.4 .',
  'docker compose up -d --build',
  'docker volume create pgdata',
  'docker network create --driver bridge backend',
  'docker logs --follow --tail 50 web',
  'docker exec -it db psql -U postgres',
  'docker image prune --filter "until=24h"',
  'docker inspect --format "{{.State.Health.Status}}" web',
  'docker push registry.example.com/shop/web:1.4',
  'docker stats --no-stream',
  'docker cp web:/var/log/app.log ./app.log',
];
const EXTERNAL = [
  'https://docs.docker.com/get-started/',
  'https://docs.docker.com/reference/dockerfile/',
  'https://docs.docker.com/compose/',
  'https://docs.docker.com/engine/storage/volumes/',
  'https://docs.docker.com/engine/network/',
  'https://docs.docker.com/build/building/multi-stage/',
  'https://opencontainers.org/',
  'https://kubernetes.io/docs/concepts/containers/',
];
const KINDS = ['article', 'tutorial', 'course', 'docs', 'video', 'book', 'cheatsheet', 'interactive'] as const;
const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

interface PagePlan {
  /** Path relative to docs/, POSIX. */
  file: string;
  title: string;
  headings: { level: 2 | 3; text: string }[];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A relative Markdown link from one docs file to another, the way authors write them. */
function relativeLink(from: string, to: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), to);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

const urlOf = (file: string) => pagePath(slugFromContentPath(file, DEFAULT_SLUG_RULES));

/** A link from one page to another in the chosen style: to the .md file, or relative to the page's URL. */
function linkBetween(style: LinkStyle, from: string, to: string): string {
  return style === 'url' ? relativeUrlHref(urlOf(from), urlOf(to)) : relativeLink(from, to);
}

const DOCKERFILES = [
  ['FROM node:22-alpine', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev', 'COPY . .', 'USER node', 'CMD ["node", "server.js"]'],
  [
    'FROM python:3.12-slim AS build',
    'WORKDIR /src',
    'COPY requirements.txt .',
    'RUN pip install --no-cache-dir -r requirements.txt',
    'COPY . .',
    'EXPOSE 8000',
    'ENTRYPOINT ["gunicorn", "app:app"]',
  ],
];
const COMPOSE_FILES = [
  [
    'services:',
    '  web:',
    '    build: .',
    '    ports:',
    '      - "8080:80"',
    '    depends_on:',
    '      - db',
    '  db:',
    '    image: postgres:16',
    '    volumes:',
    '      - pgdata:/var/lib/postgresql/data',
    'volumes:',
    '  pgdata:',
  ],
  [
    'services:',
    '  cache:',
    '    image: redis:7',
    '    restart: unless-stopped',
    '    healthcheck:',
    '      test: ["CMD", "redis-cli", "ping"]',
    '      interval: 10s',
  ],
];

const wordCount = (lines: string[]) => lines.join(' ').split(/\s+/).filter(Boolean).length;

/** Builds the whole corpus in memory: file path (relative to outDir) to content. */
export function corpusFiles(options: Omit<CorpusOptions, 'outDir'>): Map<string, string> {
  const pageCount = Math.max(2, Math.floor(options.pages));
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = () => `${pick(OPENERS)} the ${pick(SUBJECTS)} ${pick(VERBS)[0]} the ${pick(SUBJECTS)} ${pick(QUALIFIERS)}.`;
  const paragraph = (count = 3 + Math.floor(random() * 3)) => Array.from({ length: count }, sentence).join(' ');

  // Roughly 40 pages per section by default, like a large course with a dozen or more chapters.
  const sectionCount = Math.max(1, Math.min(pageCount - 1, options.sections ?? Math.round((pageCount - 1) / 40)));
  const plans: PagePlan[] = [{ file: 'index.md', title: 'Corpus home', headings: [{ level: 2, text: 'How this corpus is organised' }] }];
  const topicsLeft = pageCount - 1 - sectionCount;
  for (let s = 0; s < sectionCount; s++) {
    const sectionTitle = `${capitalise(SUBJECTS[s % SUBJECTS.length]!)} handbook ${s + 1}`;
    const folder = `section-${String(s + 1).padStart(3, '0')}`;
    plans.push({ file: `${folder}/index.md`, title: sectionTitle, headings: [{ level: 2, text: 'In this section' }] });
    const topics = Math.floor(topicsLeft / sectionCount) + (s < topicsLeft % sectionCount ? 1 : 0);
    for (let t = 0; t < topics; t++) {
      const subject = pick(SUBJECTS);
      const title = `${capitalise(pick(VERBS)[1])} the ${subject} ${pick(QUALIFIERS)}`;
      const headings: PagePlan['headings'] = [];
      for (let h = 0; h < 3 + Math.floor(random() * 3); h++) {
        headings.push({
          level: 2,
          text: `${capitalise(pick(SUBJECTS))} ${pick(['basics', 'in depth', 'pitfalls', 'checklist', 'examples', 'options'])}`,
        });
        if (random() < 0.5) headings.push({ level: 3, text: `${capitalise(pick(VERBS)[1])} the ${pick(SUBJECTS)}` });
      }
      plans.push({ file: `${folder}/topic-${String(t + 1).padStart(3, '0')}.md`, title, headings });
    }
  }

  // Heading anchors exactly as rehype-slug will make them, so links to #fragments resolve.
  const anchors = plans.map((plan) => {
    const slugger = new GithubSlugger();
    return plan.headings.map((heading) => slugger.slug(heading.text));
  });

  const style = options.links ?? 'file';
  const link = (from: string, to: string) => linkBetween(style, from, to);

  /** A topic page of about `words` words: every heading gets prose, and the page one fence of each language, a table and a task list. */
  const richBody = (lines: string[], plan: PagePlan, words: number) => {
    const start = lines.indexOf('---', 1) + 1; // the body, after the frontmatter
    const extras: string[][] = [
      ['```bash', pick(COMMANDS), pick(COMMANDS), pick(COMMANDS), '```'],
      ['```dockerfile', ...pick(DOCKERFILES), '```'],
      ['| Setting | Effect |', '| --- | --- |', ...Array.from({ length: 4 }, () => `| \`${pick(SUBJECTS).replace(/ /g, '-')}\` | ${sentence()} |`)],
      ['```yaml', ...pick(COMPOSE_FILES), '```'],
      [`- [x] ${sentence()}`, `- [ ] ${sentence()}`, `- [ ] ${sentence()}`],
    ];
    plan.headings.forEach((heading, h) => {
      lines.push(`${'#'.repeat(heading.level)} ${heading.text}`, '', paragraph(), '');
      for (let e = h; e < extras.length; e += plan.headings.length) lines.push(...extras[e]!, '');
    });
    // Whatever is still short of the target: more prose under a closing heading.
    if (wordCount(lines.slice(start)) < words) lines.push('## Going further', '');
    while (wordCount(lines.slice(start)) < words) lines.push(paragraph(), '');
  };

  const files = new Map<string, string>();
  plans.forEach((plan, index) => {
    const other = (index + 1 + Math.floor(random() * (plans.length - 1))) % plans.length;
    const target = plans[other]!;
    const targetAnchor = anchors[other]![Math.floor(random() * anchors[other]!.length)];
    const lines = [
      '---',
      `title: ${JSON.stringify(plan.title)}`,
      `description: ${JSON.stringify(`How the ${pick(SUBJECTS)} ${pick(VERBS)[0]} the ${pick(SUBJECTS)} ${pick(QUALIFIERS)}.`)}`,
      'sidebar:',
      `  order: ${index}`,
      '---',
      '',
      `${paragraph()} See [${target.title}](${link(plan.file, target.file)}) and the [reference](${pick(EXTERNAL)}).`,
      '',
    ];
    const landing = plan.file === 'index.md' || plan.file.endsWith('/index.md');
    if (options.words !== undefined && !landing) richBody(lines, plan, options.words);
    else
      plan.headings.forEach((heading, h) => {
        lines.push(`${'#'.repeat(heading.level)} ${heading.text}`, '', paragraph(), '');
        switch ((index + h) % 4) {
          case 0:
            lines.push('```sh', pick(COMMANDS), pick(COMMANDS), '```', '');
            break;
          case 1:
            lines.push('| Setting | Effect |', '| --- | --- |');
            for (let r = 0; r < 3; r++) lines.push(`| \`${pick(SUBJECTS).replace(/ /g, '-')}\` | ${sentence()} |`);
            lines.push('');
            break;
          case 2:
            lines.push(`- [x] ${sentence()}`, `- [ ] ${sentence()}`, `- [ ] ${sentence()}`, '');
            break;
          default:
            lines.push('> [!TIP]', `> ${sentence()}`, '');
        }
      });
    lines.push(`Next, read [${target.title}](${link(plan.file, target.file)}#${targetAnchor}).`, '');
    if (style === 'url' && plan.file !== 'index.md') lines.push(`Back to [the section overview](../), or [this page's top](./#top).`, '');
    files.set(`docs/${plan.file}`, lines.join('\n'));
  });

  const resourceCount = Math.max(0, Math.floor(options.resources ?? 40));
  const resources = ['# Generated by scripts/generate-corpus.ts for benchmarks.'];
  for (let r = 0; r < resourceCount; r++) {
    const subject = pick(SUBJECTS);
    resources.push(
      `- id: resource-${r + 1}`,
      `  title: ${JSON.stringify(`${capitalise(subject)} field guide ${r + 1}`)}`,
      `  url: https://learn.example.org/guides/${r + 1}/`,
      `  kind: ${KINDS[r % KINDS.length]}`,
      `  level: ${LEVELS[r % LEVELS.length]}`,
      `  description: ${JSON.stringify(`${sentence()} ${sentence()}`)}`,
      `  tags: [${subject.replace(/ /g, '-').toLowerCase()}]`,
      '  added: 2026-01-15',
    );
  }
  files.set('links.yaml', `${resources.join('\n')}\n`);
  return files;
}

/** Writes the corpus to disk, replacing an earlier one in the same folder. */
export function generateCorpus(options: CorpusOptions): CorpusSummary {
  const files = corpusFiles(options);
  const docsDir = path.join(options.outDir, 'docs');
  rmSync(docsDir, { recursive: true, force: true });
  let bytes = 0;
  for (const [file, content] of files) {
    const target = path.join(options.outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    bytes += Buffer.byteLength(content);
  }
  const pages = [...files.keys()].filter((file) => file.endsWith('.md'));
  return {
    pages: pages.length,
    sections: pages.filter((file) => /^docs\/[^/]+\/index\.md$/.test(file)).length,
    resources: Math.max(0, Math.floor(options.resources ?? 40)),
    bytes,
    docsDir,
    linksFile: path.join(options.outDir, 'links.yaml'),
  };
}

function main() {
  const usage =
    'Usage: node scripts/generate-corpus.ts --pages 1000 --out /tmp/corpus [--seed 42] [--resources 40] [--sections 10] [--words 1200] [--links file|url]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        pages: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        resources: { type: 'string' },
        sections: { type: 'string' },
        words: { type: 'string' },
        links: { type: 'string', default: 'file' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  const count = (name: string, value: string | undefined, fallback?: number): number => {
    if (value === undefined && fallback !== undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) {
      console.error(`--${name} expects a whole number, got ${JSON.stringify(value ?? '')}.\n${usage}`);
      process.exit(2);
    }
    return number;
  };
  if (!values.out) {
    console.error(`--out is required: the folder that will receive docs/ and links.yaml.\n${usage}`);
    process.exit(2);
  }
  const pages = count('pages', values.pages);
  if (pages < 2) {
    console.error(`--pages must be at least 2 (a home page and one section).\n${usage}`);
    process.exit(2);
  }
  if (!(LINK_STYLES as readonly string[]).includes(values.links)) {
    console.error(`--links expects one of ${LINK_STYLES.join(', ')}; got "${values.links}".\n${usage}`);
    process.exit(2);
  }
  const summary = generateCorpus({
    pages,
    outDir: path.resolve(values.out),
    seed: count('seed', values.seed, 42),
    resources: count('resources', values.resources, 40),
    sections: values.sections === undefined ? undefined : Math.max(1, count('sections', values.sections)),
    words: values.words === undefined ? undefined : count('words', values.words),
    links: values.links as LinkStyle,
  });
  console.log(
    `Wrote ${summary.pages} pages in ${summary.sections} sections and ${summary.resources} resources ` +
      `(${(summary.bytes / 1024).toFixed(0)} KB of Markdown) to ${path.dirname(summary.docsDir)}`,
  );
}

if (import.meta.main) main();
