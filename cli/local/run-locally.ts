import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runWorkflow, VirtualClock, type ExecutionEvent } from '../../emulator/workflows';
import type { FaultConfig } from '../../emulator/bigquery';
import { loadPipelineConfig } from '../../schemas/pipeline-config-file';
import type { RunArguments, RunSummary } from '../../schemas/types.generated';
import { promptLabelWarnings } from '../../schemas/validate';
import { compiledWorkflowForLocalRun } from '../../workflows/compiled';
import { ensureData, exampleConfig } from './example-config';
import { buildRunArguments } from '../deployment/run-arguments';
import { localTarget } from '../deployment/target';
import { openLocalEnvironment, type LocalEnvironment } from './environment';
import { locateFindings, readExampleFile } from './data-files';
import { recordRun, runFolder } from './run-folder';
import { checkRunId } from './run-id';
import { candidateLabelsWarning } from '../authoring/candidate-labels';
import { countPromptTokens, overLimitMessage } from '../authoring/prompt-tokens';
import { recordRunHolder } from './state-holder';

export const pipelineName = 'tune-and-evaluate';

export { exampleConfig, ensureData };

export interface LocalRunOptions {
  configFile: string;
  /** Holds the persistent local warehouse and `runs/<run-id>/`. */
  stateDir: string;
  /** The run's id (checked like `--run-id`); default a new `run_<timestamp>_<random>` (newRunId). */
  runId?: string;
  /** Faults the local emulator injects; default none. */
  faults?: FaultConfig;
  /** Called with each execution event as it happens; default none. */
  onEvent?: (event: ExecutionEvent) => void;
  /** Called once the emulator exists, so a progress display can read its counters; default none. */
  onStart?: (stats: { modelInvocations: number }) => void;
  /**
   * Also copy the warehouse as the run left it into the run folder (it costs the warehouse's size).
   * Default false.
   */
  snapshot?: boolean;
}

export interface LocalRunResult {
  summary: RunSummary;
  runDir: string;
  /** The execution's result map (on success) or error map (on failure), as the workflow returned it. */
  outcome: unknown;
}

/** Sortable, unique and valid as a BigQuery table-name suffix: run_20261125_071502_a1b2. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
  return `run_${stamp}_${crypto.randomBytes(2).toString('hex')}`;
}

/**
 * Runs the compiled pipeline YAML in the Workflows interpreter against the embedded BigQuery emulator:
 * the same program and SQL text that would run on Google Cloud, on local state that persists across runs.
 * The run folder is written only once the run has ended (see `recordRun`).
 */
export async function runLocally(options: LocalRunOptions): Promise<LocalRunResult> {
  if (!fs.existsSync(options.configFile)) throw new Error(`config file not found: ${options.configFile}`);
  const runId = checkRunId(options.runId ?? newRunId(), '--run-id');
  const runDir = runFolder(options.stateDir, runId);
  if (fs.existsSync(runDir)) throw new Error(`run ${runId} already exists in ${runDir}`);
  const config = loadPipelineConfig(options.configFile);
  // Said before anything runs, as the config's other warnings are: otherwise the baseline's 0.0 is a mystery.
  const candidates = candidateLabelsWarning(config);
  if (candidates !== undefined) process.stderr.write(`warning: ${candidates}\n`);
  ensureData(options.configFile, config.data);
  for (const uri of [config.data.train, config.data.eval]) {
    if (uri.startsWith('gs://'))
      throw new Error(`${uri}: the local target reads local files, not Cloud Storage`);
  }
  // Read before anything runs: invalid UTF-8 or a broken line is an error naming the user's file and line,
  // and the lines let each data-check finding point back at the user's file.
  const files = { train: readExampleFile(config.data.train), eval: readExampleFile(config.data.eval) };
  // Vertex AI refuses a prompt above the base endpoint's documented input token limit, row by row: a finding
  // before anything runs (as `bqtune check` reports it), not failed rows discovered after the money is spent.
  const tokens = countPromptTokens(config, [files.train, files.eval]);
  if (tokens.overLimit.length > 0) {
    const rows = tokens.overLimit.map(
      (row) =>
        `  ${overLimitMessage({ ...row, file: path.relative(process.cwd(), row.file) || row.file }, tokens)}`,
    );
    throw new Error(
      `${tokens.overLimit.length} prompt(s) exceed the input token limit of ${tokens.model}:\n${rows.join('\n')}`,
    );
  }

  // Until the run folder is written, this record says which process runs it: if that process is killed,
  // `bqtune runs` finds the record and shows the run as abandoned.
  const releaseRun = recordRunHolder(options.stateDir, runId, { command: 'bqtune run' });
  let outcome: LocalRunResult;
  let env: LocalEnvironment;
  try {
    env = await openLocalEnvironment(options.stateDir, options.faults);
  } catch (error) {
    releaseRun();
    throw error;
  }
  try {
    options.onStart?.(env.bigquery.stats);
    // The same step as `bqtune trigger --endpoint`: the config and the local target make the run
    // arguments, and the data files go into the stand-in bucket.
    const args: RunArguments = buildRunArguments({
      configFile: options.configFile,
      config,
      target: localTarget,
      runId,
      localGcsDir: env.gcsDir,
    });
    const startedAt = new Date();
    const workflow = compiledWorkflowForLocalRun(pipelineName);
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
    const warnings = [...promptLabelWarnings(config), ...(candidates === undefined ? [] : [candidates])];
    const summary = await recordRun(env, runDir, args, {
      runId,
      startedAt,
      finishedAt: new Date(),
      state: execution.state,
      result: execution.result,
      error: execution.error,
      modelInvocations: env.bigquery.stats.modelInvocations,
      labels: args.task.labels ?? [],
      failedStep: execution.failedStep && `${execution.failedStep.routine}.${execution.failedStep.step}`,
      refine: (built) => ({
        ...built,
        dataChecks: locateFindings(built.dataChecks, files),
        ...(warnings.length > 0 ? { warnings } : {}),
      }),
    });
    outcome = {
      summary,
      runDir,
      outcome: execution.state === 'SUCCEEDED' ? execution.result : execution.error,
    };
  } finally {
    await env.close();
    releaseRun();
  }
  if (options.snapshot) {
    // A copy of the warehouse as this run left it (closed, so checkpointed and whole), for any DuckDB client.
    fs.copyFileSync(path.join(env.warehouseDir, 'warehouse.duckdb'), path.join(runDir, 'warehouse.duckdb'));
  }
  return outcome;
}
