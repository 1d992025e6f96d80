import type { RunSummary, ModelEvaluation, DataCheckFinding, Task } from '../../schemas/types.generated';
import { validateRunSummary } from '../../schemas/validate';
import { evaluationsTable, labelMetricsQuery, normalizeLabel } from '../../bigquery';
import type { BigQueryEmulator } from '../../emulator/bigquery';
import { localDataset, localProject } from './environment';

/** The workflow's result map for one model (see the pipeline's evaluate_model subworkflow). */
interface EvaluatedModel {
  model: string;
  metrics: Record<string, number>;
}

interface PipelineResult {
  runId: string;
  status: 'succeeded' | 'rejected';
  baseline: EvaluatedModel;
  tuned: EvaluatedModel;
  champion: { before: string | null; after: string | null; evaluation: EvaluatedModel | null };
  tuning: { model: string; reused: boolean };
  gate: { passed: boolean; metric: string; reasons: string[] };
  deployed: boolean;
  servingFunctionError: { message: string } | null;
  dataChecks: DataCheckFinding[];
}

type PerLabel = ModelEvaluation['perLabel'];

/**
 * Metrics are stored under normalised labels; the summary shows each as the task spells it.
 */
async function perLabelMetrics(
  bigquery: BigQueryEmulator,
  runId: string,
  labels: readonly string[],
): Promise<Record<string, PerLabel>> {
  const spelling = new Map(labels.map((l) => [normalizeLabel(l), l]));
  const sql = labelMetricsQuery({ project: localProject, dataset: localDataset, table: evaluationsTable.id });
  const { rows } = await bigquery.query(sql.text, { run_id: runId });
  const byRole: Record<string, PerLabel> = {};
  for (const row of rows) {
    const role = String(row.model_role);
    const label = spelling.get(String(row.label)) ?? String(row.label);
    const perLabel = (byRole[role] ??= {});
    const metrics = (perLabel[label] ??= { precision: 0, recall: 0, f1: 0, support: 0 });
    (metrics as unknown as Record<string, number>)[String(row.metric)] = Number(row.value);
  }
  return byRole;
}

/**
 * One model's evaluation: every overall metric under its stored name, and for classification the F1 fields
 * and per-label metrics the terminal table and the report show.
 */
function evaluation(
  model: EvaluatedModel,
  perLabel: PerLabel | undefined,
  task: Task['type'],
): ModelEvaluation {
  const m = model.metrics;
  const rows = m.num_rows ?? 0;
  const common = {
    model: model.model,
    metrics: m,
    successRate: m.success_share ?? 0,
    failedRows: rows - (m.num_successful_rows ?? rows),
    perLabel: perLabel ?? {},
  };
  if (task !== 'classification') return common;
  return {
    ...common,
    macroF1: m.macro_f1 ?? 0,
    microF1: m.micro_f1 ?? 0,
    weightedF1: m.weighted_f1 ?? 0,
    accuracy: m.accuracy ?? 0,
    invalidAnswers: m.invalid_answers ?? 0,
  };
}

export interface SummaryInput {
  runId: string;
  startedAt: Date;
  finishedAt: Date;
  state: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  /** The workflow's result map; present when the run succeeded. */
  result?: unknown;
  /** The workflow's error map; present when the run failed (absent: an error without a message). */
  error?: unknown;
  modelInvocations: number;
  /** The task's labels, as the config spells them. */
  labels: readonly string[];
  task: Task['type'];
  /** The step whose error ended a failed run; absent: the summary names no step. */
  failedStep?: string;
}

/** Builds summary.json from the execution's result (or error) and the run's rows in the warehouse. */
export async function buildSummary(bigquery: BigQueryEmulator, input: SummaryInput): Promise<RunSummary> {
  const common = {
    runId: input.runId,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    modelInvocations: input.modelInvocations,
  };
  if (input.state !== 'SUCCEEDED') {
    const error = (input.error ?? {}) as { message?: unknown; findings?: DataCheckFinding[] };
    return validateRunSummary(
      {
        ...common,
        status: 'failed',
        task: input.task,
        deployed: false,
        dataChecks: Array.isArray(error.findings) ? error.findings : [],
        error: {
          message: typeof error.message === 'string' ? error.message : JSON.stringify(input.error),
          ...(input.failedStep ? { step: input.failedStep } : {}),
        },
      },
      'run summary',
    );
  }
  const result = input.result as PipelineResult;
  const perLabel = await perLabelMetrics(bigquery, input.runId, input.labels);
  return validateRunSummary(
    {
      ...common,
      status: result.status,
      task: input.task,
      baseline: evaluation(result.baseline, perLabel.baseline, input.task),
      tuned: evaluation(result.tuned, perLabel.tuned, input.task),
      ...(result.champion.evaluation
        ? { championEvaluation: evaluation(result.champion.evaluation, perLabel.champion, input.task) }
        : {}),
      tuning: result.tuning,
      gate: result.gate,
      deployed: result.deployed,
      champion: { before: result.champion.before, after: result.champion.after },
      ...(result.servingFunctionError ? { servingFunctionError: result.servingFunctionError.message } : {}),
      dataChecks: result.dataChecks,
    },
    'run summary',
  );
}
