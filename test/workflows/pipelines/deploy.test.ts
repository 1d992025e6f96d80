import { subworkflow, returnStep, v } from '../../../workflows/dsl';
import {
  championSteps,
  currentChampion,
  deploySteps,
  switchServingFunction,
} from '../../../workflows/pipelines/tune-and-evaluate/deploy';
import {
  context,
  createModel,
  emulated,
  modelPath,
  promoteElsewhere,
  servingName,
  stepsWorkflow,
  type Emulated,
} from './steps-in-emulator';

/**
 * The deploy steps of the pipeline (compiled from their definition here) run alone in the Workflows
 * interpreter against the local BigQuery emulator: the gate's decision and the champion the run saw are
 * inputs, and each outcome is forced — the promotion landing (no champion, another champion), the race
 * lost to another run's promotion (ChampionMovedError, nothing switched), a rejected gate (no job at all),
 * a re-run whose tuned model already is champion (only the switch), and a switch that fails after the
 * commit. What the pointer, the registry and the serving name's table function hold afterwards is read
 * back from the warehouse and compared with values written here by hand.
 */

const deploySource = stepsWorkflow(
  ['ctx', 'champion_before', 'tuned', 'tuned_model_id', 'gate_result'],
  deploySteps(),
  ['deployed', 'champion_after', 'deploy_error', 'serving_function_error'],
  [currentChampion, switchServingFunction],
);

interface Deployed {
  deployed: boolean;
  champion_after: string | null;
  deploy_error: { tags: string[]; message: string } | null;
  serving_function_error: { tags: string[]; message: string } | null;
}

let e: Emulated;
beforeAll(async () => {
  e = await emulated('deploy-steps');
  for (const id of ['tuned_a', 'tuned_b', 'tuned_c', 'tuned_d']) await createModel(e, id);
});
afterAll(() => e.env.close());

const passed = { passed: true, metric: 'macro_f1', reasons: ['held'] };
const rejected = { passed: false, metric: 'macro_f1', reasons: ['did not hold'] };

async function deploy(
  runId: string,
  tunedId: string,
  championBefore: string | null,
  gateResult: typeof passed,
): Promise<Deployed> {
  const run = await e.run(deploySource, {
    ctx: context(runId),
    champion_before: championBefore,
    tuned: { model: modelPath(tunedId), role: 'tuned', metrics: { macro_f1: 0.75, success_share: 1 } },
    tuned_model_id: tunedId,
    gate_result: gateResult,
  });
  if (run.state !== 'SUCCEEDED') throw new Error(`deploy steps failed: ${JSON.stringify(run.error)}`);
  return run.result as Deployed;
}

const pointer = async () =>
  (
    await e.query(
      `SELECT model_name, previous_model, event, event_id, run_id FROM bqtune.champions WHERE serving_name = @n`,
      { n: servingName },
    )
  )[0];

const registryEvent = async (eventId: string) =>
  e.query(
    `SELECT serving_name, event, model_name, previous_model, run_id, metric, metric_value
     FROM bqtune.model_registry WHERE event_id = @id`,
    { id: eventId },
  );

/** The model the serving name's table function generates with, asked for one row (the template of `runId`). */
async function servedBy(runId: string): Promise<unknown> {
  await e.query(
    `INSERT INTO bqtune.runs (run_id, status, config, recorded_at)
     VALUES (@r, 'running', PARSE_JSON('{"task":{"promptTemplate":{"prefix":"Triage: "}}}'), CURRENT_TIMESTAMP)`,
    { r: runId },
  );
  await e.query(`CREATE OR REPLACE TABLE bqtune.notes AS SELECT 'n1' AS id, 'a cough' AS input_text`);
  const rows = await e.query(`SELECT model_name FROM bqtune.${servingName}(TABLE bqtune.notes)`);
  return rows.map((r) => r.model_name);
}

describe('in order, on one serving name', () => {
  test('no champion yet and the gate passed: promoted, then the function is switched', async () => {
    expect(await deploy('run_first', 'tuned_a', null, passed)).toEqual({
      deployed: true,
      champion_after: modelPath('tuned_a'),
      deploy_error: null,
      serving_function_error: null,
    });
    // The switch is its own statement after the promotion's transaction committed and was confirmed.
    expect(e.jobSteps('run_first')).toEqual(['promote', 'promotion_landed', 'serving_function']);
    expect(await pointer()).toEqual({
      model_name: modelPath('tuned_a'),
      previous_model: null,
      event: 'promote',
      event_id: 'run_first_promote',
      run_id: 'run_first',
    });
    expect(await registryEvent('run_first_promote')).toEqual([
      {
        serving_name: servingName,
        event: 'promote',
        model_name: modelPath('tuned_a'),
        previous_model: null,
        run_id: 'run_first',
        metric: 'macro_f1',
        metric_value: 0.75,
      },
    ]);
    expect(await servedBy('run_first')).toEqual([modelPath('tuned_a')]);
  });

  test('a rejected gate runs no job: nothing promoted, nothing switched', async () => {
    expect(await deploy('run_rejected', 'tuned_b', modelPath('tuned_a'), rejected)).toEqual({
      deployed: false,
      champion_after: modelPath('tuned_a'),
      deploy_error: null,
      serving_function_error: null,
    });
    expect(e.jobSteps('run_rejected')).toEqual([]);
    expect((await pointer()).model_name).toBe(modelPath('tuned_a'));
  });

  test('a rejected gate for the model that already is champion switches nothing either', async () => {
    const d = await deploy('run_rejected_again', 'tuned_a', modelPath('tuned_a'), rejected);
    expect(d).toEqual({
      deployed: false,
      champion_after: modelPath('tuned_a'),
      deploy_error: null,
      serving_function_error: null,
    });
    expect(e.jobSteps('run_rejected_again')).toEqual([]);
  });

  test('beating another champion: promoted over it, which becomes the previous model', async () => {
    expect(await deploy('run_second', 'tuned_b', modelPath('tuned_a'), passed)).toEqual({
      deployed: true,
      champion_after: modelPath('tuned_b'),
      deploy_error: null,
      serving_function_error: null,
    });
    expect(e.jobSteps('run_second')).toEqual(['promote', 'promotion_landed', 'serving_function']);
    expect(await pointer()).toEqual({
      model_name: modelPath('tuned_b'),
      previous_model: modelPath('tuned_a'),
      event: 'promote',
      event_id: 'run_second_promote',
      run_id: 'run_second',
    });
    expect(await servedBy('run_second')).toEqual([modelPath('tuned_b')]);
  });

  test('the race lost: another run promoted after this one read the champion', async () => {
    // This run compared against tuned_b; meanwhile another run moved the champion to tuned_c.
    await promoteElsewhere(e, modelPath('tuned_c'), modelPath('tuned_b'), 'run_other_promote');
    expect(await deploy('run_late', 'tuned_d', modelPath('tuned_b'), passed)).toEqual({
      deployed: false,
      champion_after: modelPath('tuned_c'),
      deploy_error: {
        tags: ['ChampionMovedError'],
        message: `the champion of triage moved from ${modelPath('tuned_b')} to ${modelPath('tuned_c')} while this run was deciding: deployed nothing`,
      },
      serving_function_error: null,
    });
    // Read again who the champion is, and no switch.
    expect(e.jobSteps('run_late')).toEqual(['promote', 'promotion_landed', 'champion_query']);
    expect(await pointer()).toMatchObject({
      model_name: modelPath('tuned_c'),
      event_id: 'run_other_promote',
    });
    expect(await registryEvent('run_late_promote')).toEqual([]);
    // The function still serves the model of the last switch (the other run did not switch it here).
    expect(await servedBy('run_second')).toEqual([modelPath('tuned_b')]);
  });

  test('the race lost while believing there was no champion', async () => {
    const d = await deploy('run_blind', 'tuned_d', null, passed);
    expect(d.deployed).toBe(false);
    expect(d.champion_after).toBe(modelPath('tuned_c'));
    expect(d.deploy_error!.message).toBe(
      `the champion of triage moved from none to ${modelPath('tuned_c')} while this run was deciding: deployed nothing`,
    );
  });

  test('the gate passed for the model that already is champion: no promotion, the function is switched again', async () => {
    expect(await deploy('run_rerun', 'tuned_c', modelPath('tuned_c'), passed)).toEqual({
      deployed: false,
      champion_after: modelPath('tuned_c'),
      deploy_error: null,
      serving_function_error: null,
    });
    // It looks for the run that promoted tuned_c (its settings are the ones to serve with); another run
    // promoted it here without a runs row, so this run's settings are used.
    expect(e.jobSteps('run_rerun')).toEqual(['find_promoter', 'serving_function']);
    expect(await registryEvent('run_rerun_promote')).toEqual([]);
    expect(await servedBy('run_rerun')).toEqual([modelPath('tuned_c')]);
  });

  test('a switch that fails after the commit keeps the promotion and says why', async () => {
    // No model under this id: the function cannot be created over it, but the pointer moves.
    expect(await deploy('run_no_model', 'tuned_missing', modelPath('tuned_c'), passed)).toEqual({
      deployed: true,
      champion_after: modelPath('tuned_missing'),
      deploy_error: null,
      serving_function_error: {
        tags: ['ServingFunctionError'],
        message: expect.stringMatching(
          /^the table function triage still serves the previous champion: .*tuned_missing/,
        ) as unknown as string,
      },
    });
    expect(e.jobSteps('run_no_model')).toEqual(['promote', 'promotion_landed', 'serving_function']);
    expect((await pointer()).model_name).toBe(modelPath('tuned_missing'));
    expect(await servedBy('run_rerun')).toEqual([modelPath('tuned_c')]);
  });
});

test('the race lost to a champion that is gone: the message says none', async () => {
  const other = await emulated('deploy-steps-gone');
  try {
    // This run saw tuned_a as champion; the serving name has no champion (never promoted in this warehouse).
    const run = await other.run(deploySource, {
      ctx: context('run_gone'),
      champion_before: modelPath('tuned_a'),
      tuned: { model: modelPath('tuned_b'), role: 'tuned', metrics: { macro_f1: 0.75 } },
      tuned_model_id: 'tuned_b',
      gate_result: passed,
    });
    expect(run.result).toEqual({
      deployed: false,
      champion_after: null,
      deploy_error: {
        tags: ['ChampionMovedError'],
        message: `the champion of triage moved from ${modelPath('tuned_a')} to none while this run was deciding: deployed nothing`,
      },
      serving_function_error: null,
    });
  } finally {
    await other.env.close();
  }
});

describe('reading the champion before the gate', () => {
  // evaluate_model has tests of its own; here a stand-in records what the champion steps ask it.
  const evaluateStandIn = subworkflow(
    'evaluate_model',
    ['ctx', 'model_id', 'role', 'eval_key'],
    [returnStep('asked', { model_id: v('model_id'), role: v('role'), eval_key: v('eval_key') })],
  );
  const source = stepsWorkflow(
    ['ctx', 'tuned', 'eval_key'],
    championSteps(),
    ['champion_before', 'champion'],
    [currentChampion, evaluateStandIn],
  );
  let c: Emulated;
  beforeAll(async () => {
    c = await emulated('champion-steps');
  });
  afterAll(() => c.env.close());

  const read = async (runId: string, tunedId: string) => {
    const run = await c.run(source, {
      ctx: context(runId),
      tuned: { model: modelPath(tunedId) },
      eval_key: 'k123',
    });
    if (run.state !== 'SUCCEEDED') throw new Error(JSON.stringify(run.error));
    return run.result;
  };

  test('no champion: nothing to evaluate', async () => {
    expect(await read('run_c1', 'tuned_a')).toEqual({ champion_before: null, champion: null });
  });

  test('another model is champion: it is evaluated on this eval set by its model id', async () => {
    await promoteElsewhere(c, modelPath('tuned_a'), '', 'c_promote_a');
    expect(await read('run_c2', 'tuned_b')).toEqual({
      champion_before: modelPath('tuned_a'),
      champion: { model_id: 'tuned_a', role: 'champion', eval_key: 'k123' },
    });
  });

  test('the tuned model is the champion: it is not evaluated twice', async () => {
    expect(await read('run_c3', 'tuned_a')).toEqual({
      champion_before: modelPath('tuned_a'),
      champion: null,
    });
  });
});
