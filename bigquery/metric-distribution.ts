import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

/**
 * The per-row distribution of a free-text task's metric for every model role in run @run_id (scope
 * `distribution`, written by generationMetrics: `label` the bucket such as `0.3-0.4`, `metric` the metric's
 * name, `value` the number of rows), from the latest metric write of each role only.
 */
export function metricDistributionQuery(evaluations: TableRef): Sql {
  const parts = new SqlParts();
  const runId = parts.param(stringParam('run_id', ''));
  const path = quotedPath(parts, evaluations, 'metricDistributionQuery.evaluations');
  return parts.finish(
    [
      `SELECT e.model_role, e.label AS bucket, e.metric, e.value`,
      `FROM ${path} AS e`,
      `JOIN (`,
      `  SELECT model_role, MAX(created_at) AS written_at`,
      `  FROM ${path}`,
      `  WHERE run_id = ${runId} AND scope = 'distribution'`,
      `  GROUP BY model_role`,
      `) AS latest ON latest.model_role = e.model_role AND latest.written_at = e.created_at`,
      `WHERE e.run_id = ${runId} AND e.scope = 'distribution'`,
      `ORDER BY e.model_role, e.label`,
    ].join('\n'),
  );
}
