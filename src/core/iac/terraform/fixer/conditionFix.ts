import type { ExposureCause } from '../../../model/exposure';
import type { TextEdit } from '../../../model/finding';
import type { LObject } from '../../../model/value';
import { originOf } from '../origins';
import type { FixContext } from './fixContext';
import { insertHclElement, insertJsonEntry } from './objectInsertion';
import { placeholder } from './snippet';
import { lastEntryIndex, statementTarget, writtenObject } from './statementSyntax';

const ORG_KEY = 'aws:PrincipalOrgID';

/**
 * Snippet: `aws:PrincipalOrgID` = placeholder, a condition that limits the statement to principals of
 * one AWS Organization, which Access Analyzer and S3 no longer count as public.
 */
export function addRestrictingCondition(context: FixContext, cause: ExposureCause): TextEdit[] | undefined {
  const target = statementTarget(cause);
  if (!target) return undefined;
  const { statement, origin } = target;
  const orgId = placeholder(1, 'o-exampleorgid');
  if (origin.syntax === 'policy-document') {
    const layout = context.layout(origin.file.path);
    if (!layout) return undefined;
    const block = origin.block;
    const inner = layout.indentAt(block.span.start) + layout.indentUnit;
    const deeper = inner + layout.indentUnit;
    const lines = [
      `${inner}condition {`,
      `${deeper}test     = "StringEquals"`,
      `${deeper}variable = "${ORG_KEY}"`,
      `${deeper}values   = ["${orgId}"]`,
      `${inner}\\}`,
    ];
    if (layout.sameLine(block.openBrace.end, block.closeBrace.start) || !layout.startsLine(block.closeBrace.start)) return undefined;
    return [layout.insert(layout.lineStart(block.closeBrace.start), lines.join(layout.eol) + layout.eol)];
  }
  const hcl = origin.syntax === 'hcl';
  const layout = context.layout(hcl ? origin.file.path : origin.path);
  if (!layout) return undefined;
  const orgEntry = hcl ? `"${ORG_KEY}" = "${orgId}"` : `"${ORG_KEY}": "${orgId}"`;
  const equalsEntry = hcl ? `StringEquals = { ${orgEntry} \\}` : `"StringEquals": {${orgEntry}\\}`;
  const conditionEntry = hcl ? `Condition = { ${equalsEntry} \\}` : `"Condition": {${equalsEntry}\\}`;

  const insert = (object: LObject, text: string): TextEdit[] | undefined => {
    const objectOrigin = originOf(object);
    if (hcl) return objectOrigin?.syntax === 'hcl' ? [insertHclElement(layout, objectOrigin.object, text)] : undefined;
    return objectOrigin?.syntax === 'json' ? [insertJsonEntry(layout, object, text)] : undefined;
  };
  const conditionIndex = lastEntryIndex(statement, 'Condition');
  if (conditionIndex < 0) return insert(statement, conditionEntry);
  const condition = writtenObject(statement, conditionIndex);
  if (!condition) return undefined;
  const equalsIndex = lastEntryIndex(condition, 'StringEquals');
  if (equalsIndex < 0) return insert(condition, equalsEntry);
  const equals = writtenObject(condition, equalsIndex);
  if (!equals || lastEntryIndex(equals, ORG_KEY) >= 0) return undefined;
  return insert(equals, orgEntry);
}
