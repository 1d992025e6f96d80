import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

/**
 * Labels whose tuned F1 falls more than @max_regression below the baseline F1 in run @run_id, from the
 * latest metric write of each role. A label the tuned model has no row for counts as F1 0.
 */
export function labelRegressionsQuery(evaluations: TableRef): Sql {
  const parts = new SqlParts();
  const runId = parts.param(stringParam('run_id', ''));
  const maxRegression = parts.param({
    name: 'max_regression',
    parameterType: { type: 'FLOAT64' },
    parameterValue: { value: '0' },
  });
  const path = quotedPath(parts, evaluations, 'labelRegressionsQuery.evaluations');
  const latest = (role: string) =>
    [
      `SELECT label, value FROM (`,
      `    SELECT label, value, ROW_NUMBER() OVER (PARTITION BY label ORDER BY created_at DESC) AS row_rank`,
      `    FROM ${path}`,
      `    WHERE run_id = ${runId} AND model_role = '${role}' AND scope = 'label' AND metric = 'f1'`,
      `  ) AS ranked WHERE row_rank = 1`,
    ].join('\n');
  return parts.finish(
    [
      `SELECT b.label AS label, b.value AS baseline_f1, COALESCE(t.value, 0.0) AS tuned_f1`,
      `FROM (`,
      `  ${latest('baseline')}`,
      `) AS b`,
      `LEFT JOIN (`,
      `  ${latest('tuned')}`,
      `) AS t ON t.label = b.label`,
      `WHERE b.value - COALESCE(t.value, 0.0) > ${maxRegression}`,
      `ORDER BY b.label`,
    ].join('\n'),
  );
}
