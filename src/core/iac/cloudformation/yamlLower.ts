import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node, type Pair } from 'yaml';
import type { LineIndex } from '../../model/location';
import type { LEntry, LValue } from '../../model/value';
import { longFormOfTag } from './intrinsicTags';

/** Aliases can multiply a small file into a huge tree ("billion laughs"); past this many copied nodes we stop. */
const MAX_ALIAS_COPIED_NODES = 100_000;
const MAX_DEPTH = 400;

export class YamlTooLargeError extends Error {}

/**
 * Lowers a parsed YAML document to the located tree. Short-form intrinsics become their long
 * form (`!Ref X` → `{ "Ref": "X" }`) whose location spans the tag and its argument, the key
 * location being the tag itself. Aliases are expanded in place (locations point at the anchor).
 */
export function lowerYamlDocument(doc: Document.Parsed, text: string, file: string, lines: LineIndex): LValue {
  return new YamlLowering(doc, text, file, lines).lower(doc.contents, 0, 0);
}

class YamlLowering {
  private aliasCopiedNodes = 0;
  private aliasDepth = 0;
  /** `Alias.resolve` searches the whole document; an alias inside an anchored node is expanded many times. */
  private readonly aliasTargets = new Map<Node, Node | undefined>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly file: string,
    private readonly lines: LineIndex,
  ) {}

  lower(node: Node | Pair | null | undefined, fallbackOffset: number, depth: number): LValue {
    if (this.aliasDepth > 0 && ++this.aliasCopiedNodes > MAX_ALIAS_COPIED_NODES) {
      throw new YamlTooLargeError(`YAML aliases expand to more than ${MAX_ALIAS_COPIED_NODES} nodes`);
    }
    if (depth > MAX_DEPTH) throw new YamlTooLargeError(`YAML nests deeper than ${MAX_DEPTH} levels`);
    if (node === null || node === undefined) return { kind: 'null', loc: this.at(fallbackOffset, fallbackOffset) };
    if (isAlias(node)) {
      if (!this.aliasTargets.has(node)) this.aliasTargets.set(node, node.resolve(this.doc));
      const target = this.aliasTargets.get(node);
      const aliasStart = node.range?.[0] ?? fallbackOffset;
      if (!target) return { kind: 'null', loc: this.at(aliasStart, node.range?.[1] ?? aliasStart) };
      this.aliasDepth++;
      try {
        return this.lower(target, aliasStart, depth + 1);
      } finally {
        this.aliasDepth--;
      }
    }
    if (isPair(node)) return this.lowerSinglePairMap(node, fallbackOffset, depth);
    const plain = this.lowerUntagged(node, fallbackOffset, depth);
    const longForm = longFormOfTag(node.tag);
    if (!longForm) return plain;
    const tagStart = this.tagStart(node.tag as string, plain.loc.range.startOffset);
    return {
      kind: 'object',
      entries: [{ key: longForm, keyLoc: this.at(tagStart, tagStart + (node.tag as string).length), value: plain }],
      loc: this.at(tagStart, plain.loc.range.endOffset),
    };
  }

  private lowerUntagged(node: Node, fallbackOffset: number, depth: number): LValue {
    const start = node.range?.[0] ?? fallbackOffset;
    if (isScalar(node)) return this.lowerScalar(node, start);
    if (isMap(node)) {
      const entries: LEntry[] = node.items.map((pair) => this.lowerPair(pair, start, depth));
      return { kind: 'object', entries, loc: this.at(start, this.collectionEnd(node, entries.map((e) => e.value.loc.range.endOffset), start)) };
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => this.lower(item as Node | Pair | null, start, depth + 1));
      return { kind: 'array', items, loc: this.at(start, this.collectionEnd(node, items.map((i) => i.loc.range.endOffset), start)) };
    }
    return { kind: 'null', loc: this.at(start, start) };
  }

  private lowerPair(pair: Pair, fallbackOffset: number, depth: number): LEntry {
    const keyNode = pair.key as Node | null;
    const keyStart = keyNode?.range?.[0] ?? fallbackOffset;
    const keyEnd = keyNode?.range?.[1] ?? keyStart;
    const key = isScalar(keyNode) ? String(keyNode.value ?? '') : keyNode ? this.text.slice(keyStart, keyEnd) : '';
    const value = this.lower(pair.value as Node | null, this.afterColon(keyEnd), depth + 1);
    return { key, keyLoc: this.at(keyStart, keyEnd), value };
  }

  /** `[a: 1]` — a pair written directly in a flow sequence is a one-entry mapping. */
  private lowerSinglePairMap(pair: Pair, fallbackOffset: number, depth: number): LValue {
    const entry = this.lowerPair(pair, fallbackOffset, depth);
    return { kind: 'object', entries: [entry], loc: this.at(entry.keyLoc.range.startOffset, entry.value.loc.range.endOffset) };
  }

  private lowerScalar(node: Scalar, start: number): LValue {
    let end = node.range?.[1] ?? start;
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      while (end > start && /\s/.test(this.text[end - 1])) end--;
    }
    const loc = this.at(start, end);
    const value: unknown = node.value;
    if (typeof value === 'string') return { kind: 'string', value, loc };
    if (typeof value === 'number') return { kind: 'number', value, loc };
    if (typeof value === 'bigint') return { kind: 'number', value: Number(value), loc };
    if (typeof value === 'boolean') return { kind: 'boolean', value, loc };
    if (value === null || value === undefined) return { kind: 'null', loc };
    return { kind: 'string', value: this.text.slice(start, end), loc };
  }

  /** Block collections' ranges run on to the next line; the located end is the end of their last value. */
  private collectionEnd(node: Node, childEnds: number[], start: number): number {
    const rangeEnd = node.range?.[1] ?? start;
    if (this.text[start] === '{' || this.text[start] === '[') return rangeEnd;
    return childEnds.length > 0 ? Math.max(...childEnds) : rangeEnd;
  }

  private tagStart(tag: string, valueStart: number): number {
    const found = this.text.lastIndexOf(tag, valueStart);
    if (found < 0) return valueStart;
    const between = this.text.slice(found + tag.length, valueStart);
    return /^[\s]*(?:&\S+\s*)?$/.test(between) ? found : valueStart;
  }

  /** Where an empty value sits: just past the `:` that follows the key, or at the key's end (`{ a, b }`). */
  private afterColon(keyEnd: number): number {
    const colon = /^[ \t]*:/.exec(this.text.slice(keyEnd, keyEnd + 100));
    return colon ? keyEnd + colon[0].length : keyEnd;
  }

  private at(start: number, end: number) {
    return this.lines.location(this.file, start, Math.max(start, end));
  }
}
