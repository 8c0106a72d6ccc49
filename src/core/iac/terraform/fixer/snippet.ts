/** Literal text inside a VS Code snippet: `$`, `}` and `\` are escaped with a backslash. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

/** `${n:default}`; the default is literal text. */
export function placeholder(index: number, defaultText: string): string {
  return `\${${index}:${snippetText(defaultText)}}`;
}
