// npm run audit [-- --dist dist --out reports/lighthouse.json]
//
// Lighthouse (mobile settings: emulated phone, simulated slow 4G and CPU slowdown) on the home page,
// the first doc page in reading order and the Learning resources page of a built site, served by
// the nginx configuration the Docker image ships. Prints the four category scores per page, writes
// a JSON report, and exits non-zero below 100 on accessibility, best practices or SEO, or below 98
// on performance (the median of three runs for a page whose first run falls short). Run
// `npm run build` first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.ts';
import { nginxBinary, startNginx } from './support/nginx.ts';
import { serveStatic } from './support/static-server.ts';
import { Page } from './support/html-page.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const REQUIRED: Record<Category, number> = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
/** Lab metrics worth keeping next to the scores: they explain a performance score. */
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

const USAGE = 'Usage: npm run audit [-- --dist <built site folder> --out <report.json>]';

interface PageReport {
  name: string;
  path: string;
  url: string;
  scores: Record<Category, number>;
  metrics: Record<string, string>;
  /** Audits that did not pass, so a lost point can be traced without rerunning. */
  failing: { id: string; category: Category; title: string; score: number | null; displayValue?: string }[];
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'reports/lighthouse.json' }, help: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return { dist: path.resolve(values.dist), out: path.resolve(values.out) };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/** Home, the first doc page a reader is sent to (the home page's "Next" link), and the resources page. */
function pagesToAudit(dist: string): { name: string; path: string }[] {
  const home = new Page(readFileSync(path.join(dist, 'index.html'), 'utf8'));
  const next = home.attr('a[rel="next"]', 'href');
  if (!next) throw new Error(`${path.join(dist, 'index.html')} has no "Next" link (a[rel=next]) to pick the doc page from.`);
  if (!existsSync(path.join(dist, 'resources', 'index.html'))) throw new Error(`${dist} has no resources/index.html.`);
  return [
    { name: 'home', path: '/' },
    { name: 'doc page', path: next },
    { name: 'Learning resources', path: '/resources/' },
  ];
}

async function serve(dist: string): Promise<{ origin: string; label: string; stop: () => Promise<void> }> {
  // The shipped nginx config gives the real headers and compression; without nginx (a laptop, say)
  // a plain static server still gives comparable accessibility, best-practice and SEO scores.
  if (existsSync(nginxBinary)) {
    const server = await startNginx({ root: dist });
    return { origin: server.origin, label: 'nginx (nginx.conf)', stop: server.stop };
  }
  console.warn(`nginx not found at ${nginxBinary}; serving without compression, performance may score lower than in CI.`);
  const server = await serveStatic(dist);
  return { origin: server.origin, label: 'static server (no compression)', stop: server.close };
}

/**
 * One Lighthouse run (no config: Lighthouse's default is the mobile configuration). A run that
 * fails to record a trace (NO_NAVSTART and friends, on a busy machine) is repeated once; a second
 * failure is reported.
 */
async function audit(url: string, port: number) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = result;
    if (!lhr.runtimeError) return lhr;
    const message = `Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`;
    if (attempt === 2) throw new Error(message);
    console.warn(`${message}; trying again.`);
  }
}

/** Runs a page gets when its performance falls short: Lighthouse's own advice is the median of several. */
const PERFORMANCE_RUNS = 3;

/**
 * The performance score swings with the machine's load (total blocking time is measured, not
 * simulated, and a shared CI machine is busy), so a page below target is audited again and judged
 * by its median run. The other categories do not depend on timing and come from the same run.
 */
async function auditSteadily(url: string, port: number) {
  const runs = [await audit(url, port)];
  const performance = (lhr: (typeof runs)[number]) => lhr.categories.performance?.score ?? 0;
  if (performance(runs[0]!) * 100 >= REQUIRED.performance) return runs[0]!;
  while (runs.length < PERFORMANCE_RUNS) runs.push(await audit(url, port));
  const scores = runs.map((lhr) => Math.round(performance(lhr) * 100)).join(', ');
  console.warn(`${url}: performance below ${REQUIRED.performance} on the first run; ${PERFORMANCE_RUNS} runs scored ${scores}, the median counts.`);
  return runs.sort((a, b) => performance(a) - performance(b))[Math.floor(PERFORMANCE_RUNS / 2)]!;
}

async function main() {
  const { dist, out } = parseOptions();
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error(`No built site in ${dist}: run \`npm run build\` first (or pass --dist <folder>).`);
    process.exit(2);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium is not installed at ${CHROMIUM_PATH}: run \`npm run setup:system\` or set CHROMIUM_PATH.`);
    process.exit(2);
  }
  const pages = pagesToAudit(dist);
  const server = await serve(dist);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
  const reports: PageReport[] = [];
  let lighthouseVersion = '';
  let userAgent = '';
  const started = Date.now();
  try {
    for (const page of pages) {
      const url = `${server.origin}${page.path}`;
      const lhr = await auditSteadily(url, chrome.port);
      lighthouseVersion = lhr.lighthouseVersion;
      userAgent = lhr.environment.hostUserAgent;
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<Category, number>;
      const failing = CATEGORIES.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .map((ref) => lhr.audits[ref.id]!)
          .filter(
            (audit) =>
              audit.scoreDisplayMode !== 'notApplicable' &&
              audit.scoreDisplayMode !== 'informative' &&
              audit.scoreDisplayMode !== 'manual' &&
              audit.score !== null &&
              audit.score < 1,
          )
          .map((audit) => ({ id: audit.id, category, title: audit.title, score: audit.score, displayValue: audit.displayValue })),
      );
      const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.displayValue ?? 'n/a']));
      reports.push({ ...page, url, scores, metrics, failing });
      console.log(`${page.name.padEnd(20)} ${page.path.padEnd(28)} ${CATEGORIES.map((id) => `${id} ${String(scores[id]).padStart(3)}`).join('  ')}`);
      console.log(`${''.padEnd(20)} ${METRICS.map((id) => `${id.replace(/-/g, ' ')}: ${metrics[id]}`).join(', ')}`);
    }
  } finally {
    chrome.kill();
    await server.stop();
  }

  const belowTarget = reports.flatMap((report) =>
    CATEGORIES.filter((id) => report.scores[id] < REQUIRED[id]).map(
      (id) =>
        `${report.name} (${report.path}): ${id} ${report.scores[id]} < ${REQUIRED[id]}; ` +
        (report.failing
          .filter((f) => f.category === id)
          .map((f) => `${f.id}${f.displayValue ? ` (${f.displayValue})` : ''}`)
          .join(', ') || 'no single failing audit'),
    ),
  );
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), lighthouseVersion, userAgent, settings: 'mobile (Lighthouse default)', server: server.label, required: REQUIRED, pages: reports, passed: belowTarget.length === 0 }, null, 2)}\n`,
  );
  console.log(
    `\nLighthouse ${lighthouseVersion}, ${userAgent}, served by ${server.label}; ${((Date.now() - started) / 1000).toFixed(1)} s. Report: ${path.relative(process.cwd(), out)}`,
  );
  if (belowTarget.length > 0) {
    console.error(`\nBelow target:\n${belowTarget.map((line) => `  ${line}`).join('\n')}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
