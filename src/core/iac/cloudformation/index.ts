export { looksLikeCloudFormation } from './detect';
export { parseCloudFormation } from './parseTemplate';
export { createCloudFormationFixer } from './fixer';
import { templateParses } from './templateSource';

/** True when the text parses as a template (JSON, or YAML with CloudFormation's short-form tags) without errors. */
export function cloudFormationParses(text: string, path: string): boolean {
  try {
    return templateParses(text, path);
  } catch {
    return false;
  }
}
