import type { TextEdit } from '../../../model/finding';
import type { LArray, LEntry, LObject, LValue } from '../../../model/value';
import {
  renderJsonCompact,
  renderJsonPretty,
  renderYamlAfterKey,
  renderYamlFlow,
  renderYamlSeqItem,
  yamlString,
  type NewValue,
} from './newValue';
import { TextLayout } from './textLayout';

/**
 * Structural edits on a located tree (JSON, or YAML in block or flow style), expressed as text
 * edits that keep the file's layout: new entries go after the last one at its indentation, removed
 * items take their separator (JSON/flow) or their lines (YAML block) with them. A method returns
 * undefined when the node cannot be edited that way (a YAML short-form intrinsic, an odd layout).
 */
export interface TreeEditor {
  readonly syntax: 'json' | 'yaml';
  replaceEntryValue(parent: LObject, entry: LEntry, value: NewValue): TextEdit | undefined;
  replaceKey(entry: LEntry, key: string): TextEdit;
  insertEntries(object: LObject, entries: Array<[string, NewValue]>): TextEdit | undefined;
  appendItem(array: LArray, value: NewValue): TextEdit | undefined;
  /** Removes these items; undefined if that would leave a YAML block sequence with none (it would read as null). */
  removeItems(array: LArray, indices: number[]): TextEdit[] | undefined;
  removeEntry(object: LObject, entry: LEntry): TextEdit | undefined;
}

export function createTreeEditor(syntax: 'json' | 'yaml', text: string, file: string): TreeEditor {
  return syntax === 'json' ? new JsonTreeEditor(text, file) : new YamlTreeEditor(text, file);
}

/** Entries with these keys get these values: written ones replaced, missing ones added after the last entry. */
export function setEntries(editor: TreeEditor, object: LObject, entries: Array<[string, NewValue]>): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const missing: Array<[string, NewValue]> = [];
  for (const [key, value] of entries) {
    const existing = lastEntry(object, key);
    if (!existing) {
      missing.push([key, value]);
      continue;
    }
    const edit = editor.replaceEntryValue(object, existing, value);
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (missing.length > 0) {
    const edit = editor.insertEntries(object, missing);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

function lastEntry(object: LObject, key: string): LEntry | undefined {
  for (let i = object.entries.length - 1; i >= 0; i--) if (object.entries[i].key === key) return object.entries[i];
  return undefined;
}

const start = (node: LValue): number => node.loc.range.startOffset;
const end = (node: LValue): number => node.loc.range.endOffset;
const entryStart = (entry: LEntry): number => entry.keyLoc.range.startOffset;
const entryEnd = (entry: LEntry): number => Math.max(entry.keyLoc.range.endOffset, end(entry.value));
const within = (child: LValue, parent: LValue): boolean => start(child) >= start(parent) && end(child) <= end(parent);

abstract class BaseTreeEditor {
  protected readonly layout: TextLayout;

  constructor(
    protected readonly text: string,
    protected readonly file: string,
  ) {
    this.layout = new TextLayout(text);
  }

  protected edit(startOffset: number, endOffset: number, newText: string): TextEdit {
    return { file: this.file, startOffset, endOffset, newText: this.layout.withEol(newText) };
  }

  protected spansOnOneLine(node: LValue): boolean {
    return node.loc.range.start.line === node.loc.range.end.line;
  }

  /**
   * Deletes items of a comma-separated list (JSON, YAML flow) with their separators: a run of
   * removed items takes the comma before it, or, at the head of the list, the comma after it.
   */
  protected removeSeparated(spans: Array<[number, number]>, indices: number[]): TextEdit[] {
    const removed = new Set(indices.filter((i) => i >= 0 && i < spans.length));
    const edits: TextEdit[] = [];
    for (let i = 0; i < spans.length; i++) {
      if (!removed.has(i)) continue;
      let last = i;
      while (removed.has(last + 1)) last++;
      if (i > 0) edits.push(this.edit(spans[i - 1][1], spans[last][1], ''));
      else if (last + 1 < spans.length) edits.push(this.edit(spans[0][0], spans[last + 1][0], ''));
      else edits.push(this.edit(spans[0][0], spans[last][1], ''));
      i = last;
    }
    return edits;
  }
}

class JsonTreeEditor extends BaseTreeEditor implements TreeEditor {
  readonly syntax = 'json' as const;

  replaceEntryValue(parent: LObject, entry: LEntry, value: NewValue): TextEdit {
    const rendered = this.spansOnOneLine(parent) ? renderJsonCompact(value) : renderJsonPretty(value, this.layout.indentationOf(entryStart(entry)), this.layout.unitText);
    return this.edit(start(entry.value), end(entry.value), rendered);
  }

  replaceKey(entry: LEntry, key: string): TextEdit {
    return this.edit(entry.keyLoc.range.startOffset, entry.keyLoc.range.endOffset, JSON.stringify(key));
  }

  insertEntries(object: LObject, entries: Array<[string, NewValue]>): TextEdit | undefined {
    if (object.kind !== 'object' || this.text[start(object)] !== '{') return undefined;
    const unit = this.layout.unitText;
    if (object.entries.length === 0) {
      const base = this.layout.indentationOf(start(object));
      const inner = base + unit;
      const body = entries.map(([key, value]) => `${inner}${JSON.stringify(key)}: ${renderJsonPretty(value, inner, unit)}`).join(',\n');
      return this.edit(start(object), end(object), `{\n${body}\n${base}}`);
    }
    const last = object.entries[object.entries.length - 1];
    if (this.spansOnOneLine(object)) {
      return this.edit(entryEnd(last), entryEnd(last), entries.map(([key, value]) => `, ${JSON.stringify(key)}: ${renderJsonCompact(value)}`).join(''));
    }
    const indent = this.layout.indentationOf(entryStart(last));
    const text = entries.map(([key, value]) => `,\n${indent}${JSON.stringify(key)}: ${renderJsonPretty(value, indent, unit)}`).join('');
    return this.edit(entryEnd(last), entryEnd(last), text);
  }

  appendItem(array: LArray, value: NewValue): TextEdit | undefined {
    if (this.text[start(array)] !== '[') return undefined;
    const unit = this.layout.unitText;
    if (array.items.length === 0) {
      const base = this.layout.indentationOf(start(array));
      return this.edit(start(array), end(array), `[\n${base}${unit}${renderJsonPretty(value, base + unit, unit)}\n${base}]`);
    }
    const last = array.items[array.items.length - 1];
    if (this.spansOnOneLine(array)) return this.edit(end(last), end(last), `, ${renderJsonCompact(value)}`);
    const indent = this.layout.indentationOf(start(last));
    // Items written one per line stay that way; each item compact if the last one is.
    const rendered = this.spansOnOneLine(last) && (last.kind === 'object' || last.kind === 'array') ? renderJsonCompact(value) : renderJsonPretty(value, indent, unit);
    return this.edit(end(last), end(last), `,\n${indent}${rendered}`);
  }

  removeItems(array: LArray, indices: number[]): TextEdit[] {
    return this.removeSeparated(array.items.map((item) => [start(item), end(item)]), indices);
  }

  removeEntry(object: LObject, entry: LEntry): TextEdit | undefined {
    const position = object.entries.indexOf(entry);
    if (position < 0) return undefined;
    return this.removeSeparated(object.entries.map((e) => [entryStart(e), entryEnd(e)]), [position])[0];
  }
}

class YamlTreeEditor extends BaseTreeEditor implements TreeEditor {
  readonly syntax = 'yaml' as const;

  replaceEntryValue(parent: LObject, entry: LEntry, value: NewValue): TextEdit | undefined {
    if (!this.writtenInPlace(parent, entry)) return undefined;
    if (this.isFlow(parent)) return this.edit(start(entry.value), end(entry.value), renderYamlFlow(value));
    const colonEnd = this.layout.afterColon(entry.keyLoc.range.endOffset);
    if (colonEnd === undefined || start(entry.value) < colonEnd) return undefined;
    const keyColumn = this.layout.column(entryStart(entry));
    const until = Math.max(colonEnd, end(entry.value));
    const rendered = renderYamlAfterKey(value, keyColumn, this.layout.indentUnit);
    // An empty value may end right where a comment starts: `#` needs a space before it to stay a comment.
    const separator = this.layout.text[until] === '#' ? ' ' : '';
    return this.edit(colonEnd, until, rendered + separator);
  }

  replaceKey(entry: LEntry, key: string): TextEdit {
    return this.edit(entry.keyLoc.range.startOffset, entry.keyLoc.range.endOffset, yamlString(key));
  }

  insertEntries(object: LObject, entries: Array<[string, NewValue]>): TextEdit | undefined {
    if (object.kind !== 'object' || this.isTagged(object)) return undefined;
    if (this.isFlow(object)) {
      const rendered = entries.map(([key, value]) => `${yamlString(key)}: ${renderYamlFlow(value)}`).join(', ');
      if (object.entries.length === 0) return this.edit(start(object), end(object), `{ ${rendered} }`);
      const last = object.entries[object.entries.length - 1];
      return this.edit(entryEnd(last), entryEnd(last), `, ${rendered}`);
    }
    if (object.entries.length === 0) return undefined;
    const indent = this.layout.column(entryStart(object.entries[0]));
    // Keys of one block mapping share a column; when they do not (a parser's leniency over a damaged
    // file), no indentation is safe for a new key.
    if (object.entries.some((entry) => this.layout.column(entryStart(entry)) !== indent)) return undefined;
    const lastEnd = Math.max(...object.entries.map(entryEnd));
    const at = this.layout.lineEnd(lastEnd);
    const text = entries.map(([key, value]) => `\n${' '.repeat(indent)}${yamlString(key)}:${renderYamlAfterKey(value, indent, this.layout.indentUnit)}`).join('');
    return this.edit(at, at, text);
  }

  appendItem(array: LArray, value: NewValue): TextEdit | undefined {
    if (this.isTagged(array)) return undefined;
    if (this.isFlow(array)) {
      if (array.items.length === 0) return this.edit(start(array), end(array), `[${renderYamlFlow(value)}]`);
      const last = array.items[array.items.length - 1];
      return this.edit(end(last), end(last), `, ${renderYamlFlow(value)}`);
    }
    const dash = array.items.length > 0 ? this.dashBefore(array.items[0]) : undefined;
    if (dash === undefined) return undefined;
    const column = this.layout.column(dash);
    const at = this.layout.lineEnd(Math.max(...array.items.map(end)));
    return this.edit(at, at, `\n${' '.repeat(column)}- ${renderYamlSeqItem(value, column + 2, this.layout.indentUnit)}`);
  }

  removeItems(array: LArray, indices: number[]): TextEdit[] | undefined {
    if (this.isTagged(array)) return undefined;
    if (this.isFlow(array)) return this.removeSeparated(array.items.map((item) => [start(item), end(item)]), indices);
    const removed = new Set(indices);
    if (array.items.every((_, i) => removed.has(i))) return undefined;
    if (array.items.some((item) => !within(item, array))) return undefined;
    const edits: TextEdit[] = [];
    for (const position of [...removed].sort((a, b) => a - b)) {
      const item = array.items[position];
      if (!item) continue;
      const dash = this.dashBefore(item);
      if (dash === undefined || !this.layout.startsLine(dash)) return undefined;
      edits.push(this.edit(this.layout.lineStart(dash), this.layout.nextLineStart(end(item)), ''));
    }
    return edits;
  }

  removeEntry(object: LObject, entry: LEntry): TextEdit | undefined {
    if (this.isTagged(object) || !this.writtenInPlace(object, entry)) return undefined;
    if (this.isFlow(object)) {
      const position = object.entries.indexOf(entry);
      return position < 0 ? undefined : this.removeSeparated(object.entries.map((e) => [entryStart(e), entryEnd(e)]), [position])[0];
    }
    if (!this.layout.startsLine(entryStart(entry))) return undefined;
    return this.edit(this.layout.lineStart(entryStart(entry)), this.layout.nextLineStart(entryEnd(entry)), '');
  }

  /**
   * A value reached through an alias (`key: *anchor`) is located where its anchor is written;
   * editing it there would change every use of the anchor, so such values are left alone.
   */
  private writtenInPlace(parent: LObject, entry: LEntry): boolean {
    return within(entry.value, parent) && start(entry.value) >= entry.keyLoc.range.endOffset;
  }

  private isFlow(node: LValue): boolean {
    const ch = this.text[start(node)];
    return ch === '{' || ch === '[';
  }

  private isTagged(node: LValue): boolean {
    return this.text[start(node)] === '!';
  }

  /** The `-` that introduces a block sequence item. */
  private dashBefore(item: LValue): number | undefined {
    let index = start(item) - 1;
    while (index >= 0 && (this.text[index] === ' ' || this.text[index] === '\t')) index--;
    return this.text[index] === '-' ? index : undefined;
  }
}
