import type { ConnectorRegistry } from '../../workflows/connector-types';
import type { ConnectorDeps } from './deps';
import { JobStore } from './job-store';
import { jobsGet } from './jobs-get';
import { jobsGetQueryResults } from './jobs-get-query-results';
import { jobsInsert } from './jobs-insert';
import { jobsQuery } from './jobs-query';
import { modelsGet } from './models-get';
import { tablesGet } from './tables-get';

export type { ConnectorDeps } from './deps';

/**
 * The Workflows BigQuery connectors (`googleapis.bigquery.v2.*`) of one emulator, sharing one job store:
 * they answer with BigQuery's REST resources and fail the way the connector does (HttpError maps for
 * rejected requests, OperationError when a job that jobs.insert waited for finished with an errorResult).
 * https://cloud.google.com/workflows/docs/reference/googleapis/bigquery/Overview
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs
 */
export function createConnectors(deps: ConnectorDeps): ConnectorRegistry {
  const jobs = new JobStore();
  return new Map([
    ['googleapis.bigquery.v2.jobs.insert', jobsInsert(deps, jobs)],
    ['googleapis.bigquery.v2.jobs.query', jobsQuery(deps, jobs)],
    ['googleapis.bigquery.v2.jobs.getQueryResults', jobsGetQueryResults(jobs)],
    ['googleapis.bigquery.v2.jobs.get', jobsGet(jobs)],
    ['googleapis.bigquery.v2.models.get', modelsGet(deps.catalog)],
    ['googleapis.bigquery.v2.tables.get', tablesGet(deps.warehouse, deps.engine)],
  ]);
}
