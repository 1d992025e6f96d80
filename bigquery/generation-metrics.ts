import {
  enumOrPlaceholderOption,
  latestPredictionsSql,
  normalizeLabelSql,
  textScoresDeclaration,
  textScoresFunction,
} from './sql-strings';
import { pathLiteral, quotedPath, type ModelRef, type TableRef } from './identifiers';
import { isPlaceholder, type Placeholder } from './placeholders';
import { modelRoles, type ModelRole } from './classification-metrics';
import { SqlParts, stringParam, type Sql } from './sql';
import { type TextScores } from './text-metrics';

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
  const parts = new SqlParts();
  const runId = parts.param(stringParam('run_id', options.runId));
  const fingerprint = parts.param(stringParam('eval_fingerprint', options.evalFingerprint));
  const role = enumOrPlaceholderOption(parts, options.role, modelRoles, `${f}.role`);
  const task = enumOrPlaceholderOption(parts, options.taskType, generationTaskTypes, `${f}.taskType`);
  const evaluations = quotedPath(parts, options.evaluations, `${f}.evaluations`);
  const predictions = quotedPath(parts, options.predictions, `${f}.predictions`);
  const modelName = pathLiteral(parts, options.model, `${f}.model`);
  const latest = latestPredictionsSql(predictions, modelName, fingerprint, [
    'label',
    'generated_text',
    'predicted_label',
    'status',
  ]);
  const tasks = isPlaceholder(options.taskType) ? generationTaskTypes : [options.taskType];
  // Guards and `CASE` arms (tasks grouped by the value they share) only when the task is known at run time.
  // An aggregate over no rows is still one row, so another task's metric is dropped by HAVING, not WHERE.
  const guard = (of: readonly GenerationTaskType[]): string =>
    tasks.every((t) => of.includes(t)) ? '' : ` HAVING ${task} IN (${of.map((t) => `'${t}'`).join(', ')})`;
  const byTask = (value: (t: GenerationTaskType) => string): string => {
    const groups = new Map<string, GenerationTaskType[]>();
    for (const t of tasks) groups.set(value(t), [...(groups.get(value(t)) ?? []), t]);
    if (groups.size === 1) return [...groups.keys()][0];
    const arms = [...groups].map(
      ([v, of]) => `WHEN ${task} IN (${of.map((t) => `'${t}'`).join(', ')}) THEN ${v}`,
    );
    return `CASE ${arms.join(' ')} END`;
  };
  const score = (m: GenerationMetric): string => {
    const s = generationMetricScores[m].score;
    return s === 'exact_match' ? 'exact' : `t.${s}`;
  };
  const metrics = (Object.keys(generationMetricScores) as GenerationMetric[]).filter((m) =>
    tasks.some((t) => (generationMetricScores[m].tasks as readonly string[]).includes(t)),
  );
  const overall = [
    ...metrics.map(
      (m, i) =>
        `SELECT '${m}'${i === 0 ? ' AS metric' : ''}, COALESCE(AVG(${score(m)}), 0.0)${i === 0 ? ' AS value' : ''} FROM scored${guard(generationMetricScores[m].tasks)}`,
    ),
    `SELECT 'success_share', COALESCE(AVG(ok), 0.0) FROM scored`,
    `SELECT 'num_rows', COUNT(*) FROM scored`,
    `SELECT 'num_successful_rows', COALESCE(SUM(ok), 0) FROM scored`,
  ];
  const primary = (t: GenerationTaskType): GenerationMetric => generationPrimaryMetric[t];
  const buckets = distributionBuckets.map((b) => `'${b}'`).join(', ');
  return parts.finish(
    [
      textScoresDeclaration(),
      `INSERT INTO ${evaluations} (run_id, model_role, model_name, scope, label, predicted_label, metric, value, created_at)`,
      `WITH latest AS (`,
      `  ${latest.split('\n').join('\n  ')}`,
      `),`,
      `scored AS (`,
      `  SELECT ${textScoresFunction}(label, IF(status = '', generated_text, NULL)) AS t,`,
      `    IF(status = '' AND predicted_label = ${normalizeLabelSql('label')}, 1.0, 0.0) AS exact,`,
      `    IF(status = '', 1.0, 0.0) AS ok`,
      `  FROM latest WHERE row_rank = 1`,
      `),`,
      `overall AS (`,
      `  ${overall.join('\n  UNION ALL ')}`,
      `),`,
      `buckets AS (`,
      `  SELECT LEAST(CAST(FLOOR(${byTask((t) => score(primary(t)))} * 10) AS INT64), 9) AS k FROM scored`,
      `)`,
      `SELECT ${runId}, ${role}, ${modelName}, 'overall', CAST(NULL AS STRING), CAST(NULL AS STRING), o.*, CURRENT_TIMESTAMP FROM overall AS o`,
      `UNION ALL`,
      `SELECT ${runId}, ${role}, ${modelName}, 'distribution', bucket, NULL, ${byTask((t) => `'${primary(t)}'`)}, COUNT(k), CURRENT_TIMESTAMP`,
      `FROM UNNEST([${buckets}]) AS bucket WITH OFFSET AS i LEFT JOIN buckets ON k = i GROUP BY bucket`,
    ].join('\n'),
  );
}
