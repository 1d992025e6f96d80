import { BigQueryError, httpError } from '../errors';

/**
 * A required string argument of a connector call (a path parameter such as `projectId` or `jobId`).
 * @throws ConnectorError HttpError 400 (`invalid`) when the argument is missing, not a string or empty.
 */
export function requireString(args: Record<string, unknown>, name: string): string {
  const value = args[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw httpError(new BigQueryError('invalid', `Required parameter is missing: ${name}`));
  }
  return value;
}

/**
 * `timeoutMs` of jobs.query and jobs.getQueryResults (milliseconds, a number or a numeric string) as seconds;
 * absent or null means the REST reference's default of 10 s.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/getQueryResults
 * @throws ConnectorError HttpError 400 (`invalid`) when the value is not a finite, non-negative number.
 */
export function timeoutSeconds(value: unknown): number {
  if (value === undefined || value === null) return 10;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) {
    throw httpError(new BigQueryError('invalid', `Invalid timeoutMs: ${String(value)}`));
  }
  return ms / 1000;
}
