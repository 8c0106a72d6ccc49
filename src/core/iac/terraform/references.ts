import type { ModuleIndex } from './moduleIndex';
import type { HclBlock, HclBodyItem, HclExpression, HclTraversal } from './syntaxTree';

/** Roots that name values, not resources: references to them do not order the apply. */
const NON_RESOURCE_ROOTS = new Set(['var', 'local', 'each', 'count', 'self', 'path', 'terraform']);

/** Calls `visit` for every traversal written in an expression, including inside templates and unevaluated expressions. */
export function forEachTraversal(expression: HclExpression, visit: (traversal: HclTraversal) => void): void {
  switch (expression.kind) {
    case 'traversal':
      visit(expression);
      for (const step of expression.steps) if (step.kind === 'index') forEachTraversal(step.index, visit);
      return;
    case 'template':
      for (const part of expression.parts) {
        if (part.kind === 'interpolation') {
          if (part.expression) forEachTraversal(part.expression, visit);
        } else if (part.kind === 'directive') {
          for (const reference of part.references) visit(reference);
        }
      }
      return;
    case 'tuple':
      for (const item of expression.items) forEachTraversal(item, visit);
      return;
    case 'object':
      for (const element of expression.elements) {
        forEachTraversal(element.key, visit);
        forEachTraversal(element.value, visit);
      }
      return;
    case 'postfix':
      forEachTraversal(expression.target, visit);
      for (const step of expression.steps) if (step.kind === 'index') forEachTraversal(step.index, visit);
      return;
    case 'call':
      for (const arg of expression.args) forEachTraversal(arg, visit);
      return;
    case 'conditional':
      forEachTraversal(expression.condition, visit);
      forEachTraversal(expression.whenTrue, visit);
      forEachTraversal(expression.whenFalse, visit);
      return;
    case 'parens':
      forEachTraversal(expression.inner, visit);
      return;
    case 'operation':
      for (const operand of expression.operands) forEachTraversal(operand, visit);
      return;
    case 'opaque':
      for (const reference of expression.references) visit(reference);
      return;
    case 'literal':
      return;
  }
}

export function forEachTraversalInBody(items: HclBodyItem[], visit: (traversal: HclTraversal) => void): void {
  for (const item of items) {
    if (item.kind === 'attribute') forEachTraversal(item.value, visit);
    else forEachTraversalInBody(item.body, visit);
  }
}

/** Every traversal written in an expression, in source order. */
export function traversalsIn(expression: HclExpression): HclTraversal[] {
  const out: HclTraversal[] = [];
  forEachTraversal(expression, (traversal) => out.push(traversal));
  return out;
}

/** The references of expressions that are not evaluated (`for`, template directives), in source order; both readers use it. */
export function referencesOf(expressions: HclExpression[]): HclTraversal[] {
  const out: HclTraversal[] = [];
  for (const expression of expressions) forEachTraversal(expression, (traversal) => out.push(traversal));
  return out;
}

/** `aws_s3_bucket.site`, `data.aws_iam_policy_document.p` or `module.m` for a traversal that names one. */
export function referencedAddress(traversal: HclTraversal): string | undefined {
  if (NON_RESOURCE_ROOTS.has(traversal.root)) return undefined;
  const [first, second] = traversal.steps;
  if (first?.kind !== 'attr') return undefined;
  if (traversal.root === 'data') return second?.kind === 'attr' ? `data.${first.name}.${second.name}` : undefined;
  return `${traversal.root}.${first.name}`;
}

/**
 * Addresses a resource is applied after: `depends_on` plus every reference, followed through locals
 * and data sources (Terraform's graph orders through them too).
 */
export function dependenciesOf(block: HclBlock, selfAddress: string, index: ModuleIndex): string[] {
  const found = new Set<string>();
  const seenLocals = new Set<string>();
  const seenData = new Set<string>();
  const visit = (traversal: HclTraversal): void => {
    const first = traversal.steps[0];
    if (traversal.root === 'local') {
      if (first?.kind !== 'attr' || seenLocals.has(first.name)) return;
      seenLocals.add(first.name);
      const local = index.locals.get(first.name);
      if (local) forEachTraversal(local.attribute.value, visit);
      return;
    }
    const address = referencedAddress(traversal);
    if (!address || address === selfAddress) return;
    found.add(address);
    if (address.startsWith('data.') && !seenData.has(address)) {
      seenData.add(address);
      const data = index.dataSources.get(address);
      if (data) forEachTraversalInBody(data.block.body, visit);
    }
  };
  forEachTraversalInBody(block.body, visit);
  return [...found];
}
