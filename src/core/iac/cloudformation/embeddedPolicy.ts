import type { LString, LValue } from '../../model/value';
import { decodeJsonString, parseLocatedJsonWith, type Locator } from '../jsonLocated';
import type { TemplateSource } from './templateSource';

/**
 * A `PolicyDocument` written as a JSON string (CloudFormation accepts a string for Json-typed
 * properties). The inner JSON is located character by character when the string's source can be
 * mapped (a JSON string literal with its escapes, a YAML literal block or an unescaped quoted
 * scalar); otherwise every element points at the whole string.
 */
export function readEmbeddedPolicy(node: LString, source: TemplateSource): LValue {
  const offsets = sourceOffsets(node, source);
  const { startOffset, endOffset } = node.loc.range;
  const locate: Locator = offsets
    ? (start, end) => source.lines.location(source.file, offsets[start], offsets[Math.min(end, offsets.length - 1)])
    : () => source.lines.location(source.file, startOffset, endOffset);
  const parsed = parseLocatedJsonWith(node.value, locate);
  if ('value' in parsed) return parsed.value;
  return { kind: 'unknown', reason: `the policy string is not valid JSON: ${parsed.error.message}`, loc: node.loc };
}

/** Where each character of the string's value is written in the file, or undefined when that cannot be told exactly. */
function sourceOffsets(node: LString, source: TemplateSource): number[] | undefined {
  const { text } = source;
  const start = node.loc.range.startOffset;
  const first = text[start];
  if (source.syntax === 'json') {
    const decoded = first === '"' ? decodeJsonString(text, start) : undefined;
    return decoded && decoded.value === node.value ? decoded.offsets : undefined;
  }
  if (first === '|') return literalBlockOffsets(text, start, node.value);
  if (first === '>') return undefined;
  const quoted = first === "'" || first === '"';
  const valueStart = quoted ? start + 1 : start;
  if (text.startsWith(node.value, valueStart)) {
    return Array.from({ length: node.value.length + 1 }, (_, i) => valueStart + i);
  }
  return undefined;
}

/** `|` block scalar: each content line minus its indentation, line breaks kept. */
function literalBlockOffsets(text: string, indicatorOffset: number, value: string): number[] | undefined {
  const headerEnd = text.indexOf('\n', indicatorOffset);
  if (headerEnd < 0) return undefined;
  const explicitIndent = /^\|[+-]?([1-9])?/.exec(text.slice(indicatorOffset))?.[1];
  let indent = explicitIndent ? Number(explicitIndent) : -1;
  const offsets: number[] = [];
  let rebuilt = '';
  let lineStart = headerEnd + 1;
  while (lineStart <= text.length && rebuilt.length < value.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (indent < 0 && line.trim() !== '') indent = line.length - line.trimStart().length;
    const contentStart = lineStart + Math.min(Math.max(indent, 0), line.length - line.trimStart().length);
    for (let i = contentStart; i < lineStart + line.length; i++) {
      offsets.push(i);
      rebuilt += text[i];
    }
    offsets.push(lineStart + line.length);
    rebuilt += '\n';
    lineStart = lineEnd + 1;
  }
  offsets.push(Math.min(lineStart, text.length));
  if (!rebuilt.startsWith(value)) return undefined;
  return offsets.slice(0, value.length + 1);
}
