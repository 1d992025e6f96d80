import type { ConnectorContext } from '../../workflows/connector-types';
import { BigQueryError, httpError } from '../errors';
import { jobReference, page, type JobRecord } from './job-resource';

/** Which rows of a job's result to answer with: REST `maxResults`, `pageToken`, `startIndex` (absent: all rows). */
export interface RowWindow {
  maxResults?: unknown;
  pageToken?: unknown;
  startIndex?: unknown;
}

/**
 * The answer of jobs.query (`bigquery#queryResponse`) or jobs.getQueryResults
 * (`bigquery#getQueryResultsResponse`) for a job, after waiting up to `seconds` of virtual time for it:
 * `jobComplete: false` with the job reference while it runs (the caller polls jobs.getQueryResults), else
 * one page of f/v rows (string cells) with the schema, `totalRows` and a `pageToken` when more rows follow.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/query
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/getQueryResults
 * @throws ConnectorError the HttpError of the job's own error when it failed; HttpError 400 (`invalid`) for
 *   a page token this job did not hand out.
 */
export async function queryResponse(
  kind: 'bigquery#queryResponse' | 'bigquery#getQueryResultsResponse',
  job: JobRecord,
  seconds: number,
  ctx: ConnectorContext,
  rows: RowWindow,
): Promise<Record<string, unknown>> {
  if (!(await settled(job, seconds, ctx)))
    return { kind, jobReference: jobReference(job), jobComplete: false };
  if (job.error) throw httpError(job.error);
  return {
    kind,
    jobReference: jobReference(job),
    jobComplete: true,
    totalBytesProcessed: '0',
    cacheHit: false,
    ...(job.result?.numDmlAffectedRows !== undefined
      ? { numDmlAffectedRows: String(job.result.numDmlAffectedRows) }
      : {}),
    ...pageOrThrow(job, rows),
  };
}

/** Waits for a job up to `seconds` of virtual time; false when it is still running. */
async function settled(job: JobRecord, seconds: number, ctx: ConnectorContext): Promise<boolean> {
  if (job.state === 'DONE') return true;
  // Without a clock to wait on (a direct caller), a job still running is reported as it is.
  return ctx.waitFor ? ctx.waitFor(job.done, seconds) : false;
}

function pageOrThrow(job: JobRecord, rows: RowWindow): ReturnType<typeof page> {
  try {
    return page(job, rows.maxResults, rows.pageToken, rows.startIndex);
  } catch {
    throw httpError(new BigQueryError('invalid', `Invalid page token for job ${job.jobId}`));
  }
}
