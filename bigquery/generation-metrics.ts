import type { ModelRef, TableRef } from './identifiers';
import { enumOrPlaceholderOption } from './options';
import { isPlaceholder, type Placeholder } from './placeholders';
import { latestPredictionsSql } from './generate-text';
import { normalizeLabelSql } from './normalize';
import { modelRoles, type ModelRole } from './classification-metrics';
import { stringParam, type Sql } from './sql';
import {
  bareColumns,
  indentLines,
  join,
  paths,
  sql,
  stringLit,
  toSql,
  type SqlFragment,
} from './sql-template';
import { textScoresDeclaration, textScoresFunction, type TextScores } from './text-metrics';

/** The task types whose answers are free text, as ML.EVALUATE's TASK_TYPE names them. */
export const generationTaskTypes = ['TEXT_GENERATION', 'SUMMARIZATION', 'QUESTION_ANSWERING'] as const;
export type GenerationTaskType = (typeof generationTaskTypes)[number];

/**
 * Each metric ML.EVALUATE reports for a free-text task, under its documented column name
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-evaluate#output), with
 * the per-row score it averages: a field of `text_scores` (text-metrics.ts) or the exact match.
 */
export const generationMetricScores = {
  bleu4_score: { score: 'bleu4', tasks: ['TEXT_GENERATION'] },
  'rouge-l_precision': { score: 'rouge_l_precision', tasks: ['TEXT_GENERATION', 'SUMMARIZATION'] },
  'rouge-l_recall': { score: 'rouge_l_recall', tasks: ['TEXT_GENERATION', 'SUMMARIZATION'] },
  'rouge-l_f1': { score: 'rouge_l_f1', tasks: ['TEXT_GENERATION', 'SUMMARIZATION'] },
  exact_match: { score: 'exact_match', tasks: ['QUESTION_ANSWERING'] },
} as const satisfies Record<
  string,
  { score: keyof TextScores | 'exact_match'; tasks: readonly GenerationTaskType[] }
>;
export type GenerationMetric = keyof typeof generationMetricScores;

/** The metrics each task writes, in `generationMetricScores` order. */
export function generationMetricNames(task: GenerationTaskType): GenerationMetric[] {
  return (Object.keys(generationMetricScores) as GenerationMetric[]).filter((m) =>
    (generationMetricScores[m].tasks as readonly string[]).includes(task),
  );
}

/**
 * The metric that stands for a task: its distribution is written, and it is what a gate on the task should
 * compare. ROUGE-L F1 for free text (sentence BLEU-4 swings with a single missing 4-gram), exact match for
 * short answers.
 */
export const generationPrimaryMetric: Record<GenerationTaskType, GenerationMetric> = {
  TEXT_GENERATION: 'rouge-l_f1',
  SUMMARIZATION: 'rouge-l_f1',
  QUESTION_ANSWERING: 'exact_match',
};

/** Written for every task, as classification writes them (classification-metrics.ts). */
export const generationBookkeepingMetrics = ['success_share', 'num_rows', 'num_successful_rows'] as const;

/** Labels of the `distribution` scope: ten buckets of width 0.1, each [low, high), the last one [0.9, 1.0]. */
export const distributionBuckets: readonly string[] = Array.from(
  { length: 10 },
  (_, i) => `${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)}`,
);

export interface GenerationMetricsOptions {
  predictions: TableRef;
  evaluations: TableRef;
  model: ModelRef;
  /** A placeholder lets one compiled statement serve every role. */
  role: ModelRole | Placeholder;
  /** A placeholder lets one compiled statement serve every generation task. */
  taskType: GenerationTaskType | Placeholder;
  /** Sent as @run_id and @eval_fingerprint: concrete values or run-time expressions. */
  runId: string;
  evalFingerprint: string;
}

/**
 * Text-generation metrics from stored predictions, written to the evaluations table in long form. A script:
 * `CREATE TEMP FUNCTION text_scores ...` (text-metrics.ts), then one INSERT.
 * - Rows: the latest attempt per eval row of this model and eval fingerprint; every row counts. A row whose
 *   latest status is not empty failed generation after every retry and scores 0 on every metric (unlike
 *   ML.EVALUATE, which skips failed rows), so all models are scored on the same rows.
 * - Per row: BLEU-4 and ROUGE-L of `generated_text` against `label` (text-metrics.ts); exact match is 1 when
 *   the stored `predicted_label` (the output after the one label normalisation, written by
 *   generatePredictions) equals the normalised label.
 * - Scope `overall`: the task's metrics (`generationMetricNames`) as means over the rows, then
 *   success_share, num_rows, num_successful_rows. Scope `distribution`: per bucket of the task's primary
 *   metric (label `0.0-0.1` ... `0.9-1.0`, metric the primary metric's name), the number of rows, 0 included.
 * With a placeholder task every metric's SELECT is written once, guarded by the task it belongs to, so one
 * compiled statement serves all three tasks.
 */
export function generationMetrics(options: GenerationMetricsOptions): Sql {
  const f = 'generationMetrics';
  const runId = stringParam('run_id', options.runId);
  const fingerprint = stringParam('eval_fingerprint', options.evalFingerprint);
  const role = enumOrPlaceholderOption(options.role, modelRoles, `${f}.role`);
  const task = enumOrPlaceholderOption(options.taskType, generationTaskTypes, `${f}.taskType`);
  const p = paths(f, {
    evaluations: options.evaluations,
    predictions: options.predictions,
    model: options.model,
  });
  const modelName = p.model.literal;
  const latest = latestPredictionsSql(
    p.predictions,
    modelName,
    fingerprint,
    sql`label, generated_text, predicted_label, status`,
  );
  const tasks = isPlaceholder(options.taskType) ? generationTaskTypes : [options.taskType];
  const literal = (value: string): SqlFragment => stringLit(value, f);
  const taskList = (of: readonly GenerationTaskType[]): SqlFragment => join(of.map(literal), sql`, `);
  // Guards and `CASE` arms (tasks grouped by the value they share) only when the task is known at run time.
  // An aggregate over no rows is still one row, so another task's metric is dropped by HAVING, not WHERE.
  const guard = (of: readonly GenerationTaskType[]): SqlFragment =>
    tasks.every((t) => of.includes(t)) ? sql`` : sql` HAVING ${task} IN (${taskList(of)})`;
  const byTask = (value: (t: GenerationTaskType) => SqlFragment): SqlFragment => {
    const groups = new Map<string, { value: SqlFragment; of: GenerationTaskType[] }>();
    for (const t of tasks) {
      const v = value(t);
      const group = groups.get(v.text) ?? { value: v, of: [] };
      groups.set(v.text, { value: group.value, of: [...group.of, t] });
    }
    if (groups.size === 1) return [...groups.values()][0].value;
    const arms = [...groups.values()].map((g) => sql`WHEN ${task} IN (${taskList(g.of)}) THEN ${g.value}`);
    return sql`CASE ${join(arms, sql` `)} END`;
  };
  const score = (m: GenerationMetric): SqlFragment => {
    const s = generationMetricScores[m].score;
    return s === 'exact_match' ? sql`exact` : sql`t.${bareColumns(f, 'score', s)}`;
  };
  const metrics = (Object.keys(generationMetricScores) as GenerationMetric[]).filter((m) =>
    tasks.some((t) => (generationMetricScores[m].tasks as readonly string[]).includes(t)),
  );
  const overall = join(
    [
      ...metrics.map(
        (m, i) =>
          sql`SELECT ${literal(m)}${i === 0 ? sql` AS metric` : sql``}, COALESCE(AVG(${score(m)}), 0.0)${i === 0 ? sql` AS value` : sql``} FROM scored${guard(generationMetricScores[m].tasks)}`,
      ),
      sql`SELECT 'success_share', COALESCE(AVG(ok), 0.0) FROM scored`,
      sql`SELECT 'num_rows', COUNT(*) FROM scored`,
      sql`SELECT 'num_successful_rows', COALESCE(SUM(ok), 0) FROM scored`,
    ],
    sql`\n  UNION ALL `,
  );
  const primary = (t: GenerationTaskType): GenerationMetric => generationPrimaryMetric[t];
  const buckets = join(
    distributionBuckets.map((b) => literal(b)),
    sql`, `,
  );
  const statement = sql`${textScoresDeclaration()}
INSERT INTO ${p.evaluations} (run_id, model_role, model_name, scope, label, predicted_label, metric, value, created_at)
WITH latest AS (
  ${indentLines(latest, 2)}
),
scored AS (
  SELECT ${textScoresFunction}(label, IF(status = '', generated_text, NULL)) AS t,
    IF(status = '' AND predicted_label = ${normalizeLabelSql(sql`label`)}, 1.0, 0.0) AS exact,
    IF(status = '', 1.0, 0.0) AS ok
  FROM latest WHERE row_rank = 1
),
overall AS (
  ${overall}
),
buckets AS (
  SELECT LEAST(CAST(FLOOR(${byTask((t) => score(primary(t)))} * 10) AS INT64), 9) AS k FROM scored
)
SELECT ${runId}, ${role}, ${modelName}, 'overall', CAST(NULL AS STRING), CAST(NULL AS STRING), o.*, CURRENT_TIMESTAMP FROM overall AS o
UNION ALL
SELECT ${runId}, ${role}, ${modelName}, 'distribution', bucket, NULL, ${byTask((t) => literal(primary(t)))}, COUNT(k), CURRENT_TIMESTAMP
FROM UNNEST([${buckets}]) AS bucket WITH OFFSET AS i LEFT JOIN buckets ON k = i GROUP BY bucket`;
  return toSql(statement, [
    runId,
    fingerprint,
    ...role.placeholders,
    ...task.placeholders,
    ...p.evaluations.placeholders,
    ...p.predictions.placeholders,
    ...p.model.placeholders,
  ]);
}
