import type { Tree } from 'web-tree-sitter';
import type { Span } from './syntaxTree';

/** A plain copy of the tree-sitter tree, so the wasm tree can be freed at once and walked without FFI calls. */
export interface PlainNode {
  type: string;
  start: number;
  end: number;
  missing: boolean;
  /** This node or a descendant is an ERROR or MISSING node. */
  broken: boolean;
  children: PlainNode[];
}

export interface Snapshot {
  root: PlainNode;
  comments: Span[];
  /** For a MISSING node, `opened` is the construct it should close (the string, block or list). */
  firstError?: { span: Span; missing?: string; opened?: Span };
}

/** Walks with one TreeCursor and an explicit stack: deeply nested input must not exhaust the JS stack. */
export function snapshotTree(tree: Tree, base: number): Snapshot {
  const cursor = tree.walk();
  const comments: Span[] = [];
  let firstError: Snapshot['firstError'];
  const make = (): PlainNode => {
    const missing = cursor.nodeIsMissing;
    const type = cursor.nodeType;
    const node: PlainNode = {
      type,
      start: cursor.startIndex + base,
      end: cursor.endIndex + base,
      missing,
      broken: type === 'ERROR' || missing,
      children: [],
    };
    return node;
  };
  const noteError = (node: PlainNode, parent: PlainNode | undefined) => {
    if (firstError && firstError.span.start <= node.start) return;
    firstError = { span: { start: node.start, end: node.end } };
    if (node.missing) {
      firstError.missing = node.type;
      if (parent) firstError.opened = { start: parent.start, end: parent.end };
    }
  };
  try {
    const root = make();
    if (root.broken) noteError(root, undefined);
    const path: PlainNode[] = [root];
    const attach = (node: PlainNode) => {
      const parent = path[path.length - 1];
      if (node.type === 'comment') comments.push({ start: node.start, end: node.end });
      else parent.children.push(node);
      if (node.broken) {
        if (node.type === 'ERROR' || node.missing) noteError(node, parent);
        for (let i = path.length - 1; i >= 0 && !path[i].broken; i--) path[i].broken = true;
      }
      path.push(node);
    };
    for (;;) {
      if (cursor.gotoFirstChild()) {
        attach(make());
        continue;
      }
      let moved = false;
      while (path.length > 1) {
        path.pop();
        if (cursor.gotoNextSibling()) {
          attach(make());
          moved = true;
          break;
        }
        cursor.gotoParent();
      }
      if (!moved) break;
    }
    return { root, comments, firstError };
  } finally {
    cursor.delete();
  }
}
