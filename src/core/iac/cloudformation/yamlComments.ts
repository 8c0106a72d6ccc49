import { Parser } from 'yaml';

export interface YamlComment {
  /** Offset of the `#`. */
  offset: number;
  /** The comment text, `#` included. */
  source: string;
}

/** Every comment in a YAML text, found through the CST so `#` inside strings and block scalars is not mistaken for one. */
export function findYamlComments(text: string): YamlComment[] {
  const comments: YamlComment[] = [];
  for (const token of new Parser().parse(text)) collectComments(token, comments, 0);
  return comments.sort((a, b) => a.offset - b.offset);
}

function collectComments(node: unknown, out: YamlComment[], depth: number): void {
  if (depth > 1000 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectComments(item, out, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
    out.push({ offset: record.offset, source: record.source });
    return;
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'source' && typeof value === 'object') collectComments(value, out, depth + 1);
  }
}
