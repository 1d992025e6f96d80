import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  changeChampionScript,
  championChangeQuery,
  championQuery,
  championsTable,
  createTableDdl,
  currentChampionsSql,
  registryTable,
  servingNamesQuery,
  type Sql,
} from '../../bigquery';
import { createBigQueryEmulator, type BigQueryEmulator } from '../../emulator/bigquery';

/**
 * The champion-change transaction and the queries that read a champion, run in the emulator one change at
 * a time. After each change the test says by hand what the pointer row and the registry must hold: a change
 * lands only when the champion is still the one the caller expected, records the old champion as
 * previous_model and writes exactly one registry event; a change against a stale expectation changes nothing.
 */

const ds = { project: 'champ-proj', dataset: 'ds' };
const tables = {
  champions: { ...ds, table: championsTable.id },
  registry: { ...ds, table: registryTable.id },
};
let bq: BigQueryEmulator;

interface Change {
  name: string;
  event: 'promote' | 'rollback';
  model: string;
  expected: string;
  eventId: string;
  runId?: string;
  metric?: string;
  value?: number;
}

/**
 * The statement's parameters with these values, typed as the statement declares them: what the pipeline
 * and the CLI send (a FLOAT64 value goes as its decimal text).
 */
const bound = (sql: Sql, values: Record<string, string | number>) =>
  sql.params.map((p) => ({ ...p, parameterValue: { value: String(values[p.name]) } }));

/** Runs the transaction as the pipeline does, then asks whether its event landed (1) or not (0). */
async function change(c: Change): Promise<number> {
  const script = changeChampionScript(tables);
  await bq.query(
    script.text,
    bound(script, {
      serving_name: c.name,
      event: c.event,
      model_name: c.model,
      expected_previous: c.expected,
      event_id: c.eventId,
      run_id: c.runId ?? '',
      metric: c.metric ?? '',
      metric_value: c.value ?? 0,
    }),
  );
  const landed = championChangeQuery(tables.registry);
  const { rows } = await bq.query(landed.text, bound(landed, { event_id: c.eventId }));
  return Number(rows[0].changed);
}

const fields = (r: Record<string, unknown>) => [
  r.serving_name,
  r.event,
  r.model_name,
  r.previous_model,
  r.run_id,
  r.metric,
  r.metric_value === null ? null : Number(r.metric_value),
];

async function champion(name: string): Promise<unknown[][]> {
  const { rows } = await bq.query(championQuery(tables).text, { serving_name: name });
  return rows.map(fields);
}

async function registryEvents(name: string): Promise<unknown[][]> {
  const { rows } = await bq.query(
    `SELECT *, event_id AS id FROM \`champ-proj.ds.model_registry\` WHERE serving_name = @name ORDER BY recorded_at, event_id`,
    { name },
  );
  return rows.map((r) => [...fields(r), r.id]);
}

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-champion-'));
  bq = await createBigQueryEmulator({
    dataDir: path.join(root, 'data'),
    gcsDir: path.join(root, 'gcs'),
    projectId: ds.project,
    datasets: [`${ds.project}.${ds.dataset}`],
  });
  await bq.query(createTableDdl(registryTable, ds).text);
  await bq.query(createTableDdl(championsTable, ds).text);
  // Serving names whose champions were set before the pointer table existed: registry events only.
  for (const [name, model, at] of [
    ['svc', 'm2', '2020-01-02 00:00:00'],
    ['svc', 'm1', '2020-01-01 00:00:00'],
    ['legacy', 'l1', '2020-01-03 00:00:00'],
  ]) {
    await bq.query(
      `INSERT INTO \`champ-proj.ds.model_registry\` (serving_name, event, model_name, run_id, recorded_at, event_id) VALUES (@name, 'promote', @model, 'old', TIMESTAMP '${at}', @model)`,
      { name, model },
    );
  }
});
afterAll(() => bq.close());

// The tests below run in order: each starts from the state the one before left.

test('before any change, a serving name resolves through its latest registry event', async () => {
  expect(await champion('svc')).toEqual([['svc', 'promote', 'm2', null, 'old', null, null]]);
  expect(await champion('nobody')).toEqual([]);
});

test('a promotion against the current champion lands: pointer seeded, moved, one registry event', async () => {
  const landed = await change({
    name: 'svc',
    event: 'promote',
    model: 'm3',
    expected: 'm2',
    eventId: 'e3',
    runId: 'r3',
    metric: 'macro_f1',
    value: 0.75,
  });
  expect(landed).toBe(1);
  expect(await champion('svc')).toEqual([['svc', 'promote', 'm3', 'm2', 'r3', 'macro_f1', 0.75]]);
  expect(await registryEvents('svc')).toEqual([
    ['svc', 'promote', 'm1', null, 'old', null, null, 'm1'],
    ['svc', 'promote', 'm2', null, 'old', null, null, 'm2'],
    ['svc', 'promote', 'm3', 'm2', 'r3', 'macro_f1', 0.75, 'e3'],
  ]);
});

test('a promotion against a champion that has moved changes nothing', async () => {
  expect(await change({ name: 'svc', event: 'promote', model: 'm4', expected: 'm2', eventId: 'e4' })).toBe(0);
  expect(await champion('svc')).toEqual([['svc', 'promote', 'm3', 'm2', 'r3', 'macro_f1', 0.75]]);
  expect((await registryEvents('svc')).map((e) => e[7])).toEqual(['m1', 'm2', 'e3']);
});

test('a first promotion expects no champion (""); an empty run id and metric are stored as NULL', async () => {
  expect(await change({ name: 'fresh', event: 'promote', model: 'n1', expected: '', eventId: 'f1' })).toBe(1);
  expect(await champion('fresh')).toEqual([['fresh', 'promote', 'n1', null, null, null, 0]]);
  expect(await registryEvents('fresh')).toEqual([['fresh', 'promote', 'n1', null, null, null, 0, 'f1']]);
});

test('a first promotion that expected a champion leaves an empty pointer: still no champion', async () => {
  expect(await change({ name: 'ghost', event: 'promote', model: 'g1', expected: 'g0', eventId: 'g1' })).toBe(
    0,
  );
  expect(await champion('ghost')).toEqual([]);
  expect(await registryEvents('ghost')).toEqual([]);
  // The empty pointer expects no champion next time.
  expect(await change({ name: 'ghost', event: 'promote', model: 'g1', expected: '', eventId: 'g2' })).toBe(1);
  expect(await champion('ghost')).toEqual([['ghost', 'promote', 'g1', null, null, null, 0]]);
});

test('a rollback is a change like a promotion: it lands against the current champion only, stamped with its own time', async () => {
  expect(await change({ name: 'svc', event: 'rollback', model: 'm2', expected: 'm2', eventId: 'x' })).toBe(0);
  expect(await change({ name: 'svc', event: 'rollback', model: 'm2', expected: 'm3', eventId: 'r' })).toBe(1);
  expect(await champion('svc')).toEqual([['svc', 'rollback', 'm2', 'm3', null, null, 0]]);
  // Stamped with its own time, on the pointer and on its registry event alike.
  const { rows } = await bq.query(
    `SELECT event_id, CAST(recorded_at AS STRING) AS at FROM \`champ-proj.ds.model_registry\` WHERE event_id IN ('e3', 'r')`,
  );
  const at = Object.fromEntries(rows.map((r) => [r.event_id, String(r.at)]));
  expect(at.r > at.e3).toBe(true);
  const { rows: same } = await bq.query(
    `SELECT COUNT(*) AS n FROM \`champ-proj.ds.champions\` AS c JOIN \`champ-proj.ds.model_registry\` AS r ON r.event_id = c.event_id AND r.recorded_at = c.updated_at WHERE c.serving_name = 'svc'`,
  );
  expect(Number(same[0].n)).toBe(1);
});

test('a bad table reference names the statement and the argument', () => {
  const bad = { ...ds, table: 'no such' };
  expect(() => championQuery({ ...tables, champions: bad })).toThrow(/^championQuery\.champions\.table: /);
  expect(() => championQuery({ ...tables, registry: bad })).toThrow(/^championQuery\.registry\.table: /);
  expect(() => changeChampionScript({ ...tables, champions: bad })).toThrow(
    /^changeChampionScript\.champions\.table: /,
  );
  expect(() => changeChampionScript({ ...tables, registry: bad })).toThrow(
    /^changeChampionScript\.registry\.table: /,
  );
  expect(() => championChangeQuery(bad)).toThrow(/^championChangeQuery\.registry\.table: /);
  expect(() => currentChampionsSql({ ...tables, champions: bad })).toThrow(
    /^currentChampionsSql\.champions\.table: /,
  );
  expect(() => currentChampionsSql({ ...tables, registry: bad })).toThrow(
    /^currentChampionsSql\.registry\.table: /,
  );
  expect(() => servingNamesQuery({ ...tables, champions: bad })).toThrow(
    /^servingNamesQuery\.champions\.table: /,
  );
  expect(() => servingNamesQuery({ ...tables, registry: bad })).toThrow(
    /^servingNamesQuery\.registry\.table: /,
  );
});

test('the pointer, not a later registry row, decides a serving name that has one', async () => {
  await bq.query(
    `INSERT INTO \`champ-proj.ds.model_registry\` (serving_name, event, model_name, recorded_at) VALUES ('svc', 'promote', 'stray', TIMESTAMP '2999-01-01 00:00:00')`,
  );
  expect((await champion('svc')).map((r) => r[2])).toEqual(['m2']);
});

test('the current_champions view: one row per serving name, pointers and registry-only names alike', async () => {
  const { rows } = await bq.query(`${currentChampionsSql(tables)} ORDER BY serving_name`);
  expect(rows.map((r) => [r.serving_name, r.model_name])).toEqual([
    ['fresh', 'n1'],
    ['ghost', 'g1'],
    ['legacy', 'l1'],
    ['svc', 'm2'],
  ]);
});

test('the serving names with a champion, in name order, are the names the view resolves', async () => {
  const query = servingNamesQuery(tables);
  expect(query.text).toBe(
    `SELECT serving_name FROM (${currentChampionsSql(tables)}) AS current ORDER BY serving_name`,
  );
  const { rows } = await bq.query(query.text);
  expect(rows.map((r) => r.serving_name)).toEqual(['fresh', 'ghost', 'legacy', 'svc']);
});
