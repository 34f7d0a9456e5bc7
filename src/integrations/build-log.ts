import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** What Astro's logger hands its destination; `newLine: false` leaves the line open for more. */
export interface LogEvent {
  level: string;
  label: string | null;
  message: string;
  newLine?: boolean;
}
export interface LogDestination {
  write(event: LogEvent): boolean | void;
}

const ANSI = /\u001b\[[0-9;]*m/g;
/** The end Astro writes on a page's open "├─ /path" line once the page is done: its render time, or that it came from the cache. */
const PAGE_LINE_END = /^\s*(\(\+[\d.]+\s*m?s\)|\((cached|restored)\))/;

/**
 * One message per line. Astro writes "├─ /page/" without a newline when it starts a page and ends
 * the line with the render time when the page is done; with `build.concurrency` above 1 several
 * pages start before the first ends, so a log read from a file or CI ran them together
 * ("/404.html11:50:59 ├─ /resources/index.html"). Here every open line is closed at once, and the
 * time that would have followed is left out: with pages rendering side by side it would land on
 * whichever page's line happens to be open, so it could not be trusted anyway.
 */
export function oneMessagePerLine(destination: LogDestination): LogDestination {
  return {
    ...destination,
    write(event) {
      if (event.label === 'SKIP_FORMAT' && PAGE_LINE_END.test(event.message.replace(ANSI, ''))) return true;
      return destination.write(event.newLine === false ? { ...event, newLine: true } : event);
    },
  };
}

function wrapDestination(logger: AstroIntegrationLogger): void {
  // The integration logger shares its options object with every Astro logger, so this covers them all.
  const options = logger.options as unknown as { destination: LogDestination };
  options.destination = oneMessagePerLine(options.destination);
}

/** Keeps `astro build` output one message per line, for logs read from files and CI. */
export default function buildLog(): AstroIntegration {
  return {
    name: 'learning-site:build-log',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build') wrapDestination(logger);
      },
    },
  };
}
