import type { DeclaredResource } from '../../model/bucket';
import type { Existence } from './existence';
import type { ModuleIndex, ResourceEntry } from './moduleIndex';
import { dependenciesOf } from './references';

/** `existence` comes from `count` / `for_each`; resources created zero times are left out before this. */
export function declaredResource(entry: ResourceEntry, index: ModuleIndex, existence: Existence): DeclaredResource {
  const { file, block } = entry;
  const resource: DeclaredResource = {
    address: entry.address,
    type: entry.type,
    format: 'terraform',
    loc: file.lines.location(file.path, block.span.start, block.span.end),
    headerLoc: file.lines.location(file.path, block.headerSpan.start, block.headerSpan.end),
    dependsOn: dependenciesOf(block, entry.address, index),
  };
  if (existence.exists === 'unknown') resource.exists = { known: false, reason: existence.reason };
  else if (existence.exists === 'yes' && existence.counted) resource.exists = { known: true, value: true };
  return resource;
}
