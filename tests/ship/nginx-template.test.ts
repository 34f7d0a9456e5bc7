import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nginxConfFile, templateNginxConf } from '../../scripts/support/nginx.ts';

const options = { root: '/srv/site', port: 41234, workDir: '/work/nginx-test' };

describe('templateNginxConf', () => {
  it('moves every image-only path of the real nginx.conf into the test folder', () => {
    const text = templateNginxConf(readFileSync(nginxConfFile, 'utf8'), options);
    expect(text).toContain('listen 127.0.0.1:41234;');
    expect(text).toContain('root /srv/site;');
    expect(text).toContain('pid /work/nginx-test/nginx.pid;');
    expect(text).toContain('access_log /work/nginx-test/access.log;');
    // Nothing left that would write to the machine's /tmp or read the image's web root.
    expect(text).not.toMatch(/\/tmp\//);
    expect(text).not.toContain('/usr/share/nginx/html');
    expect(text).not.toMatch(/^\s*(load_module|brotli)/m);
  });

  it('switches the brotli lines on only when given the module', () => {
    const text = templateNginxConf(readFileSync(nginxConfFile, 'utf8'), { ...options, brotliModule: '/mods/brotli.so' });
    expect(text).toMatch(/^load_module \/mods\/brotli\.so;$/m);
    expect(text).toMatch(/^\s*brotli on;$/m);
    expect(text).not.toMatch(/^\s*#brotli# /m);
  });

  it('names the line it could not find, so a reshaped nginx.conf fails with a fix to apply', () => {
    const reshaped = readFileSync(nginxConfFile, 'utf8').replace('listen 8080;', 'listen 0.0.0.0:8080;');
    expect(() => templateNginxConf(reshaped, options)).toThrow(/nginx\.conf: expected 1 line\(s\) like `listen 8080;` but found 0/);
  });
});
