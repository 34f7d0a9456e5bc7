import { expect, it } from 'vitest';
import { oneMessagePerLine, type LogEvent } from '../../src/integrations/build-log.ts';

/** Writes events the way Astro's node destination does: a prefix, the message, a newline unless told not to. */
function printed(events: LogEvent[]): string {
  let out = '';
  const destination = oneMessagePerLine({
    write(event) {
      out += `${event.label === 'SKIP_FORMAT' ? '' : '12:00:00 '}${event.message}${event.newLine === false ? '' : '\n'}`;
      return true;
    },
  });
  for (const event of events) destination.write(event);
  return out;
}

const start = (path: string): LogEvent => ({
  level: 'info',
  label: null,
  message: `  \u001b[34m├─\u001b[39m \u001b[2m${path}\u001b[22m`,
  newLine: false,
});
const end = (time: string): LogEvent => ({ level: 'info', label: 'SKIP_FORMAT', message: ` \u001b[2m(+${time})\u001b[22m ` });

it('puts every page of a concurrent build on its own line, dropping render times it cannot attribute', () => {
  const out = printed([
    start('/404.html'),
    start('/resources/index.html'),
    end('607ms'),
    start('/concepts/index.html'),
    end('23ms'),
    end('1.2s'),
    { level: 'info', label: 'build', message: '3 page(s) built in 1s' },
  ]);
  expect(out.replace(/\u001b\[[0-9;]*m/g, '').split('\n')).toEqual([
    '12:00:00   ├─ /404.html',
    '12:00:00   ├─ /resources/index.html',
    '12:00:00   ├─ /concepts/index.html',
    '12:00:00 3 page(s) built in 1s',
    '',
  ]);
});

it('passes every other message through unchanged', () => {
  const telemetry: LogEvent = { level: 'info', label: 'SKIP_FORMAT', message: 'Astro collects anonymous usage data.\n' };
  const warning: LogEvent = { level: 'warn', label: 'content', message: '2 pages have no description' };
  expect(printed([telemetry, warning])).toBe('Astro collects anonymous usage data.\n\n12:00:00 2 pages have no description\n');
});
