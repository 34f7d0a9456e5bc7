import { checkTargets } from '../../../scripts/link-check/check.ts';
import { resolveConfig, type LinkCheckOverrides } from '../../../scripts/link-check/config.ts';
import { dedupeLinks } from '../../../scripts/link-check/dedupe.ts';
import type { LinkResult } from '../../../scripts/link-check/types.ts';

/** Settings that keep network tests to fractions of a second, with loopback allowed. */
export function fastConfig(overrides: LinkCheckOverrides = {}) {
  return resolveConfig({
    include: [{ pattern: '^http://127\\.' }],
    timeouts: { connectMs: 1_000, headersMs: 1_000, totalMs: 1_500, ...overrides.timeouts },
    retries: 2,
    retryBaseDelayMs: 10,
    retryAfterCapMs: 5_000,
    ...overrides,
  });
}

export interface Sleeps {
  delays: number[];
  sleep: (ms: number) => Promise<void>;
}

/** Records every wait the checker asks for instead of waiting (tests assert the waits, not the clock). */
export function recordSleeps(): Sleeps {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

/** Checks URLs as if each were written once in a page, and returns one result per URL. */
export async function checkUrls(urls: string[], overrides: LinkCheckOverrides = {}, sleeps: Sleeps = recordSleeps()): Promise<LinkResult[]> {
  const config = fastConfig(overrides);
  const targets = dedupeLinks(
    urls.map((raw, index) => ({ raw, file: 'page.md', line: index + 1 })),
    { checkFragments: config.checkFragments },
  );
  return checkTargets(targets, { config, sleep: sleeps.sleep, random: () => 0.5 });
}

export async function checkUrl(url: string, overrides: LinkCheckOverrides = {}, sleeps?: Sleeps): Promise<LinkResult> {
  const [result] = await checkUrls([url], overrides, sleeps);
  if (!result) throw new Error(`no result for ${url}`);
  return result;
}
