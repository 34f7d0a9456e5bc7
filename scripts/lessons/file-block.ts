import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StepReport } from '../../src/core/lessons/report.ts';
import type { FileBlock } from '../../src/core/lessons/steps.ts';
import { MAIN, type ShellFolder } from './terminals.ts';

/**
 * A titled code block, saved as the reader would: in the folder the terminal is in. The folder is
 * asked for only when the file is written, since asking runs `pwd` in the reader's terminal.
 */
export async function writeFileBlock(block: FileBlock, hostDir: string, shellFolder: () => Promise<ShellFolder>): Promise<StepReport> {
  const base = { line: block.line, kind: 'file' as const, text: block.path, terminal: MAIN, durationMs: 0 };
  if (block.skip !== undefined) return { ...base, verdict: 'skipped', reason: block.skip };
  const folder = await shellFolder();
  if ('outside' in folder) {
    return {
      ...base,
      verdict: 'failed',
      reason: `was not written: the terminal is in ${folder.outside}, outside the lesson's folder, and the runner writes files only inside it. Have the page cd back into a folder it made.`,
    };
  }
  const target = path.join(hostDir, ...folder.relative.split('/').filter(Boolean), ...block.path.split('/'));
  const written = { ...base, text: [folder.relative, block.path].filter(Boolean).join('/') };
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, block.content);
    return { ...written, verdict: 'passed' };
  } catch (error) {
    return {
      ...written,
      verdict: 'failed',
      reason: `could not be written: ${(error as Error).message}. A title names a file, such as title="app/server.js".`,
    };
  }
}
