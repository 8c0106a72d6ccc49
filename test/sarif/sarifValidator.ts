import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Validator for the OASIS SARIF 2.1.0 schema (draft-04), kept in test/schemas so it works offline. */
export function sarifValidator(): (log: unknown) => string[] {
  const schema = JSON.parse(readFileSync(path.join(__dirname, '..', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log: unknown) => {
    if (validate(log)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  };
}
