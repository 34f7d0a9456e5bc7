import { describe, expect, it } from 'vitest';
import { frontmatter, validate } from './helpers.ts';

describe('page-link check: links to pages', () => {
  it('accepts links to existing .md/.mdx pages, index pages and folders, and ignores URLs and non-page files', () => {
    const problems = validate({
      'index.md': `${frontmatter()}\n[a](./vms/hypervisors.md) [b](vms/) [c](./vms) [d](./vms/index.mdx) [e](https://docs.docker.com/) [f](./compose.yaml) [h](/vms/hypervisors/)\n`,
      'vms/index.mdx': `${frontmatter()}\n[back](../index.md) [up](../)\n`,
      'vms/hypervisors.md': frontmatter(),
    });
    expect(problems).toEqual([]);
  });

  it('reports a link to a page that does not exist with its file and line and what to do', () => {
    const problems = validate({
      'guide/start.md': `${frontmatter()}\nIntro.\n\nSee [bridges](../networking/bridges.md#default).\n`,
    });
    expect(problems).toEqual([
      {
        file: 'content/docs/guide/start.md',
        line: 8,
        message:
          'link "../networking/bridges.md#default" points to content/docs/networking/bridges.md, which does not exist. Fix the path or create the page.',
      },
    ]);
  });

  it('suggests the right spelling when only the letter case differs', () => {
    const [problem] = validate({ 'a.md': `${frontmatter()}\n[x](./Setup.md)\n`, 'setup.md': frontmatter() });
    expect(problem?.message).toContain('Did you mean "./setup.md"? File names are case-sensitive.');
  });

  it('reports URL links to a folder without a landing page, or to nothing, with the route they resolved to', () => {
    const problems = validate({
      'index.md': `${frontmatter()}\n[a](./guide/)\n\n[b](./nowhere/)\n`,
      'guide/start.md': frontmatter(),
    });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        6,
        'link "./guide/" resolves to /guide/ (from this page\'s URL /), which is not a page of this site. content/docs/guide/ has no index.md, so the site has no page at /guide/: link to a page inside it, or add content/docs/guide/index.md.',
      ],
      [
        8,
        'link "./nowhere/" resolves to /nowhere/ (from this page\'s URL /), which is not a page of this site. A link without a file extension is a URL, resolved against the page\'s URL as a browser does: fix the path, or link to the .md file.',
      ],
    ]);
  });

  it('suggests the nearest existing file for a misspelt .md link', () => {
    const [problem] = validate({ 'guide/a.md': `${frontmatter()}\n[x](./secuirty.md)\n`, 'guide/security.md': frontmatter() });
    expect(problem?.message).toBe(
      'link "./secuirty.md" points to content/docs/guide/secuirty.md, which does not exist. Did you mean "./security.md"? Fix the path or create the page.',
    );
  });

  it('checks reference-style definitions, raw HTML links in Markdown and <a> in MDX', () => {
    const problems = validate({
      'a.md': `${frontmatter()}\n[x][ref]\n\n[ref]: ./gone.md\n\n<p>An <a href="./gone-too.md">HTML link</a></p>\n`,
      'b.mdx': `${frontmatter()}\nJSX: <a href="./gone-three.md">here</a>\n`,
    });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message.split(' points')[0]}`)).toEqual([
      'content/docs/a.md:8 link "./gone.md"',
      // A path in raw HTML is refused as such (the site cannot rewrite it), and still checked.
      'content/docs/a.md:10 <a href="./gone-too.md"> in raw HTML',
      'content/docs/a.md:10 link "./gone-too.md"',
      'content/docs/b.mdx:6 link "./gone-three.md"',
    ]);
  });
});

describe('page-link check: site-absolute links and paths outside', () => {
  const pages = {
    'index.md': frontmatter(),
    'hands-on/compose.md': `${frontmatter()}\n## Start the stack\n`,
  };

  it("checks /paths against the pages and the site's own routes, with or without the base path", () => {
    const linking = `${frontmatter()}\n[a](/hands-on/compose/) [b](/hands-on/compose) [c](/docker-learning/hands-on/compose/#start-the-stack) [d](/resources/) [e](/)\n`;
    expect(validate({ ...pages, 'a.md': linking }, { base: '/docker-learning' })).toEqual([]);
  });

  it('reports a /path that is no page, and a missing anchor behind a /path', () => {
    const problems = validate({ ...pages, 'a.md': `${frontmatter()}\n[c](/hands-on/composer/)\n\n[d](/hands-on/compose/#stop)\n` });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        6,
        'link "/hands-on/composer/" points to /hands-on/composer/, which is not a page or file of this site. Did you mean /hands-on/compose/? Fix the path (site-absolute links start at the site root: /guide/page/), or link relatively to the .md file.',
      ],
      [8, expect.stringContaining('points to #stop, which is not a heading or id on content/docs/hands-on/compose.md')],
    ]);
  });

  it('reports links that leave the content folder, which the site does not publish', () => {
    const [problem] = validate({ ...pages, 'a.md': `${frontmatter()}\n[readme](../../README.md)\n` });
    expect(problem?.message).toBe(
      'link "../../README.md" points to README.md, outside content/docs/, which the site does not publish. Link to a page inside it, or to the file on GitHub with a full https:// URL.',
    );
  });
});

describe('page-link check: heading anchors', () => {
  const target = `${frontmatter()}\n## Run in the background\n\n## Run in the background\n\n### Ports: \`-p 8080:80\`\n\n<a id="custom-spot"></a>\n`;

  it('accepts GitHub slugs, numbered repeats, inline code in headings, explicit ids, #top and empty fragments', () => {
    const problems = validate({
      'run.md': target,
      'index.md': `${frontmatter()}\n[a](./run.md#run-in-the-background) [b](./run.md#run-in-the-background-1) [c](./run.md#ports--p-808080) [d](./run.md#custom-spot) [e](#top) [f](#)\n`,
    });
    expect(problems).toEqual([]);
  });

  it('reports an anchor missing on another page, listing the anchors that exist', () => {
    const problems = validate({ 'run.md': target, 'index.md': `${frontmatter()}\n[a](./run.md#run-detached)\n` });
    expect(problems).toEqual([
      {
        file: 'content/docs/index.md',
        line: 6,
        message:
          'link "./run.md#run-detached" points to #run-detached, which is not a heading or id on content/docs/run.md (its anchors are #run-in-the-background, #run-in-the-background-1, #ports--p-808080, #custom-spot). Fix the anchor, or add the heading it refers to.',
      },
    ]);
  });

  it('reports an anchor missing on the same page, hinting at lower case', () => {
    const problems = validate({ 'index.md': `${frontmatter()}\n## Install Docker\n\n[up](#Install-Docker)\n` });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(8);
    expect(problems[0]!.message).toContain('which is not a heading or id on this page');
    expect(problems[0]!.message).toContain('Heading anchors are lower case: use #install-docker.');
  });

  it('finds ids on JSX elements in MDX', () => {
    const problems = validate({ 'a.mdx': `${frontmatter()}\n<div id="exercise-1">Try it</div>\n\n[go](#exercise-1) [bad](#exercise-2)\n` });
    expect(problems.map((p) => p.message.slice(0, 20))).toEqual(['link "#exercise-2" p']);
  });
});

describe('page-link check: links to drafts', () => {
  const pages = {
    'index.md': `${frontmatter()}\n[wip](./wip.md)\n`,
    'wip.md': `${frontmatter('Work in progress', 'draft: true\n')}\n[home](./index.md) [broken](./gone.md)\n`,
  };

  it('flags links from published pages to drafts only in production builds', () => {
    expect(validate(pages).map((p) => p.file)).toEqual(['content/docs/wip.md']);
    const production = validate(pages, { production: true });
    expect(production.map((p) => `${p.file}:${p.line}`)).toEqual(['content/docs/index.md:6', 'content/docs/wip.md:7']);
    expect(production[0]!.message).toBe(
      'link "./wip.md" points to content/docs/wip.md, a draft, which production builds leave out. Publish that page (remove "draft: true") or remove the link.',
    );
  });

  it('still validates drafts themselves', () => {
    expect(validate(pages)[0]!.message).toContain('"./gone.md"');
  });
});

describe('page-link check: relative URL links (Starlight style)', () => {
  // Published at /troubleshooting/disk-usage/, /orchestration/service-discovery/, /orchestration/.
  const course = {
    'index.md': frontmatter(),
    'troubleshooting/index.md': frontmatter(),
    'troubleshooting/disk-usage.md': `${frontmatter()}\n## Prune\n`,
    'troubleshooting/logs.md': frontmatter(),
    'orchestration/index.md': frontmatter(),
    'orchestration/service-discovery.md': `${frontmatter()}\n## DNS names\n`,
  };
  const linking = (body: string) => ({ ...course, 'troubleshooting/disk-usage.md': `${frontmatter()}\n## Prune\n\n${body}\n` });

  it('resolves links ending in / or without extension against the page URL, with their anchors', () => {
    const body = [
      '[a](../../orchestration/service-discovery/)',
      '[b](../../orchestration/service-discovery/#dns-names)',
      '[c](../logs/) [d](../logs) [e](./) [f](./#prune) [g](../) [h](../../) [i](../../orchestration/)',
      '[j](../../resources/) [k](../../troubleshooting/logs/?tab=1#top)',
    ].join('\n\n');
    expect(validate(linking(body), { base: '/course' })).toEqual([]);
  });

  it('reports a route the site does not have at its line, naming where it resolved to and the nearest route', () => {
    const problems = validate(linking('Intro.\n\n[a](../../orchestration/service-discover/)'));
    expect(problems).toEqual([
      {
        file: 'content/docs/troubleshooting/disk-usage.md',
        line: 10,
        message:
          'link "../../orchestration/service-discover/" resolves to /orchestration/service-discover/ (from this page\'s URL /troubleshooting/disk-usage/), which is not a page of this site. Did you mean /orchestration/service-discovery/ ("../../orchestration/service-discovery/")?',
      },
    ]);
  });

  it('checks the anchor on the page the URL lands on', () => {
    const [problem] = validate(linking('[a](../../orchestration/service-discovery/#dns)'));
    expect(problem?.message).toMatch(
      /^link "\.\.\/\.\.\/orchestration\/service-discovery\/#dns" points to #dns, which is not a heading or id on content\/docs\/orchestration\/service-discovery\.md \(its anchors are #dns-names\)/,
    );
  });

  it('reports a link that climbs above the site root, which a browser would silently clamp', () => {
    const [problem] = validate(linking('[a](../../../orchestration/)'));
    expect(problem?.line).toBe(8);
    expect(problem?.message).toBe(
      'link "../../../orchestration/" resolves above the site root: from this page\'s URL /troubleshooting/disk-usage/ it climbs past /, out of the site (a browser would open /orchestration/ at the server\'s root, outside any base path). Did you mean /orchestration/ ("../../orchestration/")?',
    );
  });

  it('reads a Docusaurus-style link without extension as a URL, and says which file it would have named', () => {
    // From /troubleshooting/disk-usage/, ./logs is /troubleshooting/disk-usage/logs: the browser's reading wins.
    const [problem] = validate(linking('[logs](./logs#top)'));
    expect(problem?.message).toBe(
      'link "./logs#top" resolves to /troubleshooting/disk-usage/logs/ (from this page\'s URL /troubleshooting/disk-usage/), which is not a page of this site. As a file path it would name content/docs/troubleshooting/logs.md, but without .md it is a URL, resolved against this page\'s URL: link the file as "./logs.md#top", or its URL as "../logs/#top".',
    );
  });

  it("reads a GitHub-style folder link from a non-index page as a URL, and points to the folder's page", () => {
    const [problem] = validate(linking('[o](../orchestration/)'));
    expect(problem?.message).toContain('resolves to /troubleshooting/orchestration/');
    expect(problem?.message).toContain(
      'As a file path it would name content/docs/orchestration/index.md, but without .md it is a URL, resolved against this page\'s URL: link the file as "../orchestration/index.md", or its URL as "../../orchestration/".',
    );
  });

  it('says a non-page file named by an extension-less link is not published', () => {
    const problems = validate({ 'index.md': `${frontmatter()}\n[the Dockerfile](./Dockerfile)\n` }, { assets: ['Dockerfile'] });
    expect(problems.map((p) => p.message)).toEqual([
      'link "./Dockerfile" resolves to /Dockerfile/ (from this page\'s URL /), which is not a page of this site. content/docs/Dockerfile exists, but the site publishes only pages and images: link to it with a full https:// URL (its page on GitHub, for instance).',
    ]);
  });

  it('resolves against the URL without the number prefixes, as the site publishes it', () => {
    const pages = { '01-basics/01-intro.md': frontmatter(), '01-basics/02-setup.md': `${frontmatter()}\n[intro](../intro/) [bad](../01-intro/)\n` };
    const problems = validate(pages);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^link "\.\.\/01-intro\/" resolves to \/basics\/01-intro\/ \(from this page's URL \/basics\/setup\/\)/),
    ]);
  });

  it('flags a URL link to a draft in production, as a .md link would be', () => {
    const pages = {
      ...course,
      'troubleshooting/logs.md': frontmatter('Logs', 'draft: true\n'),
      'troubleshooting/disk-usage.md': `${frontmatter()}\n[l](../logs/)\n`,
    };
    expect(validate(pages, { production: true }).map((p) => p.message)).toEqual([
      expect.stringContaining('a draft, which production builds leave out'),
    ]);
  });
});
