/**
 * Text that came from AWS (bucket names, Sids, trail names, error messages) shown inside a Markdown
 * tooltip. CommonMark lets every ASCII punctuation character be backslash-escaped, so escaping all of
 * them turns any markup, HTML, link or autolink (`http\:`, `www\.`) into literal text. Line breaks
 * become spaces so a value cannot start a heading or a list on a line of its own.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
