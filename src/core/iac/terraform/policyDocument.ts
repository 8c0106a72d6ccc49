import type { SourceLocation } from '../../model/location';
import { getEntry, type LEntry, type LObject, type LValue } from '../../model/value';
import type { Evaluator } from './evaluate';
import { resolveString, unknownValue } from './lvalues';
import type { ResourceEntry } from './moduleIndex';
import { recordOrigin } from './origins';
import { attributeOf, blocksOf, type HclBlock, type HclExpression, type HclFile, type Span } from './syntaxTree';

/** Argument name in `statement {}` → policy JSON key, for the list-valued arguments. */
const LIST_ARGUMENTS: Array<[string, string]> = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
];

/**
 * Lowers `data "aws_iam_policy_document"` to the policy JSON it renders, each node located at the HCL
 * element it comes from: a statement at its `statement` block, a principal at its `principals` block
 * and `identifiers` list, so findings and fixes land on what the author wrote.
 */
export function lowerPolicyDocument(evaluator: Evaluator, entry: ResourceEntry): LValue {
  const { block, file } = entry;
  const loc = evaluator.locate(file, block.span);
  const documentLowerer = new DocumentLowerer(evaluator, file, block);
  const entries: LEntry[] = [];
  const version = attributeOf(block.body, 'version');
  entries.push(
    version
      ? { key: 'Version', keyLoc: evaluator.locate(file, version.nameSpan), value: evaluator.lower(version.value, file) }
      : { key: 'Version', keyLoc: evaluator.locate(file, block.headerSpan), value: { kind: 'string', value: '2012-10-17', loc: evaluator.locate(file, block.headerSpan) } },
  );
  const policyId = attributeOf(block.body, 'policy_id');
  if (policyId) entries.push({ key: 'Id', keyLoc: evaluator.locate(file, policyId.nameSpan), value: evaluator.lower(policyId.value, file) });

  let statements: LValue[] = [];
  const sources = attributeOf(block.body, 'source_policy_documents');
  if (sources) statements.push(...documentLowerer.statementsOfDocuments(sources.value));
  for (const item of block.body) {
    if (item.kind !== 'block') continue;
    if (item.type === 'statement') statements = replaceBySid(statements, documentLowerer.statement(item));
    else if (item.type === 'dynamic' && item.labels[0]?.value === 'statement') {
      statements.push(unknownValue('a dynamic "statement" block is not evaluated', evaluator.locate(file, item.span)));
    }
  }
  const overrides = attributeOf(block.body, 'override_policy_documents');
  if (overrides) {
    for (const override of documentLowerer.statementsOfDocuments(overrides.value)) {
      // An unknown override may replace any statement: the whole document is then unknown.
      if (override.kind === 'unknown') return unknownValue(`override_policy_documents: ${override.reason}`, loc);
      statements = replaceBySid(statements, override);
    }
  }
  const statementBlocks = blocksOf(block.body, 'statement');
  const statementsSpan = statementBlocks.length > 0 ? spanOf(statementBlocks) : block.span;
  const statementKeyLoc = evaluator.locate(file, statementBlocks[0]?.headerSpan ?? block.headerSpan);
  entries.push({ key: 'Statement', keyLoc: statementKeyLoc, value: { kind: 'array', items: statements, loc: evaluator.locate(file, statementsSpan) } });
  const document: LValue = { kind: 'object', entries, loc };
  recordOrigin(document, { syntax: 'policy-document', file, block, document: block });
  return document;
}

/** Statements with a Sid replace earlier ones with the same Sid (source/override document merging). */
function replaceBySid(statements: LValue[], added: LValue): LValue[] {
  const sid = getEntry(added, 'Sid')?.value;
  if (sid?.kind === 'string' && sid.value !== '') {
    const at = statements.findIndex((statement) => {
      const existing = getEntry(statement, 'Sid')?.value;
      return existing?.kind === 'string' && existing.value === sid.value;
    });
    if (at >= 0) return statements.map((statement, i) => (i === at ? added : statement));
  }
  return [...statements, added];
}

class DocumentLowerer {
  constructor(
    private readonly evaluator: Evaluator,
    private readonly file: HclFile,
    private readonly document: HclBlock,
  ) {}

  statement(block: HclBlock): LValue {
    const entries: LEntry[] = [];
    const sid = attributeOf(block.body, 'sid');
    if (sid) entries.push(this.attributeEntry('Sid', sid.nameSpan, sid.value));
    const effect = attributeOf(block.body, 'effect');
    entries.push(
      effect
        ? this.attributeEntry('Effect', effect.nameSpan, effect.value)
        : { key: 'Effect', keyLoc: this.loc(block.headerSpan), value: { kind: 'string', value: 'Allow', loc: this.loc(block.headerSpan) } },
    );
    for (const [argument, key] of LIST_ARGUMENTS) {
      const attribute = attributeOf(block.body, argument);
      if (attribute) entries.push(this.attributeEntry(key, attribute.nameSpan, attribute.value));
    }
    for (const [blockType, key] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
      const principalBlocks = blocksOf(block.body, blockType);
      if (this.hasDynamic(block, blockType)) {
        entries.push({ key, keyLoc: this.loc(block.headerSpan), value: unknownValue(`a dynamic "${blockType}" block is not evaluated`, this.loc(block.span)) });
      } else if (principalBlocks.length > 0) {
        entries.push({ key, keyLoc: this.loc(principalBlocks[0].headerSpan), value: this.principals(principalBlocks) });
      }
    }
    const conditions = blocksOf(block.body, 'condition');
    if (this.hasDynamic(block, 'condition')) {
      entries.push({ key: 'Condition', keyLoc: this.loc(block.headerSpan), value: unknownValue('a dynamic "condition" block is not evaluated', this.loc(block.span)) });
    } else if (conditions.length > 0) {
      entries.push({ key: 'Condition', keyLoc: this.loc(conditions[0].headerSpan), value: this.conditions(conditions) });
    }
    const statement: LObject = { kind: 'object', entries, loc: this.loc(block.span) };
    recordOrigin(statement, { syntax: 'policy-document', file: this.file, block, document: this.document });
    return statement;
  }

  /** `principals { type = "AWS" identifiers = [...] }` → `{ "AWS": [...] }`; `type = "*"` → `"*"`. */
  private principals(blocks: HclBlock[]): LValue {
    const loc = this.loc(spanOf(blocks));
    const entries: LEntry[] = [];
    for (const block of blocks) {
      const type = attributeOf(block.body, 'type');
      const identifiers = attributeOf(block.body, 'identifiers');
      const typeValue = resolveString(type ? this.evaluator.lower(type.value, this.file) : undefined, 'principals without type');
      if (!typeValue.known) return unknownValue(`the principal type is not known: ${typeValue.reason}`, loc);
      if (typeValue.value === '*') return { kind: 'string', value: '*', loc: this.loc(block.span) };
      const identifierLoc = this.loc(identifiers ? identifiers.value.span : block.span);
      const value = identifiers ? this.evaluator.lower(identifiers.value, this.file) : unknownValue('principals without identifiers', identifierLoc);
      const existing = entries.find((entry) => entry.key === typeValue.value);
      if (existing && existing.value.kind === 'array' && value.kind === 'array') {
        existing.value = { ...existing.value, items: [...existing.value.items, ...value.items] };
      } else if (!existing) {
        entries.push({ key: typeValue.value, keyLoc: this.loc(type!.span), value });
      } else {
        existing.value = unknownValue('principals of one type could not be combined', identifierLoc);
      }
    }
    return { kind: 'object', entries, loc };
  }

  /** `condition { test variable values }` blocks → `{ test: { variable: values } }`. */
  private conditions(blocks: HclBlock[]): LValue {
    const loc = this.loc(spanOf(blocks));
    const operators: LEntry[] = [];
    for (const block of blocks) {
      const test = attributeOf(block.body, 'test');
      const variable = attributeOf(block.body, 'variable');
      const values = attributeOf(block.body, 'values');
      const testValue = resolveString(test ? this.evaluator.lower(test.value, this.file) : undefined, 'condition without test');
      const variableValue = resolveString(variable ? this.evaluator.lower(variable.value, this.file) : undefined, 'condition without variable');
      if (!testValue.known) return unknownValue(`the condition operator is not known: ${testValue.reason}`, loc);
      if (!variableValue.known) return unknownValue(`the condition key is not known: ${variableValue.reason}`, loc);
      const value = values ? this.evaluator.lower(values.value, this.file) : unknownValue('condition without values', this.loc(block.span));
      let operator = operators.find((entry) => entry.key === testValue.value);
      if (!operator) {
        operator = { key: testValue.value, keyLoc: this.loc(test!.span), value: { kind: 'object', entries: [], loc: this.loc(block.span) } };
        operators.push(operator);
      }
      if (operator.value.kind !== 'object') continue;
      const existing = operator.value.entries.find((entry) => entry.key === variableValue.value);
      if (existing && existing.value.kind === 'array' && value.kind === 'array') {
        existing.value = { ...existing.value, items: [...existing.value.items, ...value.items] };
      } else if (existing) {
        existing.value = unknownValue('condition values could not be combined', this.loc(block.span));
      } else {
        operator.value.entries.push({ key: variableValue.value, keyLoc: this.loc(variable!.span), value });
      }
    }
    return { kind: 'object', entries: operators, loc };
  }

  /** Statements of other documents (`source_policy_documents = [data.x.json, ...]`); unknown ones stay as unknown items. */
  statementsOfDocuments(expression: HclExpression): LValue[] {
    const items = expression.kind === 'tuple' ? expression.items : [expression];
    const statements: LValue[] = [];
    for (const item of items) {
      const document = expression.kind === 'tuple' ? this.evaluator.jsonDocument(item, this.file) : this.evaluator.lower(item, this.file);
      if (expression.kind !== 'tuple' && document.kind === 'array') {
        for (const element of document.items) statements.push(...this.statementsOf(element));
      } else {
        statements.push(...this.statementsOf(document));
      }
    }
    return statements;
  }

  private statementsOf(document: LValue): LValue[] {
    if (document.kind === 'unknown') return [unknownValue(`a policy document is not known: ${document.reason}`, document.loc)];
    const statement = getEntry(document, 'Statement')?.value;
    if (!statement) return [unknownValue('a merged policy document has no Statement', document.loc)];
    if (statement.kind === 'array') return statement.items;
    return [statement];
  }

  private attributeEntry(key: string, nameSpan: Span, value: HclExpression): LEntry {
    return { key, keyLoc: this.loc(nameSpan), value: this.evaluator.lower(value, this.file) };
  }

  private hasDynamic(block: HclBlock, type: string): boolean {
    return block.body.some((item) => item.kind === 'block' && item.type === 'dynamic' && item.labels[0]?.value === type);
  }

  private loc(span: Span): SourceLocation {
    return this.evaluator.locate(this.file, span);
  }
}

function spanOf(blocks: HclBlock[]): Span {
  return { start: blocks[0].span.start, end: blocks[blocks.length - 1].span.end };
}
