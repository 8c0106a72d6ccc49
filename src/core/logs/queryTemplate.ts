/**
 * An investigation query with parameters. `render` validates every value and escapes it as SQL data;
 * a value that fails validation throws QueryFailure('invalid-input') naming the parameter.
 */
export type QueryParameterKind = 'bucket' | 'key' | 'ip' | 'timestamp' | 'accessKeyId' | 'principal' | 'integer' | 'text';

export interface QueryParameter {
  name: string;
  kind: QueryParameterKind;
  description: string;
  /** Used when the caller gives no value; undefined means required. */
  defaultValue?: string;
}

export interface QueryTemplate {
  id: string;
  title: string;
  /** One or two sentences: what the query answers in an investigation. */
  description: string;
  tables: Array<'s3_access_logs' | 'cloudtrail_logs'>;
  parameters: QueryParameter[];
  /** A time-series result (a time column and one or more numeric columns) is worth a chart. */
  chart?: { x: string; y: string[] };
  render(values: Record<string, string>): string;
}
