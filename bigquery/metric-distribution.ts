import type { TableRef } from './identifiers';
import { latestScopeRowsQuery } from './latest-scope-rows';
import type { Sql } from './sql';
import { sql } from './sql-template';

/**
 * The per-row distribution of a free-text task's metric for every model role in run @run_id (scope
 * `distribution`, written by generationMetrics: `label` the bucket such as `0.3-0.4`, `metric` the metric's
 * name, `value` the number of rows), from the latest metric write of each role only.
 */
export function metricDistributionQuery(evaluations: TableRef): Sql {
  return latestScopeRowsQuery({
    evaluations,
    scope: 'distribution',
    columns: sql`e.model_role, e.label AS bucket, e.metric, e.value`,
    orderBy: sql`e.model_role, e.label`,
    caller: 'metricDistributionQuery',
  });
}
