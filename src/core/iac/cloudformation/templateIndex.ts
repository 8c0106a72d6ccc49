import type { DeclaredResource } from '../../model/bucket';
import type { LineIndex, SourceLocation } from '../../model/location';
import { getEntry, type LEntry, type LObject, type LValue } from '../../model/value';

/** One entry under `Resources`, as written. */
export interface TemplateResource {
  logicalId: string;
  /** The `Resources` entry (logical id key and its mapping). */
  entry: LEntry;
  body: LObject;
  type?: string;
  properties?: LObject;
  /** From the logical id key to the end of the resource mapping. */
  loc: SourceLocation;
}

/** The parts of a template the resolver and the lowerings look things up in. */
export interface TemplateIndex {
  file: string;
  lines: LineIndex;
  root: LValue;
  parameters: Map<string, LObject>;
  mappings?: LValue;
  resources: Map<string, TemplateResource>;
}

export const BUCKET_TYPE = 'AWS::S3::Bucket';
export const BUCKET_POLICY_TYPE = 'AWS::S3::BucketPolicy';
export const TRAIL_TYPE = 'AWS::CloudTrail::Trail';

export function indexTemplate(root: LValue, file: string, lines: LineIndex): TemplateIndex {
  const parameters = new Map<string, LObject>();
  const parameterSection = getEntry(root, 'Parameters')?.value;
  if (parameterSection?.kind === 'object') {
    for (const entry of parameterSection.entries) {
      if (entry.value.kind === 'object') parameters.set(entry.key, entry.value);
    }
  }
  const resources = new Map<string, TemplateResource>();
  const resourceSection = getEntry(root, 'Resources')?.value;
  if (resourceSection?.kind === 'object') {
    for (const entry of resourceSection.entries) {
      if (entry.value.kind !== 'object') continue;
      const body = entry.value;
      const typeValue = getEntry(body, 'Type')?.value;
      const propertiesValue = getEntry(body, 'Properties')?.value;
      // A duplicated logical id is rejected by CloudFormation; keeping the last matches how the rest of the tree is read.
      resources.set(entry.key, {
        logicalId: entry.key,
        entry,
        body,
        type: typeValue?.kind === 'string' ? typeValue.value : undefined,
        properties: propertiesValue?.kind === 'object' ? propertiesValue : undefined,
        loc: lines.location(file, entry.keyLoc.range.startOffset, body.loc.range.endOffset),
      });
    }
  }
  return { file, lines, root, parameters, mappings: getEntry(root, 'Mappings')?.value, resources };
}

export function entrySpan(index: TemplateIndex, entry: LEntry): SourceLocation {
  return index.lines.location(index.file, entry.keyLoc.range.startOffset, Math.max(entry.keyLoc.range.endOffset, entry.value.loc.range.endOffset));
}

export function declaredResource(resource: TemplateResource, dependsOn: string[]): DeclaredResource {
  return {
    address: resource.logicalId,
    type: resource.type ?? 'unknown',
    format: 'cloudformation',
    loc: resource.loc,
    headerLoc: resource.entry.keyLoc,
    dependsOn,
  };
}

export function isBucket(index: TemplateIndex, logicalId: string): boolean {
  return index.resources.get(logicalId)?.type === BUCKET_TYPE;
}
