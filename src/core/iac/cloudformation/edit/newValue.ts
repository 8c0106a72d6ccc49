/**
 * A small value to write into a template or policy file, rendered in the file's own syntax:
 * YAML block or flow style, JSON pretty or compact. Scalars carry their text for each syntax, so
 * an intrinsic (`!Ref X` / `{"Ref": "X"}`) or a snippet placeholder is just another scalar.
 */
export type NewValue = NewMap | NewSeq | NewScalar;

export interface NewScalar {
  kind: 'scalar';
  yaml: string;
  json: string;
}
export interface NewMap {
  kind: 'map';
  entries: Array<[string, NewValue]>;
}
export interface NewSeq {
  kind: 'seq';
  items: NewValue[];
}

export function newMap(entries: Array<[string, NewValue]>): NewMap {
  return { kind: 'map', entries };
}

export function newSeq(items: NewValue[]): NewSeq {
  return { kind: 'seq', items };
}

export function newString(value: string): NewScalar {
  return { kind: 'scalar', yaml: yamlString(value), json: JSON.stringify(value) };
}

export function newBoolean(value: boolean): NewScalar {
  return { kind: 'scalar', yaml: String(value), json: String(value) };
}

export function newRaw(yaml: string, json: string): NewScalar {
  return { kind: 'scalar', yaml, json };
}

/** `!Ref X` / `{"Ref": "X"}`. */
export function newRef(logicalId: string): NewScalar {
  return newRaw(`!Ref ${yamlString(logicalId)}`, `{"Ref": ${JSON.stringify(logicalId)}}`);
}

/**
 * A VS Code snippet placeholder (`${1:default}`) as a quoted string. The default must not need
 * escaping in either syntax or in the snippet grammar.
 */
export function newPlaceholder(tabStop: number, defaultText: string): NewScalar {
  const placeholder = `\${${tabStop}:${escapeSnippetLiteral(defaultText)}}`;
  return newRaw(`'${placeholder}'`, `"${placeholder}"`);
}

/** Text that goes into a snippet literally: `$`, `}` and `\` are escaped (VS Code snippet grammar). */
export function escapeSnippetLiteral(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

const YAML_RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

/** Plain when unambiguous (an identifier-like word), single-quoted otherwise. */
export function yamlString(value: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !YAML_RESERVED.test(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

export function renderYamlFlow(value: NewValue): string {
  switch (value.kind) {
    case 'scalar':
      return value.yaml;
    case 'map':
      return value.entries.length === 0 ? '{}' : `{ ${value.entries.map(([key, item]) => `${yamlString(key)}: ${renderYamlFlow(item)}`).join(', ')} }`;
    case 'seq':
      return `[${value.items.map(renderYamlFlow).join(', ')}]`;
  }
}

/** What follows `key:` in block style when the key sits at column `keyIndent`: ` scalar` or an indented block. */
export function renderYamlAfterKey(value: NewValue, keyIndent: number, unit: number): string {
  const childIndent = keyIndent + unit;
  if (value.kind === 'scalar') return ` ${value.yaml}`;
  if (value.kind === 'map') {
    if (value.entries.length === 0) return ' {}';
    return value.entries.map(([key, item]) => `\n${spaces(childIndent)}${yamlString(key)}:${renderYamlAfterKey(item, childIndent, unit)}`).join('');
  }
  if (value.items.length === 0) return ' []';
  return value.items.map((item) => `\n${spaces(childIndent)}- ${renderYamlSeqItem(item, childIndent + 2, unit)}`).join('');
}

/** What follows `- ` for a sequence item whose content starts at column `contentIndent`. */
export function renderYamlSeqItem(value: NewValue, contentIndent: number, unit: number): string {
  if (value.kind === 'scalar') return value.yaml;
  if (value.kind === 'seq' || value.entries.length === 0) return renderYamlFlow(value);
  return value.entries
    .map(([key, item], position) => `${position === 0 ? '' : `\n${spaces(contentIndent)}`}${yamlString(key)}:${renderYamlAfterKey(item, contentIndent, unit)}`)
    .join('');
}

export function renderJsonCompact(value: NewValue): string {
  switch (value.kind) {
    case 'scalar':
      return value.json;
    case 'map':
      return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}: ${renderJsonCompact(item)}`).join(', ')}}`;
    case 'seq':
      return `[${value.items.map(renderJsonCompact).join(', ')}]`;
  }
}

/** Multi-line JSON whose first line continues the current one and whose closing bracket sits at `baseIndent`. */
export function renderJsonPretty(value: NewValue, baseIndent: string, unit: string): string {
  if (value.kind === 'scalar') return value.json;
  const inner = baseIndent + unit;
  if (value.kind === 'map') {
    if (value.entries.length === 0) return '{}';
    return `{\n${value.entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${renderJsonPretty(item, inner, unit)}`).join(',\n')}\n${baseIndent}}`;
  }
  if (value.items.length === 0) return '[]';
  return `[\n${value.items.map((item) => `${inner}${renderJsonPretty(item, inner, unit)}`).join(',\n')}\n${baseIndent}]`;
}

function spaces(count: number): string {
  return ' '.repeat(Math.max(0, count));
}
