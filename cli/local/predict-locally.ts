import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { csvField } from '../csv-field';
import { runWorkflow, VirtualClock, type ExecutionEvent } from '../../emulator/workflows';
import type { FaultConfig } from '../../emulator/bigquery';
import { paths, servedPredictionsTable, sql, stringParam, toSql } from '../../bigquery';
import { compiledWorkflowForLocalRun } from '../../workflows/compiled';
import { localDataset, localProject, openLocalEnvironment } from './environment';
import { buildPredictArguments } from '../deployment/predict-arguments';
import { localTarget } from '../deployment/target';
import type { BatchPredictArguments } from '../../schemas/types.generated';
import { newRunId } from './run-locally';
import { checkRunId } from './run-id';
import { renderPredictReport, type PredictReportData } from '../report/predict-html';
import { pipelineNames } from '../history/predict-runs';
import { onlyServingName } from '../history/champion';
import { localWarehouse } from '../history/warehouse';

export const predictPipelineName = pipelineNames.predict;

export interface LocalPredictOptions {
  /** A JSONL or CSV file (by extension), one row per input, with a key column and an input column. */
  input: string;
  stateDir: string;
  /** Default: the only serving name that has a champion. */
  servingName?: string;
  /** The input's key column; default `id`. */
  keyColumn?: string;
  /** The input's text column; default `input_text`. */
  inputColumn?: string;
  /** Where the predictions go (JSONL or CSV by extension); default `<run folder>/predictions.jsonl`. */
  out?: string;
  /** The run's id (checked like `--run-id`); default `predict_<timestamp>_<random>`. */
  runId?: string;
  /** Population stability index above which drift warns; default 0.2 (the batch-predict pipeline's). */
  warnPsi?: number;
  /** Successful predictions needed before drift warns (default 100). */
  driftMinRows?: number;
  /** Faults the local emulator injects; default none. */
  faults?: FaultConfig;
  /** Called with each execution event as it happens; default none. */
  onEvent?: (event: ExecutionEvent) => void;
}

/** One input row's prediction by the champion, with the lineage of the row that answered it. */
export interface PredictionRow {
  id: string;
  generated_text: string | null;
  predicted_label: string | null;
  status: string;
  model_name: string;
  serving_name: string;
  run_id: string;
  predicted_at: string;
}

export interface LocalPredictResult {
  runId: string;
  runDir: string;
  state: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  /** The execution's result map (on success) or error map (on failure). */
  outcome: unknown;
  out?: string;
  /** The run's self-contained HTML report: counts, drift, first predictions. */
  report: string;
  rows: PredictionRow[];
}

/**
 * Reads the input rows as `{ id, input_text }` from JSONL or CSV (with a header row). Errors name the file
 * and line: a row that is not an object, a missing or empty key, a repeated key.
 */
export function readPredictionInput(
  file: string,
  keyColumn = 'id',
  inputColumn = 'input_text',
): { id: string; input_text: string | null }[] {
  if (!fs.existsSync(file)) throw new Error(`input file not found: ${file}`);
  const bytes = fs.readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the line that is not UTF-8, to name it.
    const lines = bytes.toString('latin1').split('\n');
    const bad = lines.findIndex((_, i) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(lines[i], 'latin1'));
        return false;
      } catch {
        return true;
      }
    });
    throw new Error(`${file}:${bad + 1}: the line is not valid UTF-8`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const ext = path.extname(file).toLowerCase();
  let records: { line: number; row: unknown }[];
  if (ext === '.csv') {
    records = csvRecords(file, text, [keyColumn, inputColumn]);
  } else if (ext === '.jsonl' || ext === '.json' || ext === '.ndjson') {
    records = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        records.push({ line: i + 1, row: JSON.parse(line) as unknown });
      } catch {
        throw new Error(`${file}:${i + 1}: not a JSON object`);
      }
    });
  } else {
    throw new Error(`${file}: expected a .jsonl or .csv file`);
  }
  const seen = new Map<string, number>();
  return records.map(({ line, row }) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new Error(`${file}:${line}: not a JSON object`);
    const fields = row as Record<string, unknown>;
    const key = fields[keyColumn];
    if (key === undefined || key === null || key === '')
      throw new Error(`${file}:${line}: no value in key column ${keyColumn}`);
    if (typeof key !== 'string' && typeof key !== 'number')
      throw new Error(`${file}:${line}: key column ${keyColumn} must be text or a number`);
    // JSON numbers past 2^53 lose digits when parsed: such an id would silently become another one.
    if (typeof key === 'number' && !Number.isSafeInteger(key))
      throw new Error(
        `${file}:${line}: key ${key} is not an exact integer; write large or fractional ids as text`,
      );
    const id = String(key);
    const first = seen.get(id);
    if (first !== undefined) throw new Error(`${file}:${line}: key ${id} repeats line ${first}`);
    seen.set(id, line);
    const input = fields[inputColumn];
    if (input !== undefined && input !== null && typeof input !== 'string')
      throw new Error(`${file}:${line}: ${inputColumn} must be text`);
    return { id, input_text: input ?? null };
  });
}

/**
 * The records of a CSV file with a header row, each with the line it starts on (a quoted field may hold line
 * breaks, LF or CRLF, so a record can span lines). Refuses a header that names a column twice (which value
 * would be read is a guess) or lacks one of `required`.
 */
function csvRecords(file: string, text: string, required: string[]): { line: number; row: unknown }[] {
  const bytes = Buffer.from(text);
  let header: string[] = [];
  let rows: { record: Record<string, string>; info: { bytes: number } }[];
  try {
    rows = parseCsv(bytes, {
      columns: (names: string[]) => (header = names),
      skip_empty_lines: true,
      info: true,
    }) as typeof rows;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  const twice = header.find((name, i) => header.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(`${file}:1: the header names column ${twice} twice`);
  for (const name of bytes.length > 0 ? required : []) {
    if (!header.includes(name)) {
      const columns = header.map((c) => JSON.stringify(c)).join(', ');
      throw new Error(`${file}:1: no column ${name} in the header (columns: ${columns})`);
    }
  }
  // info.bytes is where a record ends (its line break included): the next one starts after any blank lines.
  const headerEnd = (
    parseCsv(bytes, { to_line: 1, info: true }) as unknown as { info: { bytes: number } }[]
  )[0]?.info.bytes;
  let offset = 0;
  let line = 1;
  const lineAt = (end: number) => {
    for (; offset < end; offset++) if (bytes[offset] === 0x0a) line++;
    return line;
  };
  let start = headerEnd ?? 0;
  return rows.map((r) => {
    while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
    const record = { line: lineAt(start), row: r.record };
    start = r.info.bytes;
    return record;
  });
}

/** Refuses, before anything runs, an output that would overwrite the input or cannot be a file. */
function checkOutFile(out: string, input: string): void {
  const ext = path.extname(out).toLowerCase();
  if (!['.jsonl', '.json', '.ndjson', '.csv'].includes(ext))
    throw new Error(`--out ${out}: expected a .jsonl or .csv file`);
  if (path.resolve(out) === path.resolve(input))
    throw new Error(`--out ${out} is the input file; choose another`);
  if (fs.existsSync(out) && !fs.statSync(out).isFile())
    throw new Error(`--out ${out} exists and is not a file`);
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new Error(`--out ${out}: the folder ${dir} does not exist`);
}

/**
 * Writes the rows as JSONL or CSV (by the file's extension), through a temporary file then a rename. CSV
 * fields go through csvField: a value a spreadsheet would run as a formula, or that starts with `'`, is
 * written with a leading `'`.
 */
export function writePredictions(file: string, rows: PredictionRow[]): void {
  const columns: (keyof PredictionRow)[] = [
    'id',
    'generated_text',
    'predicted_label',
    'status',
    'model_name',
    'serving_name',
    'run_id',
    'predicted_at',
  ];
  const text =
    path.extname(file).toLowerCase() === '.csv'
      ? [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\n') +
        '\n'
      : rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length > 0 ? '\n' : '');
  writeAtomically(file, text);
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/**
 * Runs the compiled batch-predict YAML in the Workflows interpreter against the embedded emulator, on one
 * input file, and writes every input row's prediction by the serving name's champion (rows answered by an
 * earlier run keep that run's lineage).
 */
export async function predictLocally(options: LocalPredictOptions): Promise<LocalPredictResult> {
  const rows = readPredictionInput(options.input, options.keyColumn, options.inputColumn);
  if (options.out !== undefined) checkOutFile(options.out, options.input);
  const runId = checkRunId(options.runId ?? newRunId().replace(/^run_/, 'predict_'), '--run-id');
  const runDir = path.join(options.stateDir, 'predictions', runId);
  if (fs.existsSync(runDir)) throw new Error(`prediction run ${runId} already exists in ${runDir}`);
  const startedAt = new Date().toISOString();
  const stateExisted = fs.existsSync(options.stateDir);
  let started = false;
  const env = await openLocalEnvironment(options.stateDir, options.faults);
  try {
    const servingName = options.servingName ?? (await onlyServingName(localWarehouse(env)));
    fs.mkdirSync(runDir, { recursive: true });
    const source = path.join(runDir, 'source.jsonl');
    fs.writeFileSync(source, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    let args: BatchPredictArguments;
    try {
      // The same step as `bqtune trigger --pipeline batch-predict`: one builder and its schema check.
      args = buildPredictArguments({
        arguments: {
          servingName,
          source: { uri: source },
          ...(options.warnPsi === undefined && options.driftMinRows === undefined
            ? {}
            : { drift: { warnPsi: options.warnPsi, minRows: options.driftMinRows } }),
        },
        origin: 'batch-predict arguments',
        target: localTarget,
        runId,
        localGcsDir: env.gcsDir,
      });
    } catch (error) {
      // Refused before it ran: no run folder is left behind.
      fs.rmSync(runDir, { recursive: true, force: true });
      throw error;
    }
    const workflow = compiledWorkflowForLocalRun(predictPipelineName);
    started = true;
    const execution = await runWorkflow(workflow.source, {
      argument: args,
      connectors: env.bigquery.connectors,
      clock: new VirtualClock(),
      fileName: workflow.fileName,
      executionId: runId,
      keepEvents: false,
      onEvent: options.onEvent,
    });
    if (execution.deployErrors && execution.deployErrors.length > 0) {
      throw new Error(`the compiled workflow does not deploy:\n${execution.deployErrors.join('\n')}`);
    }
    const state = execution.state as LocalPredictResult['state'];
    const outcome = state === 'SUCCEEDED' ? execution.result : execution.error;
    let predictions: PredictionRow[] = [];
    let out: string | undefined;
    if (state === 'SUCCEEDED') {
      const champion = (execution.result as { predictions: { champion: string } }).predictions.champion;
      predictions = await championPredictions(
        env.bigquery,
        servingName,
        champion,
        rows.map((r) => r.id),
      );
      out = options.out ?? path.join(runDir, 'predictions.jsonl');
      writePredictions(out, predictions);
    }
    writeAtomically(
      path.join(runDir, 'summary.json'),
      JSON.stringify(
        { runId, pipeline: predictPipelineName, startedAt, servingName, state, outcome, out },
        null,
        2,
      ) + '\n',
    );
    const report = path.join(runDir, 'report.html');
    const reportData: PredictReportData = {
      runId,
      servingName,
      state,
      error: state === 'SUCCEEDED' ? undefined : String((outcome as { message?: unknown })?.message ?? ''),
      outcome:
        state === 'SUCCEEDED'
          ? (outcome as { predictions: PredictReportData['outcome'] }).predictions
          : undefined,
      sample: predictions.slice(0, 20),
    };
    writeAtomically(report, renderPredictReport(reportData));
    return { runId, runDir, state, outcome, out, report, rows: predictions };
  } finally {
    await env.close();
    // A command refused before its workflow started leaves nothing: not even the state folder it opened.
    if (!started && !stateExisted) fs.rmSync(options.stateDir, { recursive: true, force: true });
  }
}

type Warehouse = Awaited<ReturnType<typeof openLocalEnvironment>>['bigquery'];

/** The latest row per key of the champion's answers for the given keys, in the input's order. */
async function championPredictions(
  bigquery: Warehouse,
  servingName: string,
  champion: string,
  ids: string[],
): Promise<PredictionRow[]> {
  const p = paths('championPredictions', {
    served: { project: localProject, dataset: localDataset, table: servedPredictionsTable.id },
  });
  const query =
    toSql(sql`SELECT source_key, generated_text, predicted_label, status, model_name, serving_name, run_id,
  CAST(predicted_at AS STRING) AS predicted_at
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY source_key ORDER BY attempt DESC, predicted_at DESC) AS row_rank
  FROM ${p.served} WHERE serving_name = ${stringParam('serving_name', servingName)} AND model_name = ${stringParam('model_name', champion)}) AS latest
WHERE row_rank = 1`);
  const { rows } = await bigquery.query(query.text, query.params);
  const byKey = new Map(rows.map((r) => [String(r.source_key), r]));
  return ids.flatMap((id) => {
    const r = byKey.get(id);
    if (r === undefined) return [];
    return [
      {
        id,
        generated_text: (r.generated_text as string | null) ?? null,
        predicted_label: (r.predicted_label as string | null) ?? null,
        status: String(r.status),
        model_name: String(r.model_name),
        serving_name: String(r.serving_name),
        run_id: String(r.run_id),
        predicted_at: String(r.predicted_at),
      },
    ];
  });
}
