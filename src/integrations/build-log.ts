import type { AstroIntegration } from 'astro';
import { endsPageLine, wrapLogDestination, type LogDestination } from './astro-internals.ts';

export type { LogDestination, LogEvent } from './astro-internals.ts';

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
      if (endsPageLine(event)) return true;
      return destination.write(event.newLine === false ? { ...event, newLine: true } : event);
    },
  };
}

/** Keeps `astro build` output one message per line, for logs read from files and CI. */
export default function buildLog(): AstroIntegration {
  return {
    name: 'learning-site:build-log',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build') wrapLogDestination(logger, oneMessagePerLine);
      },
    },
  };
}
