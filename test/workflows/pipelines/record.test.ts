import { assign, call, v } from '../../../workflows/dsl';
import { asJson, claimRun, recordRun } from '../../../workflows/pipelines/tune-and-evaluate/record';
import { context, emulated, executionToken, stepsWorkflow, type Emulated } from './steps-in-emulator';

/**
 * The run records (record_run, claim_run), compiled from their definition here and run alone in the
 * Workflows interpreter against the local BigQuery emulator's runs table. Each outcome's fields are sent as
 * the pipeline sends them (workflow values turned into JSON text by asJson) and the stored row is read back
 * column by column against values written here by hand: JSON columns hold the value, booleans are BOOL,
 * a field not sent or sent as '' is NULL, the pipeline and the execution come from the run's context.
 */

// Values as the workflow holds them; `asJson` turns the booleans, lists and maps into JSON text in the workflow.
const recordSource = stepsWorkflow(
  ['ctx', 'status', 'values', 'texts'],
  [
    assign('as_fields', {
      fields: {
        status: v('status'),
        config: asJson(v('values').get('config')),
        tuning_reused: asJson(v('values').get('tuning_reused')),
        gate_passed: asJson(v('values').get('gate_passed')),
        gate_reasons: asJson(v('values').get('gate_reasons')),
        deployed: asJson(v('values').get('deployed')),
        data_checks: asJson(v('values').get('data_checks')),
        error: asJson(v('values').get('error')),
        base_model: v('texts').get('base_model'),
        tuned_model: v('texts').get('tuned_model'),
        train_fingerprint: v('texts').get('train_fingerprint'),
        eval_fingerprint: v('texts').get('eval_fingerprint'),
        eval_key: v('texts').get('eval_key'),
        // The context names the pipeline; a caller's field of that name is not what is stored.
        pipeline: 'not-this',
      },
    }),
    call('record', recordRun, { args: { ctx: v('ctx'), fields: v('fields') }, result: 'recorded' }),
  ],
  ['recorded'],
  [recordRun],
);

// Only the fields a run's first (running) or failed state sends.
const partialSource = stepsWorkflow(
  ['ctx', 'fields'],
  [call('record', recordRun, { args: { ctx: v('ctx'), fields: v('fields') }, result: 'recorded' })],
  ['recorded'],
  [recordRun],
);

const claimSource = stepsWorkflow(
  ['ctx', 'fields'],
  [call('claim', claimRun, { args: { ctx: v('ctx'), fields: v('fields') }, result: 'claimed' })],
  ['claimed'],
  [claimRun],
);

let e: Emulated;
beforeAll(async () => {
  e = await emulated('record-steps');
});
afterAll(() => e.env.close());

/** A JSON column as its text, SQL NULL kept apart from a JSON null. */
const json = (column: string) => `IF(${column} IS NULL, NULL, TO_JSON_STRING(${column})) AS ${column}`;

const jsonColumns = ['config', 'gate_reasons', 'data_checks', 'error', 'predictions'];

/** The run's rows, JSON columns parsed (a JSON null is null, SQL NULL is undefined). */
async function rows(runId: string) {
  const found = await e.query(
    `SELECT run_id, status, ${json('config')}, base_model, tuned_model, train_fingerprint,
       eval_fingerprint, eval_key, tuning_reused, gate_passed, ${json('gate_reasons')},
       deployed, ${json('data_checks')}, ${json('error')}, pipeline,
       ${json('predictions')}, execution, recorded_at IS NOT NULL AS has_time
     FROM bqtune.runs WHERE run_id = @r ORDER BY status`,
    { r: runId },
  );
  return found.map((row) => ({
    ...row,
    ...Object.fromEntries(
      jsonColumns.map((c) => [c, row[c] === null ? undefined : JSON.parse(row[c] as string)]),
    ),
  }));
}

const nothing = {
  config: undefined,
  base_model: null,
  tuned_model: null,
  train_fingerprint: null,
  eval_fingerprint: null,
  eval_key: null,
  tuning_reused: null,
  gate_passed: null,
  deployed: null,
  // SQL NULL in the JSON columns.
  gate_reasons: undefined,
  data_checks: undefined,
  error: undefined,
  predictions: undefined,
};

const execution = (runId: string) => context(runId).execution;

const texts = {
  base_model: 'bqtune-local.bqtune.base',
  tuned_model: 'bqtune-local.bqtune.tuned_x',
  train_fingerprint: 'f00d',
  eval_fingerprint: 'beef',
  eval_key: 'k1',
};

/**
 * Each outcome's values as the pipeline holds them; the stored row holds each of them as sent, with the
 * texts, the context's pipeline and execution, and no predictions.
 */
const outcomes: { name: string; runId: string; status: string; values: Record<string, unknown> }[] = [
  {
    name: 'a run that succeeded and deployed: every column as sent',
    runId: 'run_ok',
    status: 'succeeded',
    values: {
      config: { task: { type: 'classification' }, gate: { minSuccessRate: 0.9 } },
      tuning_reused: false,
      gate_passed: true,
      gate_reasons: ['tuned beats baseline', 'there is no champion yet'],
      deployed: true,
      data_checks: [{ check: 'duplicates', count: 2 }],
      // A JSON null sent as 'null' is a JSON null, not SQL NULL: the pipeline sends '' for "no error".
      error: null,
    },
  },
  {
    name: 'a rejected run that lost the promotion race: gate passed, not deployed, the error stored',
    runId: 'run_lost',
    status: 'rejected',
    values: {
      config: {},
      tuning_reused: true,
      gate_passed: true,
      gate_reasons: [],
      deployed: false,
      data_checks: [],
      error: { tags: ['ChampionMovedError'], message: 'moved' },
    },
  },
  {
    name: 'a gate that rejected: gate_passed false',
    runId: 'run_no',
    status: 'rejected',
    values: {
      config: {},
      tuning_reused: false,
      gate_passed: false,
      gate_reasons: ['x'],
      deployed: false,
      data_checks: [],
      error: null,
    },
  },
];

test.each(outcomes)('$name', async ({ runId, status, values }) => {
  const run = await e.run(recordSource, { ctx: context(runId), status, values, texts });
  if (run.state !== 'SUCCEEDED') throw new Error(JSON.stringify(run.error));
  expect(run.result).toEqual({ recorded: true });
  expect(await rows(runId)).toEqual([
    {
      run_id: runId,
      status,
      ...values,
      ...texts,
      pipeline: 'tune-and-evaluate',
      predictions: undefined,
      execution: execution(runId),
      has_time: true,
    },
  ]);
});

test("a running or failed state sends a few fields: the others are NULL, and '' is NULL too", async () => {
  const run = await e.run(partialSource, {
    ctx: context('run_partial'),
    fields: { status: 'failed', config: '{"a":1}', error: '{"message":"boom"}', base_model: '' },
  });
  expect(run.result).toEqual({ recorded: true });
  expect(await rows('run_partial')).toEqual([
    {
      ...nothing,
      run_id: 'run_partial',
      status: 'failed',
      config: { a: 1 },
      error: { message: 'boom' },
      pipeline: 'tune-and-evaluate',
      execution: execution('run_partial'),
      has_time: true,
    },
  ]);
});

describe('claiming a run id', () => {
  test('the first state is recorded under the fixed job id bqtune_<run id>_claim', async () => {
    const run = await e.run(claimSource, {
      ctx: context('run_claimed'),
      fields: { status: 'running', config: '{}' },
    });
    expect(run.result).toEqual({ claimed: true });
    expect(e.env.bigquery.stats.jobIds.filter((id) => id.startsWith('bqtune_run_claimed'))).toEqual([
      'bqtune_run_claimed_claim',
    ]);
    expect(await rows('run_claimed')).toEqual([
      expect.objectContaining({ status: 'running', config: {}, pipeline: 'tune-and-evaluate' }),
    ]);
  });

  test('another execution claiming the same run id is refused and records nothing', async () => {
    const ctx = { ...context('run_claimed'), execution_token: `${executionToken}-other` };
    const run = await e.run(claimSource, { ctx, fields: { status: 'running', config: '{"second":1}' } });
    expect(run.state).toBe('FAILED');
    expect(run.error).toMatchObject({
      tags: ['ValueError', 'RunIdInUseError'],
      message:
        'run id run_claimed is already taken by another execution (job bqtune_run_claimed_claim is not ' +
        "this execution's): start the run with a new run id",
    });
    expect(await rows('run_claimed')).toHaveLength(1);
  });

  test('record_run takes a new job id for every state of the same run', async () => {
    for (const status of ['running', 'succeeded']) {
      const run = await e.run(partialSource, { ctx: context('run_states'), fields: { status } });
      expect(run.result).toEqual({ recorded: true });
    }
    const ids = e.env.bigquery.stats.jobIds.filter((id) => id.startsWith('bqtune_run_states_'));
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => /^bqtune_run_states_insert_run_row_[0-9a-f]{32}_1$/.test(id))).toBe(true);
    expect((await rows('run_states')).map((r) => r.status)).toEqual(['running', 'succeeded']);
  });
});
