import { readForVariablesAndIn } from './hclForExpression';
import type { HclTextParser } from './hclParser';
import { referencesOf } from './references';
import type { HclExpression, HclTemplate, TemplatePart } from './syntaxTree';
import { decodeTemplateValue } from './templateText';

const DIRECTIVE_ENDS = new Set(['else', 'endif', 'endfor']);

/** `"..."` with `${}` interpolations and `%{}` directives; escapes as tree-sitter-hcl accepts them. */
export function readQuotedTemplate(parser: HclTextParser): HclTemplate {
  const start = parser.pos;
  parser.pos++;
  const parts = readParts(parser, true, Infinity, undefined);
  const close = parser.expect('"');
  return { kind: 'template', parts, span: { start, end: close.end } };
}

/** A block label `"..."`: tree-sitter-hcl reads `${` there as text, not as an interpolation. */
export function readStringLiteral(parser: HclTextParser): { value: string; span: { start: number; end: number } } {
  const start = parser.pos;
  parser.pos++;
  for (;;) {
    const code = parser.peekCode();
    if (Number.isNaN(code)) parser.fail('unterminated string');
    if (code === 34) break;
    parser.pos += code === 92 ? escapeLength(parser) : 1;
  }
  const raw = parser.text.slice(start + 1, parser.pos);
  parser.pos++;
  return { value: decodeTemplateValue(raw, true), span: { start, end: parser.pos } };
}

/**
 * `<<ID` / `<<-ID`: the body runs from the line after the marker to the line holding only ID (with
 * optional surrounding whitespace, followed by a line break), as tree-sitter-hcl's scanner decides.
 */
export function readHeredoc(parser: HclTextParser): HclTemplate {
  const text = parser.text;
  const start = parser.pos;
  parser.pos += 2;
  const strip = text[parser.pos] === '-';
  if (strip) parser.pos++;
  while (text[parser.pos] === ' ' || text[parser.pos] === '\t') parser.pos++;
  const identifier = /^[\p{L}\p{N}_-]+/u.exec(text.slice(parser.pos, parser.pos + 256))?.[0];
  if (!identifier) parser.fail('expected a heredoc identifier');
  const newline = text.indexOf('\n', parser.pos + identifier.length);
  if (newline < 0) parser.fail('unterminated heredoc');
  const bodyStart = newline + 1;
  let lineStart = bodyStart;
  let closeStart = -1;
  for (;;) {
    const lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) parser.fail('unterminated heredoc');
    const line = text.slice(lineStart, lineEnd);
    const indent = /^[ \t\r\v\f]*/.exec(line)![0].length;
    if (line.startsWith(identifier, indent) && line.slice(indent + identifier.length).trim() === '') {
      closeStart = lineStart + indent;
      break;
    }
    lineStart = lineEnd + 1;
  }
  const bodyEnd = lineStart;
  parser.pos = bodyStart;
  const parts = readParts(parser, false, bodyEnd, undefined);
  if (parser.pos !== bodyEnd) parser.fail('heredoc body not read to its end');
  parser.pos = closeStart + identifier.length;
  return { kind: 'template', parts, span: { start, end: parser.pos }, heredoc: { strip, bodySpan: { start: bodyStart, end: bodyEnd } } };
}

/**
 * Template parts up to the closing quote (quoted), `end` (heredoc) or a directive's `%{ else }` /
 * `%{ endif }` / `%{ endfor }`. Inside a directive, `collected` receives every expression in order.
 */
function readParts(parser: HclTextParser, quoted: boolean, end: number, collected: HclExpression[] | undefined): TemplatePart[] {
  const text = parser.text;
  const parts: TemplatePart[] = [];
  let textStart = parser.pos;
  while (parser.pos < end) {
    const code = text.charCodeAt(parser.pos);
    if (Number.isNaN(code)) parser.fail('unterminated template');
    if (quoted && code === 34) break;
    if (quoted && code === 92) {
      parser.pos += escapeLength(parser);
      continue;
    }
    // As tree-sitter-hcl's scanner: `$$` (or `%%`) is consumed as a pair, with the `{` that may follow it.
    if ((code === 36 || code === 37) && text.charCodeAt(parser.pos + 1) === code) {
      parser.pos += text.charCodeAt(parser.pos + 2) === 123 ? 3 : 2;
      continue;
    }
    if (code === 36 && text.charCodeAt(parser.pos + 1) === 123) {
      pushText(parts, text, textStart, parser.pos, quoted);
      const interpolation = readInterpolation(parser);
      if (interpolation.expression) collected?.push(interpolation.expression);
      parts.push(interpolation);
      textStart = parser.pos;
      continue;
    }
    if (code === 37 && text.charCodeAt(parser.pos + 1) === 123) {
      if (DIRECTIVE_ENDS.has(directiveKeyword(parser))) break;
      pushText(parts, text, textStart, parser.pos, quoted);
      const start = parser.pos;
      const expressions: HclExpression[] = [];
      readDirective(parser, quoted, end, expressions);
      collected?.push(...expressions);
      parts.push({ kind: 'directive', span: { start, end: parser.pos }, references: referencesOf(expressions) });
      textStart = parser.pos;
      continue;
    }
    parser.pos++;
  }
  pushText(parts, text, textStart, parser.pos, quoted);
  return parts;
}

function pushText(parts: TemplatePart[], text: string, start: number, end: number, quoted: boolean): void {
  if (end <= start) return;
  const raw = text.slice(start, end);
  parts.push({ kind: 'text', raw, value: decodeTemplateValue(raw, quoted), span: { start, end }, quoted });
}

function readInterpolation(parser: HclTextParser): Extract<TemplatePart, { kind: 'interpolation' }> {
  const start = parser.pos;
  parser.pos += 2;
  skipStripMarker(parser);
  let expression: HclExpression | undefined;
  if (parser.peekCode() !== 125 && parser.peekCode() !== 126) expression = parser.readExpression();
  skipStripMarker(parser);
  const close = parser.expect('}');
  return { kind: 'interpolation', expression, span: { start, end: close.end } };
}

/** `%{ if c }…%{ else }…%{ endif }` or `%{ for x in c }…%{ endfor }`, as one part. */
function readDirective(parser: HclTextParser, quoted: boolean, end: number, expressions: HclExpression[]): void {
  const keyword = readDirectiveHead(parser, (name) => {
    if (name === 'if') {
      expressions.push(parser.readExpression());
    } else if (name === 'for') {
      readForVariablesAndIn(parser);
      expressions.push(parser.readExpression());
    } else {
      parser.fail(`unexpected directive ${name}`);
    }
  });
  readParts(parser, quoted, end, expressions);
  let closing = readDirectiveHead(parser, () => undefined);
  if (keyword === 'if' && closing === 'else') {
    readParts(parser, quoted, end, expressions);
    closing = readDirectiveHead(parser, () => undefined);
  }
  if (closing !== (keyword === 'if' ? 'endif' : 'endfor')) parser.fail(`expected the end of the ${keyword} directive`);
}

function readDirectiveHead(parser: HclTextParser, readRest: (keyword: string) => void): string {
  parser.expect('%{');
  skipStripMarker(parser);
  const word = parser.readIdentifier();
  if (!word) parser.fail('expected a directive keyword');
  const keyword = parser.slice(word);
  parser.skipTrivia();
  readRest(keyword);
  skipStripMarker(parser);
  parser.expect('}');
  return keyword;
}

function directiveKeyword(parser: HclTextParser): string {
  const match = /^%\{\s*~?\s*([A-Za-z]+)/.exec(parser.text.slice(parser.pos, parser.pos + 64));
  return match ? match[1] : '';
}

function skipStripMarker(parser: HclTextParser): void {
  parser.skipTrivia();
  if (parser.peekCode() === 126) {
    parser.pos++;
    parser.skipTrivia();
  }
}

function escapeLength(parser: HclTextParser): number {
  const next = parser.text[parser.pos + 1];
  if (next === '"' || next === 'n' || next === 'r' || next === 't' || next === '\\') return 2;
  const digits = next === 'u' ? 4 : next === 'U' ? 8 : 0;
  if (digits > 0 && /^[0-9a-fA-F]+$/.test(parser.text.slice(parser.pos + 2, parser.pos + 2 + digits)) && parser.text.length >= parser.pos + 2 + digits) {
    return 2 + digits;
  }
  return parser.fail('invalid escape in string');
}
