import type { LEntry, LValue } from '../../../model/value';

/** One step from the root to a node: the node, and how its parent holds it. */
export interface TreeStep {
  node: LValue;
  parent?: LValue;
  /** Set when the parent is an object. */
  entry?: LEntry;
  /** Set when the parent is an array. */
  index?: number;
}

/**
 * The path from `root` to the node written exactly at [startOffset, endOffset) — the outermost one
 * when several share the span. Used to find, in a freshly parsed tree, the node a finding points at.
 */
export function findPath(root: LValue, startOffset: number, endOffset: number, kind?: LValue['kind']): TreeStep[] | undefined {
  const path: TreeStep[] = [{ node: root }];
  for (let depth = 0; depth < 1000; depth++) {
    const current = path[path.length - 1].node;
    const { startOffset: nodeStart, endOffset: nodeEnd } = current.loc.range;
    if (nodeStart === startOffset && nodeEnd === endOffset && (kind === undefined || current.kind === kind)) return path;
    const next = childContaining(current, startOffset, endOffset);
    if (!next) return undefined;
    path.push(next);
  }
  return undefined;
}

function childContaining(node: LValue, startOffset: number, endOffset: number): TreeStep | undefined {
  const contains = (value: LValue): boolean => value.loc.range.startOffset <= startOffset && value.loc.range.endOffset >= endOffset;
  if (node.kind === 'object') {
    for (const entry of node.entries) if (contains(entry.value)) return { node: entry.value, parent: node, entry };
  }
  if (node.kind === 'array') {
    for (let index = 0; index < node.items.length; index++) if (contains(node.items[index])) return { node: node.items[index], parent: node, index };
  }
  return undefined;
}
