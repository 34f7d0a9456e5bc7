import type { SidebarNode } from './snapshot.ts';

interface Placed {
  node: SidebarNode;
  /** Key of the section it sits in; '' at the top. */
  parent: string;
}

function index(tree: SidebarNode[], parent = '', into = new Map<string, Placed>()): Map<string, Placed> {
  for (const node of tree) {
    into.set(node.key, { node, parent });
    index(node.children, node.key, into);
  }
  return into;
}

/**
 * Keys of the entries that changed places among the siblings both trees share: those outside the
 * longest run already in the old order, so one entry moved to the top marks that entry, not all
 * the others it pushed down.
 */
export function reordered(before: string[], after: string[]): Set<string> {
  const common = after.filter((key) => before.includes(key));
  const positions = common.map((key) => before.indexOf(key));
  // Longest increasing subsequence of the old positions, O(n²): a section has a handful of entries.
  const length = positions.map(() => 1);
  const previous = positions.map(() => -1);
  for (let i = 0; i < positions.length; i++) {
    for (let j = 0; j < i; j++) {
      if (positions[j]! < positions[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  const kept = new Set<string>();
  let at = length.indexOf(Math.max(0, ...length));
  while (at >= 0) {
    kept.add(common[at]!);
    at = previous[at]!;
  }
  return new Set(common.filter((key) => !kept.has(key)));
}

interface Line {
  text: string;
  children: Line[];
}

const describeKey = (key: string) => (key.startsWith('section:') ? '' : `  ${key}`);

/**
 * The sidebar changes as a small text tree: only changed entries and the sections that hold them.
 * `+` added, `-` removed, `~` renamed or at a new address, `↕` moved within its section, `→` moved
 * to another section. `moves` maps the old address of each moved page to its new one, so a page
 * that only changed address shows as one entry. Empty when the sidebar is the same.
 */
export function sidebarDiff(before: SidebarNode[], after: SidebarNode[], moves: ReadonlyMap<string, string> = new Map()): string[] {
  const old = index(before);
  const now = index(after);
  const newKey = (key: string) => moves.get(key) ?? key;
  const oldKey = new Map([...moves].map(([from, to]) => [to, from]));
  const labelOf = (key: string) => (key === '' ? 'the top level' : ((now.get(key) ?? old.get(key))?.node.label ?? key));

  const walk = (afterNodes: SidebarNode[], beforeNodes: SidebarNode[], parent: string): Line[] => {
    const moved = reordered(
      beforeNodes.map((node) => newKey(node.key)),
      afterNodes.map((node) => node.key),
    );
    const lines: Line[] = [];
    for (const node of afterNodes) {
      const previousKey = oldKey.get(node.key) ?? node.key;
      const was = old.get(previousKey);
      const children = walk(node.children, was?.node.children ?? [], node.key);
      const notes: string[] = [];
      let mark = ' ';
      if (!was) mark = '+';
      else {
        if (previousKey !== node.key) {
          mark = '~';
          notes.push(`was at ${previousKey}`);
        }
        if (newKey(was.parent) !== parent) {
          mark = '→';
          notes.push(`moved here from ${labelOf(was.parent)}`);
        } else if (moved.has(node.key)) {
          mark = '↕';
          notes.push('moved within its section');
        }
        if (was.node.label !== node.label) {
          if (mark === ' ') mark = '~';
          notes.push(`was "${was.node.label}"`);
        }
      }
      if (mark === ' ' && children.length === 0) continue;
      const text = mark === ' ' ? node.label : `${mark} ${node.label}${describeKey(node.key)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
      lines.push({ text, children });
    }
    // Entries gone from this section: removed from the site, or moved to another section.
    for (const node of beforeNodes) {
      const is = now.get(newKey(node.key));
      if (is && is.parent === parent) continue;
      const note = is ? ` (moved to ${labelOf(is.parent)})` : '';
      lines.push({ text: `- ${node.label}${describeKey(node.key)}${note}`, children: [] });
    }
    return lines;
  };

  const render = (lines: Line[], prefix: string, top: boolean): string[] =>
    lines.flatMap((line, position) => {
      const last = position === lines.length - 1;
      const branch = top ? '' : last ? '└── ' : '├── ';
      const below = top ? '' : last ? '    ' : '│   ';
      return [`${prefix}${branch}${line.text}`, ...render(line.children, prefix + below, false)];
    });

  return render(walk(after, before, ''), '', true);
}
