import { evaluationsTable, latestRunQuery, latestRunsQuery, runsTable } from '../../bigquery';
import type { PipelineWarehouse } from './warehouse';

/** A run as the runs table records it (its latest state), with the gate metric of baseline and tuned. */
export interface RecordedRun {
  runId: string;
  status: string;
  gateMetric: string | null;
  baselineMetric: number | null;
  tunedMetric: number | null;
  tunedModel: string | null;
  tuningReused: boolean | null;
  gatePassed: boolean | null;
  gateReasons: string[];
  deployed: boolean | null;
  error: string | null;
  /** Content hash of the eval set: with the model names, it keys the run's predictions. */
  evalFingerprint: string | null;
  /** The key the run's eval predictions are stored under. */
  evalKey: string | null;
  recordedAt: string;
  /** The Workflows execution that recorded the latest state, when the row names one. */
  execution: string | null;
  /** `tune-and-evaluate` or `batch-predict`; null in rows written before the column existed. */
  pipeline: string | null;
}

const optional = <T>(v: unknown, f: (x: unknown) => T): T | null =>
  v === null || v === undefined ? null : f(v);

function parseJsonText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function recordedRun(row: Record<string, unknown>): RecordedRun {
  const reasons = parseJsonText(row.gate_reasons);
  const error = parseJsonText(row.error) as { message?: unknown } | null;
  const at = row.recorded_at as { value?: unknown } | string;
  return {
    runId: String(row.run_id),
    status: String(row.status),
    gateMetric: optional(row.gate_metric, String),
    baselineMetric: optional(row.baseline_metric, Number),
    tunedMetric: optional(row.tuned_metric, Number),
    tunedModel: optional(row.tuned_model, String),
    tuningReused: optional(row.tuning_reused, Boolean),
    gatePassed: optional(row.gate_passed, Boolean),
    gateReasons: Array.isArray(reasons) ? reasons.map(String) : [],
    deployed: optional(row.deployed, Boolean),
    error: error === null || error === undefined ? null : String(error.message ?? JSON.stringify(error)),
    evalFingerprint: optional(row.eval_fingerprint, String),
    evalKey: optional(row.eval_key, String),
    recordedAt: typeof at === 'object' && at !== null ? String(at.value) : String(at),
    execution: optional(row.execution, String),
    pipeline: optional(row.pipeline, String),
  };
}

const tables = (w: PipelineWarehouse) =>
  [
    { project: w.project, dataset: w.dataset, table: runsTable.id },
    { project: w.project, dataset: w.dataset, table: evaluationsTable.id },
  ] as const;

export async function listRecordedRuns(warehouse: PipelineWarehouse): Promise<RecordedRun[]> {
  const { rows } = await warehouse.query(latestRunsQuery(...tables(warehouse)));
  return rows.map(recordedRun);
}

export async function readRecordedRun(warehouse: PipelineWarehouse, runId: string): Promise<RecordedRun> {
  const { rows } = await warehouse.query(latestRunQuery(...tables(warehouse)), { run_id: runId });
  if (rows.length === 0) throw new Error(`no run ${runId} in ${warehouse.project}.${warehouse.dataset}.runs`);
  return recordedRun(rows[0]);
}
