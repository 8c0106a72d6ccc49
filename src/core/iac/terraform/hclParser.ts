import { HclScanner } from './hclScanner';
import { readHeredoc, readQuotedTemplate, readStringLiteral } from './hclTemplates';
import { isForExpression, readForExpression } from './hclForExpression';
import type {
  HclAttribute,
  HclBlock,
  HclBodyItem,
  HclExpression,
  HclObjectElement,
  Span,
  TraversalStep,
} from './syntaxTree';

const MAX_DEPTH = 200;

/** Binary operators by precedence level, loosest first (tree-sitter-hcl's table). */
const BINARY_LEVEL: Record<string, number> = { '||': 0, '&&': 1, '==': 2, '!=': 2, '>': 3, '>=': 3, '<': 3, '<=': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5 };

/**
 * A direct reader of HCL text into the same syntax objects SyntaxReader builds from tree-sitter's tree.
 * It is used only for files tree-sitter parsed without error (walking the wasm tree node by node costs
 * more than the parse itself); on anything it does not understand it throws and the tree is read instead.
 */
export class HclTextParser extends HclScanner {
  private depth = 0;

  readFile(): HclBodyItem[] {
    this.skipTrivia();
    // tree-sitter-hcl also accepts a JSON object (tfvars.json); it declares nothing here.
    if (this.peekCode() === 123) return [];
    const items = this.readBody();
    if (this.pos < this.text.length) this.fail('unexpected text');
    return items;
  }

  private readBody(): HclBodyItem[] {
    const items: HclBodyItem[] = [];
    for (;;) {
      this.skipTrivia();
      const name = this.readIdentifier();
      if (!name) return items;
      this.skipTrivia();
      const code = this.peekCode();
      if (code === 61 && this.peekCode(1) !== 61 && this.peekCode(1) !== 62) items.push(this.readAttribute(name));
      else items.push(this.readBlock(name));
    }
  }

  private readAttribute(name: Span): HclAttribute {
    this.pos++;
    this.skipTrivia();
    const value = this.readExpression();
    return { kind: 'attribute', name: this.slice(name), nameSpan: name, value, span: { start: name.start, end: value.span.end } };
  }

  private readBlock(typeSpan: Span): HclBlock {
    const labels: HclBlock['labels'] = [];
    for (;;) {
      this.skipTrivia();
      if (this.peekCode() === 34) {
        labels.push(readStringLiteral(this));
        continue;
      }
      const label = this.readIdentifier();
      if (!label) break;
      labels.push({ value: this.slice(label), span: label });
    }
    const openBrace = this.expect('{');
    this.enter();
    const body = this.readBody();
    this.leave();
    this.skipTrivia();
    const closeBrace = this.expect('}');
    const headerEnd = labels.length > 0 ? labels[labels.length - 1].span.end : typeSpan.end;
    return {
      kind: 'block',
      type: this.slice(typeSpan),
      labels,
      body,
      span: { start: typeSpan.start, end: closeBrace.end },
      headerSpan: { start: typeSpan.start, end: headerEnd },
      openBrace,
      closeBrace,
      hasError: false,
    };
  }

  readExpression(): HclExpression {
    this.enter();
    const condition = this.readBinary(0);
    let result = condition;
    const save = this.pos;
    this.skipTrivia();
    if (this.peekCode() === 63) {
      this.pos++;
      this.skipTrivia();
      const whenTrue = this.readExpression();
      this.skipTrivia();
      this.expect(':');
      this.skipTrivia();
      const whenFalse = this.readExpression();
      result = { kind: 'conditional', condition, whenTrue, whenFalse, span: { start: condition.span.start, end: whenFalse.span.end } };
    } else {
      this.pos = save;
    }
    this.leave();
    return result;
  }

  /** Precedence climbing over tree-sitter-hcl's operator table; operators of one level associate to the left. */
  private readBinary(minimumLevel: number): HclExpression {
    let left = this.readUnary();
    for (;;) {
      const save = this.pos;
      this.skipTrivia();
      const operator = this.binaryOperator();
      const level = operator === undefined ? -1 : BINARY_LEVEL[operator];
      if (operator === undefined || level < minimumLevel) {
        this.pos = save;
        return left;
      }
      this.pos += operator.length;
      this.skipTrivia();
      this.enter();
      const right = this.readBinary(level + 1);
      this.leave();
      left = { kind: 'operation', operator, operands: [left, right], span: { start: left.span.start, end: right.span.end } };
    }
  }

  private binaryOperator(): string | undefined {
    const code = this.peekCode();
    const next = this.peekCode(1);
    switch (code) {
      case 124: // |
        return next === 124 ? '||' : undefined;
      case 38: // &
        return next === 38 ? '&&' : undefined;
      case 61: // =
        return next === 61 ? '==' : undefined;
      case 33: // !
        return next === 61 ? '!=' : undefined;
      case 60: // <, but not a heredoc
        return next === 61 ? '<=' : next === 60 ? undefined : '<';
      case 62:
        return next === 61 ? '>=' : '>';
      case 43:
        return '+';
      case 45:
        return '-';
      case 42:
        return '*';
      case 47:
        return '/';
      case 37:
        return '%';
      default:
        return undefined;
    }
  }

  private readUnary(): HclExpression {
    const code = this.peekCode();
    if ((code === 45 || code === 33) && !(code === 33 && this.peekCode(1) === 61)) {
      const start = this.pos;
      const operator = code === 45 ? '-' : '!';
      this.pos++;
      this.skipTrivia();
      this.enter();
      const operand = this.readUnary();
      this.leave();
      const span = { start, end: operand.span.end };
      if (operator === '-' && operand.kind === 'literal' && typeof operand.value === 'number') return { kind: 'literal', value: -operand.value, span };
      return { kind: 'operation', operator, operands: [operand], span };
    }
    return this.readTerm();
  }

  /** A primary term and its `.attr`, `[index]`, `.*`, `[*]` steps. */
  private readTerm(): HclExpression {
    const primary = this.readPrimary();
    let steps: TraversalStep[] | undefined;
    for (;;) {
      const save = this.pos;
      this.skipTrivia();
      steps ??= [];
      if (!this.readStep(steps, true)) {
        this.pos = save;
        break;
      }
    }
    if (!steps || steps.length === 0) return primary;
    const end = steps[steps.length - 1].span.end;
    if (primary.kind === 'traversal') {
      primary.steps = steps;
      primary.span = { start: primary.span.start, end };
      return primary;
    }
    return { kind: 'postfix', target: primary, steps, span: { start: primary.span.start, end } };
  }

  /** Reads one step (a splat with the steps it applies) into `steps`; false when none follows. */
  private readStep(steps: TraversalStep[], allowSplat: boolean): boolean {
    const start = this.pos;
    const code = this.peekCode();
    if (code === 46) {
      if (this.peekCode(1) === 46) return false; // `...` expands an argument; not a step
      if (allowSplat && this.peekCode(1) === 42) {
        this.pos += 2;
        this.readSplat(steps, start);
        return true;
      }
      this.pos++;
      this.skipTrivia();
      const digitsStart = this.pos;
      while (this.peekCode() >= 48 && this.peekCode() <= 57) this.pos++;
      if (this.pos > digitsStart) {
        const span = { start, end: this.pos };
        steps.push({ kind: 'index', index: { kind: 'literal', value: Number(this.text.slice(digitsStart, this.pos)), span }, span });
        return true;
      }
      const name = this.readIdentifier();
      if (!name) this.fail('expected an attribute name');
      steps.push({ kind: 'attr', name: this.slice(name), span: { start, end: name.end } });
      return true;
    }
    if (code === 91) {
      if (allowSplat && this.startsWith('[*]')) {
        this.pos += 3;
        this.readSplat(steps, start);
        return true;
      }
      this.pos++;
      this.skipTrivia();
      const index = this.readExpression();
      this.skipTrivia();
      this.expectCode(93, ']');
      steps.push({ kind: 'index', index, span: { start, end: this.pos } });
      return true;
    }
    return false;
  }

  private readSplat(steps: TraversalStep[], start: number): void {
    const splat: TraversalStep = { kind: 'splat', span: { start, end: this.pos } };
    steps.push(splat);
    for (;;) {
      const save = this.pos;
      this.skipTrivia();
      if (!this.readStep(steps, false)) {
        this.pos = save;
        break;
      }
      splat.span.end = steps[steps.length - 1].span.end;
    }
  }

  private readPrimary(): HclExpression {
    const code = this.peekCode();
    const start = this.pos;
    if (code >= 48 && code <= 57) {
      const number = this.readNumber()!;
      const text = this.slice(number);
      return { kind: 'literal', value: /^0x/i.test(text) ? parseInt(text.slice(2), 16) : Number(text), span: number };
    }
    if (code === 34) return readQuotedTemplate(this);
    if (code === 60 && this.peekCode(1) === 60) return readHeredoc(this);
    if (code === 91) return isForExpression(this) ? readForExpression(this, '[', ']') : this.readTuple();
    if (code === 123) return isForExpression(this) ? readForExpression(this, '{', '}') : this.readObject();
    if (code === 40) {
      this.pos++;
      this.skipTrivia();
      const inner = this.readExpression();
      this.skipTrivia();
      const close = this.expect(')');
      return { kind: 'parens', inner, span: { start, end: close.end } };
    }
    const name = this.readIdentifier();
    if (!name) this.fail('expected an expression');
    const save = this.pos;
    this.skipTrivia();
    if (this.peekCode() === 40) return this.readCall(name);
    this.pos = save;
    const word = this.slice(name);
    if (word === 'true' || word === 'false') return { kind: 'literal', value: word === 'true', span: name };
    if (word === 'null') return { kind: 'literal', value: null, span: name };
    return { kind: 'traversal', root: word, steps: [], span: name };
  }

  private readCall(name: Span): HclExpression {
    this.pos++;
    const args: HclExpression[] = [];
    let expandsFinal = false;
    this.skipTrivia();
    while (this.peekCode() !== 41) {
      args.push(this.readExpression());
      this.skipTrivia();
      if (this.startsWith('...')) {
        this.pos += 3;
        expandsFinal = true;
        this.skipTrivia();
        break;
      }
      if (this.peekCode() !== 44) break;
      this.pos++;
      this.skipTrivia();
    }
    const close = this.expect(')');
    return { kind: 'call', name: this.slice(name), args, expandsFinal, span: { start: name.start, end: close.end } };
  }

  private readTuple(): HclExpression {
    const start = this.pos++;
    const items: HclExpression[] = [];
    this.skipTrivia();
    while (this.peekCode() !== 93) {
      items.push(this.readExpression());
      this.skipTrivia();
      if (this.peekCode() !== 44) break;
      this.pos++;
      this.skipTrivia();
    }
    const close = this.expect(']');
    return { kind: 'tuple', items, span: { start, end: close.end } };
  }

  private readObject(): HclExpression {
    const start = this.pos++;
    const elements: HclObjectElement[] = [];
    this.skipTrivia();
    while (this.peekCode() !== 125) {
      const key = this.readExpression();
      this.skipTrivia();
      const separator = this.peekCode();
      if (separator !== 61 && separator !== 58) this.fail('expected "=" or ":"');
      this.pos++;
      this.skipTrivia();
      const value = this.readExpression();
      elements.push({ key, value, span: { start: key.span.start, end: value.span.end } });
      this.skipTrivia();
      if (this.peekCode() === 44) {
        this.pos++;
        this.skipTrivia();
      }
      if (Number.isNaN(this.peekCode())) this.fail('unterminated object');
    }
    const close = this.expect('}');
    return { kind: 'object', elements, span: { start, end: close.end } };
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('nested too deeply');
  }

  leave(): void {
    this.depth--;
  }
}
