import { describe, expect, it } from 'vitest';
import { reordered, sidebarDiff } from '../../scripts/pr-summary/sidebar-diff.ts';
import { mergeSidebar, type SidebarNode } from '../../scripts/pr-summary/snapshot.ts';

const link = (key: string, label: string): SidebarNode => ({ key, label, children: [] });
const section = (key: string, label: string, children: SidebarNode[]): SidebarNode => ({ key, label, children });

const before = [
  link('/', 'Home'),
  section('/concepts/', 'Concepts', [
    link('/concepts/images/', 'Images'),
    link('/concepts/vms/', 'Virtual machines'),
    link('/concepts/layers/', 'Layers'),
  ]),
  section('/hands-on/', 'Hands-on', [link('/hands-on/first/', 'First container'), link('/hands-on/compose/', 'Compose')]),
  link('/resources/', 'Learning resources'),
];

describe('sidebarDiff', () => {
  it('is empty when nothing changed', () => {
    expect(sidebarDiff(before, structuredClone(before))).toEqual([]);
  });

  it('shows only the changed entries under their sections, marked by kind of change', () => {
    const after = [
      link('/', 'Home'),
      section('/concepts/', 'Concepts', [
        link('/concepts/layers/', 'Layers'),
        link('/concepts/images/', 'Container images'),
        link('/concepts/vms/', 'Virtual machines'),
      ]),
      section('/hands-on/', 'Hands-on', [
        link('/hands-on/first/', 'First container'),
        link('/hands-on/volumes/', 'Volumes'),
        link('/hands-on/compose/', 'Compose'),
      ]),
      link('/resources/', 'Learning resources'),
    ];
    expect(sidebarDiff(before, after)).toEqual([
      'Concepts',
      '├── ↕ Layers  /concepts/layers/ (moved within its section)',
      '└── ~ Container images  /concepts/images/ (was "Images")',
      'Hands-on',
      '└── + Volumes  /hands-on/volumes/',
    ]);
  });

  it('shows a page moved to another section at both ends, and a removed one', () => {
    const after = [
      link('/', 'Home'),
      section('/concepts/', 'Concepts', [link('/concepts/images/', 'Images'), link('/concepts/vms/', 'Virtual machines')]),
      section('/hands-on/', 'Hands-on', [link('/hands-on/first/', 'First container'), link('/concepts/layers/', 'Layers')]),
      link('/resources/', 'Learning resources'),
    ];
    expect(sidebarDiff(before, after)).toEqual([
      'Concepts',
      '└── - Layers  /concepts/layers/ (moved to Hands-on)',
      'Hands-on',
      '├── → Layers  /concepts/layers/ (moved here from Concepts)',
      '└── - Compose  /hands-on/compose/',
    ]);
  });

  it('shows a page at a new address once, when the comparison recognised it as moved', () => {
    const after = [
      link('/', 'Home'),
      section('/concepts/', 'Concepts', [
        link('/concepts/images/', 'Images'),
        link('/concepts/virtual-machines/', 'Virtual machines'),
        link('/concepts/layers/', 'Layers'),
      ]),
      section('/hands-on/', 'Hands-on', [link('/hands-on/first/', 'First container'), link('/hands-on/compose/', 'Compose')]),
      link('/resources/', 'Learning resources'),
    ];
    expect(sidebarDiff(before, after, new Map([['/concepts/vms/', '/concepts/virtual-machines/']]))).toEqual([
      'Concepts',
      '└── ~ Virtual machines  /concepts/virtual-machines/ (was at /concepts/vms/)',
    ]);
    // Without the move it is one page added and another removed.
    expect(sidebarDiff(before, after)).toEqual([
      'Concepts',
      '├── + Virtual machines  /concepts/virtual-machines/',
      '└── - Virtual machines  /concepts/vms/',
    ]);
  });
});

describe('reordered', () => {
  it('marks the entry that moved, not every entry it pushed along', () => {
    expect([...reordered(['a', 'b', 'c', 'd'], ['d', 'a', 'b', 'c'])]).toEqual(['d']);
    expect([...reordered(['a', 'b', 'c'], ['a', 'x', 'b', 'c'])]).toEqual([]);
  });
});

describe('mergeSidebar', () => {
  it('builds the whole sidebar from pages that each expand only their own section', () => {
    const onConcepts = [
      link('/', 'Home'),
      section('/concepts/', 'Concepts', [link('/concepts/images/', 'Images')]),
      section('/hands-on/', 'Hands-on', []),
    ];
    const onHandsOn = [
      link('/', 'Home'),
      section('/concepts/', 'Concepts', []),
      section('/hands-on/', 'Hands-on', [link('/hands-on/first/', 'First container')]),
    ];
    const tree: SidebarNode[] = [];
    mergeSidebar(tree, onConcepts);
    mergeSidebar(tree, onHandsOn);
    expect(tree).toEqual([
      link('/', 'Home'),
      section('/concepts/', 'Concepts', [link('/concepts/images/', 'Images')]),
      section('/hands-on/', 'Hands-on', [link('/hands-on/first/', 'First container')]),
    ]);
  });
});
