import type { TableRef } from './identifiers';
import { stringParam, type Sql } from './sql';
import { paths, sql, toSql } from './sql-template';

/**
 * Per-label metrics of every model role in run @run_id, from the latest metric write of each role:
 * one row per (model_role, model_name, label, metric). For summaries and reports.
 */
export function labelMetricsQuery(evaluations: TableRef): Sql {
  const p = paths('labelMetricsQuery', { evaluations });
  const runId = stringParam('run_id', '');
  return toSql(sql`SELECT model_role, model_name, label, metric, value FROM (
  SELECT model_role, model_name, label, metric, value,
    ROW_NUMBER() OVER (PARTITION BY model_role, label, metric ORDER BY created_at DESC) AS row_rank
  FROM ${p.evaluations}
  WHERE run_id = ${runId} AND scope = 'label'
) AS ranked
WHERE row_rank = 1
ORDER BY model_role, label, metric`);
}
