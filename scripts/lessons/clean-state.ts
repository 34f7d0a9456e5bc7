import type { ObjectKind } from '../../src/core/lessons/page-settings.ts';
import type { EngineObjects } from './engine.ts';

/**
 * The clean-up promise of a lesson, checked: what the engine holds after a page that it did not
 * hold before, minus what the page declares it leaves on purpose (`lesson.leaves`).
 */

const KINDS: [keyof EngineObjects, ObjectKind][] = [
  ['containers', 'container'],
  ['images', 'image'],
  ['volumes', 'volume'],
  ['networks', 'network'],
  ['buildCache', 'build-cache'],
];

/** The name a declaration matches: a container is listed as "name (short id)". */
function nameOf(kind: ObjectKind, listed: string): string {
  return kind === 'container' ? listed.replace(/ \([0-9a-f]+\)$/, '') : listed;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** Objects new since `before`, as `kind:name`, that no declaration covers. */
export function leftBehind(before: EngineObjects, after: EngineObjects, declared: string[]): string[] {
  const allowed = declared.map((entry) => {
    const colon = entry.indexOf(':');
    return { kind: entry.slice(0, colon), pattern: globToRegExp(entry.slice(colon + 1)) };
  });
  const left: string[] = [];
  for (const [field, kind] of KINDS) {
    const had = new Set(before[field]);
    for (const listed of after[field]) {
      if (had.has(listed)) continue;
      const name = nameOf(kind, listed);
      // An image declared without a tag is its `latest`, as Docker reads the name.
      const names = kind === 'image' ? [name, name.replace(/:latest$/, '')] : [name];
      if (allowed.some((entry) => entry.kind === kind && names.some((candidate) => entry.pattern.test(candidate)))) continue;
      left.push(`${kind}:${listed}`);
    }
  }
  return left;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Commands that remove what a page left behind, so that the pages after it start from the state
 * they expect (a leftover `web` container would hold port 8080). Build cache is left alone: it
 * cannot be removed record by record.
 */
export function removalCommands(left: string[]): string[] {
  const of = (kind: string) => left.filter((entry) => entry.startsWith(`${kind}:`)).map((entry) => entry.slice(kind.length + 1));
  const containers = of('container').map((listed) => /\(([0-9a-f]+)\)$/.exec(listed)?.[1] ?? listed);
  const commands: string[] = [];
  if (containers.length > 0) commands.push(`docker rm -f ${containers.map(quote).join(' ')}`);
  if (of('volume').length > 0) commands.push(`docker volume rm -f ${of('volume').map(quote).join(' ')}`);
  if (of('network').length > 0) commands.push(`docker network rm ${of('network').map(quote).join(' ')}`);
  if (of('image').length > 0) commands.push(`docker rmi -f ${of('image').map(quote).join(' ')}`);
  return commands;
}
