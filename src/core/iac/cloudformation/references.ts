import type { LValue } from '../../model/value';
import { intrinsicOf } from './intrinsics';
import { BUCKET_TYPE, type TemplateIndex } from './templateIndex';

/**
 * Logical ids of the template resources a value refers to (`Ref`, `Fn::GetAtt`, `${X}` and
 * `${X.Attr}` in `Fn::Sub`), in order of appearance, without duplicates. Parameters and pseudo
 * parameters are not resources and are left out.
 */
export function referencedResources(value: LValue | undefined, index: TemplateIndex): string[] {
  const found: string[] = [];
  if (value) collect(value, index, found, 0);
  return found;
}

/** The template bucket a value names when it is exactly a reference to one (`!Ref Logs`, `!Sub '${Logs}'`). */
export function directBucketReference(value: LValue | undefined, index: TemplateIndex): string | undefined {
  const intrinsic = value ? intrinsicOf(value) : undefined;
  if (!intrinsic) return undefined;
  let target: string | undefined;
  if (intrinsic.name === 'Ref' && intrinsic.argument.kind === 'string') target = intrinsic.argument.value;
  if (intrinsic.name === 'Fn::Sub' && intrinsic.argument.kind === 'string') target = /^\$\{([^}.!]+)\}$/.exec(intrinsic.argument.value)?.[1]?.trim();
  return target !== undefined && index.resources.get(target)?.type === BUCKET_TYPE ? target : undefined;
}

/** Template buckets a value refers to in any way (a trail's selector values, a policy's resources). */
export function referencedBuckets(value: LValue | undefined, index: TemplateIndex): string[] {
  return referencedResources(value, index).filter((logicalId) => index.resources.get(logicalId)?.type === BUCKET_TYPE);
}

function collect(value: LValue, index: TemplateIndex, found: string[], depth: number): void {
  if (depth > 200) return;
  const add = (name: string | undefined): void => {
    if (name !== undefined && index.resources.has(name) && !found.includes(name)) found.push(name);
  };
  const intrinsic = intrinsicOf(value);
  if (intrinsic) {
    const { name, argument } = intrinsic;
    if (name === 'Ref' && argument.kind === 'string') add(argument.value);
    if (name === 'Fn::GetAtt') {
      if (argument.kind === 'string') add(argument.value.split('.')[0]);
      if (argument.kind === 'array' && argument.items[0]?.kind === 'string') add(argument.items[0].value);
    }
    if (name === 'Fn::Sub') {
      const template = argument.kind === 'array' ? argument.items[0] : argument;
      const bound = new Set(argument.kind === 'array' && argument.items[1]?.kind === 'object' ? argument.items[1].entries.map((entry) => entry.key) : []);
      if (template?.kind === 'string') {
        for (const match of template.value.matchAll(/\$\{([^}!][^}]*)\}/g)) {
          const variable = match[1].trim();
          if (!bound.has(variable)) add(variable.split('.')[0]);
        }
      }
    }
  }
  if (value.kind === 'object') for (const entry of value.entries) collect(entry.value, index, found, depth + 1);
  if (value.kind === 'array') for (const item of value.items) collect(item, index, found, depth + 1);
}
