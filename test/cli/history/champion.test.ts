import { register } from '../../../cli/commands/champion';
import {
  championHistory,
  championLineage,
  rollbackChampion,
  type RegistryEvent,
} from '../../../cli/history/champion';
import { openLocalWarehouse } from '../../../cli/history/warehouse';
import { promoteChampionStatement, registryTable } from '../../../bigquery';
import { tempDir } from '../local/fixtures';
import { runCommand } from '../command';

const event = (e: string, model: string): RegistryEvent => ({
  event: e,
  model,
  previous: null,
  runId: null,
  metric: null,
  metricValue: null,
  recordedAt: '',
});

test('the lineage stacks promotions and unstacks rollbacks', () => {
  expect(championLineage([])).toEqual([]);
  expect(championLineage([event('promote', 'A'), event('promote', 'B')])).toEqual(['A', 'B']);
  expect(
    championLineage([
      event('promote', 'A'),
      event('promote', 'B'),
      event('promote', 'C'),
      event('rollback', 'B'),
    ]),
  ).toEqual(['A', 'B']);
  expect(championLineage([event('promote', 'A'), event('promote', 'B'), event('rollback', 'A')])).toEqual([
    'A',
  ]);
});

/** Deploys a model the way the pipeline does: the compare-and-set promote statement. */
async function promote(stateDir: string, model: string, expected: string, runId: string, value: number) {
  const warehouse = await openLocalWarehouse(stateDir);
  try {
    const sql = promoteChampionStatement({
      project: warehouse.project,
      dataset: warehouse.dataset,
      table: registryTable.id,
    });
    const outcome = await warehouse.query(sql, {
      serving_name: 'medical_specialty',
      event: 'promote',
      model_name: model,
      expected_previous: expected,
      run_id: runId,
      metric: 'macro_f1',
      metric_value: value,
    });
    expect(outcome.numDmlAffectedRows).toBe(1);
  } finally {
    await warehouse.close();
  }
}

test('deploy A, deploy B, roll back: A is champion again and the registry holds all three events', async () => {
  const state = tempDir('champion');
  const A = 'bqtune-local.bqtune.tuned_aaaa';
  const B = 'bqtune-local.bqtune.tuned_bbbb';
  await promote(state, A, '', 'run_a', 0.8);
  await promote(state, B, A, 'run_b', 0.85);

  const shown = await runCommand(register, ['champion', 'medical_specialty', '--state-dir', state]);
  expect(shown.stdout).toContain(`champion of medical_specialty: ${B}`);

  const rolled = await runCommand(register, [
    'champion',
    'medical_specialty',
    '--rollback',
    '--state-dir',
    state,
  ]);
  expect(rolled.exitCode).toBeUndefined();
  expect(rolled.stdout).toContain(`rolled back medical_specialty: ${A} is the champion again (was ${B})`);
  expect(rolled.stdout).toContain(`champion of medical_specialty: ${A}`);

  const warehouse = await openLocalWarehouse(state);
  try {
    const events = await championHistory(warehouse, 'medical_specialty');
    expect(events.map((e) => [e.event, e.model, e.previous])).toEqual([
      ['promote', A, null],
      ['promote', B, A],
      ['rollback', A, B],
    ]);
    // The rollback carries the gate metric A was promoted with.
    expect(events[2]).toMatchObject({ metric: 'macro_f1', metricValue: 0.8, runId: null });
    // Nothing earlier than A remains to roll back to.
    await expect(rollbackChampion(warehouse, 'medical_specialty')).rejects.toThrow(
      `serving name medical_specialty has no earlier champion than ${A} to roll back to`,
    );
    await expect(rollbackChampion(warehouse, 'other_name')).rejects.toThrow(
      'serving name other_name has no champion to roll back',
    );
  } finally {
    await warehouse.close();
  }
});

test('a promotion landing during a rollback makes the rollback fail instead of undoing it', async () => {
  const state = tempDir('champion-race');
  const [A, B, C] = ['tuned_a', 'tuned_b', 'tuned_c'].map((m) => `bqtune-local.bqtune.${m}`);
  await promote(state, A, '', 'run_a', 0.8);
  await promote(state, B, A, 'run_b', 0.85);
  const warehouse = await openLocalWarehouse(state);
  try {
    let raced = false;
    const racing = {
      ...warehouse,
      query: async (...args: Parameters<typeof warehouse.query>) => {
        if (args[0].text.startsWith('INSERT') && !raced) {
          raced = true;
          await warehouse.query(args[0], {
            ...args[1],
            event: 'promote',
            model_name: C,
            expected_previous: B,
          });
        }
        return warehouse.query(...args);
      },
    };
    await expect(rollbackChampion(racing, 'medical_specialty')).rejects.toThrow(
      `the champion of medical_specialty changed while rolling back (it is no longer ${B})`,
    );
    const events = await championHistory(warehouse, 'medical_specialty');
    expect(championLineage(events)).toEqual([A, B, C]);
  } finally {
    await warehouse.close();
  }
});
