import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAssetFile } from '../../../src/core/content/inventory.ts';
import { validateContent } from '../../../src/core/validate/index.ts';

/**
 * Image files that image-size alone would pass, because their header is fine: the build must name
 * the image and the page line that uses it, not publish the file with a warning from Astro.
 */

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const validPng = readFileSync(path.join(projectRoot, 'tests/fixtures/content/missing-alt/docs/diagram.png'));

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A well-framed PNG that says it is width × height (one-bit grey); only its first rows carry data. */
function pngOfSize(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', new Uint8Array()),
  ]);
}

let root: string;
let docsDir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'image-files-'));
  docsDir = path.join(root, 'content', 'docs');
  mkdirSync(docsDir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string, data: string | Uint8Array) => {
  writeFileSync(path.join(docsDir, file), data);
  return path.join(docsDir, file);
};
const contentDir = () => path.join(root, 'content');

describe('checkAssetFile: whole images of a size browsers can show', () => {
  it('refuses a PNG cut off after its header, anywhere before its end', () => {
    for (const keep of [100, Math.floor(validPng.length / 2), validPng.length - 12]) {
      const file = write(`cut-${keep}.png`, validPng.subarray(0, keep));
      expect(checkAssetFile(file, contentDir()), String(keep)).toBe(
        'is not a whole PNG image: the file ends before the image does (it was cut off while being saved or copied). Export or copy it again',
      );
    }
    expect(checkAssetFile(write('whole.png', validPng), contentDir())).toBeUndefined();
  });

  it('refuses a 30,000 × 30,000 PNG (a few hundred bytes on disk) and accepts a large photo', () => {
    expect(checkAssetFile(write('huge.png', pngOfSize(30_000, 30_000)), contentDir())).toBe(
      'is 30,000 × 30,000 pixels (900 megapixels): a browser needs 3.6 GB of memory to show it. Images may have at most 16,384 pixels on a side and 50 megapixels; scale it down, since a page column is under 1,000 pixels wide',
    );
    expect(checkAssetFile(write('long.png', pngOfSize(20_000, 100)), contentDir())).toMatch(/^is 20,000 × 100 pixels/);
    expect(checkAssetFile(write('photo.png', pngOfSize(8_000, 6_000)), contentDir())).toBeUndefined();
  });
});

describe('validateContent: broken images name the page line that uses them', () => {
  it('stops on a truncated and an oversized PNG, with page:line, image and file', () => {
    write('cut.png', validPng.subarray(0, validPng.length - 12));
    write('huge.png', pngOfSize(30_000, 30_000));
    write('index.md', '---\ntitle: Home\ndescription: Start here.\n---\n\n![A diagram](./cut.png)\n\nText.\n\n![A huge picture](./huge.png)\n');
    const problems = validateContent({ docsDir, base: '/', rootDir: root });
    expect(problems).toEqual([
      {
        file: 'content/docs/index.md',
        line: 6,
        message: expect.stringMatching(/^image "\.\/cut\.png" is not a whole PNG image: .* \(content\/docs\/cut\.png\)\.$/),
      },
      {
        file: 'content/docs/index.md',
        line: 10,
        message: expect.stringMatching(/^image "\.\/huge\.png" is 30,000 × 30,000 pixels .* \(content\/docs\/huge\.png\)\.$/),
      },
    ]);
  });
});
