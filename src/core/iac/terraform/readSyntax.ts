import type { PlainNode } from './syntaxSnapshot';
import type {
  HclAttribute,
  HclBlock,
  HclBodyItem,
  HclExpression,
  HclTemplate,
  HclTraversal,
  Span,
  TemplatePart,
  TraversalStep,
} from './syntaxTree';
import { referencesOf } from './references';
import { decodeTemplateValue } from './templateText';

/** Deeper nesting than this is read as an opaque value: real configurations never come near it. */
const MAX_DEPTH = 200;

const OPERATORS = new Set(['!', '-', '*', '/', '%', '+', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);

/** Turns the plain tree-sitter snapshot of a `config_file` into HCL syntax objects. */
export class SyntaxReader {
  constructor(private readonly text: string) {}

  readConfigFile(root: PlainNode): HclBodyItem[] {
    const body = root.children.find((child) => child.type === 'body');
    return body ? this.readBody(body, 0) : [];
  }

  private readBody(node: PlainNode, depth: number): HclBodyItem[] {
    const items: HclBodyItem[] = [];
    if (depth > MAX_DEPTH) return items;
    for (const child of node.children) {
      if (child.type === 'attribute') {
        const attribute = this.readAttribute(child, depth);
        if (attribute) items.push(attribute);
      } else if (child.type === 'block') {
        const block = this.readBlock(child, depth);
        if (block) items.push(block);
      }
    }
    return items;
  }

  private readAttribute(node: PlainNode, depth: number): HclAttribute | undefined {
    const name = node.children[0];
    if (!name || name.type !== 'identifier') return undefined;
    const valueNode = node.children.find((child) => child.type === 'expression');
    const value = valueNode ? this.readExpression(valueNode, depth + 1) : this.opaque(node, 'invalid', depth);
    return { kind: 'attribute', name: this.slice(name), nameSpan: span(name), value, span: span(node) };
  }

  private readBlock(node: PlainNode, depth: number): HclBlock | undefined {
    const typeNode = node.children[0];
    if (!typeNode || typeNode.type !== 'identifier') return undefined;
    const labels: HclBlock['labels'] = [];
    let openBrace: Span | undefined;
    let closeBrace: Span | undefined;
    let body: HclBodyItem[] = [];
    for (const child of node.children.slice(1)) {
      if (child.type === 'string_lit' && !openBrace) labels.push({ value: this.templateValue(this.readQuoted(child, depth)), span: span(child) });
      else if (child.type === 'identifier' && !openBrace) labels.push({ value: this.slice(child), span: span(child) });
      else if (child.type === 'block_start') openBrace = span(child);
      else if (child.type === 'body') body = this.readBody(child, depth + 1);
      else if (child.type === 'block_end') closeBrace = span(child);
    }
    const headerEnd = labels.length > 0 ? labels[labels.length - 1].span.end : typeNode.end;
    return {
      kind: 'block',
      type: this.slice(typeNode),
      labels,
      body,
      span: span(node),
      headerSpan: { start: typeNode.start, end: headerEnd },
      openBrace: openBrace ?? { start: headerEnd, end: headerEnd },
      closeBrace: closeBrace ?? { start: node.end, end: node.end },
      hasError: node.broken,
    };
  }

  readExpression(node: PlainNode, depth: number): HclExpression {
    if (depth > MAX_DEPTH) return { kind: 'opaque', what: 'invalid', references: [], span: span(node) };
    if (node.type !== 'expression') return this.readPrimary(node, depth);
    const first = node.children[0];
    if (first?.type === 'conditional') return this.readConditional(first, depth);
    return this.readTerms(node.children, span(node), depth);
  }

  /** A term followed by `.attr`, `[index]`, `.*` / `[*]` steps, as tree-sitter flattens them. */
  private readTerms(children: PlainNode[], whole: Span, depth: number): HclExpression {
    const first = children[0];
    if (!first) return { kind: 'opaque', what: 'invalid', references: [], span: whole };
    let index = 1;
    let primary: HclExpression;
    if (first.type === '(') {
      const inner = children[1];
      const close = children[2];
      primary = {
        kind: 'parens',
        inner: inner ? this.readExpression(inner, depth + 1) : { kind: 'opaque', what: 'invalid', references: [], span: whole },
        span: { start: first.start, end: close?.end ?? whole.end },
      };
      index = 3;
    } else {
      primary = this.readPrimary(first, depth);
    }
    const steps: TraversalStep[] = [];
    for (const child of children.slice(index)) this.readSteps(child, steps, depth);
    if (steps.length === 0) return primary;
    const end = steps[steps.length - 1].span.end;
    if (primary.kind === 'traversal') return { ...primary, steps: [...primary.steps, ...steps], span: { start: primary.span.start, end } };
    return { kind: 'postfix', target: primary, steps, span: { start: primary.span.start, end } };
  }

  private readSteps(node: PlainNode, steps: TraversalStep[], depth: number): void {
    if (node.type === 'get_attr') {
      const name = node.children.find((child) => child.type === 'identifier');
      if (name) steps.push({ kind: 'attr', name: this.slice(name), span: span(node) });
    } else if (node.type === 'index') {
      const inner = node.children[0];
      if (inner?.type === 'new_index') {
        const expression = inner.children.find((child) => child.type === 'expression');
        if (expression) steps.push({ kind: 'index', index: this.readExpression(expression, depth + 1), span: span(node) });
      } else if (inner?.type === 'legacy_index') {
        const digits = this.slice(inner).replace(/^\./, '');
        steps.push({ kind: 'index', index: { kind: 'literal', value: Number(digits), span: span(inner) }, span: span(node) });
      }
    } else if (node.type === 'splat') {
      steps.push({ kind: 'splat', span: span(node) });
      const inner = node.children[0];
      if (inner) for (const child of inner.children) this.readSteps(child, steps, depth);
    }
  }

  private readPrimary(node: PlainNode, depth: number): HclExpression {
    switch (node.type) {
      case 'literal_value':
        return this.readLiteral(node, depth);
      case 'template_expr': {
        const inner = node.children[0];
        if (inner?.type === 'heredoc_template') return this.readHeredoc(inner, depth);
        if (inner?.type === 'quoted_template') return this.readQuoted(inner, depth);
        return this.opaque(node, 'invalid', depth);
      }
      case 'collection_value': {
        const inner = node.children[0];
        if (inner?.type === 'tuple') {
          const items = inner.children.filter((child) => child.type === 'expression').map((child) => this.readExpression(child, depth + 1));
          return { kind: 'tuple', items, span: span(inner) };
        }
        if (inner?.type === 'object') {
          const elements = [];
          for (const element of inner.children) {
            if (element.type !== 'object_elem') continue;
            const [key, value] = element.children.filter((child) => child.type === 'expression');
            if (!key || !value) continue;
            elements.push({ key: this.readExpression(key, depth + 1), value: this.readExpression(value, depth + 1), span: span(element) });
          }
          return { kind: 'object', elements, span: span(inner) };
        }
        return this.opaque(node, 'invalid', depth);
      }
      case 'variable_expr':
        return { kind: 'traversal', root: this.slice(node), steps: [], span: span(node) };
      case 'function_call': {
        const name = node.children[0];
        const argumentsNode = node.children.find((child) => child.type === 'function_arguments');
        const args = (argumentsNode?.children ?? []).filter((child) => child.type === 'expression').map((child) => this.readExpression(child, depth + 1));
        const expandsFinal = (argumentsNode?.children ?? []).some((child) => child.type === 'ellipsis');
        return { kind: 'call', name: name ? this.slice(name) : '', args, expandsFinal, span: span(node) };
      }
      case 'conditional':
        return this.readConditional(node, depth);
      case 'operation':
        return this.readOperation(node, depth);
      case 'for_expr':
        return { kind: 'opaque', what: 'for', references: this.referencesWithin(node, depth), span: span(node) };
      case 'expression':
        return this.readExpression(node, depth + 1);
      default:
        return this.opaque(node, 'invalid', depth);
    }
  }

  private readOperation(node: PlainNode, depth: number): HclExpression {
    const inner = node.children[0];
    if (!inner) return this.opaque(node, 'invalid', depth);
    const at = inner.children.findIndex((child) => OPERATORS.has(child.type));
    if (at < 0) return this.opaque(node, 'invalid', depth);
    const whole = span(node);
    const right = this.readTerms(inner.children.slice(at + 1), whole, depth + 1);
    if (inner.type === 'unary_operation') {
      const operator = inner.children[at].type;
      if (operator === '-' && right.kind === 'literal' && typeof right.value === 'number') return { kind: 'literal', value: -right.value, span: whole };
      return { kind: 'operation', operator, operands: [right], span: whole };
    }
    const left = this.readTerms(inner.children.slice(0, at), whole, depth + 1);
    return { kind: 'operation', operator: inner.children[at].type, operands: [left, right], span: whole };
  }

  private readLiteral(node: PlainNode, depth: number): HclExpression {
    const inner = node.children[0];
    switch (inner?.type) {
      case 'numeric_lit':
        return { kind: 'literal', value: parseNumber(this.slice(inner)), span: span(node) };
      case 'bool_lit':
        return { kind: 'literal', value: this.slice(inner) === 'true', span: span(node) };
      case 'null_lit':
        return { kind: 'literal', value: null, span: span(node) };
      case 'string_lit':
        return this.readQuoted(inner, depth);
      default:
        return this.opaque(node, 'invalid', depth);
    }
  }

  private readConditional(node: PlainNode, depth: number): HclExpression {
    const [condition, whenTrue, whenFalse] = node.children.filter((child) => child.type === 'expression');
    if (!condition || !whenTrue || !whenFalse) return this.opaque(node, 'invalid', depth);
    return {
      kind: 'conditional',
      condition: this.readExpression(condition, depth + 1),
      whenTrue: this.readExpression(whenTrue, depth + 1),
      whenFalse: this.readExpression(whenFalse, depth + 1),
      span: span(node),
    };
  }

  private readQuoted(node: PlainNode, depth: number): HclTemplate {
    const children = node.children;
    const open = children[0]?.type === 'quoted_template_start' ? children[0] : undefined;
    const close = children[children.length - 1]?.type === 'quoted_template_end' ? children[children.length - 1] : undefined;
    const start = open ? open.end : node.start;
    const end = close && close !== open ? close.start : node.end;
    return { kind: 'template', parts: this.readParts(children, start, end, true, depth), span: span(node) };
  }

  private readHeredoc(node: PlainNode, depth: number): HclTemplate {
    const children = node.children;
    const strip = this.slice(children[0] ?? node).startsWith('<<-');
    const identifiers = children.filter((child) => child.type === 'heredoc_identifier');
    const openIdentifier = identifiers[0];
    const closeIdentifier = identifiers.length > 1 ? identifiers[identifiers.length - 1] : undefined;
    const afterOpen = openIdentifier ? openIdentifier.end : node.start;
    const newline = this.text.indexOf('\n', afterOpen);
    const bodyStart = newline < 0 || newline >= node.end ? afterOpen : newline + 1;
    const bodyEnd = closeIdentifier ? Math.max(bodyStart, this.text.lastIndexOf('\n', closeIdentifier.start - 1) + 1) : node.end;
    return {
      kind: 'template',
      parts: this.readParts(children, bodyStart, bodyEnd, false, depth),
      span: span(node),
      heredoc: { strip, bodySpan: { start: bodyStart, end: bodyEnd } },
    };
  }

  /**
   * Literal parts are the source between interpolations, not tree-sitter's template_literal nodes:
   * those leave out surrounding whitespace, which is part of the value.
   */
  private readParts(children: PlainNode[], start: number, end: number, quoted: boolean, depth: number): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let cursor = start;
    const addText = (upTo: number) => {
      if (upTo <= cursor) return;
      const raw = this.text.slice(cursor, upTo);
      parts.push({ kind: 'text', raw, value: decodeTemplateValue(raw, quoted), span: { start: cursor, end: upTo }, quoted });
      cursor = upTo;
    };
    for (const child of children) {
      if (child.start < start || child.end > end) continue;
      if (child.type === 'template_interpolation') {
        addText(child.start);
        const expression = child.children.find((inner) => inner.type === 'expression');
        parts.push({ kind: 'interpolation', expression: expression ? this.readExpression(expression, depth + 1) : undefined, span: span(child) });
        cursor = child.end;
      } else if (child.type === 'template_directive') {
        addText(child.start);
        parts.push({ kind: 'directive', span: span(child), references: this.referencesWithin(child, depth) });
        cursor = child.end;
      }
    }
    addText(end);
    return parts;
  }

  /** References of the expressions inside a `for` or a template directive, as HclTextParser lists them. */
  private referencesWithin(node: PlainNode, depth: number): HclTraversal[] {
    const expressions: HclExpression[] = [];
    const visit = (current: PlainNode, level: number) => {
      if (level > MAX_DEPTH) return;
      for (const child of current.children) {
        if (child.type === 'expression') expressions.push(this.readExpression(child, level + 1));
        else visit(child, level + 1);
      }
    };
    visit(node, depth);
    return referencesOf(expressions);
  }

  private opaque(node: PlainNode, what: 'for' | 'invalid', depth: number): HclExpression {
    return { kind: 'opaque', what, references: this.references(node, depth), span: span(node) };
  }

  /**
   * Every `name.attr` inside a node this reader could not read (broken syntax), for dependencies only:
   * names and attributes are kept, index expressions are not read (that would walk the subtree again).
   */
  private references(node: PlainNode, depth: number): HclTraversal[] {
    const found: HclTraversal[] = [];
    const pending: Array<[PlainNode, number]> = [[node, depth]];
    while (pending.length > 0) {
      const [current, level] = pending.pop()!;
      if (level > MAX_DEPTH) continue;
      const children = current.children;
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (child.type === 'variable_expr') {
          const steps: TraversalStep[] = [];
          let end = child.end;
          for (let j = i + 1; j < children.length && children[j].type === 'get_attr'; j++) {
            const name = children[j].children.find((inner) => inner.type === 'identifier');
            if (name) steps.push({ kind: 'attr', name: this.slice(name), span: span(children[j]) });
            end = children[j].end;
          }
          found.push({ kind: 'traversal', root: this.slice(child), steps, span: { start: child.start, end } });
        }
        pending.push([child, level + 1]);
      }
    }
    return found.sort((a, b) => a.span.start - b.span.start);
  }

  private templateValue(template: HclTemplate): string {
    return template.parts.map((part) => (part.kind === 'text' ? part.value : '')).join('');
  }

  private slice(node: PlainNode): string {
    return this.text.slice(node.start, node.end);
  }
}

function span(node: PlainNode): Span {
  return { start: node.start, end: node.end };
}

function parseNumber(text: string): number {
  return /^0x/i.test(text) ? parseInt(text.slice(2), 16) : Number(text);
}
