import type { ConnectorHandler } from '../../workflows/connector-types';
import type { JobStore } from './job-store';
import { queryResponse } from './query-response';
import { timeoutSeconds } from './request-args';

/**
 * `googleapis.bigquery.v2.jobs.getQueryResults`: waits up to `timeoutMs` (default 10 s) for a query job and
 * answers with one page of its rows (`maxResults`, `pageToken`, `startIndex`), or `jobComplete: false`.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/getQueryResults
 * @throws ConnectorError HttpError 404 for an unknown job, 400 for a missing id, a bad `timeoutMs` or page
 *   token; the HttpError of the job's own error when it failed.
 */
export function jobsGetQueryResults(jobs: JobStore): ConnectorHandler {
  return async (args, ctx) => {
    const job = jobs.find(args);
    return queryResponse('bigquery#getQueryResultsResponse', job, timeoutSeconds(args.timeoutMs), ctx, args);
  };
}
