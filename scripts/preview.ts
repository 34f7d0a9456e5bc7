#!/usr/bin/env node
/**
 * npm run preview: `astro preview` of dist/, or of another built folder with --dist <folder> (a
 * pull request's preview artifact, a pr-summary build). Every other flag goes to astro preview.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/core/env.ts';

const args = process.argv.slice(2);
const at = args.findIndex((arg) => arg === '--dist' || arg.startsWith('--dist='));
let passOn = args;
if (at >= 0) {
  const flag = args[at]!;
  const folder = flag.includes('=') ? flag.slice('--dist='.length) : args[at + 1];
  if (!folder || folder.startsWith('-')) {
    process.stderr.write('preview: --dist expects a folder, e.g. npm run preview -- --dist site-preview\n');
    process.exit(2);
  }
  const dir = path.resolve(folder);
  if (!existsSync(path.join(dir, 'index.html')) || !statSync(dir).isDirectory()) {
    // A downloaded artifact unzips into a folder; the site may sit one level down.
    process.stderr.write(`preview: ${folder} is not a built site (no index.html in it). Name the folder that holds index.html.\n`);
    process.exit(2);
  }
  passOn = [...args.slice(0, at), ...args.slice(at + (flag.includes('=') ? 1 : 2)), '--outDir', dir];
}

const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'astro'), ['preview', ...passOn], { cwd: projectRoot, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
