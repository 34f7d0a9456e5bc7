import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../src/core/env.ts';
import { docFrontmatterSchema } from '../../src/core/frontmatter.ts';
import { listContentFiles, validateContent } from '../../src/core/validate/index.ts';

const docsDir = path.join(projectRoot, 'content', 'docs');

/** The numbered topics of the learning-materials issue and the page that covers each. */
const topicPages: Record<number, string> = {
  1: 'concepts/containers-and-vms.md',
  2: 'concepts/virtual-machines.md',
  3: 'concepts/containers.md',
  4: 'concepts/docker.md',
  5: 'hands-on/first-container.md',
  6: 'hands-on/images-and-containers.md',
  7: 'hands-on/dockerfile.md',
  8: 'hands-on/data-and-networking.md',
  9: 'hands-on/compose.md',
  10: 'reference/quick-reference.md',
};

function parsePage(file: string) {
  const source = readFileSync(path.join(docsDir, file), 'utf8');
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(source) as Root;
  const yamlNode = tree.children.find((node): node is Yaml => node.type === 'yaml');
  return { source, tree, frontmatter: yamlNode ? parseYaml(yamlNode.value) : undefined };
}

const allPages = listContentFiles(docsDir);

describe('course pages', () => {
  it.each(Object.entries(topicPages))('topic %s has a page with a title, a description and a sidebar order', (_topic, file) => {
    expect(existsSync(path.join(docsDir, file)), `${file} is missing`).toBe(true);
    const result = docFrontmatterSchema.safeParse(parsePage(file).frontmatter);
    expect(result.success, `${file}: ${result.error?.message}`).toBe(true);
    expect(result.data?.title.length).toBeGreaterThan(3);
    expect(result.data?.description?.length ?? 0, `${file}: give it a one or two sentence description`).toBeGreaterThan(40);
    expect(result.data?.sidebar?.order).toBeTypeOf('number');
  });

  it.each(allPages)('%s has valid frontmatter, its own description and no body <h1> (the title is the page heading)', (file) => {
    const { frontmatter, tree } = parsePage(file);
    const result = docFrontmatterSchema.safeParse(frontmatter);
    expect(result.success).toBe(true);
    // Migrated courses may lean on the first-paragraph fallback; our own pages choose their words.
    expect(result.data?.description, `${file}: write a description in the frontmatter`).toBeTruthy();
    const h1s: string[] = [];
    visit(tree, 'heading', (node) => {
      if (node.depth === 1) h1s.push(toString(node));
    });
    expect(h1s).toEqual([]);
  });

  it('gives every section folder a landing page with a sidebar order', () => {
    const folders = new Set(allPages.map((file) => path.posix.dirname(file)).filter((dir) => dir !== '.'));
    expect(folders.size).toBeGreaterThanOrEqual(3);
    for (const folder of folders) {
      const index = `${folder}/index.md`;
      expect(allPages, `${folder}/ needs an index.md`).toContain(index);
      expect(parsePage(index).frontmatter?.sidebar?.order, `${index} needs sidebar.order`).toBeTypeOf('number');
    }
  });

  it('has no broken links, anchors or images and no image without alt text (what the build checks)', () => {
    const problems = validateContent({ docsDir, base: '/', production: true });
    expect(problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`)).toEqual([]);
  });

  it('writes Compose v2 commands and files, never the retired docker-compose or a version: key', () => {
    for (const file of allPages) {
      visit(parsePage(file).tree, 'code', (node) => {
        // Prose may name the old tool to say it is retired; commands and files must not use it.
        if (['sh', 'bash', 'shell', 'console'].includes(node.lang ?? '')) {
          expect(node.value, `${file}: use "docker compose"`).not.toMatch(/(^|\s)docker-compose(\s|$)/m);
        }
        if (node.lang === 'yaml') expect(node.value, `${file}: drop the obsolete version: key`).not.toMatch(/^version:/m);
      });
    }
  });
});

describe('hands-on sessions', () => {
  /** The order a reader follows: issue #13 placed its five new lessons among the first five. */
  const lessons = [
    'first-container.md',
    'images-and-containers.md',
    'dockerfile.md',
    'share-an-image.md',
    'data-and-networking.md',
    'compose.md',
    'development-loop.md',
    'limits.md',
    'when-a-container-fails.md',
    'security.md',
  ];

  it('come in the order of the course, by sidebar.order', () => {
    const handsOn = allPages.filter((file) => file.startsWith('hands-on/') && file !== 'hands-on/index.md');
    const ordered = [...handsOn].sort((a, b) => parsePage(a).frontmatter.sidebar.order - parsePage(b).frontmatter.sidebar.order);
    expect(ordered).toEqual(lessons.map((file) => `hands-on/${file}`));
  });

  it.each(lessons)('%s ends its session with the commands to clean up', (file) => {
    const { tree } = parsePage(`hands-on/${file}`);
    const index = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 2 && /^Clean(ing)? up$/.test(toString(node)));
    expect(index, `hands-on/${file} needs a "## Clean up" section`).toBeGreaterThan(-1);
    expect(tree.children.slice(index + 1).some((node) => node.type === 'code' && node.lang === 'sh')).toBe(true);
  });
});

/**
 * The concepts pages must cover every point the issue lists. Reading is the real check; these terms
 * catch a point being edited away by accident.
 */
describe('concepts coverage', () => {
  const mustMention: Record<string, RegExp[]> = {
    'concepts/containers-and-vms.md': [/self-contained unit/i, /energy|electricity/i, /cost/i, /one application per (physical )?server/i],
    'concepts/virtual-machines.md': [
      /hypervisor/i,
      /host machine/i,
      /guest machine/i,
      /guest operating system/i,
      /virtual hardware/i,
      /weight/i,
      /VirtualBox/,
      /VMware Workstation/,
      /hardware compatibility/i,
      /overhead/i,
      /bare-metal/i,
      /performance, scalability and stability/i,
      /limited hardware support/i,
      /why does the hypervisor layer exist/i,
    ],
    'concepts/containers.md': [
      /operating-system-level virtualization/i,
      /user space/i,
      /process space/i,
      /root/,
      /network interface/i,
      /IP address/,
      /routes|routing table/i,
      /iptables/,
      /mounts/i,
      /share the host's kernel|shares? the host kernel/i,
      /binaries and libraries/i,
    ],
    'concepts/docker.md': [
      /open-source/i,
      /namespaces/i,
      /control groups|cgroups/i,
      /Google/,
      /Solaris Zones/,
      /jails/i,
      /LXC/,
      /build once, run anywhere/i,
      /laptop/i,
      /bare-metal/i,
      /seconds/i,
      /Docker Hub/,
      /app store/i,
      /PostgreSQL/,
      /Redis/,
      /Node\.js/,
      /scale/i,
    ],
  };

  it.each(Object.entries(mustMention))('%s covers each listed point', (file, terms) => {
    const text = toString(parsePage(file).tree).replace(/\s+/g, ' ');
    const missing = terms.filter((term) => !term.test(text)).map(String);
    expect(missing, `${file} no longer mentions these points`).toEqual([]);
  });
});
