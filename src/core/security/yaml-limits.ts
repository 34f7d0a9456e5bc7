import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type LineCounter, type Node as YamlNode } from 'yaml';

/**
 * Reading YAML that strangers write (page frontmatter, content/links.yaml) in bounded time and memory.
 *
 * The yaml library's own guard, `toJS({ maxAliasCount })`, is not enough here, which is why this
 * module checks the parsed tree itself and converts it to plain data without the library:
 * - resolving an alias scans every anchor and alias before it, so a file of many aliases is
 *   quadratic (50,000 `*a` lines, 840 KB, took 36 s in yaml 2.9 even with one conversion);
 * - its alias budget counts uses across the whole conversion, so a links.yaml with more than 100
 *   entries that share one `&common` tag list would be refused, while converting entry by entry
 *   (to give each its own budget) rescans the whole file per entry (a 340 KB list took 48 s);
 * - its duplicate-key check compares each key with every earlier one (a 480 KB map took 11 s),
 *   so that check is done here too, with a Set.
 * Everything below visits each written node once, and writes out each alias at most the budget.
 */

/**
 * How many values (scalars, lists and maps, counted one each) the aliases of one unit may stand for:
 * the whole frontmatter of a page, or one entry of links.yaml. `tags: *common` with two tags adds 3.
 * Plenty for sharing a few values; a "billion laughs" file needs millions.
 */
export const MAX_YAML_ALIAS_VALUES = 100;

/**
 * How deeply lists and maps may nest. Real content needs 3 (links.yaml: list → entry → tags); the
 * limit keeps every later recursive step (conversion, schema checks, Astro's own parser) far from
 * the call-stack limit, where the yaml parser itself gives up at about 800 levels.
 */
export const MAX_YAML_DEPTH = 32;

export const ALIAS_LIMIT_MESSAGE = `uses YAML aliases (*name) that expand too far (more than ${MAX_YAML_ALIAS_VALUES} values); write the values out instead.`;
export const DEPTH_LIMIT_MESSAGE = `nests lists or maps more than ${MAX_YAML_DEPTH} levels deep; flatten the value.`;

export interface YamlProblem {
  /** Where in the YAML text; callers turn it into a line with their LineCounter. */
  offset: number;
  /**
   * `syntax`: the yaml library's own first line, for the caller to wrap in its advice.
   * `limit`: a finished sentence without a subject ("uses YAML aliases …"), for the caller to prefix.
   */
  kind: 'syntax' | 'limit';
  message: string;
}

export interface ReadYamlOptions {
  lineCounter: LineCounter;
  /** The line shown for a text offset, when the YAML does not start on line 1 of its file (frontmatter). */
  lineOf?: (offset: number) => number;
  /**
   * `document`: one alias budget for the whole text (a page's frontmatter).
   * `each-item`: when the text is a list, each item has its own (links.yaml: one per resource), so a
   * shared anchor can be used by any number of entries.
   */
  aliasBudget: 'document' | 'each-item';
}

export interface AuthorYaml {
  /** Undefined only when the parser could not run to the end. */
  doc: Document.Parsed | undefined;
  /** Syntax errors when there are any; otherwise every limit exceeded. Empty when the text is safe to convert. */
  problems: YamlProblem[];
  /**
   * Plain data for a node of `doc` (default: the whole document), every alias written out and `<<`
   * merges applied. Callers must check `problems` is empty first: only then is the size bounded.
   */
  toJS(node?: unknown): unknown;
}

/** Options for every parse of author YAML (merge keys: see readAuthorYaml). */
const parseOptions = { prettyErrors: false, merge: true, uniqueKeys: false } as const;

function isStackOverflow(message: string): boolean {
  return /Maximum call stack size exceeded/i.test(message);
}

/** A `<<` key, as the parser marks it when merge keys are on. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

function offsetOf(node: unknown): number {
  return (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
}

/**
 * Parses author YAML and checks it against the limits above. Merge keys (`<<: *defaults`) are on:
 * Docker Compose files use them, so authors of a Docker site will reach for them, and Astro's
 * frontmatter parser (js-yaml) applies them as well, so the check reads a page as Astro does.
 */
export function readAuthorYaml(text: string, options: ReadYamlOptions): AuthorYaml {
  const lineOf = options.lineOf ?? ((offset: number) => options.lineCounter.linePos(offset).line);
  const targets = new Map<YamlNode, YamlNode>();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...parseOptions, lineCounter: options.lineCounter });
  } catch (error) {
    // The parser catches its own stack overflows; anything it still throws is a limit of the same kind.
    if (error instanceof RangeError) return failed([{ offset: 0, kind: 'limit', message: DEPTH_LIMIT_MESSAGE }]);
    throw error;
  }
  if (doc.errors.length > 0) {
    const overflow = doc.errors.find((error) => isStackOverflow(error.message));
    // The errors after an overflow only describe where the parser lost its way.
    if (overflow) return failed([{ offset: overflow.pos[0], kind: 'limit', message: DEPTH_LIMIT_MESSAGE }], doc);
    return failed(
      doc.errors.map((error) => ({ offset: error.pos[0], kind: 'syntax' as const, message: error.message.split('\n')[0]! })),
      doc,
    );
  }
  const problems = inspect(doc, options.aliasBudget, lineOf, targets);
  return {
    doc,
    problems,
    toJS(node: unknown = doc.contents) {
      if (problems.length > 0) throw new Error('readAuthorYaml: toJS called on YAML that exceeds the limits');
      return convert(node, targets);
    },
  };
}

function failed(problems: YamlProblem[], doc?: Document.Parsed): AuthorYaml {
  return {
    doc,
    problems,
    toJS() {
      throw new Error('readAuthorYaml: toJS called on YAML that could not be read');
    },
  };
}

interface Budget {
  used: number;
  reported: boolean;
}

interface Visit {
  node: unknown;
  /** Nesting of lists and maps around the node. */
  depth: number;
  budget: Budget;
  /** The collection whose expanded size this node adds to. */
  parent: Open | undefined;
  /** Set on the second visit of a collection, once its children are done. */
  open?: Open;
  /** An alias written as a `<<` value: it must name a map. */
  mergeSource?: boolean;
}

interface Open {
  node: YamlNode;
  /** Expanded size of the children so far. */
  size: number;
  parent: Open | undefined;
}

/**
 * One pass over the written tree, in document order, without recursion (a deep file must not be
 * able to overflow the checker itself). Finds aliases with no anchor before them, aliases inside
 * the value they name, `<<` values that are not maps, repeated keys, too deep nesting, and alias
 * budgets exceeded, measuring each anchored value's expanded size once.
 */
function inspect(
  doc: Document.Parsed,
  mode: ReadYamlOptions['aliasBudget'],
  lineOf: (offset: number) => number,
  targets: Map<YamlNode, YamlNode>,
): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const anchors = new Map<string, YamlNode>();
  /** Expanded size of each anchored node, once it is complete. */
  const sizes = new Map<YamlNode, number>();
  /** Collections still being visited: an alias to one of them would expand forever. */
  const unfinished = new Set<YamlNode>();
  let tooDeep = false;
  const limit = (node: unknown, message: string) => problems.push({ offset: offsetOf(node), kind: 'limit', message });
  const add = (open: Open | undefined, size: number) => {
    if (open) open.size += size;
  };

  const root = doc.contents;
  const stack: Visit[] = root ? [{ node: root, depth: 0, budget: { used: 0, reported: false }, parent: undefined }] : [];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node } = visit;
    if (visit.open) {
      unfinished.delete(visit.open.node);
      const size = 1 + visit.open.size;
      if (visit.open.node.anchor) sizes.set(visit.open.node, size);
      add(visit.parent, size);
      continue;
    }
    if (node === null || node === undefined) {
      add(visit.parent, 1);
      continue;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) {
        limit(
          node,
          `uses the alias *${node.source}, but no anchor &${node.source} comes before it; mark the value to repeat with "&${node.source}", or write the value out.`,
        );
        continue;
      }
      if (unfinished.has(target)) {
        limit(node, `uses the alias *${node.source} inside the value it names, which would repeat forever; write the value out instead.`);
        continue;
      }
      if (visit.mergeSource && !isMap(target)) {
        limit(node, `merges (<<) the alias *${node.source}, which is not a map; "<<" takes a map, an alias of one, or a list of them.`);
        continue;
      }
      targets.set(node, target);
      // A target cut short by the depth limit has no size; the depth problem already stops the file.
      const size = sizes.get(target) ?? 1;
      visit.budget.used += size;
      if (visit.budget.used > MAX_YAML_ALIAS_VALUES && !visit.budget.reported) {
        visit.budget.reported = true;
        limit(node, ALIAS_LIMIT_MESSAGE);
      }
      add(visit.parent, size);
      continue;
    }
    if (isScalar(node)) {
      if (node.anchor) {
        anchors.set(node.anchor, node);
        sizes.set(node, 1);
      }
      add(visit.parent, 1);
      continue;
    }
    if (!isMap(node) && !isSeq(node)) {
      add(visit.parent, 1);
      continue;
    }
    const depth = visit.depth + 1;
    if (depth > MAX_YAML_DEPTH) {
      if (!tooDeep) limit(node, DEPTH_LIMIT_MESSAGE);
      tooDeep = true;
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    unfinished.add(node);
    const open: Open = { node, size: 0, parent: visit.parent };
    stack.push({ ...visit, open });

    // Children go on the stack in reverse, so they come off it in document order (keys before values).
    const children: Visit[] = [];
    const child = (value: unknown, budget = visit.budget, mergeSource = false): Visit => ({ node: value, depth, budget, parent: open, mergeSource });
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (isMergeKey(pair.key)) {
          const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
          if (sources.some((source) => !isMap(source) && !isAlias(source))) {
            limit(pair.value ?? pair.key, 'merges (<<) a value that is not a map; "<<" takes a map, an alias of one (*name), or a list of them.');
          }
          children.push(child(pair.key));
          if (isSeq(pair.value)) {
            // The list itself is only syntax: its items are the merge sources.
            for (const source of pair.value.items) children.push(child(source, visit.budget, isAlias(source)));
          } else {
            children.push(child(pair.value, visit.budget, isAlias(pair.value)));
          }
          continue;
        }
        if (isScalar(pair.key)) {
          const name = String(pair.key.value);
          const first = seen.get(name);
          if (first === undefined) seen.set(name, offsetOf(pair.key));
          else limit(pair.key, `has the key "${name}" twice (first on line ${lineOf(first)}); keep one.`);
        }
        children.push(child(pair.key), child(pair.value));
      }
    } else {
      const eachItem = mode === 'each-item' && node === root;
      for (const item of node.items) {
        const budget = eachItem ? { used: 0, reported: false } : visit.budget;
        if (isPair(item)) children.push(child(item.key, budget), child(item.value, budget));
        else children.push(child(item, budget));
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

/** Own-property assignment, so a key named "__proto__" is a key like any other, not a prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function keyString(key: unknown, targets: Map<YamlNode, YamlNode>): string {
  const value = convert(key, targets);
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Plain data for a node. Recursive, which is safe only after inspect(): nesting is then at most
 * MAX_YAML_DEPTH written levels plus what the alias budget allows, and every alias has a target.
 */
function convert(node: unknown, targets: Map<YamlNode, YamlNode>): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return convert(targets.get(node), targets);
  if (isScalar(node)) return node.value;
  if (isSeq(node)) {
    return node.items.map((item) => (isPair(item) ? pairObject([item], targets) : convert(item, targets)));
  }
  if (isMap(node)) return pairObject(node.items, targets);
  return null;
}

function pairObject(pairs: readonly { key: unknown; value: unknown }[], targets: Map<YamlNode, YamlNode>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const merged: unknown[] = [];
  for (const pair of pairs) {
    if (!isMergeKey(pair.key)) setOwn(result, keyString(pair.key, targets), convert(pair.value, targets));
    else if (isSeq(pair.value)) for (const source of pair.value.items) merged.push(source);
    else merged.push(pair.value);
  }
  // As YAML's merge key defines it: keys written in the map win, then earlier sources over later ones.
  for (const source of merged) {
    const values = convert(source, targets) as Record<string, unknown>;
    for (const key of Object.keys(values)) {
      if (!Object.hasOwn(result, key)) setOwn(result, key, values[key]);
    }
  }
  return result;
}
