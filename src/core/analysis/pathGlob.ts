/**
 * `--exclude` patterns, matched against forward-slash paths. Hand-written so the bundled CLI needs no
 * dependency: `*` and `?` stay inside one path segment, `**` spans segments, `{a,b}` picks one,
 * `[abc]` / `[!abc]` pick a character. A pattern without a slash matches a name at any depth
 * (the way .gitignore reads it), and `dir/**` also matches `dir` itself so whole folders are pruned.
 */
export interface GlobMatcher {
  readonly source: string;
  matches(posixPath: string): boolean;
}

export function compileGlob(pattern: string): GlobMatcher {
  let normalised = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  if (normalised.endsWith('/')) normalised += '**';
  const anchored = normalised.includes('/') && !normalised.startsWith('**/');
  const body = translate(normalised);
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body.replace(/^\(\?:\.\*\/\)\?/, '')}$`);
  return {
    source: pattern,
    matches: (posixPath: string) => regex.test(posixPath.replace(/^\.\//, '')),
  };
}

function translate(pattern: string): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        const followedBySlash = pattern[i + 2] === '/';
        const atEnd = i + 2 === pattern.length;
        if (atSegmentStart && followedBySlash) {
          out += '(?:.*/)?';
          i += 2;
          continue;
        }
        if (atSegmentStart && atEnd) {
          // `dir/**` covers `dir` as well: drop the slash we already emitted and make the rest optional.
          if (out.endsWith('/')) out = `${out.slice(0, -1)}(?:/.*)?`;
          else out += '.*';
          i += 1;
          continue;
        }
        out += '.*';
        i += 1;
        continue;
      }
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let set = pattern.slice(i + 1, close);
      if (set.startsWith('!')) set = `^${set.slice(1)}`;
      out += `[${set.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (ch === '{') {
      braceDepth++;
      out += '(?:';
    } else if (ch === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (ch === ',' && braceDepth > 0) {
      out += '|';
    } else {
      out += ch.replace(/[.+^$()|\\{}]/g, '\\$&');
    }
  }
  while (braceDepth-- > 0) out += ')';
  return out;
}
