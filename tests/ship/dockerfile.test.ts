import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from '@balena/dockerignore';
import { Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { resolveSiteConfig } from '../../src/core/site-config.ts';
import siteConfigInput from '../../src/site.config.ts';

// What can be checked without building: the Dockerfile parses and lints clean, its stages and
// instructions are the ones the README promises, and the build context holds what the build
// stage needs and nothing from the host's node_modules or dist. tests/docker/ builds and runs it.

const dockerfileText = readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(dockerfileText);
const stages = splitStages(dockerfile.getInstructions());
/** The stage a FROM line names (`AS build`), or the last one, which becomes the image. */
const stage = (name?: string) => (name ? stages.find((instructions) => fromOf(instructions).getBuildStage() === name) : stages.at(-1))!;
const fromOf = (instructions: Instruction[]) =>
  dockerfile.getFROMs().find((from) => from.getRange().start.line === instructions[0].getRange().start.line)!;

function splitStages(instructions: Instruction[]): Instruction[][] {
  const result: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') result.push([]);
    result.at(-1)?.push(instruction);
  }
  return result;
}

const args = (instruction: Instruction) => instruction.getArguments().map((argument) => argument.getValue());
const find = (stage: Instruction[], keyword: string) => stage.filter((instruction) => instruction.getKeyword() === keyword);

/** The ARGs before the first FROM, which FROM lines may use: name → default. */
const globalArgs = new Map(dockerfile.getInitialARGs().map((arg) => [arg.getProperty()!.getName(), arg.getProperty()!.getValue() ?? undefined]));

describe('Dockerfile', () => {
  it('lints clean (unknown instructions, flags or ports would be reported)', () => {
    const problems = validate(dockerfileText).map((problem) => `line ${problem.range.start.line + 1}: ${problem.message}`);
    expect(problems).toEqual([]);
  });

  it('takes its two base images as build arguments, NODE_IMAGE and NGINX_IMAGE', () => {
    expect(fromOf(stage('build')).getImageName()).toBe('${NODE_IMAGE}');
    expect(fromOf(stage()).getImageName()).toBe('${NGINX_IMAGE}');
    expect([...globalArgs.keys()].sort()).toEqual(['NGINX_IMAGE', 'NODE_IMAGE']);
  });

  it('defaults them to the pinned Node 22 image and the unprivileged nginx image, in FROM lines Dependabot updates', () => {
    const defaultOf = (arg: string) => fromOf(stage(globalArgs.get(arg)));
    const node = defaultOf('NODE_IMAGE');
    expect(node.getImageName()).toBe('node');
    // An exact minor keeps builds repeatable; it must stay on the major that .nvmrc pins.
    const nvmrc = readFileSync(path.join(projectRoot, '.nvmrc'), 'utf8').trim();
    expect(node.getImageTag()).toMatch(new RegExp(`^${nvmrc}\\.\\d+-bookworm-slim$`));
    const nginx = defaultOf('NGINX_IMAGE');
    expect(nginx.getImageName()).toBe('nginxinc/nginx-unprivileged');
    expect(nginx.getImageTag()).toMatch(/^\d+\.\d+-alpine$/);
    // Stages that only name an image: BuildKit skips them when the argument names another one.
    for (const arg of globalArgs.keys()) expect(stage(globalArgs.get(arg)), arg).toHaveLength(1);
  });

  it('has no "# syntax=" line, which would pull a frontend image before building (no mirror, no offline build)', () => {
    expect(dockerfile.getDirectives().map((directive) => directive.getName())).not.toContain('syntax');
  });

  it("installs from the lock file, builds the site, then prints the PDF with Debian's Chromium", () => {
    const runs = find(stage('build'), 'RUN').map((instruction) => instruction.getArgumentsContent() ?? '');
    expect(runs.some((command) => /\bapt-get install\b[^&]*\bchromium\b/.test(command))).toBe(true);
    expect(runs.some((command) => /\bnpm ci\b/.test(command))).toBe(true);
    expect(runs.some((command) => /\bnpm run build && npm run pdf\b/.test(command))).toBe(true);
    // The lock file is copied before the sources, so the dependency layer survives source edits.
    const copies = find(stage('build'), 'COPY').map(args);
    expect(copies[0]).toEqual(['package.json', 'package-lock.json', './']);
  });

  it('ships our nginx.conf and the built site, and nothing else from the build stage', () => {
    const copies = find(stage(), 'COPY').filter((instruction): instruction is Copy => instruction instanceof Copy);
    const plain = copies.filter((copy) => copy.getFlags().length === 0).map(args);
    expect(plain).toContainEqual(['nginx.conf', '/etc/nginx/nginx.conf']);
    const fromBuild = copies.filter((copy) => copy.getFlags().some((flag) => flag.getName() === 'from'));
    expect(fromBuild).toHaveLength(1);
    expect(
      fromBuild[0]
        .getFlags()
        .find((flag) => flag.getName() === 'from')
        ?.getValue(),
    ).toBe('build');
    // The same folder nginx.conf's root names.
    const root = /^\s*root (\S+);/m.exec(readFileSync(path.join(projectRoot, 'nginx.conf'), 'utf8'))?.[1];
    expect(args(fromBuild[0])).toEqual(['/app/dist', root]);
  });

  it('runs as a non-root user, on port 8080, with a health check against that port', () => {
    const users = find(stage(), 'USER').map((instruction) => instruction.getArgumentsContent());
    expect(users.at(-1)).toMatch(/^[1-9]\d*$/);
    expect(find(stage(), 'EXPOSE').map(args)).toEqual([['8080']]);
    const listen = /^\s*listen (\d+);/m.exec(readFileSync(path.join(projectRoot, 'nginx.conf'), 'utf8'))?.[1];
    expect(listen).toBe('8080');
    const healthchecks = find(stage(), 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0].getArgumentsContent()).toMatch(/^CMD .*http:\/\/127\.0\.0\.1:8080\//);
  });
});

describe('.dockerignore', () => {
  const rules = ignore({}).add(readFileSync(path.join(projectRoot, '.dockerignore'), 'utf8'));
  const tracked = execFileSync('git', ['ls-files'], { cwd: projectRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
  const context = tracked.filter((file) => !rules.ignores(file));

  it('keeps host-built and host-installed folders out of the build context', () => {
    for (const folder of [
      'node_modules/astro/package.json',
      'dist/index.html',
      '.astro/types.d.ts',
      '.cache/link-check.json',
      '.git/HEAD',
      'tests/.tmp/x/index.html',
    ]) {
      expect(rules.ignores(folder), folder).toBe(true);
    }
  });

  it("never sends a lessons report, so the image shows no lesson status from whatever ran on the builder's machine", () => {
    expect(rules.ignores(resolveSiteConfig(siteConfigInput).lessonReport)).toBe(true);
  });

  it('sends everything the build stage needs', () => {
    for (const needed of ['package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json', 'nginx.conf', 'scripts/require-node.mjs']) {
      expect(context, needed).toContain(needed);
    }
    for (const folder of ['src/', 'content/', 'public/']) {
      expect(
        context.some((file) => file.startsWith(folder)),
        folder,
      ).toBe(true);
      expect(
        tracked.filter((file) => file.startsWith(folder)).every((file) => context.includes(file)),
        `all of ${folder}`,
      ).toBe(true);
    }
  });
});
