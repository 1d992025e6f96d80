import type { TableRef } from './identifiers';
import { stringParam, type QueryParameter, type Sql } from './sql';
import { paths, sql, toSql } from './sql-template';

export interface ChangedPredictionsOptions {
  predictions: TableRef;
  /** The run's `eval_prompts_<run_id>` table: example_id, prompt, label. */
  prompts: TableRef;
}

/**
 * Eval rows whose predicted label differs between @baseline_model and @tuned_model, both read from the
 * latest attempt per example under @eval_fingerprint (the predictions' key of eval set and prompt template;
 * a run may reuse predictions an earlier run stored), with the prompt and both generated texts. A failed
 * row counts as predicting nothing.
 */
export function changedPredictionsQuery(options: ChangedPredictionsOptions): Sql {
  const p = paths('changedPredictionsQuery', { predictions: options.predictions, prompts: options.prompts });
  const fingerprint = stringParam('eval_fingerprint', '');
  const baseline = stringParam('baseline_model', '');
  const tuned = stringParam('tuned_model', '');
  const latest = (model: QueryParameter) =>
    sql`  SELECT example_id, generated_text, predicted_label, ROW_NUMBER() OVER (
      PARTITION BY example_id ORDER BY attempt DESC, created_at DESC) AS row_rank
  FROM ${p.predictions}
  WHERE model_name = ${model} AND eval_fingerprint = ${fingerprint}`;
  const statement = sql`WITH baseline AS (
${latest(baseline)}
),
tuned AS (
${latest(tuned)}
)
SELECT p.example_id, p.prompt, p.label,
  b.predicted_label AS baseline_label, b.generated_text AS baseline_text,
  t.predicted_label AS tuned_label, t.generated_text AS tuned_text
FROM ${p.prompts} AS p
JOIN baseline AS b ON b.example_id = p.example_id AND b.row_rank = 1
JOIN tuned AS t ON t.example_id = p.example_id AND t.row_rank = 1
WHERE COALESCE(b.predicted_label, '') <> COALESCE(t.predicted_label, '')
ORDER BY p.label, p.example_id`;
  return toSql(statement, [fingerprint, baseline, tuned]);
}
