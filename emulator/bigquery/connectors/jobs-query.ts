import type { ConnectorHandler } from '../../workflows/connector-types';
import type { ConnectorDeps } from './deps';
import type { JobStore } from './job-store';
import { queryResponse } from './query-response';
import { requireString, timeoutSeconds } from './request-args';
import { runJob } from './run-job';

/**
 * `googleapis.bigquery.v2.jobs.query`: runs the `QueryRequest` body as a new job and answers with a
 * QueryResponse once it finishes within `timeoutMs` (default 10 s); a statement still running then answers
 * `jobComplete: false` with its job reference, and the caller polls jobs.getQueryResults.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/query
 * @throws ConnectorError the request errors of {@link runJob}; HttpError 400 for a bad `timeoutMs`; the
 *   HttpError of the job's own error when it failed.
 */
export function jobsQuery(deps: ConnectorDeps, jobs: JobStore): ConnectorHandler {
  return async (args, ctx) => {
    const projectId = requireString(args, 'projectId');
    const body = (args.body ?? {}) as Record<string, unknown>;
    const wait = timeoutSeconds(body.timeoutMs);
    const job = await runJob(
      deps,
      jobs,
      {
        projectId,
        config: body,
        reference: { location: body.location, jobId: undefined },
        labels: body.labels as Record<string, string> | undefined,
      },
      ctx,
      { detach: true },
    );
    return queryResponse('bigquery#queryResponse', job, wait, ctx, { maxResults: body.maxResults });
  };
}
