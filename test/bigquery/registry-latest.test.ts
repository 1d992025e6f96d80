import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  championQuery,
  championsTable,
  createTableDdl,
  currentChampionsSql,
  registryTable,
} from '../../bigquery';
import { createBigQueryEmulator, type BigQueryEmulator } from '../../emulator/bigquery';

/** What a serving name resolves to, in the emulator: the event with the latest recorded_at. */

const ds = { project: 'reg-proj', dataset: 'ds' };
// No pointer rows: a serving name resolves through its registry events alone (as before the pointer existed).
const registry = {
  champions: { ...ds, table: championsTable.id },
  registry: { ...ds, table: registryTable.id },
};
let bq: BigQueryEmulator;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-registry-'));
  bq = await createBigQueryEmulator({
    dataDir: path.join(root, 'data'),
    gcsDir: path.join(root, 'gcs'),
    projectId: 'reg-proj',
    datasets: ['reg-proj.ds'],
  });
  await bq.query(createTableDdl(registryTable, ds).text);
  await bq.query(createTableDdl(championsTable, ds).text);
  // Written out of time order: the row written last is not the latest event.
  const events: [string, string, string][] = [
    ['svc', 'm2', '2026-01-02 00:00:00'],
    ['svc', 'm3', '2026-01-01 12:00:00'],
    ['svc', 'm1', '2026-01-01 00:00:00'],
    ['other', 'o1', '2026-01-03 00:00:00'],
  ];
  for (const [name, model, at] of events) {
    await bq.query(
      `INSERT INTO \`reg-proj.ds.model_registry\` (serving_name, event, model_name, recorded_at) VALUES ('${name}', 'promote', '${model}', TIMESTAMP '${at}')`,
    );
  }
});
afterAll(() => bq.close());

test('the champion is the event with the latest recorded_at, not the last one written', async () => {
  const { rows } = await bq.query(championQuery(registry).text, { serving_name: 'svc' });
  expect(rows.map((r) => r.model_name)).toEqual(['m2']);
});

test('a serving name without events has no champion', async () => {
  const { rows } = await bq.query(championQuery(registry).text, { serving_name: 'nobody' });
  expect(rows).toEqual([]);
});

test('the current_champions view body gives one row per serving name', async () => {
  const { rows } = await bq.query(`${currentChampionsSql(registry)} ORDER BY serving_name`);
  expect(rows.map((r) => [r.serving_name, r.model_name])).toEqual([
    ['other', 'o1'],
    ['svc', 'm2'],
  ]);
});
