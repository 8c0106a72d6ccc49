/** Paths as the caller gave them (POSIX or Windows), compared after normalising separators and `.`/`..`. */
export function normalizePath(path: string): string {
  const unified = path.replace(/\\/g, '/');
  const absolute = unified.startsWith('/');
  const drive = /^[A-Za-z]:\//.test(unified) ? unified.slice(0, 2) : '';
  const rest = drive ? unified.slice(3) : unified;
  const segments: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else segments.push(segment);
  }
  const joined = segments.join('/');
  if (drive) return `${drive}/${joined}`;
  return absolute ? `/${joined}` : joined;
}

export function directoryOf(path: string): string {
  const normalized = normalizePath(path);
  const slash = normalized.lastIndexOf('/');
  if (slash < 0) return '';
  return slash === 0 ? '/' : normalized.slice(0, slash);
}

export function baseNameOf(path: string): string {
  const normalized = normalizePath(path);
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

/** `file("${path.module}/policy.json")` and `file("policy.json")` both name a file relative to the module directory. */
export function joinModulePath(moduleDirectory: string, relative: string): string {
  const unified = relative.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[A-Za-z]:\//.test(unified)) return normalizePath(unified);
  return normalizePath(moduleDirectory ? `${moduleDirectory}/${unified}` : unified);
}
