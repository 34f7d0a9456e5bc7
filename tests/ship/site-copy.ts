import { chmodSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpRoot } from '../helpers/build-site.ts';

/** A private copy of a built site to serve, so probe files never leak into builds that other test files share. */
export function servableCopy(outDir: string): string {
  mkdirSync(tmpRoot, { recursive: true });
  const root = mkdtempSync(path.join(tmpRoot, 'ship-served-'));
  // mkdtemp makes the folder private; nginx workers run as another user when the tests run as root.
  chmodSync(root, 0o755);
  cpSync(outDir, root, { recursive: true });
  // The site ships no .wasm or sizeable .json of its own yet; these stand in for the ones a page
  // may add, so the MIME types and compression for them are checked all the same.
  writeFileSync(path.join(root, 'probe.wasm'), wasmModuleWithCustomSection(4096));
  writeFileSync(path.join(root, 'probe.json'), JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ id: i, title: `Item ${i}` })) }));
  return root;
}

/** A valid WebAssembly module: the 8-byte header plus one custom section of `size` payload bytes. */
export function wasmModuleWithCustomSection(size: number): Buffer {
  const name = Buffer.from('probe');
  const payload = Buffer.alloc(size, 'docs ');
  const sectionBody = Buffer.concat([leb128(name.length), name, payload]);
  return Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), Buffer.from([0x00]), leb128(sectionBody.length), sectionBody]);
}

function leb128(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return Buffer.from(bytes);
}
