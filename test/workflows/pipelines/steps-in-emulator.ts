import {
  changeChampionScript,
  championsTable,
  createRemoteModel,
  registryTable,
  type Sql,
} from '../../../bigquery';
import { defaultBaseEndpoint } from '../../../bigquery/model-catalog';
import {
  localConnection,
  localDataset,
  localLocation,
  localProject,
  openLocalEnvironment,
  type LocalEnvironment,
} from '../../../cli/local/environment';
import type { FaultConfig } from '../../../emulator/bigquery';
import { runWorkflow, VirtualClock, type ExecutionEvent, type RunResult } from '../../../emulator/workflows';
import {
  assign,
  renderWorkflow,
  returnStep,
  v,
  workflow,
  type Step,
  type Subworkflow,
} from '../../../workflows/dsl';
import { bigquerySubworkflows } from '../../../workflows/pipelines/tune-and-evaluate/bigquery';
import { placeholders } from '../../../workflows/pipelines/tune-and-evaluate/placeholders';
import { tempDir } from '../../cli/local/fixtures';

/**
 * Runs a few of the pipeline's own steps (compiled from their definition in this process) in the Workflows
 * interpreter against the local BigQuery emulator with the pipeline's tables, so one part of the pipeline is
 * tested alone with its real SQL: seconds per case instead of a whole tune-and-evaluate run.
 */
export const servingName = 'triage';
export const dataset = { project: localProject, dataset: localDataset };
export const modelPath = (id: string) => `${localProject}.${localDataset}.${id}`;
export const executionToken = 'execution-under-test';

/** The run context the steps read, as contextSteps builds it (only the fields these steps use). */
export function context(runId: string): Record<string, unknown> {
  return {
    pipeline: 'tune-and-evaluate',
    run_id: runId,
    execution_token: executionToken,
    execution: `projects/${localProject}/locations/us/workflows/tune-and-evaluate/executions/${runId}`,
    project: localProject,
    location: localLocation,
    dataset: localDataset,
    serving_name: servingName,
    patterns: placeholders.patterns,
    values: {
      project: localProject,
      dataset: localDataset,
      max_output_tokens: '64',
      temperature: '0.0',
      top_p: '1.0',
    },
  };
}

/**
 * A workflow whose main assigns each key of its argument to a variable, runs `steps`, and returns the
 * listed variables. The BigQuery subworkflows are always included.
 */
export function stepsWorkflow(
  inputs: string[],
  steps: Step[],
  outputs: string[],
  subworkflows: Subworkflow[],
): string {
  return renderWorkflow(
    workflow({
      params: ['input'],
      steps: [
        assign('inputs', Object.fromEntries(inputs.map((name) => [name, v('input').get(name)]))),
        ...steps,
        returnStep('outputs', Object.fromEntries(outputs.map((name) => [name, v(name)]))),
      ],
      subworkflows: [...bigquerySubworkflows, ...subworkflows],
    }),
  );
}

export interface Emulated {
  env: LocalEnvironment;
  /** Runs `source` with `input` as its argument on a virtual clock; `onEvent` sees each execution event. */
  run(
    source: string,
    input: Record<string, unknown>,
    onEvent?: (event: ExecutionEvent) => void,
  ): Promise<RunResult>;
  query(sql: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  /** The steps (`bqtune_<run>_<step>_...`) of the jobs a run created, in order. */
  jobSteps(runId: string): string[];
}

/**
 * A fresh state folder with the pipeline's tables, the emulator injecting `faults` (default none). Close
 * `env` after the tests.
 */
export async function emulated(name: string, faults?: FaultConfig): Promise<Emulated> {
  const env = await openLocalEnvironment(tempDir(name), faults);
  return {
    env,
    run: (source, input, onEvent) =>
      runWorkflow(source, {
        argument: input,
        connectors: env.bigquery.connectors,
        clock: new VirtualClock(),
        onEvent,
      }),
    query: async (sql, params) => (await env.bigquery.query(sql, params)).rows,
    jobSteps: (runId) =>
      env.bigquery.stats.jobIds
        .filter((id) => id.startsWith(`bqtune_${runId}_`))
        .map((id) => id.slice(`bqtune_${runId}_`.length).replace(/_[0-9a-f]{32}_\d+$/, '')),
  };
}

/** A remote model over the default endpoint under `id`, so the serving function can be created over it. */
export async function createModel(e: Emulated, id: string): Promise<void> {
  const sql = createRemoteModel({
    model: { ...dataset, model: id },
    create: 'IF_NOT_EXISTS',
    connection: {
      project: localProject,
      location: localConnection.split('.')[1],
      connectionId: localConnection.split('.')[2],
    },
    endpoint: defaultBaseEndpoint,
  });
  await e.env.bigquery.query(sql.text);
}

const tables = {
  champions: { ...dataset, table: championsTable.id },
  registry: { ...dataset, table: registryTable.id },
};

/** Makes `model` the serving name's champion, as another run's promotion would (the same transaction). */
export async function promoteElsewhere(e: Emulated, model: string, expected: string, eventId: string) {
  const script: Sql = changeChampionScript(tables);
  const values: Record<string, string> = {
    serving_name: servingName,
    event: 'promote',
    model_name: model,
    expected_previous: expected,
    event_id: eventId,
    run_id: 'run_other',
    metric: 'macro_f1',
    metric_value: '0.5',
  };
  await e.env.bigquery.query(
    script.text,
    script.params.map((p) => ({ ...p, parameterValue: { value: values[p.name] } })),
  );
}
