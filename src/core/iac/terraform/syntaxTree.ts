import type { LineIndex } from '../../model/location';

/** Offsets into the file text (UTF-16 code units, like JS strings and web-tree-sitter indices). */
export interface Span {
  start: number;
  end: number;
}

export interface HclFile {
  path: string;
  text: string;
  lines: LineIndex;
  items: HclBodyItem[];
  comments: Span[];
  /** The first syntax error (ERROR or MISSING node), when the file has one. */
  firstError?: { span: Span; missing?: string; opened?: Span };
}

export type HclBodyItem = HclAttribute | HclBlock;

export interface HclAttribute {
  kind: 'attribute';
  name: string;
  nameSpan: Span;
  value: HclExpression;
  span: Span;
}

export interface HclBlock {
  kind: 'block';
  type: string;
  labels: Array<{ value: string; span: Span }>;
  body: HclBodyItem[];
  span: Span;
  /** `resource "aws_s3_bucket" "site"`: the type and labels, not the body. */
  headerSpan: Span;
  openBrace: Span;
  closeBrace: Span;
  /** The block contains a syntax error; what it holds may be incomplete. */
  hasError: boolean;
}

export type HclExpression =
  | HclLiteral
  | HclTemplate
  | HclTuple
  | HclObject
  | HclTraversal
  | HclPostfix
  | HclCall
  | HclConditional
  | HclParenthesized
  | HclOperation
  | HclOpaque;

export interface HclLiteral {
  kind: 'literal';
  value: number | boolean | null;
  span: Span;
}

export type TemplatePart =
  /** `raw` is the source slice; `value` has escapes (`\n`, `$${`) decoded. */
  | { kind: 'text'; raw: string; value: string; span: Span; quoted: boolean }
  | { kind: 'interpolation'; expression?: HclExpression; span: Span }
  | { kind: 'directive'; span: Span; references: HclTraversal[] };

export interface HclTemplate {
  kind: 'template';
  parts: TemplatePart[];
  span: Span;
  heredoc?: { strip: boolean; bodySpan: Span };
}

export interface HclTuple {
  kind: 'tuple';
  items: HclExpression[];
  span: Span;
}

export interface HclObjectElement {
  key: HclExpression;
  value: HclExpression;
  span: Span;
}

export interface HclObject {
  kind: 'object';
  elements: HclObjectElement[];
  span: Span;
}

export type TraversalStep =
  | { kind: 'attr'; name: string; span: Span }
  | { kind: 'index'; index: HclExpression; span: Span }
  | { kind: 'splat'; span: Span };

/** `var.x`, `aws_s3_bucket.site.arn`, `each.value`, `data.aws_iam_policy_document.p.json`. */
export interface HclTraversal {
  kind: 'traversal';
  root: string;
  steps: TraversalStep[];
  span: Span;
}

/** Steps applied to something that is not a plain name: `jsondecode(x).Statement`, `(local.a)[0]`. */
export interface HclPostfix {
  kind: 'postfix';
  target: HclExpression;
  steps: TraversalStep[];
  span: Span;
}

export interface HclCall {
  kind: 'call';
  name: string;
  args: HclExpression[];
  /** `f(list...)`: the last argument is expanded. */
  expandsFinal: boolean;
  span: Span;
}

export interface HclConditional {
  kind: 'conditional';
  condition: HclExpression;
  whenTrue: HclExpression;
  whenFalse: HclExpression;
  span: Span;
}

export interface HclParenthesized {
  kind: 'parens';
  inner: HclExpression;
  span: Span;
}

/** `!a`, `-a`, `a == b`, `a && b`, `a + b`, ... (one operand for unary operators). */
export interface HclOperation {
  kind: 'operation';
  operator: string;
  operands: HclExpression[];
  span: Span;
}

/** An expression this front end does not evaluate (`for`, broken syntax); its references still count. */
export interface HclOpaque {
  kind: 'opaque';
  what: 'for' | 'invalid';
  references: HclTraversal[];
  span: Span;
}

export function attributeOf(items: HclBodyItem[], name: string): HclAttribute | undefined {
  for (const item of items) if (item.kind === 'attribute' && item.name === name) return item;
  return undefined;
}

export function blocksOf(items: HclBodyItem[], type: string): HclBlock[] {
  const out: HclBlock[] = [];
  for (const item of items) if (item.kind === 'block' && item.type === type) out.push(item);
  return out;
}

export function blockOf(items: HclBodyItem[], type: string): HclBlock | undefined {
  for (const item of items) if (item.kind === 'block' && item.type === type) return item;
  return undefined;
}
