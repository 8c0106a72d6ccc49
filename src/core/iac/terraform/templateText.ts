/** Literal text of HCL templates: escapes are decoded, and each decoded character remembers its source offset. */
export interface DecodedText {
  value: string;
  /** `offsets[i]` is the source offset of decoded character i; `offsets[value.length]` is the end. */
  offsets: number[];
}

/** The decoded value only; most literal text has nothing to decode and is returned as is. */
export function decodeTemplateValue(raw: string, quoted: boolean): string {
  if (!raw.includes('$$') && !raw.includes('%%') && !(quoted && raw.includes('\\'))) return raw;
  return decodeTemplateText(raw, 0, quoted).value;
}

/**
 * Quoted strings know `\n \r \t \" \\ \uNNNN \UNNNNNNNN`; both quoted strings and heredocs write a
 * literal `${` / `%{` as `$${` / `%%{` (HCL native syntax spec, "Template Literals").
 */
export function decodeTemplateText(raw: string, start: number, quoted: boolean): DecodedText {
  let value = '';
  const offsets: number[] = [];
  let i = 0;
  const push = (text: string, sourceOffset: number) => {
    for (let k = 0; k < text.length; k++) offsets.push(sourceOffset);
    value += text;
  };
  while (i < raw.length) {
    const ch = raw[i];
    if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
      push(ch + '{', start + i);
      i += 3;
      continue;
    }
    if (quoted && ch === '\\' && i + 1 < raw.length) {
      const escape = decodeEscape(raw, i);
      if (escape) {
        push(escape.text, start + i);
        i += escape.length;
        continue;
      }
    }
    push(ch, start + i);
    i++;
  }
  offsets.push(start + raw.length);
  return { value, offsets };
}

function decodeEscape(raw: string, at: number): { text: string; length: number } | undefined {
  const next = raw[at + 1];
  switch (next) {
    case 'n':
      return { text: '\n', length: 2 };
    case 'r':
      return { text: '\r', length: 2 };
    case 't':
      return { text: '\t', length: 2 };
    case '"':
      return { text: '"', length: 2 };
    case '\\':
      return { text: '\\', length: 2 };
    case 'u':
    case 'U': {
      const digits = next === 'u' ? 4 : 8;
      const hex = raw.slice(at + 2, at + 2 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const codePoint = parseInt(hex, 16);
      if (codePoint > 0x10ffff) return undefined;
      return { text: String.fromCodePoint(codePoint), length: 2 + digits };
    }
    default:
      return undefined;
  }
}

/** `<<-EOT`: Terraform removes the smallest leading-space count of the non-blank lines from every line. */
export function stripHeredocIndent(text: string): string {
  const lines = text.split('\n');
  let smallest = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = line.length - line.replace(/^[ \t]+/, '').length;
    smallest = Math.min(smallest, indent);
  }
  if (!Number.isFinite(smallest) || smallest === 0) return text;
  return lines.map((line) => line.slice(Math.min(smallest, line.length - line.replace(/^[ \t]+/, '').length))).join('\n');
}
