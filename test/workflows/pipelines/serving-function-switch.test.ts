import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { runLocally } from '../../../cli/local/run-locally';
import { predictLocally } from '../../../cli/local/predict-locally';
import type { EmulatorStats } from '../../../emulator/bigquery';
import { exampleVariant, queryState, table, tempDir } from '../../cli/local/fixtures';
import { bqtuneBin } from '../../support/bin';

/**
 * The serving name's table function follows the promotion in the compiled pipeline itself: switched once
 * the promotion committed, not switched when nothing was promoted, and a switch that failed after the
 * commit is reported, repaired by `bqtune champion --switch-function` and by a re-run.
 */
type Row = Record<string, unknown>;

const runBqtune = (args: string[]) => spawnSync(process.execPath, [bqtuneBin, ...args], { encoding: 'utf8' });

const stateDir = tempDir('serving-switch');
const configDir = tempDir('serving-switch-config');
const config = exampleVariant(configDir, { gate: { maxLabelRegression: 1 } });
// No tuned model beats the baseline by a whole macro F1 point: the gate rejects.
const rejectingConfig = exampleVariant(tempDir('serving-switch-reject'), {
  gate: { maxLabelRegression: 1, minImprovementOverBaseline: 1 },
});

/** What the stable name answers for one row, and with which model. */
async function viaStableName(): Promise<Row[]> {
  const notes = table('switch_notes');
  await queryState(stateDir, `CREATE OR REPLACE TABLE ${notes} (id STRING, input_text STRING)`);
  await queryState(stateDir, `INSERT INTO ${notes} VALUES ('n1', 'Chest pain on exertion.')`);
  return queryState(stateDir, `SELECT id, model_name FROM bqtune.medical_specialty(TABLE ${notes})`);
}

const servingJobs = (stats: EmulatorStats, runId: string) =>
  stats.jobIds.filter((id) => id.startsWith(`bqtune_${runId}_serving_function_`));

let model = '';

test('a switch that fails after the promotion committed keeps the promotion and says so', async () => {
  let stats: EmulatorStats | undefined;
  const { summary } = await runLocally({
    configFile: config,
    stateDir,
    runId: 'run_switch_fails',
    faults: { jobFailures: { count: 1, reason: 'invalidQuery', statementTypes: ['CREATE_TABLE_FUNCTION'] } },
    onStart: (s) => (stats = s as EmulatorStats),
  });
  model = summary.tuned!.model;
  expect(summary).toMatchObject({
    status: 'succeeded',
    deployed: true,
    champion: { before: null, after: model },
  });
  expect(summary.servingFunctionError).toBe(
    'the table function medical_specialty still serves the previous champion: ' +
      'The job finished unsuccessfully: invalidQuery: Syntax error: Unexpected end of script at [1:1] (injected fault)',
  );
  // One attempt: invalidQuery is not retried.
  expect(servingJobs(stats!, 'run_switch_fails')).toHaveLength(1);
  const pointer = await queryState(
    stateDir,
    `SELECT model_name FROM ${table('champions')} WHERE serving_name = 'medical_specialty'`,
  );
  expect(pointer).toEqual([{ model_name: model }]);
  const recorded = await queryState(
    stateDir,
    `SELECT status, deployed, JSON_VALUE(error, '$.tags[0]') AS tag FROM ${table('runs')}
     WHERE run_id = 'run_switch_fails' AND status <> 'running'`,
  );
  expect(recorded).toEqual([{ status: 'succeeded', deployed: true, tag: 'ServingFunctionError' }]);
  // The first champion's function was never created.
  await expect(viaStableName()).rejects.toThrow(/medical_specialty/);
});

test('a re-run of the same config, with the model already champion, switches the function', async () => {
  let stats: EmulatorStats | undefined;
  const { summary } = await runLocally({
    configFile: config,
    stateDir,
    runId: 'run_switch_again',
    onStart: (s) => (stats = s as EmulatorStats),
  });
  expect(summary).toMatchObject({
    status: 'succeeded',
    deployed: false,
    champion: { before: model, after: model },
  });
  expect(summary.gate!.reasons).toContain('the tuned model is already the champion');
  expect(summary.servingFunctionError).toBeUndefined();
  expect(servingJobs(stats!, 'run_switch_again')).toHaveLength(1);
  expect(await viaStableName()).toEqual([{ id: 'n1', model_name: model }]);
});

test('a re-run with other generation settings repairs the function with the promoting run’s settings', async () => {
  // The same tuned model (generation settings are not part of its content key), answering in one token.
  const oneToken = exampleVariant(tempDir('serving-switch-one-token'), {
    gate: { maxLabelRegression: 1 },
    model: { generation: { maxOutputTokens: 1 } },
  });
  const { summary } = await runLocally({ configFile: oneToken, stateDir, runId: 'run_switch_settings' });
  expect(summary).toMatchObject({ deployed: false, champion: { before: model, after: model } });
  expect(summary.gate!.passed).toBe(true);
  const notes = table('switch_settings_notes');
  const text = 'Chest pain on exertion, ECG with ST changes.';
  await queryState(stateDir, `CREATE OR REPLACE TABLE ${notes} AS SELECT 'n1' AS id, @text AS input_text`, {
    text,
  });
  const [viaFunction] = await queryState(
    stateDir,
    `SELECT generated_text, model_name FROM bqtune.medical_specialty(TABLE ${notes})`,
  );
  // batch-predict answers with the settings of the run that promoted the champion.
  const input = `${tempDir('serving-switch-settings-in')}/in.jsonl`;
  fs.writeFileSync(input, JSON.stringify({ id: 'settings_n1', input_text: text }) + '\n');
  const predicted = await predictLocally({ input, stateDir, runId: 'predict_switch_settings' });
  expect(predicted.rows[0].generated_text?.split(/\s+/).length).toBeGreaterThan(1);
  expect(viaFunction).toEqual({ generated_text: predicted.rows[0].generated_text, model_name: model });
});

test('a rejected run switches nothing', async () => {
  await queryState(stateDir, 'DROP TABLE FUNCTION bqtune.medical_specialty');
  let stats: EmulatorStats | undefined;
  const { summary } = await runLocally({
    configFile: rejectingConfig,
    stateDir,
    runId: 'run_switch_rejected',
    onStart: (s) => (stats = s as EmulatorStats),
  });
  expect(summary).toMatchObject({ status: 'rejected', deployed: false });
  expect(servingJobs(stats!, 'run_switch_rejected')).toEqual([]);
  await expect(viaStableName()).rejects.toThrow(/medical_specialty/);
});

test('bqtune champion --switch-function points the function at the champion', async () => {
  const both = runBqtune(['champion', '--switch-function', '--rollback', '--state-dir', stateDir]);
  expect(both.status).not.toBe(0);
  expect(both.stderr.trim().split('\n')).toHaveLength(1);
  expect(both.stderr).toContain('--switch-function and --rollback: give one');
  await expect(viaStableName()).rejects.toThrow(/medical_specialty/);

  const none = runBqtune(['champion', 'nobody', '--switch-function', '--state-dir', stateDir]);
  expect(none.status).not.toBe(0);
  expect(none.stderr).toContain('serving name nobody has no champion yet');

  const r = runBqtune(['champion', '--switch-function', '--json', '--state-dir', stateDir]);
  expect(r.status).toBe(0);
  expect((JSON.parse(r.stdout) as Row).servingFunction).toBe(model);
  expect(await viaStableName()).toEqual([{ id: 'n1', model_name: model }]);
});

test('BigQuery runs no CREATE TABLE FUNCTION inside a transaction, so the switch is a statement of its own', async () => {
  await expect(
    queryState(
      stateDir,
      [
        'BEGIN TRANSACTION;',
        'CREATE OR REPLACE TABLE FUNCTION bqtune.inside(t TABLE<id STRING>) AS (SELECT id FROM t);',
        'COMMIT TRANSACTION;',
      ].join('\n'),
    ),
  ).rejects.toThrow('CREATE_TABLE_FUNCTION is not supported inside a transaction');
});

test('a champion evaluated with ML.GENERATE_TEXT: the function (AI.GENERATE_TEXT) answers as batch-predict does', async () => {
  const state = tempDir('serving-switch-ml');
  const dir = tempDir('serving-switch-ml-config');
  const mlConfig = exampleVariant(dir, {
    gate: { maxLabelRegression: 1 },
    model: { generation: { function: 'ML.GENERATE_TEXT' } },
  });
  const { summary } = await runLocally({ configFile: mlConfig, stateDir: state, runId: 'run_ml' });
  expect(summary.deployed).toBe(true);
  const input = `${dir}/one.jsonl`;
  const text = 'Follow-up of type 2 diabetes, HbA1c 8.1%, metformin increased.';
  fs.writeFileSync(input, JSON.stringify({ id: 'm1', input_text: text }) + '\n');
  const predicted = await predictLocally({ input, stateDir: state, runId: 'predict_ml' });
  expect(predicted.rows.map((r) => [r.model_name, r.status])).toEqual([[summary.tuned!.model, '']]);
  expect(predicted.rows[0].generated_text).toMatch(/\S/);
  const notes = table('ml_notes');
  await queryState(state, `CREATE TABLE ${notes} AS SELECT 'm1' AS id, @text AS input_text`, { text });
  const direct = await queryState(
    state,
    `SELECT generated_text, predicted_label, model_name FROM bqtune.medical_specialty(TABLE ${notes})`,
  );
  expect(direct).toEqual([
    {
      generated_text: predicted.rows[0].generated_text,
      predicted_label: predicted.rows[0].predicted_label,
      model_name: summary.tuned!.model,
    },
  ]);
});

// A switch that lands after a later promotion's switch: switch-order.test.ts.
