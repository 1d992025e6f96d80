import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

/**
 * Per-label metrics of every model role in run @run_id, from the latest metric write of each role:
 * one row per (model_role, model_name, label, metric). For summaries and reports.
 */
export function labelMetricsQuery(evaluations: TableRef): Sql {
  const parts = new SqlParts();
  const runId = parts.param(stringParam('run_id', ''));
  const path = quotedPath(parts, evaluations, 'labelMetricsQuery.evaluations');
  return parts.finish(
    [
      `SELECT model_role, model_name, label, metric, value FROM (`,
      `  SELECT model_role, model_name, label, metric, value,`,
      `    ROW_NUMBER() OVER (PARTITION BY model_role, label, metric ORDER BY created_at DESC) AS row_rank`,
      `  FROM ${path}`,
      `  WHERE run_id = ${runId} AND scope = 'label'`,
      `) AS ranked`,
      `WHERE row_rank = 1`,
      `ORDER BY model_role, label, metric`,
    ].join('\n'),
  );
}
