import { describe, expect, it } from 'vitest';
import { defaultLinkCheckConfig } from '../../scripts/link-check/config.ts';
import { backoffDelay, decideAttempt, parseRetryAfter, type Observation } from '../../scripts/link-check/verdict.ts';

const rules = { included: false, accept: new Set<number>(), unverified: new Set<number>() };
const context = (attempt: number) => ({ rules, attempt, config: defaultLinkCheckConfig, now: Date.parse('2025-06-01T10:00:00Z'), random: () => 0.5 });
const networkError = (errorCode: string): Observation => ({ kind: 'error', method: 'HEAD', errorCode, timeout: false, message: 'x', redirects: [] });

describe('deciding an attempt', () => {
  it('retries passing network trouble but not a name that does not exist or a bad certificate', () => {
    expect(decideAttempt(networkError('ECONNRESET'), context(1))).toMatchObject({ action: 'retry' });
    expect(decideAttempt(networkError('EAI_AGAIN'), context(1))).toMatchObject({ action: 'retry' });
    expect(decideAttempt(networkError('ENOTFOUND'), context(1))).toMatchObject({
      action: 'done',
      verdict: 'network-error',
      detail: 'DNS lookup failed: the host name does not resolve (ENOTFOUND)',
    });
    expect(decideAttempt(networkError('CERT_HAS_EXPIRED'), context(1))).toMatchObject({
      action: 'done',
      detail: 'TLS certificate problem (CERT_HAS_EXPIRED)',
    });
  });

  it('gives up after the configured retries', () => {
    expect(decideAttempt(networkError('ECONNRESET'), context(defaultLinkCheckConfig.retries + 1))).toMatchObject({
      action: 'done',
      verdict: 'network-error',
    });
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2025-06-01T10:00:00Z');
  it('reads seconds and HTTP dates, never a negative wait, and ignores nonsense', () => {
    expect(parseRetryAfter('120', undefined, now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 10:00:30 GMT', undefined, now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 09:00:00 GMT', undefined, now)).toBe(0);
    expect(parseRetryAfter('soon', undefined, now)).toBeUndefined();
  });

  it('measures a date against the server’s Date header when it sends one', () => {
    // Our clock is an hour ahead of the server's: the server still means "in 10 s".
    expect(parseRetryAfter('Sun, 01 Jun 2025 09:00:10 GMT', 'Sun, 01 Jun 2025 09:00:00 GMT', now)).toBe(10_000);
  });
});

describe('backoff', () => {
  it('doubles each attempt with jitter between half and the full delay', () => {
    expect([1, 2, 3].map((attempt) => backoffDelay(attempt, 1000, () => 0))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((attempt) => backoffDelay(attempt, 1000, () => 1))).toEqual([1000, 2000, 4000]);
  });
});
