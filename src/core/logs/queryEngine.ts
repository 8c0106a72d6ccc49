/**
 * The contract between the log query engines (local DuckDB, Amazon Athena) and their callers (the
 * notebook controllers, the CLI). One notebook runs on both engines: the same table names, the same
 * columns, the same SQL.
 */

/** AWS's documented Athena table for S3 server access logs, by the name every engine gives it. */
export const ACCESS_LOG_TABLE = 's3_access_logs';
/** AWS's documented Athena table for CloudTrail events, by the name every engine gives it. */
export const CLOUDTRAIL_TABLE = 'cloudtrail_logs';

export type QueryEngineKind = 'local' | 'athena';

export interface QueryColumn {
  name: string;
  /** The engine's type name, lower case (`varchar`, `bigint`, `timestamp`, …). */
  type: string;
}

/** JSON-safe: integers past 2^53 and decimals stay exact as strings; timestamps are ISO 8601 UTC strings. */
export type QueryValue = string | number | boolean | null;

export interface QueryStats {
  elapsedMs: number;
  /** Athena: DataScannedInBytes. */
  dataScannedBytes?: number;
  /** Athena: the price per TB scanned times the bytes scanned (10 MB minimum per query). */
  estimatedCostUsd?: number;
  /** Athena: QueryExecutionId. */
  queryId?: string;
}

export interface QueryResult {
  columns: QueryColumn[];
  rows: QueryValue[][];
  /** True when the engine has more rows than `rows` holds (capped by `maxRows`); `fetchMore` reads them. */
  truncated: boolean;
  /** Total rows when the engine knows it without reading them all. */
  totalRows?: number;
  stats: QueryStats;
  /** Plain-language notes for the user, e.g. how many log lines did not parse and where to see them. */
  notices: string[];
  /** The next page of rows after those already returned; undefined when there is none. */
  fetchMore?: (maxRows: number, signal?: AbortSignal) => Promise<{ rows: QueryValue[][]; truncated: boolean }>;
}

export interface QueryRunOptions {
  signal?: AbortSignal;
  /** Rows to return at most (default 1,000); the rest stay with the engine for `fetchMore`. */
  maxRows?: number;
  onProgress?: (message: string) => void;
}

export type QueryFailureKind = 'failed' | 'cancelled' | 'invalid-input' | 'aws-error';

/** A query that did not produce a result; `message` is what the user reads (Athena's reason word for word). */
export class QueryFailure extends Error {
  constructor(
    readonly kind: QueryFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'QueryFailure';
  }
}

export interface QueryEngine {
  readonly kind: QueryEngineKind;
  /** Runs one SQL statement as written. Rejects with QueryFailure. */
  run(sql: string, options?: QueryRunOptions): Promise<QueryResult>;
  dispose(): Promise<void>;
}
