import { call, v } from '../../../workflows/dsl';
import { switchServingFunction } from '../../../workflows/pipelines/tune-and-evaluate/deploy';
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
 * The serving function follows the champion pointer, whatever order the switches land in: the switch
 * statement replaces the function only while the model it names is the serving name's champion, checked in
 * the same script. Two promotions, A then B: A's switch landing before B's promotion, and A's switch
 * delayed until after B's switch (it must change nothing). Run as the pipeline's own subworkflow in the
 * Workflows interpreter against the local BigQuery emulator; what the function serves is asked of it.
 */

const switchSource = stepsWorkflow(
  ['ctx', 'model_id'],
  [
    call('switch', switchServingFunction, {
      args: { ctx: v('ctx'), model_id: v('model_id') },
      result: 'error',
    }),
  ],
  ['error'],
  [switchServingFunction],
);

let e: Emulated;
beforeAll(async () => {
  e = await emulated('switch-order');
  for (const id of ['tuned_a', 'tuned_b']) await createModel(e, id);
  await e.query(`CREATE OR REPLACE TABLE bqtune.notes AS SELECT 'n1' AS id, 'a cough' AS input_text`);
});
afterAll(() => e.env.close());

/** Runs the switch of `runId` to `modelId`; returns its ServingFunctionError, or null. */
async function switchTo(runId: string, modelId: string): Promise<unknown> {
  await e.query(
    `INSERT INTO bqtune.runs (run_id, status, config, recorded_at)
     VALUES (@r, 'running', PARSE_JSON('{"task":{"promptTemplate":{"prefix":"Triage: "}}}'), CURRENT_TIMESTAMP)`,
    { r: runId },
  );
  const run = await e.run(switchSource, { ctx: context(runId), model_id: modelId });
  if (run.state !== 'SUCCEEDED') throw new Error(`switch failed: ${JSON.stringify(run.error)}`);
  return (run.result as { error: unknown }).error;
}

/** The model the serving name's table function answers with. */
const served = async () =>
  (await e.query(`SELECT model_name FROM bqtune.${servingName}(TABLE bqtune.notes)`)).map(
    (r) => r.model_name,
  );

const pointer = async () =>
  (await e.query(`SELECT model_name FROM bqtune.champions WHERE serving_name = @n`, { n: servingName }))[0];

beforeEach(async () => {
  await e.query(`DELETE FROM bqtune.champions WHERE TRUE`);
  await e.query(`DELETE FROM bqtune.model_registry WHERE TRUE`);
  await e.query(`DROP TABLE FUNCTION IF EXISTS bqtune.${servingName}`);
});

test('in order: A promoted and switched, then B promoted and switched: B is served', async () => {
  await promoteElsewhere(e, modelPath('tuned_a'), '', 'a_promote');
  expect(await switchTo('run_a1', 'tuned_a')).toBeNull();
  expect(await served()).toEqual([modelPath('tuned_a')]);
  await promoteElsewhere(e, modelPath('tuned_b'), modelPath('tuned_a'), 'b_promote');
  expect(await switchTo('run_b1', 'tuned_b')).toBeNull();
  expect(await served()).toEqual([modelPath('tuned_b')]);
});

test('A’s switch delayed until after B’s: it runs and changes nothing, B stays served', async () => {
  await promoteElsewhere(e, modelPath('tuned_a'), '', 'a_promote');
  await promoteElsewhere(e, modelPath('tuned_b'), modelPath('tuned_a'), 'b_promote');
  expect(await switchTo('run_b2', 'tuned_b')).toBeNull();
  expect(await switchTo('run_a2', 'tuned_a')).toBeNull();
  // The late switch's job ran; its statement found A no longer champion.
  expect(e.jobSteps('run_a2')).toEqual(['serving_function']);
  expect((await pointer()).model_name).toBe(modelPath('tuned_b'));
  expect(await served()).toEqual([modelPath('tuned_b')]);
});

test('a serving name whose pointer names no model (none promoted through it) is not switched', async () => {
  await promoteElsewhere(e, modelPath('tuned_a'), '', 'a_promote');
  await e.query(`UPDATE bqtune.champions SET model_name = NULL WHERE serving_name = @n`, { n: servingName });
  expect(await switchTo('run_a3', 'tuned_a')).toBeNull();
  await expect(served()).rejects.toThrow(new RegExp(servingName));
});

/** A registry event written before the pointer table existed: no pointer row is made for it. */
async function legacyEvent(model: string, eventId: string, at: string) {
  await e.query(
    `INSERT INTO bqtune.model_registry (serving_name, event, model_name, event_id, recorded_at)
     VALUES (@n, 'promote', @m, @id, TIMESTAMP(@at))`,
    { n: servingName, m: model, id: eventId, at },
  );
}

describe('a serving name without a pointer row (a champion from before the pointer table)', () => {
  test('its champion by the registry is switched to', async () => {
    await legacyEvent(modelPath('tuned_a'), 'a_old', '2020-01-01 00:00:00 UTC');
    expect(await pointer()).toBeUndefined();
    expect(await switchTo('run_a4', 'tuned_a')).toBeNull();
    expect(await served()).toEqual([modelPath('tuned_a')]);
  });

  test('a delayed switch to a model the registry has since replaced changes nothing', async () => {
    await legacyEvent(modelPath('tuned_a'), 'a_old', '2020-01-01 00:00:00 UTC');
    await legacyEvent(modelPath('tuned_b'), 'b_old', '2020-01-02 00:00:00 UTC');
    expect(await switchTo('run_b4', 'tuned_b')).toBeNull();
    expect(await switchTo('run_a5', 'tuned_a')).toBeNull();
    expect(await served()).toEqual([modelPath('tuned_b')]);
  });

  test('no champion at all: nothing is switched', async () => {
    expect(await switchTo('run_a6', 'tuned_a')).toBeNull();
    await expect(served()).rejects.toThrow(new RegExp(servingName));
  });
});

test('B promoted, rolled back to A, then B’s delayed switch and A’s: A is served', async () => {
  await promoteElsewhere(e, modelPath('tuned_a'), '', 'a_promote');
  await promoteElsewhere(e, modelPath('tuned_b'), modelPath('tuned_a'), 'b_promote');
  await promoteElsewhere(e, modelPath('tuned_a'), modelPath('tuned_b'), 'a_rollback');
  expect(await switchTo('run_a7', 'tuned_a')).toBeNull();
  expect(await switchTo('run_b7', 'tuned_b')).toBeNull();
  expect((await pointer()).model_name).toBe(modelPath('tuned_a'));
  expect(await served()).toEqual([modelPath('tuned_a')]);
});
