import { register } from '../../../cli/commands/champion';
import {
  championHistory,
  championLineage,
  rollbackChampion,
  type RegistryEvent,
} from '../../../cli/history/champion';
import { openLocalWarehouse } from '../../../cli/history/warehouse';
import { changeChampionScript, championChangeQuery, championsTable, registryTable } from '../../../bigquery';
import type { PipelineWarehouse } from '../../../cli/history/warehouse';
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

/** Deploys a model the way the pipeline does: the champion-change transaction, then whether it landed. */
async function promoteOn(
  warehouse: PipelineWarehouse,
  model: string,
  expected: string,
  runId: string,
  value: number,
  cancellations: string[] = [],
) {
  const table = (id: string) => ({ project: warehouse.project, dataset: warehouse.dataset, table: id });
  const tables = { champions: table(championsTable.id), registry: table(registryTable.id) };
  // Retried on BigQuery's concurrent-update cancellation, as the pipeline's run_query does.
  for (;;) {
    try {
      await warehouse.query(changeChampionScript(tables), {
        serving_name: 'medical_specialty',
        event: 'promote',
        model_name: model,
        expected_previous: expected,
        event_id: `${runId}_promote`,
        run_id: runId,
        metric: 'macro_f1',
        metric_value: value,
      });
      break;
    } catch (error) {
      const message = (error as Error).message;
      if (!/concurrent update/.test(message) || cancellations.length > 3) throw error;
      cancellations.push(message);
    }
  }
  const landed = await warehouse.query(championChangeQuery(tables.registry), {
    event_id: `${runId}_promote`,
  });
  return Number(landed.rows[0].changed) === 1;
}

async function promote(stateDir: string, model: string, expected: string, runId: string, value: number) {
  const warehouse = await openLocalWarehouse(stateDir);
  try {
    expect(await promoteOn(warehouse, model, expected, runId, value)).toBe(true);
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
        if (args[0].text.startsWith('BEGIN TRANSACTION') && !raced) {
          raced = true;
          expect(await promoteOn(warehouse, C, B, 'run_c', 0.9)).toBe(true);
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

test('a promotion racing a rollback wins when it starts first: the rollback fails and says why', async () => {
  const state = tempDir('champion-promotion-first');
  const [A, B, C] = ['tuned_a', 'tuned_b', 'tuned_c'].map((m) => `bqtune-local.bqtune.${m}`);
  await promote(state, A, '', 'run_a', 0.8);
  await promote(state, B, A, 'run_b', 0.85);
  const warehouse = await openLocalWarehouse(state);
  try {
    // Both start from champion B at the same time; the rollback reads the history first.
    const [promotion, rollback] = await Promise.allSettled([
      promoteOn(warehouse, C, B, 'run_c', 0.9),
      rollbackChampion(warehouse, 'medical_specialty'),
    ]);
    expect(promotion).toEqual({ status: 'fulfilled', value: true });
    expect(rollback.status).toBe('rejected');
    expect(String((rollback as PromiseRejectedResult).reason)).toContain(
      `the champion of medical_specialty changed while rolling back (it is no longer ${B})`,
    );
    const events = await championHistory(warehouse, 'medical_specialty');
    expect(events.map((e) => [e.event, e.model, e.previous])).toEqual([
      ['promote', A, null],
      ['promote', B, A],
      ['promote', C, B],
    ]);
  } finally {
    await warehouse.close();
  }
});

test('a rollback whose transaction begins first wins: the promotion is cancelled, retried, and lands nothing', async () => {
  const state = tempDir('champion-rollback-first');
  const [A, B, C] = ['tuned_a', 'tuned_b', 'tuned_c'].map((m) => `bqtune-local.bqtune.${m}`);
  await promote(state, A, '', 'run_a', 0.8);
  await promote(state, B, A, 'run_b', 0.85);
  const warehouse = await openLocalWarehouse(state);
  try {
    let promotion: Promise<boolean> | undefined;
    const cancellations: string[] = [];
    const racing: PipelineWarehouse = {
      ...warehouse,
      query: (...args: Parameters<typeof warehouse.query>) => {
        const own = warehouse.query(...args);
        // The promotion's transaction starts while the rollback's is open, from the same champion B.
        if (args[0].text.startsWith('BEGIN TRANSACTION') && !promotion) {
          promotion = promoteOn(warehouse, C, B, 'run_c', 0.9, cancellations);
        }
        return own;
      },
    };
    // These fake models were promoted by no run, so the serving function cannot follow (reported, not thrown).
    expect(await rollbackChampion(racing, 'medical_specialty')).toMatchObject({ from: B, to: A });
    expect(await promotion).toBe(false);
    expect(cancellations).toEqual([
      `Transaction is aborted due to concurrent update against table bqtune-local:bqtune.champions.`,
    ]);
    const events = await championHistory(warehouse, 'medical_specialty');
    expect(events.map((e) => [e.event, e.model, e.previous])).toEqual([
      ['promote', A, null],
      ['promote', B, A],
      ['rollback', A, B],
    ]);
  } finally {
    await warehouse.close();
  }
});
