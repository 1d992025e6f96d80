import type { TableRef } from './identifiers';
import { int64Param, stringParam, type QueryParameter, type Sql } from './sql';
import { paths, sql, toSql } from './sql-template';

/**
 * Labels whose tuned F1 falls more than @max_regression below the F1 of a reference model (the baseline,
 * and the champion when it was evaluated in the run) in run @run_id, counting only labels with at least
 * @min_support eval rows, so a label with a handful of rows cannot decide alone. Reads the latest metric
 * write of each role. One row per (label, reference): label, reference ('baseline' | 'champion'),
 * reference_f1, tuned_f1 (0 when the tuned model has no row for the label), support (eval rows with the label, INT64: it is a count, and FLOAT64 cells read back as text like "2.0").
 */
export function labelRegressionsQuery(evaluations: TableRef): Sql {
  const runId = stringParam('run_id', '');
  const maxRegression: QueryParameter = {
    name: 'max_regression',
    parameterType: { type: 'FLOAT64' },
    parameterValue: { value: '0' },
  };
  const minSupport = int64Param('min_support', 0);
  const p = paths('labelRegressionsQuery', { evaluations });
  return toSql(
    sql`WITH latest AS (
  SELECT model_role, label, metric, value FROM (
    SELECT model_role, label, metric, value,
      ROW_NUMBER() OVER (PARTITION BY model_role, label, metric ORDER BY created_at DESC) AS row_rank
    FROM ${p.evaluations}
    WHERE run_id = ${runId} AND scope = 'label' AND metric IN ('f1', 'support')
  ) AS ranked WHERE row_rank = 1
),
support AS (SELECT label, MAX(value) AS support FROM latest WHERE metric = 'support' GROUP BY label),
tuned AS (SELECT label, value FROM latest WHERE metric = 'f1' AND model_role = 'tuned'),
reference AS (
  SELECT label, model_role, value FROM latest WHERE metric = 'f1' AND model_role IN ('baseline', 'champion')
)
SELECT r.label AS label, r.model_role AS reference, r.value AS reference_f1,
  COALESCE(t.value, 0.0) AS tuned_f1, CAST(COALESCE(s.support, 0) AS INT64) AS support
FROM reference AS r
LEFT JOIN tuned AS t ON t.label = r.label
LEFT JOIN support AS s ON s.label = r.label
WHERE r.value - COALESCE(t.value, 0.0) > ${maxRegression} AND COALESCE(s.support, 0.0) >= ${minSupport}
ORDER BY r.label, r.model_role`,
  );
}
