import { describe, expect, it } from 'vitest';
import { matchOutput, normalizeLine, outputToLines, type MatchRules } from '../../src/core/lessons/match.ts';

const whole: MatchRules = { match: 'whole', varyLines: [], anyWords: [] };
const check = (expected: string, actual: string, rules = whole) => matchOutput(expected.split('\n'), 10, actual, rules);

describe('tolerant output matching', () => {
  it('accepts a docker ps table with other IDs, times, column widths and truncation', () => {
    const expected = [
      'CONTAINER ID   IMAGE   COMMAND                  CREATED          STATUS          PORTS                                     NAMES',
      '8d2f41a3c6e7   nginx   "/docker-entrypoint.s…"  12 seconds ago   Up 11 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web',
    ].join('\n');
    const actual = [
      'CONTAINER ID   IMAGE     COMMAND                  CREATED              STATUS              PORTS                  NAMES',
      '5b1e0c7d2a94   nginx     "/docker-entrypoint.…"   About a minute ago   Up About a minute   0.0.0.0:8080->80/tcp   web',
    ].join('\n');
    expect(check(expected, actual).ok).toBe(true);
  });

  it('still notices a different image, port or name in the same table', () => {
    const expected = '8d2f41a3c6e7   nginx   "/docker-entrypoint.…"   12 seconds ago   Up 11 seconds   0.0.0.0:8080->80/tcp   web';
    expect(check(expected, expected.replace('nginx', 'httpd')).ok).toBe(false);
    expect(check(expected, expected.replace('8080->', '8081->')).ok).toBe(false);
    expect(check(expected, expected.replace(' web', ' db')).ok).toBe(false);
  });

  it('treats digests, full IDs, timestamps, durations, sizes and addresses as variable', () => {
    expect(normalizeLine(`Digest: sha256:${'a'.repeat(64)}`)).toBe('Digest: <digest>');
    expect(normalizeLine('0f3c'.repeat(16))).toBe('<id>');
    expect(normalizeLine('2026-12-07T13:01:02.123456789Z ready')).toBe('<time> ready');
    expect(normalizeLine('64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.113 ms')).toBe('64 bytes from <ip>: seq=0 ttl=64 time=<duration>');
    expect(normalizeLine('round-trip min/avg/max = 0.113/0.120/0.131 ms')).toBe('round-trip min/avg/max = <duration>');
    expect(normalizeLine('nginx   alpine   52.3MB')).toBe('nginx alpine <size>');
    expect(normalizeLine('Exited (0) 3 minutes ago')).toBe('Exited (0) <ago>');
    expect(normalizeLine('0.0.0.0:32768->80/tcp')).toBe('0.0.0.0:<port>->80/tcp');
  });

  it('keeps fixed numbers that the lesson teaches (status codes, published ports, byte limits)', () => {
    expect(check('true 137', 'true 143').ok).toBe(false);
    expect(check('67108864', '67108865').ok).toBe(false);
  });

  it('lets an elision line stand for any number of lines, and listed words for any word', () => {
    expect(check('first\n...\nlast', 'first\na\nb\nc\nlast').ok).toBe(true);
    expect(check('first\n…\nlast', 'first\nlast').ok).toBe(true);
    expect(check('first\n...\nlast', 'first\nlast but not least').ok).toBe(false);
    expect(check('Docker named it quirky_hopper', 'Docker named it eager_lovelace', { ...whole, anyWords: ['quirky_hopper'] }).ok).toBe(true);
  });

  it('lets vary-lines stand for exactly one line each', () => {
    const rules = { ...whole, varyLines: [2] };
    expect(check('Served by\nanything\nend', 'Served by\nsomething else\nend', rules).ok).toBe(true);
    expect(check('Served by\nanything\nend', 'Served by\nend', rules).ok).toBe(false);
  });

  it('with match=contains, finds the block as a run of lines anywhere in the output', () => {
    const rules: MatchRules = { ...whole, match: 'contains' };
    expect(check('b\nc', 'a\nb\nc\nd', rules).ok).toBe(true);
    expect(check('b\nd', 'a\nb\nc\nd', rules).ok).toBe(false);
  });

  it('reads output as a terminal shows it: no colours, progress overwritten by carriage returns, no blank edges', () => {
    expect(outputToLines('\n\u001b[32mgreen\u001b[0m  \r\nprogress 10%\rprogress 100%\n\n')).toEqual(['green', 'progress 100%']);
  });

  it('shows a diff numbered with the lines of the expected block', () => {
    const result = check('one\n2\nthree', 'one\ntwo\nthree\n');
    expect(result.ok).toBe(false);
    expect(result.diff).toEqual(['  10 | one', '- 11 | 2', '+    | two', '  12 | three']);
  });

  it('says so when a command printed nothing', () => {
    expect(check('hello', '').diff).toContain('  (the command printed nothing)');
  });
});
