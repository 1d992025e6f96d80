import type { ModelRef, TableRef } from './identifiers';
import { enumOrPlaceholderOption } from './options';
import type { Placeholder } from './placeholders';
import { latestPredictionsSql } from './generate-text';
import { normalizeLabelSql } from './normalize';
import { stringArrayParam, stringParam, type Sql } from './sql';
import { indentLines, join, paths, sql, stringLit, toSql, type SqlFragment } from './sql-template';

export const modelRoles = ['baseline', 'tuned', 'champion'] as const;
export type ModelRole = (typeof modelRoles)[number];

/** The `overall` metrics classificationMetrics writes. */
export const overallMetricNames = [
  'accuracy',
  'macro_precision',
  'macro_recall',
  'macro_f1',
  'micro_f1',
  'weighted_f1',
  'success_share',
  'num_rows',
  'num_successful_rows',
  'invalid_answers',
] as const;
export type OverallMetric = (typeof overallMetricNames)[number];

/** Per-label metrics (scope `label`); the confusion matrix is scope `confusion`, metric `count`. */
export const labelMetricNames = ['precision', 'recall', 'f1', 'support'] as const;

export interface ClassificationMetricsOptions {
  predictions: TableRef;
  evaluations: TableRef;
  model: ModelRef;
  /** A placeholder lets one compiled statement serve every role. */
  role: ModelRole | Placeholder;
  /** Sent as @run_id and @eval_fingerprint: concrete values or run-time expressions. */
  runId: string;
  evalFingerprint: string;
  /** The task's label set, sent as @labels (a compiled workflow supplies it at run time). */
  labels: readonly string[];
}

const divide = (n: SqlFragment, d: SqlFragment): SqlFragment =>
  sql`CASE WHEN ${d} = 0 THEN 0.0 ELSE ${n} / ${d} END`;

/**
 * Classification metrics from stored predictions, written to the evaluations table in long form.
 * - Rows: the latest attempt per example (one per eval row, see prompts.ts) of this model and eval
 *   fingerprint. Every row counts, with its own label: a row whose latest status is not empty failed
 *   generation after every retry and counts as a wrong answer (predicted ''), so all models are scored on
 *   the same rows; `success_share` says how many succeeded, and the gate requires a minimum of it.
 * - Labels: expected and predicted labels both go through the one normalisation (normalize.ts). The label
 *   set is the task's labels (@labels) plus any other expected label present in the eval set, so a label
 *   with no eval rows is listed with support 0. A succeeded answer outside that set is an invalid answer:
 *   wrong for every label and counted in `invalid_answers` (it shows in the confusion matrix too).
 * - Per label: precision = TP / predicted as the label, recall = TP / support, F1 their harmonic mean, each
 *   0 when its denominator is 0. Macro = unweighted mean over the label set, weighted F1 = support-weighted
 *   mean over all rows; micro precision = TP / answers inside the label set, micro recall = TP / rows (equal
 *   to accuracy), micro F1 their harmonic mean, so micro F1 differs from accuracy exactly when some answers
 *   are invalid or failed. Accuracy = rows whose prediction equals the expected label / rows.
 * Written in plain SQL (CASE, COUNT, window ROW_NUMBER, LOWER, REGEXP_REPLACE, CURRENT_TIMESTAMP without
 * parentheses, which GoogleSQL allows) so it runs on DuckDB too.
 */
export function classificationMetrics(options: ClassificationMetricsOptions): Sql {
  const f = 'classificationMetrics';
  const runId = stringParam('run_id', options.runId);
  const fingerprint = stringParam('eval_fingerprint', options.evalFingerprint);
  const labelSet = stringArrayParam('labels', options.labels);
  const role = enumOrPlaceholderOption(options.role, modelRoles, `${f}.role`);
  const p = paths(f, {
    evaluations: options.evaluations,
    predictions: options.predictions,
    model: options.model,
  });
  const modelName = p.model.literal;
  const latest = latestPredictionsSql(p.predictions, modelName, fingerprint);
  const nullString = sql`CAST(NULL AS STRING)`;
  const overall = (metric: OverallMetric, value: SqlFragment): SqlFragment =>
    sql`  SELECT 'overall' AS scope, ${nullString} AS label, ${nullString} AS predicted_label, ${stringLit(metric, `${f}.metric`)} AS metric, ${value} AS value FROM totals`;
  const perLabel = (metric: string, column: SqlFragment): SqlFragment =>
    sql`  SELECT 'label' AS scope, label, ${nullString} AS predicted_label, ${stringLit(metric, `${f}.metric`)} AS metric, ${column} AS value FROM label_metrics`;
  const metrics = join(
    [
      overall('accuracy', divide(sql`correct`, sql`num_rows`)),
      overall('macro_precision', sql`macro_precision`),
      overall('macro_recall', sql`macro_recall`),
      overall('macro_f1', sql`macro_f1`),
      overall('micro_f1', sql`micro_f1`),
      overall('weighted_f1', divide(sql`weighted_f1_sum`, sql`num_rows`)),
      overall('success_share', divide(sql`num_ok`, sql`num_rows`)),
      overall('num_rows', sql`num_rows`),
      overall('num_successful_rows', sql`num_ok`),
      overall('invalid_answers', sql`invalid`),
      perLabel('precision', sql`label_precision`),
      perLabel('recall', sql`label_recall`),
      perLabel('f1', sql`label_f1`),
      perLabel('support', sql`support`),
      sql`  SELECT 'confusion' AS scope, actual AS label, predicted AS predicted_label, 'count' AS metric, COUNT(*) AS value FROM scored GROUP BY actual, predicted`,
    ],
    sql`\n  UNION ALL\n`,
  );
  const statement = sql`INSERT INTO ${p.evaluations} (run_id, model_role, model_name, scope, label, predicted_label, metric, value, created_at)
WITH latest AS (
  ${indentLines(latest, 2)}
),
scored AS (
  SELECT ${normalizeLabelSql(sql`label`)} AS actual,
    CASE WHEN status = '' THEN COALESCE(${normalizeLabelSql(sql`predicted_label`)}, '') ELSE '' END AS predicted,
    status = '' AS succeeded
  FROM latest WHERE row_rank = 1
),
labels AS (
  SELECT DISTINCT label FROM (
    SELECT ${normalizeLabelSql(sql`configured`)} AS label FROM UNNEST(${labelSet}) AS configured
    UNION ALL
    SELECT actual AS label FROM scored
  ) AS all_labels
),
counts AS (
  SELECT l.label,
    COUNT(CASE WHEN o.actual = l.label AND o.predicted = l.label THEN 1 END) AS tp,
    COUNT(CASE WHEN o.predicted = l.label THEN 1 END) AS predicted_count,
    COUNT(CASE WHEN o.actual = l.label THEN 1 END) AS support
  FROM labels AS l LEFT JOIN scored AS o ON TRUE
  GROUP BY l.label
),
rates AS (
  SELECT label, tp, predicted_count, support,
    ${divide(sql`tp`, sql`predicted_count`)} AS label_precision,
    ${divide(sql`tp`, sql`support`)} AS label_recall
  FROM counts
),
label_metrics AS (
  SELECT label, tp, predicted_count, support, label_precision, label_recall,
    ${divide(sql`2 * label_precision * label_recall`, sql`(label_precision + label_recall)`)} AS label_f1
  FROM rates
),
sums AS (
  SELECT
    (SELECT COUNT(*) FROM scored) AS num_rows,
    (SELECT COUNT(CASE WHEN succeeded THEN 1 END) FROM scored) AS num_ok,
    (SELECT COUNT(CASE WHEN succeeded AND predicted NOT IN (SELECT label FROM labels) THEN 1 END) FROM scored) AS invalid,
    (SELECT COUNT(CASE WHEN actual = predicted THEN 1 END) FROM scored) AS correct,
    (SELECT COALESCE(SUM(tp), 0) FROM label_metrics) AS tp_sum,
    (SELECT COALESCE(SUM(predicted_count), 0) FROM label_metrics) AS predicted_in_set,
    (SELECT COALESCE(AVG(label_precision), 0.0) FROM label_metrics) AS macro_precision,
    (SELECT COALESCE(AVG(label_recall), 0.0) FROM label_metrics) AS macro_recall,
    (SELECT COALESCE(AVG(label_f1), 0.0) FROM label_metrics) AS macro_f1,
    (SELECT COALESCE(SUM(label_f1 * support), 0.0) FROM label_metrics) AS weighted_f1_sum
),
micro AS (
  SELECT ${divide(sql`tp_sum`, sql`predicted_in_set`)} AS micro_precision, ${divide(sql`tp_sum`, sql`num_rows`)} AS micro_recall
  FROM sums
),
totals AS (
  SELECT sums.*, ${divide(sql`2 * micro_precision * micro_recall`, sql`(micro_precision + micro_recall)`)} AS micro_f1
  FROM sums CROSS JOIN micro
),
metrics AS (
${metrics}
)
SELECT ${runId}, ${role}, ${modelName}, scope, label, predicted_label, metric, value, CURRENT_TIMESTAMP
FROM metrics`;
  return toSql(statement, [
    runId,
    fingerprint,
    labelSet,
    ...role.placeholders,
    ...p.evaluations.placeholders,
    ...p.predictions.placeholders,
    ...p.model.placeholders,
  ]);
}

export interface OverallMetricsQueryOptions {
  evaluations: TableRef;
  model: ModelRef;
  /** A placeholder lets one compiled statement serve every role. */
  role: ModelRole | Placeholder;
  runId: string;
}

/**
 * The overall metrics of one model in one run, one row each (`metric`, `value`), whatever the task wrote:
 * `overallMetricNames` for classification, ML.EVALUATE's names for the text tasks (generation-metrics.ts).
 * Only the latest write counts, so a retried metrics step does not double count.
 */
export function overallMetricsQuery(options: OverallMetricsQueryOptions): Sql {
  const f = 'overallMetricsQuery';
  const runId = stringParam('run_id', options.runId);
  const role = enumOrPlaceholderOption(options.role, modelRoles, `${f}.role`);
  const p = paths(f, { evaluations: options.evaluations, model: options.model });
  const where = sql`run_id = ${runId} AND model_role = ${role} AND model_name = ${p.model.literal} AND scope = 'overall'`;
  return toSql(
    sql`SELECT metric, value FROM ${p.evaluations}
WHERE ${where}
  AND created_at = (SELECT MAX(created_at) FROM ${p.evaluations} WHERE ${where})`,
    [runId, ...role.placeholders, ...p.evaluations.placeholders, ...p.model.placeholders],
  );
}
