import type { Fix, TextEdit } from '../model/finding';

/** A snippet tab stop or placeholder (`$1`, `${1}`, `${1:default}`); CloudFormation's `${AWS::Region}` is not one. */
const SNIPPET_PLACEHOLDER = /\$\{\d+[:}]|\$\d/;

export function makeFix(title: string, edits: TextEdit[], isPreferred: boolean): Fix {
  const fix: Fix = { title, isPreferred, edits };
  if (edits.some((edit) => SNIPPET_PLACEHOLDER.test(edit.newText))) fix.snippet = true;
  return fix;
}
