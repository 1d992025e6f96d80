import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunArguments, RunSummary } from '../../schemas/types.generated';
import { validateRunArguments } from '../../schemas/validate';
import {
  changedPredictionsQuery,
  confusionMatrixQuery,
  evaluationsTable,
  normalizeLabel,
  predictionsTable,
} from '../../bigquery';
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

export interface ReportData {
  summary: RunSummary;
  args: RunArguments;
  /** The task's labels as the config spells them, in its order. */
  labels: string[];
  confusion: { baseline: ConfusionCell[]; tuned: ConfusionCell[] };
  changed: ChangedRow[];
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

const textOrNull = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

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
  const data: ReportData = { summary, args, labels, confusion: { baseline: [], tuned: [] }, changed: [] };
  const { warehouse, cleanup } = await openRunWarehouse(runDir, source);
  try {
    const table = (id: string) => ({ project: warehouse.project, dataset: warehouse.dataset, table: id });
    const confusion = await warehouse.query(confusionMatrixQuery(table(evaluationsTable.id)), {
      run_id: summary.runId,
    });
    for (const row of confusion.rows) {
      const role = String(row.model_role);
      if (role !== 'baseline' && role !== 'tuned') continue;
      data.confusion[role].push({
        expected: spell(row.label) ?? '',
        predicted: spell(row.predicted_label),
        count: Number(row.value),
      });
    }
    if (summary.baseline && summary.tuned) {
      const recorded = await readRecordedRun(warehouse, summary.runId);
      const { prefix, suffix = '' } = args.task.promptTemplate;
      if (recorded.evalKey !== null) {
        // Predictions are stored under the eval key the run's content_keys step computed and recorded.
        const sql = changedPredictionsQuery({
          predictions: table(predictionsTable.id),
          prompts: table(`eval_prompts_${summary.runId}`),
        });
        const { rows } = await warehouse.query(sql, {
          eval_fingerprint: recorded.evalKey,
          baseline_model: summary.baseline.model,
          tuned_model: summary.tuned.model,
        });
        data.changed = rows.map((row) => {
          let input = String(row.prompt);
          if (input.startsWith(prefix)) input = input.slice(prefix.length);
          if (suffix !== '' && input.endsWith(suffix)) input = input.slice(0, -suffix.length);
          return {
            exampleId: String(row.example_id),
            input,
            expected: String(row.label),
            baseline: spell(row.baseline_label),
            tuned: spell(row.tuned_label),
            baselineText: textOrNull(row.baseline_text),
            tunedText: textOrNull(row.tuned_text),
          };
        });
      }
    }
  } finally {
    await cleanup();
  }
  return data;
}
