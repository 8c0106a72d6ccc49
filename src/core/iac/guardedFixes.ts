import type { TextEdit } from '../model/finding';

/**
 * Wraps a format fixer's methods: the file is read lazily once, a fix that cannot be made (or that
 * fails on unexpected input) offers nothing instead of throwing into the rule runner, and an empty
 * edit list counts as no fix.
 */
export function fixGuard<Context>(load: () => Context | undefined) {
  return <A extends unknown[]>(fix: (context: Context, ...args: A) => TextEdit[] | undefined) =>
    (...args: A): TextEdit[] | undefined => {
      try {
        const loaded = load();
        const edits = loaded ? fix(loaded, ...args) : undefined;
        return edits && edits.length > 0 ? edits : undefined;
      } catch {
        return undefined;
      }
    };
}
