/**
 * Benchmark: how long the build-time validator takes on a generated 1,021-page site.
 * Run: node_modules/.bin/node tests/lib/validate/bench-validate.ts [rounds]
 * Prints one line per round, the dev-server re-check time after one edit, and the median; the corpus (20 sections of 50 pages of ~3 KB with
 * frontmatter, headings, a table, a titled code block, an alert, a task list, links with anchors to
 * other pages, an image and raw HTML, all valid) is written to a temporary folder and removed after.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateContent } from '../../../src/lib/validate/index.ts';

const SECTIONS = 20;
const PAGES_PER_SECTION = 50;
const rounds = Number(process.argv[2] ?? 5);

function page(section: number, index: number): string {
  const next = `../section-${(section + 1) % SECTIONS}/page-${(index + 1) % PAGES_PER_SECTION}.md`;
  return `---
title: Page ${index} of section ${section}
description: A generated page used to measure how long content validation takes.
sidebar:
  order: ${index}
---

## Overview

This page explains topic ${index}. See [the next page](${next}#details) or [the section](./) or
[Docker's documentation](https://docs.docker.com/) for more. Text *with* emphasis, \`inline code\` and **bold**.

![Diagram of topic ${index}](./diagram.png)

## Details

| Option | Meaning | Link |
| --- | --- | --- |
| \`-d\` | detached | [overview](#overview) |
| \`-p\` | publish a port | [details](#details) |

\`\`\`sh title="run.sh"
docker run -d -p 8080:80 --name web nginx
docker ps
\`\`\`

> [!NOTE]
> Containers share the host kernel; virtual machines each bring their own.

### Steps

- [ ] Pull the image
- [x] Start the container
- [ ] Open <a href="http://localhost:8080">localhost:8080</a>

<details><summary>More</summary>

Extra notes for page ${index}, with a [link back](#overview).

</details>

${'Some more prose to reach a realistic page length. '.repeat(20)}
`;
}

const root = mkdtempSync(path.join(os.tmpdir(), 'validate-bench-'));
try {
  const docsDir = path.join(root, 'docs');
  let bytes = 0;
  let pages = 0;
  const write = (file: string, text: string) => {
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    pages++;
  };
  for (let section = 0; section < SECTIONS; section++) {
    const dir = path.join(docsDir, `section-${section}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'diagram.png'), 'png');
    write(path.join(dir, 'index.md'), `---\ntitle: Section ${section}\ndescription: Landing page.\n---\n\nPages of this section.\n`);
    for (let index = 0; index < PAGES_PER_SECTION; index++) write(path.join(dir, `page-${index}.md`), page(section, index));
  }
  write(path.join(docsDir, 'index.md'), '---\ntitle: Home\ndescription: Home.\n---\n\n[First](./section-0/)\n');

  // CPU time next to wall time: on a shared machine the wall clock also counts time spent waiting for a core.
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const problems = validateContent({ docsDir, base: '/', production: true });
    const cpu = process.cpuUsage(cpuStart);
    const ms = performance.now() - start;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (problems.length > 0) throw new Error(`the generated corpus should be valid: ${problems[0]!.file}: ${problems[0]!.message}`);
    times.push(ms);
    cpuTimes.push(cpuMs);
    console.log(`round ${round}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU${round === 1 ? ' (cold: includes module warm-up)' : ''}`);
  }
  // The dev server keeps a facts cache: after a save only the changed page is parsed again.
  const cache = new Map();
  validateContent({ docsDir, base: '/', production: false, cache });
  const edited = path.join(docsDir, 'section-3', 'page-7.md');
  writeFileSync(edited, `${page(3, 7)}\nOne more sentence after a save.\n`);
  const recheckStart = performance.now();
  validateContent({ docsDir, base: '/', production: false, cache });
  console.log(`dev re-check after editing one page (facts cache): ${(performance.now() - recheckStart).toFixed(0)} ms wall`);

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const wall = median(times);
  console.log(
    `validateContent: ${pages} pages, ${(bytes / 1024).toFixed(0)} KiB of Markdown: median ${wall.toFixed(0)} ms wall, ` +
      `${median(cpuTimes).toFixed(0)} ms CPU, best ${Math.min(...times).toFixed(0)} ms wall, ${(bytes / 1024 / 1024 / (wall / 1000)).toFixed(1)} MiB/s ` +
      `(load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
