import { quotedPath, type TableRef } from './identifiers';
import { SqlParts, stringParam, type Sql } from './sql';

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
  const f = 'changedPredictionsQuery';
  const parts = new SqlParts();
  const predictions = quotedPath(parts, options.predictions, `${f}.predictions`);
  const prompts = quotedPath(parts, options.prompts, `${f}.prompts`);
  const fingerprint = parts.param(stringParam('eval_fingerprint', ''));
  const baseline = parts.param(stringParam('baseline_model', ''));
  const tuned = parts.param(stringParam('tuned_model', ''));
  const latest = (model: string) =>
    [
      `  SELECT example_id, generated_text, predicted_label, ROW_NUMBER() OVER (`,
      `      PARTITION BY example_id ORDER BY attempt DESC, created_at DESC) AS row_rank`,
      `  FROM ${predictions}`,
      `  WHERE model_name = ${model} AND eval_fingerprint = ${fingerprint}`,
    ].join('\n');
  return parts.finish(
    [
      `WITH baseline AS (`,
      latest(baseline),
      `),`,
      `tuned AS (`,
      latest(tuned),
      `)`,
      `SELECT p.example_id, p.prompt, p.label,`,
      `  b.predicted_label AS baseline_label, b.generated_text AS baseline_text,`,
      `  t.predicted_label AS tuned_label, t.generated_text AS tuned_text`,
      `FROM ${prompts} AS p`,
      `JOIN baseline AS b ON b.example_id = p.example_id AND b.row_rank = 1`,
      `JOIN tuned AS t ON t.example_id = p.example_id AND t.row_rank = 1`,
      `WHERE COALESCE(b.predicted_label, '') <> COALESCE(t.predicted_label, '')`,
      `ORDER BY p.label, p.example_id`,
    ].join('\n'),
  );
}
