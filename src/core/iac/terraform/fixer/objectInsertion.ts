import type { TextEdit } from '../../../model/finding';
import type { LObject } from '../../../model/value';
import type { HclObject } from '../syntaxTree';
import type { TextLayout } from './textLayout';

/** Adds `elementText` as the last element of an HCL object, on its own line when the object spans lines. */
export function insertHclElement(layout: TextLayout, object: HclObject, elementText: string): TextEdit {
  const open = object.span.start;
  const close = object.span.end - 1;
  const last = object.elements[object.elements.length - 1];
  if (!last) return layout.replace({ start: open + 1, end: close }, ` ${elementText} `);
  if (!layout.sameLine(open, last.span.start) && !layout.sameLine(last.span.end, close)) {
    // After the last element's line (past any trailing comment), with that element's indentation.
    const at = layout.lineEnd(last.span.end);
    return layout.insert(at, layout.eol + layout.indentAt(last.span.start) + elementText);
  }
  return layout.insert(last.span.end, `, ${elementText}`);
}

/** Adds `entryText` (`"Key": value`) as the last entry of a JSON object, keeping its one-line or multi-line style. */
export function insertJsonEntry(layout: TextLayout, object: LObject, entryText: string): TextEdit {
  const open = object.loc.range.startOffset;
  const last = object.entries[object.entries.length - 1];
  if (!last) return layout.insert(open + 1, ` ${entryText} `);
  const lastEnd = last.value.loc.range.endOffset;
  if (!layout.sameLine(open, last.keyLoc.range.startOffset)) {
    return layout.insert(lastEnd, `,${layout.eol}${layout.indentAt(last.keyLoc.range.startOffset)}${entryText}`);
  }
  return layout.insert(lastEnd, `, ${entryText}`);
}
