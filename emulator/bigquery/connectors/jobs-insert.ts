import { ConnectorError, type ConnectorHandler } from '../../workflows/connector-types';
import { BigQueryError, httpError, operationError } from '../errors';
import type { ConnectorDeps } from './deps';
import { CALL_DEFAULTS } from '../../../workflows/facts';
import { jobResource } from './job-resource';
import type { JobStore } from './job-store';
import { requireString } from './request-args';
import { runJob } from './run-job';
import { Tag } from '../../../workflows/facts/error-tags';

/**
 * `googleapis.bigquery.v2.jobs.insert`: inserts a query job and, as the Workflows connector does, waits for
 * it to finish unless `skip_polling` is set, answering with the Job resource.
 * https://cloud.google.com/workflows/docs/reference/googleapis/bigquery/v2/jobs/insert
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/insert
 * @throws ConnectorError HttpError 400 (`invalid`) for a job that is not a query job and the request errors
 *   of {@link runJob}; `TimeoutError` when the job took longer than `connector_params.timeout` (seconds,
 *   default 1,800); `OperationError` carrying the Job resource when the job finished with an errorResult.
 */
export function jobsInsert(deps: ConnectorDeps, jobs: JobStore): ConnectorHandler {
  return async (args, ctx) => {
    const projectId = requireString(args, 'projectId');
    const body = (args.body ?? {}) as Record<string, unknown>;
    const configuration = (body.configuration ?? {}) as Record<string, unknown>;
    const query = configuration.query as Record<string, unknown> | undefined;
    if (!query)
      throw httpError(
        new BigQueryError('invalid', 'Only query jobs are emulated: configuration.query is required'),
      );
    // The Workflows interpreter passes parsed connector_params; a direct caller may pass only the raw map.
    // skip_polling: the connector answers once the job is inserted (RUNNING); the workflow polls jobs.get.
    const skipPolling = ctx.skipPolling ?? ctx.connectorParams?.skip_polling === true;
    const job = await runJob(
      deps,
      jobs,
      {
        projectId,
        config: query,
        reference: (body.jobReference ?? {}) as Record<string, unknown>,
        labels: configuration.labels as Record<string, string> | undefined,
      },
      ctx,
      { canLoseAnswer: true, detach: skipPolling },
    );
    const resource = jobResource(job);
    const timeout =
      ctx.timeout ?? Number(ctx.connectorParams?.timeout ?? CALL_DEFAULTS.connectorTimeoutSeconds);
    if (skipPolling) return resource;
    if (job.endTime - job.startTime > timeout) {
      throw new ConnectorError({
        tags: [Tag.TimeoutError],
        message: `Timed out after ${timeout}s waiting for job ${job.jobId}`,
      });
    }
    if (job.error) throw operationError(resource, job.error);
    return resource;
  };
}
