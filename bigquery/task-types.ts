import type { TuningEvaluationTask } from './create-model';
import { generationMetricNames, generationPrimaryMetric } from './generation-metrics';

/**
 * What each task type of a pipeline config means for the pipeline, declared once: the config validators,
 * the workflow's own argument validation, the evaluation step and the report all read it.
 * - `evaluationTask`: the CREATE MODEL EVALUATION_TASK a tuning job gets when the config does not set one
 *   (https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-create-remote-model-tuned).
 * - `metrics`: which metrics statement scores the stored predictions: per-label classification metrics, or
 *   the text metrics ML.EVALUATE documents for the task
 *   (https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-evaluate#output).
 * - `reported`: the overall metrics the terminal table and the report show: for the free-text tasks the ones
 *   ML.EVALUATE documents (generation-metrics.ts), for classification the pipeline's own (ML.EVALUATE
 *   documents only per-label ones for it);
 * - `gateMetrics`: the overall metrics the gate may compare for this task; the first is the default of
 *   `gate.metric`: for the free-text tasks the task's primary metric (generationPrimaryMetric, whose
 *   distribution the metrics statement writes), so the default gate and the report's distribution agree.
 * - `labels`: classification needs `task.labels` (at least two); the other types refuse them (a label set
 *   would be ignored, and a silently ignored setting reads as if it mattered).
 */
export const taskTypes = {
  classification: {
    evaluationTask: 'CLASSIFICATION',
    metrics: 'classification',
    reported: ['macro_f1', 'micro_f1', 'weighted_f1', 'accuracy'],
    gateMetrics: ['macro_f1', 'micro_f1', 'weighted_f1', 'accuracy'],
    labels: true,
  },
  text_generation: {
    evaluationTask: 'TEXT_GENERATION',
    metrics: 'generation',
    reported: generationMetricNames('TEXT_GENERATION'),
    gateMetrics: [generationPrimaryMetric.TEXT_GENERATION, 'bleu4_score'],
    labels: false,
  },
  summarization: {
    evaluationTask: 'SUMMARIZATION',
    metrics: 'generation',
    reported: generationMetricNames('SUMMARIZATION'),
    gateMetrics: [generationPrimaryMetric.SUMMARIZATION, 'rouge-l_precision', 'rouge-l_recall'],
    labels: false,
  },
  question_answering: {
    evaluationTask: 'QUESTION_ANSWERING',
    metrics: 'generation',
    reported: generationMetricNames('QUESTION_ANSWERING'),
    gateMetrics: [generationPrimaryMetric.QUESTION_ANSWERING],
    labels: false,
  },
} as const satisfies Record<
  string,
  {
    evaluationTask: TuningEvaluationTask;
    metrics: 'classification' | 'generation';
    reported: readonly string[];
    gateMetrics: readonly string[];
    labels: boolean;
  }
>;

export type TaskType = keyof typeof taskTypes;
export const taskTypeNames = Object.keys(taskTypes) as TaskType[];
export type GateMetric = (typeof taskTypes)[TaskType]['gateMetrics'][number];

/** Every metric some task's gate may compare (the config schema's `gateMetric` enum lists the same). */
export const gateMetricNames = [...new Set(taskTypeNames.flatMap((t) => taskTypes[t].gateMetrics))];

/** Every overall metric some task type reports. */
export const reportedMetricNames = [...new Set(taskTypeNames.flatMap((t) => taskTypes[t].reported))];

/** True for the task types scored on free text rather than on a closed label set. */
export const isTextTask = (type: TaskType): boolean => taskTypes[type].metrics === 'generation';

export interface TaskSettings {
  task: { type: TaskType; labels?: readonly string[] };
  gate: { metric?: string };
  model: { tuning: { evaluationTask?: string } };
}

/**
 * Fills the defaults that depend on the task type (`gate.metric`, `model.tuning.evaluationTask`) into a
 * schema-valid config or run arguments, in place, and returns one `{path, message}` per rule of `taskTypes`
 * the value breaks: labels given to a free-text task, a gate metric that does not fit the task.
 */
export function applyTaskRules(value: TaskSettings): { path: string; message: string }[] {
  const type = value.task.type;
  const rules = taskTypes[type];
  const issues: { path: string; message: string }[] = [];
  if (!rules.labels && value.task.labels !== undefined) {
    issues.push({
      path: 'task.labels',
      message: `task.labels is only for classification: a ${type} task is scored on free text, remove the labels`,
    });
  }
  value.model.tuning.evaluationTask ??= rules.evaluationTask;
  value.gate.metric ??= rules.gateMetrics[0];
  if (!(rules.gateMetrics as readonly string[]).includes(value.gate.metric)) {
    issues.push({
      path: 'gate.metric',
      message: `gate.metric ${value.gate.metric} does not fit task.type ${type}: use ${rules.gateMetrics.join(' or ')}`,
    });
  }
  return issues;
}
