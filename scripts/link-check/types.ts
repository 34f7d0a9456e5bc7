/**
 * The data that flows between the external link checker's stages:
 * collect (LinkPlace[]) → dedupe (UrlToCheck[]) → cache/check (LinkResult[]) → summarize (RunReport) → report (string).
 */

import { verdicts, type Verdict } from '../../src/core/link-cache/format.ts';

export { verdicts, type Verdict };

/** One place a URL is written: a Markdown/MDX line, a links.yaml `url:` line, or the command line. */
export interface LinkPlace {
  /** The URL exactly as the author wrote it. */
  raw: string;
  /** Path relative to the project root (what editors and GitHub annotations expect). */
  file: string;
  line: number;
  /** links.yaml entry id, so the report can name the resource. */
  resourceId?: string;
}

/** An external page to fetch once, however many places link to it. */
export interface PageToFetch {
  kind: 'page';
  /** Normalized URL without fragment: the cache key of the page. */
  key: string;
  url: URL;
  /** Fragments to look for in the page (only filled when fragment checking is on). */
  fragments: string[];
  places: LinkPlace[];
}

/** A URL that cannot be parsed: reported as `invalid`, never requested. */
export interface InvalidUrl {
  kind: 'invalid';
  key: string;
  reason: string;
  places: LinkPlace[];
}

/**
 * One deduplicated external URL: fetched once, or reported as invalid. (Not the content check's
 * LinkTarget in src/core/validate/, which says what a link written in a page points at.)
 */
export type UrlToCheck = PageToFetch | InvalidUrl;

export interface RedirectHop {
  url: string;
  status: number;
}

/** What the checker concluded about one URL (a page, or a page plus fragment). */
export interface LinkResult {
  /** Normalized URL (with `#fragment` when the fragment was checked). */
  url: string;
  verdict: Verdict;
  /** Final HTTP status, when a response arrived. */
  status?: number;
  /** Where the redirects ended, when there were any. */
  finalUrl?: string;
  /** A 301 or 308 on the way: the source should be updated to finalUrl. */
  permanentRedirect?: boolean;
  redirects?: RedirectHop[];
  /** Requests made on the last check (HEAD and GET fallbacks, retries and redirect hops included). */
  requests: number;
  /** Attempts made (1 + retries used). 0 when no request was needed (excluded, invalid). */
  attempts: number;
  elapsedMs: number;
  checkedAt: string;
  fromCache: boolean;
  /** Low-level error code for network failures (ENOTFOUND, ECONNREFUSED, UND_ERR_SOCKET…). */
  errorCode?: string;
  /** One sentence a maintainer can act on. */
  detail?: string;
  /**
   * Set when the link was not (fully) checked, and so is `unverified`: its host could not be
   * reached (`host`), the run reached --max-duration (`max-duration`) or was interrupted
   * (`interrupted`). Such a verdict is a stand-in, so it is never cached.
   */
  stoppedBy?: 'host' | 'max-duration' | 'interrupted';
  places: LinkPlace[];
}
