import { describe, expect, it } from 'vitest';
import { frontmatter, validate } from './helpers.ts';

describe('page-link check: links to pages', () => {
  it('accepts links to existing .md/.mdx pages, index pages and folders, and ignores URLs and non-page files', () => {
    const problems = validate({
      'index.md': `${frontmatter()}\n[a](./vms/hypervisors.md) [b](vms/) [c](./vms) [d](./vms/index.mdx) [e](https://docs.docker.com/) [f](./compose.yaml) [g](./Dockerfile) [h](/vms/hypervisors/)\n`,
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

  it('reports folder links whose folder has no landing page, or does not exist', () => {
    const problems = validate({
      'index.md': `${frontmatter()}\n[a](./guide/)\n\n[b](./nowhere/)\n`,
      'guide/start.md': frontmatter(),
    });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [6, 'link "./guide/" points to the folder content/docs/guide/, which has no index.md landing page. Link to a page inside it, or add content/docs/guide/index.md.'],
      [8, 'link "./nowhere/" points to the folder content/docs/nowhere/, which does not exist. Link to a page inside it, or add content/docs/nowhere/index.md.'],
    ]);
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

  it('checks /paths against the pages and the site\'s own routes, with or without the base path', () => {
    const linking = `${frontmatter()}\n[a](/hands-on/compose/) [b](/hands-on/compose) [c](/docker-learning/hands-on/compose/#start-the-stack) [d](/resources/) [e](/)\n`;
    expect(validate({ ...pages, 'a.md': linking }, { base: '/docker-learning' })).toEqual([]);
  });

  it('reports a /path that is no page, and a missing anchor behind a /path', () => {
    const problems = validate({ ...pages, 'a.md': `${frontmatter()}\n[c](/hands-on/composer/)\n\n[d](/hands-on/compose/#stop)\n` });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [6, 'link "/hands-on/composer/" points to /hands-on/composer/, which is not a page or file of this site. Fix the path (site-absolute links start at the site root: /guide/page/), or link relatively to the .md file.'],
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
    'wip.md': frontmatter('Work in progress', 'draft: true\n') + '\n[home](./index.md) [broken](./gone.md)\n',
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
