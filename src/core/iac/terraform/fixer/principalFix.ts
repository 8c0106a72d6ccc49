import type { ExposureCause } from '../../../model/exposure';
import type { TextEdit } from '../../../model/finding';
import { attributeOf, blocksOf, type HclBlock, type HclFile } from '../syntaxTree';
import type { FixContext } from './fixContext';
import { placeholder, snippetText } from './snippet';
import { lastEntryIndex, statementTarget, writtenValueSpan } from './statementSyntax';

/**
 * The account ARN the principal is narrowed to: the module's own `aws_caller_identity` when it has one
 * (an interpolation, only where the syntax allows one), else a placeholder account id.
 */
export function accountRootArn(context: FixContext, interpolationAllowed: boolean): string {
  const callerIdentity = [...context.parsed.index.dataSources.values()].find((entry) => entry.type === 'aws_caller_identity');
  const accountId = interpolationAllowed && callerIdentity ? `\${data.aws_caller_identity.${callerIdentity.name}.account_id}` : '111122223333';
  return `${snippetText('arn:aws:iam::')}${placeholder(1, accountId)}${snippetText(':root')}`;
}

/** Snippet: the statement's Principal becomes the bucket's own account root. */
export function restrictPrincipalToAccount(context: FixContext, cause: ExposureCause): TextEdit[] | undefined {
  const target = statementTarget(cause);
  if (!target) return undefined;
  const { statement, origin } = target;
  if (origin.syntax === 'policy-document') return replacePrincipalBlocks(context, origin.file, origin.block);
  const index = lastEntryIndex(statement, 'Principal');
  const span = index >= 0 ? writtenValueSpan(statement, index) : undefined;
  const path = origin.syntax === 'hcl' ? origin.file.path : origin.path;
  const layout = context.layout(path);
  if (!span || !layout) return undefined;
  const interpolationAllowed = origin.syntax === 'hcl' || origin.container === 'heredoc';
  const arn = accountRootArn(context, interpolationAllowed);
  const newText = origin.syntax === 'hcl' ? `{ AWS = "${arn}" \\}` : `{"AWS": "${arn}"\\}`;
  return [layout.replace(span, newText)];
}

/** In an aws_iam_policy_document statement: the public `principals` blocks become one block for the account. */
function replacePrincipalBlocks(context: FixContext, file: HclFile, statementBlock: HclBlock): TextEdit[] | undefined {
  const layout = context.layout(file.path);
  if (!layout) return undefined;
  const blocks = blocksOf(statementBlock.body, 'principals');
  if (blocks.length === 0) return undefined;
  const evaluator = context.parsed.evaluator;
  const isPublic = (block: HclBlock) => {
    const type = attributeOf(block.body, 'type');
    const identifiers = attributeOf(block.body, 'identifiers');
    const typeValue = type ? evaluator.lower(type.value, file) : undefined;
    const identifierValue = identifiers ? evaluator.lower(identifiers.value, file) : undefined;
    return (
      (typeValue?.kind === 'string' && typeValue.value === '*') ||
      (identifierValue?.kind === 'array' && identifierValue.items.some((item) => item.kind === 'string' && item.value === '*'))
    );
  };
  const publicBlocks = blocks.filter(isPublic);
  const replaced = publicBlocks.length > 0 ? publicBlocks : blocks;
  const [first, ...rest] = replaced;
  const indent = layout.indentAt(first.span.start);
  const inner = indent + layout.indentUnit;
  const { eol } = layout;
  const newBlock = [
    'principals {',
    `${inner}type        = "AWS"`,
    `${inner}identifiers = ["${accountRootArn(context, true)}"]`,
    `${indent}\\}`,
  ].join(eol);
  return [layout.replace(first.span, newBlock), ...rest.map((block) => layout.removal(block.span))];
}
