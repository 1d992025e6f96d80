import path from 'node:path';
import { runLocally } from '../../../cli/local/run-locally';
import {
  localConnection,
  localDataset,
  localLocation,
  localProject,
  openLocalEnvironment,
  uploadToLocalBucket,
  type LocalEnvironment,
} from '../../../cli/local/environment';
import type { EmulatorStats } from '../../../emulator/bigquery';
import { runWorkflow, VirtualClock, type RunResult } from '../../../emulator/workflows';
import type { ConnectorHandler } from '../../../emulator/workflows/connector-types';
import { loadPipelineConfig } from '../../../schemas/pipeline-config-file';
import { compiledWorkflowSource } from '../../../workflows/compiled';
import { exampleVariant, table, tempDir } from '../../cli/local/fixtures';

/**
 * The compiled pipeline on the emulator, where retries, re-used run ids and racing promotions happen for
 * real: jobs that run once, a run id claimed once, and one winner among promotions of one serving name.
 */
type Json = Record<string, unknown>;
const insertConnector = 'googleapis.bigquery.v2.jobs.insert';

/** The run arguments `bqtune run` would pass for a config, with its data uploaded to the local bucket. */
function runArguments(env: LocalEnvironment, configFile: string, runId: string): Json {
  const { $schema: _schema, ...config } = loadPipelineConfig(configFile) as unknown as Json & { data: Json };
  const dir = path.dirname(configFile);
  return {
    ...config,
    runId,
    project: localProject,
    location: localLocation,
    dataset: localDataset,
    connection: localConnection,
    data: {
      train: uploadToLocalBucket(
        env.gcsDir,
        path.resolve(dir, String(config.data.train)),
        `${runId}/train.jsonl`,
      ),
      eval: uploadToLocalBucket(
        env.gcsDir,
        path.resolve(dir, String(config.data.eval)),
        `${runId}/eval.jsonl`,
      ),
    },
  };
}

/** One execution of the compiled pipeline on a shared emulator (several may run at once). */
function execute(
  env: LocalEnvironment,
  argument: Json,
  connectors = env.bigquery.connectors,
): Promise<RunResult> {
  return runWorkflow(compiledWorkflowSource('tune-and-evaluate'), {
    argument,
    connectors,
    clock: new VirtualClock(),
    fileName: 'tune-and-evaluate.yaml',
    executionId: String(argument.runId),
    keepEvents: false,
  });
}

const rows = async (env: LocalEnvironment, sql: string, params: Json = {}) =>
  (await env.bigquery.query(sql, params)).rows;

test('the answer to the tuning insert is lost: the tuning job runs once and the run succeeds', async () => {
  let stats: EmulatorStats | undefined;
  const steps: string[] = [];
  const { summary } = await runLocally({
    configFile: exampleVariant(tempDir('config')),
    stateDir: tempDir('lost-answer'),
    onEvent: (e) => e.type === 'step-start' && steps.push(`${e.routine}.${e.step}`),
    runId: 'run_lost',
    faults: { lostAnswers: { count: 1, jobIdPattern: '^bqtune_run_lost_tune_' } },
    onStart: (s) => (stats = s as EmulatorStats),
  });
  expect(summary.status).toBe('succeeded');
  expect(summary.tuning).toMatchObject({ reused: false });
  const ids = stats!.jobIds;
  // The retry after the lost answer sent the same job id, was answered `duplicate`, and waited on that job.
  expect(steps.filter((s) => s === 'run_query.wait_existing')).toHaveLength(1);
  // The tuning job was still running when the retry came: it was polled until done.
  expect(steps.filter((s) => s === 'wait_for_job.pause').length).toBeGreaterThan(1);
  const tuning = ids.filter((id) => id.startsWith('bqtune_run_lost_tune_'));
  expect(tuning).toHaveLength(1);
  expect(tuning[0]).toMatch(/^bqtune_run_lost_tune_[0-9a-f]{32}_1$/);
  // Every job has its own id, within BigQuery's job id rules.
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^bqtune_run_lost_[A-Za-z0-9_]+$/);
  expect(ids).toContain('bqtune_run_lost_claim');
});

test('a job that failed retryably is submitted again under the next attempt id, never the same one', async () => {
  let stats: EmulatorStats | undefined;
  const { summary } = await runLocally({
    configFile: exampleVariant(tempDir('config')),
    stateDir: tempDir('failed-job'),
    runId: 'run_retried',
    faults: { jobFailures: { count: 1, reason: 'backendError', statementTypes: ['LOAD_DATA'] } },
    onStart: (s) => (stats = s as EmulatorStats),
  });
  expect(summary.status).toBe('succeeded');
  const loads = stats!.jobIds.filter((id) => /^bqtune_run_retried_load_(train|eval)_/.test(id));
  const attempts = loads.map((id) => id.replace(/^.*_/, '')).sort();
  expect(attempts).toEqual(['1', '1', '2']);
});

test('a lost answer to a job that failed: the duplicate is waited on, its failure seen, the next attempt runs', async () => {
  let stats: EmulatorStats | undefined;
  const steps: string[] = [];
  const { summary } = await runLocally({
    configFile: exampleVariant(tempDir('config')),
    stateDir: tempDir('lost-failed'),
    runId: 'run_lost_failed',
    faults: {
      jobFailures: { count: 1, reason: 'backendError', statementTypes: ['LOAD_DATA'] },
      lostAnswers: { count: 1, jobIdPattern: '^bqtune_run_lost_failed_load_train_' },
    },
    onEvent: (e) => e.type === 'step-start' && steps.push(`${e.routine}.${e.step}`),
    onStart: (s) => (stats = s as EmulatorStats),
  });
  expect(summary.status).toBe('succeeded');
  expect(steps).toContain('run_query.as_operation_error');
  const loads = stats!.jobIds.filter((id) => id.startsWith('bqtune_run_lost_failed_load_train_'));
  expect(loads.map((id) => id.replace(/^.*_/, ''))).toEqual(['1', '2']);
});

test('a statement whose job keeps failing is given up after eight attempts, and the run fails', async () => {
  let stats: EmulatorStats | undefined;
  const { summary } = await runLocally({
    configFile: exampleVariant(tempDir('config')),
    stateDir: tempDir('give-up'),
    runId: 'run_give_up',
    faults: { jobFailures: { count: 100, reason: 'backendError', statementTypes: ['LOAD_DATA'] } },
    onStart: (s) => (stats = s as EmulatorStats),
  });
  expect(summary.status).toBe('failed');
  const attempts = stats!.jobIds
    .filter((id) => id.startsWith('bqtune_run_give_up_load_'))
    .map((id) => Number(id.replace(/^.*_/, '')));
  expect(Math.max(...attempts)).toBe(8);
});

test('a claim job that failed retryably is claimed again under the next attempt id', async () => {
  let stats: EmulatorStats | undefined;
  const { summary } = await runLocally({
    configFile: exampleVariant(tempDir('config')),
    stateDir: tempDir('claim-retry'),
    runId: 'run_claim_retry',
    // The first INSERT of a run is its claim.
    faults: { jobFailures: { count: 1, reason: 'internalError', statementTypes: ['INSERT'] } },
    onStart: (s) => (stats = s as EmulatorStats),
  });
  expect(summary.status).toBe('succeeded');
  expect(stats!.jobIds.slice(0, 2)).toEqual([
    'bqtune_run_claim_retry_claim',
    'bqtune_run_claim_retry_claim_2',
  ]);
});

describe('on one emulator', () => {
  let env: LocalEnvironment;
  beforeAll(async () => {
    env = await openLocalEnvironment(tempDir('shared'));
  });
  afterAll(() => env.close());

  test('a second execution with the same run id is refused before it loads or tunes anything', async () => {
    const first = await execute(env, runArguments(env, exampleVariant(tempDir('config')), 'run_once'));
    expect(first.state).toBe('SUCCEEDED');
    const jobs = env.bigquery.stats.jobs;
    const invocations = env.bigquery.stats.modelInvocations;
    const config = exampleVariant(tempDir('config'), { model: { tuning: { maxIterations: 650 } } });
    const second = await execute(env, runArguments(env, config, 'run_once'));
    expect(second.state).toBe('FAILED');
    expect(second.error).toMatchObject({
      tags: ['ValueError', 'RunIdInUseError'],
      message: expect.stringContaining('run id run_once is already taken by another execution'),
    });
    // No job ran: not a load, not a tuning, not a model call, not a runs row.
    expect(env.bigquery.stats.jobs).toBe(jobs);
    expect(env.bigquery.stats.modelInvocations).toBe(invocations);
    const states = await rows(
      env,
      `SELECT status FROM ${table('runs')} WHERE run_id = 'run_once' ORDER BY recorded_at`,
    );
    expect(states.map((r) => r.status)).toEqual(['running', 'succeeded']);
    // Every row names the execution that wrote it, so a run left running can be reconciled.
    const executions = await rows(
      env,
      `SELECT DISTINCT execution FROM ${table('runs')} WHERE run_id = 'run_once'`,
    );
    expect(executions).toHaveLength(1);
    expect(executions[0].execution).toMatch(
      /^projects\/[a-z-]+\/locations\/us-central1\/workflows\/tune-and-evaluate\/executions\/run_once$/,
    );
  });

  test('two runs promoting one serving name at once: one deploys, the other records why and deploys nothing', async () => {
    const servingName = 'race_target';
    const configs = [500, 600].map((maxIterations) =>
      exampleVariant(tempDir('config'), { model: { tuning: { maxIterations } }, deploy: { servingName } }),
    );
    // Hold each run's promotion until both runs have decided against the same (empty) champion.
    const insert = env.bigquery.connectors.get(insertConnector)!;
    let arrived = 0;
    let release!: () => void;
    const bothDecided = new Promise<void>((resolve) => (release = resolve));
    const barrier: ConnectorHandler = async (args, ctx) => {
      const jobId = String(((args.body as Json).jobReference as Json).jobId);
      if (/_promote_[0-9a-f]{32}_1$/.test(jobId)) {
        if (++arrived === 2) release();
        await bothDecided;
      }
      return insert(args, ctx);
    };
    const connectors = new Map(env.bigquery.connectors).set(insertConnector, barrier);
    const runs = await Promise.all(
      ['run_race_a', 'run_race_b'].map((id, i) =>
        execute(env, runArguments(env, configs[i], id), connectors),
      ),
    );
    expect(runs.map((r) => r.state)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const results = runs.map((r) => r.result as Json & { deployed: boolean; tuned: { model: string } });
    expect(results.map((r) => (r.gate as Json).passed)).toEqual([true, true]);
    const winners = results.filter((r) => r.deployed);
    const losers = results.filter((r) => !r.deployed);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const [winner, loser] = [winners[0], losers[0]];
    expect(winner.status).toBe('succeeded');
    expect(loser).toMatchObject({
      status: 'rejected',
      champion: { before: null, after: winner.tuned.model },
      deployError: { tags: ['ChampionMovedError'] },
    });
    expect(winner.deployError).toBeNull();

    const recorded = await rows(
      env,
      `SELECT status, deployed, JSON_VALUE(error, '$.tags[0]') AS tag, JSON_VALUE(error, '$.message') AS message
       FROM ${table('runs')} WHERE run_id = @run AND status <> 'running'`,
      { run: loser.runId },
    );
    expect(recorded).toEqual([
      {
        status: 'rejected',
        deployed: false,
        tag: 'ChampionMovedError',
        message: `the champion of ${servingName} moved from none to ${winner.tuned.model} while this run was deciding: deployed nothing`,
      },
    ]);
    // The registry and the pointer agree: one promote event, by the winner.
    const history = await rows(
      env,
      `SELECT event, model_name, previous_model, run_id FROM ${table('model_registry')} WHERE serving_name = @name`,
      { name: servingName },
    );
    expect(history).toEqual([
      { event: 'promote', model_name: winner.tuned.model, previous_model: null, run_id: winner.runId },
    ]);
    const pointer = await rows(
      env,
      `SELECT model_name FROM ${table('champions')} WHERE serving_name = @name`,
      {
        name: servingName,
      },
    );
    expect(pointer).toEqual([{ model_name: winner.tuned.model }]);
    // The winner switched the serving name's table function once its promotion landed; the loser, whose
    // transaction changed nothing, switched nothing.
    const switches = (runId: unknown) =>
      env.bigquery.stats.jobIds.filter((id) => id.startsWith(`bqtune_${String(runId)}_serving_function_`));
    expect(switches(winner.runId)).toHaveLength(1);
    expect(switches(loser.runId)).toEqual([]);
    const notes = table('race_notes');
    await rows(env, `CREATE TABLE ${notes} (id STRING, input_text STRING)`);
    await rows(env, `INSERT INTO ${notes} VALUES ('r1', 'Knee pain after a fall.')`);
    expect(await rows(env, `SELECT model_name FROM bqtune.${servingName}(TABLE ${notes})`)).toEqual([
      { model_name: winner.tuned.model },
    ]);
    // The loser's transaction overlapped the winner's: BigQuery cancelled it, and it was retried once.
    const promotions = env.bigquery.stats.jobIds.filter((id) =>
      id.startsWith(`bqtune_${loser.runId}_promote_`),
    );
    expect(promotions.map((id) => id.replace(/^.*_/, ''))).toEqual(['1', '2']);
  });

  test('FLOAT64 values that reach SQL at run time are written with a decimal point', async () => {
    const config = exampleVariant(tempDir('config'), {
      model: {
        tuning: { learningRateMultiplier: 1, maxIterations: 450 },
        generation: { temperature: 0, topP: 1 },
      },
    });
    const before = env.bigquery.stats.jobIds.length;
    const run = await execute(env, runArguments(env, config, 'run_floats'));
    expect(run.state).toBe('SUCCEEDED');
    const get = env.bigquery.connectors.get('googleapis.bigquery.v2.jobs.get')!;
    const queries: string[] = [];
    for (const jobId of env.bigquery.stats.jobIds.slice(before)) {
      const job = (await get(
        { projectId: localProject, jobId, location: localLocation },
        {
          connectorParams: {},
          env: {},
          sleep: async () => undefined,
          now: () => 0,
        },
      )) as { configuration: { query: { query: string } } };
      queries.push(job.configuration.query.query);
    }
    const sql = queries.join('\n');
    expect(sql).toContain('LEARNING_RATE_MULTIPLIER = 1.0');
    expect(sql).toContain('0.0 AS temperature');
    expect(sql).toContain('1.0 AS top_p');
    expect(sql).not.toMatch(/LEARNING_RATE_MULTIPLIER = 1(?![.\d])|(?<![.\d])[01] AS (temperature|top_p)/);
  });
});
