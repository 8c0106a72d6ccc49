import { applyTextEdits } from '../analysis/textEdits';
import type { TextEdit } from '../model/finding';
import type { SourceFile } from '../model/sourceFile';

/**
 * Wraps a format fixer's methods: the file is read lazily once, a fix that cannot be made (or that
 * fails on unexpected input) offers nothing instead of throwing into the rule runner, and an empty
 * edit list counts as no fix. With `stillParses`, a fix whose result would not parse is not offered:
 * a quick fix must never break the file it fixes.
 */
export function fixGuard<Context>(load: () => Context | undefined, file?: SourceFile, stillParses?: (text: string) => boolean) {
  return <A extends unknown[]>(fix: (context: Context, ...args: A) => TextEdit[] | undefined) =>
    (...args: A): TextEdit[] | undefined => {
      try {
        const loaded = load();
        const edits = loaded ? fix(loaded, ...args) : undefined;
        if (!edits || edits.length === 0) return undefined;
        if (file && stillParses && !stillParses(applyTextEdits(file.text, edits.filter((edit) => edit.file === file.path), true))) return undefined;
        return edits;
      } catch {
        return undefined;
      }
    };
}
