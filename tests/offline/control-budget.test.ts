import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * What "Save for offline" adds to every page before the reader asks: the control's script, bundled
 * and minified as the site's build does it (Vite), gzipped. The saving code is a separate bundle
 * loaded on click, so only an import of its URL may appear here, never Vite's preload helper.
 */
const BUDGET = 512;

describe('the "Save for offline" control on every page', () => {
  it(`costs at most ${BUDGET} bytes of JavaScript, gzip`, async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: true,
        lib: { entry: 'src/client/offline/control.ts', formats: ['es'], fileName: 'control' },
        rollupOptions: { external: [/\?worker&url$/] },
      },
    });
    const output = (Array.isArray(result) ? result[0] : result) as { output: { type: string; code?: string }[] };
    const code = output.output.find((chunk) => chunk.type === 'chunk')!.code!;
    const gzip = gzipSync(code).length;
    console.log(`"Save for offline" control: ${code.length} bytes, ${gzip} bytes gzip`);
    expect(code).toContain('[data-offline-save]');
    expect(code).not.toMatch(/modulepreload|__vitePreload/);
    expect(gzip).toBeLessThanOrEqual(BUDGET);
  });
});
