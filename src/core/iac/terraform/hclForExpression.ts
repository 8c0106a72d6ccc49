import type { HclTextParser } from './hclParser';
import { referencesOf } from './references';
import type { HclExpression } from './syntaxTree';

/** `[for` / `{for` followed by a name: a for expression, not a tuple or object. */
export function isForExpression(parser: HclTextParser): boolean {
  const save = parser.pos;
  parser.pos++;
  parser.skipTrivia();
  const word = parser.readIdentifier();
  let isFor = false;
  if (word !== undefined && parser.slice(word) === 'for') {
    parser.skipTrivia();
    isFor = parser.atIdentifierStart();
  }
  parser.pos = save;
  return isFor;
}

/** After the `for` keyword: `k, v in ` or `v in ` (the variables are not kept; the collection follows). */
export function readForVariablesAndIn(parser: HclTextParser): void {
  parser.readIdentifier();
  parser.skipTrivia();
  if (parser.peekCode() === 44) {
    parser.pos++;
    parser.skipTrivia();
    parser.readIdentifier();
    parser.skipTrivia();
  }
  const keyword = parser.readIdentifier();
  if (!keyword || parser.slice(keyword) !== 'in') parser.fail('expected "in"');
  parser.skipTrivia();
}

/** `[for k, v in c : body if cond]` / `{for k, v in c : key => value... if cond}`: not evaluated, references kept. */
export function readForExpression(parser: HclTextParser, open: string, close: string): HclExpression {
  const start = parser.pos;
  parser.pos += open.length;
  parser.skipTrivia();
  parser.readIdentifier();
  parser.skipTrivia();
  readForVariablesAndIn(parser);
  const expressions: HclExpression[] = [parser.readExpression()];
  parser.skipTrivia();
  parser.expect(':');
  parser.skipTrivia();
  expressions.push(parser.readExpression());
  parser.skipTrivia();
  if (open === '{') {
    parser.expect('=>');
    parser.skipTrivia();
    expressions.push(parser.readExpression());
    parser.skipTrivia();
    if (parser.startsWith('...')) {
      parser.pos += 3;
      parser.skipTrivia();
    }
  }
  const save = parser.pos;
  const conditionKeyword = parser.readIdentifier();
  if (conditionKeyword && parser.slice(conditionKeyword) === 'if') {
    parser.skipTrivia();
    expressions.push(parser.readExpression());
    parser.skipTrivia();
  } else {
    parser.pos = save;
  }
  const end = parser.expect(close);
  return { kind: 'opaque', what: 'for', references: referencesOf(expressions), span: { start, end: end.end } };
}
