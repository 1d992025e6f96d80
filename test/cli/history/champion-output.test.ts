import { register } from '../../../cli/commands/champion';
import { openLocalWarehouse } from '../../../cli/history/warehouse';
import { changeChampionScript, championChangeQuery, championsTable, registryTable } from '../../../bigquery';
import { tempDir } from '../local/fixtures';
import { runCommand } from '../command';

/* What `bqtune champion` prints: a table that fits 80 columns, or every field as JSON. */

const A = `bqtune-local.bqtune.tuned_${'a1'.repeat(16)}`;
const B = `bqtune-local.bqtune.tuned_${'b2'.repeat(16)}`;
let state: string;

beforeAll(async () => {
  state = tempDir('champion-output');
  const warehouse = await openLocalWarehouse(state);
  try {
    const at = (table: string) => ({ project: warehouse.project, dataset: warehouse.dataset, table });
    const tables = { champions: at(championsTable.id), registry: at(registryTable.id) };
    const sql = changeChampionScript(tables);
    for (const [model, expected, runId, value] of [
      [A, '', 'run_20261125_071502_a1b2', 0.8],
      [B, A, 'run_20261126_081502_c3d4', 0.85],
    ] as const) {
      await warehouse.query(sql, {
        serving_name: 'medical_specialty',
        event: 'promote',
        model_name: model,
        expected_previous: expected,
        event_id: `${runId}_promote`,
        run_id: runId,
        metric: 'macro_f1',
        metric_value: value,
      });
      const landed = await warehouse.query(championChangeQuery(tables.registry), {
        event_id: `${runId}_promote`,
      });
      expect(landed.rows).toHaveLength(1);
    }
  } finally {
    await warehouse.close();
  }
});

test('the history table fits 80 columns and still names each model and run', async () => {
  const { stdout } = await runCommand(register, ['champion', '--state-dir', state]);
  const lines = stdout.trimEnd().split('\n');
  expect(lines[0]).toBe(`champion of medical_specialty: ${B}`);
  // No run recorded these models, so how long the base serves is unknown.
  expect(lines[1]).toBe('serving until: unknown (no run of this model records its base endpoint)');
  expect(lines[2]).toMatch(/^when +event +model +run +metric$/);
  expect(lines[3]).toMatch(
    /^\d{4}-\d\d-\d\d \d\d:\d\d +promote +tuned_a1a1\S*… +run_20261125_\S+ +macro_f1 0\.800$/,
  );
  expect(lines[4]).toMatch(/ promote +tuned_b2b2\S* +run_20261126_\S+ +macro_f1 0\.850$/);
  for (const line of lines.slice(1)) expect(line.length).toBeLessThanOrEqual(80);
});

test('--json gives the champion and every event in full', async () => {
  const { stdout } = await runCommand(register, [
    'champion',
    'medical_specialty',
    '--json',
    '--state-dir',
    state,
  ]);
  const out = JSON.parse(stdout);
  expect(out).toEqual({
    servingName: 'medical_specialty',
    champion: B,
    history: [
      expect.objectContaining({
        event: 'promote',
        model: A,
        previous: null,
        runId: 'run_20261125_071502_a1b2',
        metric: 'macro_f1',
        metricValue: 0.8,
      }),
      expect.objectContaining({
        event: 'promote',
        model: B,
        previous: A,
        runId: 'run_20261126_081502_c3d4',
        metricValue: 0.85,
      }),
    ],
  });
  const none = await runCommand(register, ['champion', 'other_name', '--json', '--state-dir', state]);
  expect(JSON.parse(none.stdout)).toEqual({ servingName: 'other_name', champion: null, history: [] });
});
