import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

/**
 * The confusion counts of every model role in run @run_id (scope `confusion`, metric `count`), from the
 * latest metric write of each role only, so a cell that a later write no longer has does not linger.
 */
export function confusionMatrixQuery(evaluations: TableRef): Sql {
  const parts = new SqlParts();
  const runId = parts.param(stringParam('run_id', ''));
  const path = quotedPath(parts, evaluations, 'confusionMatrixQuery.evaluations');
  return parts.finish(
    [
      `SELECT e.model_role, e.model_name, e.label, e.predicted_label, e.value`,
      `FROM ${path} AS e`,
      `JOIN (`,
      `  SELECT model_role, MAX(created_at) AS written_at`,
      `  FROM ${path}`,
      `  WHERE run_id = ${runId} AND scope = 'confusion'`,
      `  GROUP BY model_role`,
      `) AS latest ON latest.model_role = e.model_role AND latest.written_at = e.created_at`,
      `WHERE e.run_id = ${runId} AND e.scope = 'confusion' AND e.metric = 'count'`,
      `ORDER BY e.model_role, e.label, e.predicted_label`,
    ].join('\n'),
  );
}
