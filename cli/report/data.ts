import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunArguments, RunSummary } from '../../schemas/types.generated';
import { validateRunArguments } from '../../schemas/validate';
import {
  changedPredictionsQuery,
  confusionMatrixQuery,
  evaluationsTable,
  generationPrimaryMetric,
  isTextTask,
  metricDistributionQuery,
  normalizeLabel,
  predictionsTable,
  taskTypes,
  type GenerationMetric,
  type GenerationTaskType,
} from '../../bigquery';
import { rowScore } from './text-scores';
import { readRunFolder } from '../history/local-runs';
import { readRecordedRun } from '../history/recorded-runs';
import { openLocalWarehouse, type PipelineWarehouse } from '../history/warehouse';

/** Counts of (expected, predicted) label pairs; `predicted` is null where the model gave no label. */
export interface ConfusionCell {
  expected: string;
  predicted: string | null;
  count: number;
}

export interface ChangedRow {
  exampleId: string;
  /** The example's input, without the prompt template around it. */
  input: string;
  expected: string;
  baseline: string | null;
  tuned: string | null;
  baselineText: string | null;
  tunedText: string | null;
}

/** One eval row of a free-text task as both models answered it, scored on `metric`. */
export interface SideBySideRow {
  exampleId: string;
  input: string;
  reference: string;
  baselineText: string | null;
  tunedText: string | null;
  baselineScore: number;
  tunedScore: number;
}

/** How many rows of a free-text task fell in one bucket of the metric (see metricDistributionQuery). */
export interface DistributionCell {
  bucket: string;
  rows: number;
}

export interface ReportData {
  summary: RunSummary;
  args: RunArguments;
  /** The task's labels as the config spells them, in its order. */
  labels: string[];
  confusion: { baseline: ConfusionCell[]; tuned: ConfusionCell[] };
  changed: ChangedRow[];
  /** Free-text tasks: the metric the side-by-side rows are scored on (the gate's), else null. */
  exampleMetric: GenerationMetric | null;
  /** Free-text tasks: the rows whose tuned answer gained most, then lost most, on `exampleMetric`. */
  examples: { gains: SideBySideRow[]; losses: SideBySideRow[] };
  /** Free-text tasks: the distribution of the task's primary metric over the eval rows, per model. */
  distribution: { metric: string | null; baseline: DistributionCell[]; tuned: DistributionCell[] };
  /**
   * The run's eval prompts table has expired (stagingTableHours after the run made it), so `changed` and
   * `examples` are empty because the rows are gone, not because no prediction changed.
   */
  examplesExpired: boolean;
}

/** Side-by-side rows the report shows at most, of each kind (gains, losses). */
export const sideBySideLimit = 10;

/**
 * The rows of largest gain and of largest loss (tuned score minus baseline score), at most `limit` of
 * each; ties go by example id, so the choice is the same on every run over the same predictions. Gains are
 * compared at 12 decimals: two equal gains reached by different subtractions (0.4 - 0.1 and 0.5 - 0.2)
 * differ in the last bits of a double, and are still a tie.
 */
export function pickSideBySide(
  rows: readonly SideBySideRow[],
  limit = sideBySideLimit,
): { gains: SideBySideRow[]; losses: SideBySideRow[] } {
  const gain = (r: SideBySideRow) => Math.round((r.tunedScore - r.baselineScore) * 1e12) / 1e12;
  const byId = (a: SideBySideRow, b: SideBySideRow) =>
    a.exampleId < b.exampleId ? -1 : a.exampleId > b.exampleId ? 1 : 0;
  return {
    gains: rows
      .filter((r) => gain(r) > 0)
      .sort((a, b) => gain(b) - gain(a) || byId(a, b))
      .slice(0, limit),
    losses: rows
      .filter((r) => gain(r) < 0)
      .sort((a, b) => gain(a) - gain(b) || byId(a, b))
      .slice(0, limit),
  };
}

function readArguments(runDir: string): RunArguments {
  const file = path.join(runDir, 'arguments.json');
  if (!fs.existsSync(file)) throw new Error(`${file} not found: is ${runDir} a run folder?`);
  return validateRunArguments(JSON.parse(fs.readFileSync(file, 'utf8')), file);
}

/** Where the report reads a run's rows: an open warehouse, or the state folder's, or the run's snapshot. */
export type ReportSource = { warehouse: PipelineWarehouse } | { stateDir?: string };

/**
 * Opens a copy of the run's warehouse snapshot when it has one (so reading it never changes it, and it
 * can be read while another process holds the live warehouse), else the state's live warehouse. An open
 * warehouse handed in is used as it is and left open.
 */
async function openRunWarehouse(
  runDir: string,
  source: ReportSource,
): Promise<{ warehouse: PipelineWarehouse; cleanup: () => Promise<void> }> {
  if ('warehouse' in source) return { warehouse: source.warehouse, cleanup: async () => undefined };
  const snapshot = path.join(runDir, 'warehouse.duckdb');
  if (!fs.existsSync(snapshot)) {
    if (source.stateDir === undefined) throw new Error(`${snapshot} not found`);
    const warehouse = await openLocalWarehouse(source.stateDir);
    return { warehouse, cleanup: () => warehouse.close() };
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-report-'));
  fs.mkdirSync(path.join(copy, 'warehouse'));
  fs.copyFileSync(snapshot, path.join(copy, 'warehouse', 'warehouse.duckdb'));
  const warehouse = await openLocalWarehouse(copy);
  return {
    warehouse,
    cleanup: async () => {
      await warehouse.close();
      fs.rmSync(copy, { recursive: true, force: true });
    },
  };
}

/**
 * Whether `error` is BigQuery's `notFound` for the table `tableId`: the emulator's error carries the reason,
 * the client library's the 404 and the reason in `errors`; both messages name the table.
 */
export function isTableNotFound(error: unknown, tableId: string): boolean {
  if (!(error instanceof Error) || !error.message.includes(`.${tableId} `)) return false;
  const e = error as Error & { reason?: unknown; code?: unknown; errors?: { reason?: unknown }[] };
  return e.reason === 'notFound' || e.code === 404 || e.errors?.[0]?.reason === 'notFound';
}

const textOrNull = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
/** A generated text: NULL is a row whose generation failed; an empty text is an answer, and stays one. */
const generated = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Everything the report shows of one local run: its files plus what its warehouse snapshot holds. */
export async function loadReportData(runDir: string, source: ReportSource = {}): Promise<ReportData> {
  const args = readArguments(runDir);
  const { summary } = readRunFolder(runDir);
  const labels = [...(args.task.labels ?? [])];
  const spelling = new Map(labels.map((l) => [normalizeLabel(l), l]));
  const spell = (v: unknown) => {
    const text = textOrNull(v);
    return text === null ? null : (spelling.get(text) ?? text);
  };
  const data: ReportData = {
    summary,
    args,
    labels,
    confusion: { baseline: [], tuned: [] },
    changed: [],
    exampleMetric: exampleMetricOf(args.task.type, summary.gate?.metric ?? args.gate.metric),
    examples: { gains: [], losses: [] },
    distribution: { metric: null, baseline: [], tuned: [] },
    examplesExpired: false,
  };
  const { warehouse, cleanup } = await openRunWarehouse(runDir, source);
  try {
    await readEvaluations(warehouse, data, spell);
    if (summary.baseline && summary.tuned) await readChangedPredictions(warehouse, data, spell);
  } finally {
    await cleanup();
  }
  return data;
}

/** The metric the side-by-side examples are ranked by: the gated one if the task scores it, else its primary. */
function exampleMetricOf(
  task: RunArguments['task']['type'],
  gateMetric: string | undefined,
): GenerationMetric | null {
  if (!isTextTask(task)) return null;
  return (taskTypes[task].gateMetrics as readonly string[]).includes(gateMetric ?? '')
    ? (gateMetric as GenerationMetric)
    : generationPrimaryMetric[taskTypes[task].evaluationTask as GenerationTaskType];
}

const tableIn = (warehouse: PipelineWarehouse, id: string) => ({
  project: warehouse.project,
  dataset: warehouse.dataset,
  table: id,
});

/** The baseline's and the tuned model's confusion cells and metric distribution, from the evaluations table. */
async function readEvaluations(
  warehouse: PipelineWarehouse,
  data: ReportData,
  spell: (label: unknown) => string | null,
): Promise<void> {
  const runId = data.summary.runId;
  const confusion = await warehouse.query(confusionMatrixQuery(tableIn(warehouse, evaluationsTable.id)), {
    run_id: runId,
  });
  const distribution = await warehouse.query(
    metricDistributionQuery(tableIn(warehouse, evaluationsTable.id)),
    {
      run_id: runId,
    },
  );
  for (const row of distribution.rows) {
    const role = String(row.model_role);
    if (role !== 'baseline' && role !== 'tuned') continue;
    data.distribution.metric = String(row.metric);
    data.distribution[role].push({ bucket: String(row.bucket), rows: Number(row.value) });
  }
  for (const row of confusion.rows) {
    const role = String(row.model_role);
    if (role !== 'baseline' && role !== 'tuned') continue;
    data.confusion[role].push({
      expected: spell(row.label) ?? '',
      predicted: spell(row.predicted_label),
      count: Number(row.value),
    });
  }
}

/**
 * The eval rows whose answer changed from the baseline to the tuned model, and for a free-text task the
 * side-by-side examples; `examplesExpired` when the run's prompts table has expired (nothing to show).
 */
async function readChangedPredictions(
  warehouse: PipelineWarehouse,
  data: ReportData,
  spell: (label: unknown) => string | null,
): Promise<void> {
  const { summary, args, exampleMetric } = data;
  const recorded = await readRecordedRun(warehouse, summary.runId);
  // Predictions are stored under the eval key the run's content_keys step computed and recorded.
  if (recorded.evalKey === null || !summary.baseline || !summary.tuned) return;
  const promptsId = `eval_prompts_${summary.runId}`;
  const sql = changedPredictionsQuery({
    predictions: tableIn(warehouse, predictionsTable.id),
    prompts: tableIn(warehouse, promptsId),
  });
  const rows = await warehouse
    .query(sql, {
      eval_fingerprint: recorded.evalKey,
      baseline_model: summary.baseline.model,
      tuned_model: summary.tuned.model,
    })
    .then(
      (result) => result.rows,
      (error: unknown) => {
        if (!isTableNotFound(error, promptsId)) throw error;
        data.examplesExpired = true;
        return [];
      },
    );
  const { prefix, suffix = '' } = args.task.promptTemplate;
  const inputOf = (prompt: unknown) => {
    let input = String(prompt);
    if (input.startsWith(prefix)) input = input.slice(prefix.length);
    if (suffix !== '' && input.endsWith(suffix)) input = input.slice(0, -suffix.length);
    return input;
  };
  if (exampleMetric !== null) {
    data.examples = pickSideBySide(
      rows.map((row) => {
        const reference = String(row.label);
        const baselineText = generated(row.baseline_text);
        const tunedText = generated(row.tuned_text);
        return {
          exampleId: String(row.example_id),
          input: inputOf(row.prompt),
          reference,
          baselineText,
          tunedText,
          baselineScore: rowScore(exampleMetric, reference, baselineText),
          tunedScore: rowScore(exampleMetric, reference, tunedText),
        };
      }),
    );
  }
  data.changed = rows.map((row) => ({
    exampleId: String(row.example_id),
    input: inputOf(row.prompt),
    expected: String(row.label),
    baseline: spell(row.baseline_label),
    tuned: spell(row.tuned_label),
    baselineText: generated(row.baseline_text),
    tunedText: generated(row.tuned_text),
  }));
}
