import type { ConnectorHandler } from '../../workflows/connector-types';
import { jobResource } from './job-resource';
import type { JobStore } from './job-store';

/**
 * `googleapis.bigquery.v2.jobs.get`: the Job resource as it is now (RUNNING or DONE; a failed job is DONE with
 * `status.errorResult`, not an error of the call). https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/get
 * @throws ConnectorError HttpError 404 (`notFound`) for an unknown job, 400 when `projectId` or `jobId` is missing.
 */
export function jobsGet(jobs: JobStore): ConnectorHandler {
  return async (args) => jobResource(jobs.find(args));
}
