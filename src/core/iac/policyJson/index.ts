export { detectRawJsonKind, type RawJsonKind } from './detect';
export { parseRawJson } from './parseRawJson';
export { createRawJsonFixer } from './fixer';
