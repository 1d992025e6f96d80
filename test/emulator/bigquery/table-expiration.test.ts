import * as fs from 'node:fs';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { harness, project, type Harness, reasonOf, tableResource } from './harness';

/*
 * Table options and expiration as the DDL page documents them
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#table_option_list):
 * an expired table is not found, not listed and dropped, on the emulator's injected clock.
 */

const t = (name: string) => `\`${project}.ds.${name}\``;
/** 2030-01-01T00:00:00Z, an expiration independent of any clock. */
const in2030 = Date.UTC(2030, 0, 1);
const ts2030 = "TIMESTAMP '2030-01-01 00:00:00 UTC'";

let clock = 0;
let h: Harness;
beforeEach(async () => {
  clock = Date.UTC(2029, 0, 1);
  h = await harness({ now: () => clock });
});
afterEach(() => h.emulator.close());

/** The tables DuckDB itself holds, read after the emulator is closed: what is stored, not what is shown. */
async function storedTables(dataDir: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path.join(dataDir, 'warehouse.duckdb'));
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll('SELECT table_name FROM duckdb_tables() ORDER BY 1');
  const names = reader.getRowsJson().map((r) => String(r[0]));
  connection.closeSync();
  instance.closeSync();
  return names;
}

test('expiration_timestamp is kept with the table and shown as the Table resource expirationTime', async () => {
  await h.emulator.query(`CREATE TABLE ${t('a')} (x INT64) OPTIONS(expiration_timestamp = ${ts2030})`);
  expect((await tableResource(h, 'a')).expirationTime).toBe(String(in2030));
  await h.emulator.query(`CREATE TABLE ${t('forever')} (x INT64) OPTIONS(description = 'kept')`);
  expect((await tableResource(h, 'forever')).expirationTime).toBeUndefined();
});

test('a table is readable until its expiration and at it is not found, not listed and not stored', async () => {
  await h.emulator.query(`CREATE TABLE ${t('a')} (x INT64) OPTIONS(expiration_timestamp = ${ts2030})`);
  await h.emulator.query(`INSERT INTO ${t('a')} (x) VALUES (1)`);
  clock = in2030 - 1;
  expect((await h.emulator.query(`SELECT x FROM ${t('a')}`)).rows).toEqual([{ x: '1' }]);
  clock = in2030;
  expect(await reasonOf(h.emulator.query(`SELECT x FROM ${t('a')}`))).toBe('notFound');
  expect(await reasonOf(h.emulator.query(`INSERT INTO ${t('a')} (x) VALUES (2)`))).toBe('notFound');
  await expect(tableResource(h, 'a')).rejects.toMatchObject({
    value: { tags: ['HttpError'], code: 404, body: { error: { errors: [{ reason: 'notFound' }] } } },
  });
  // The name is free again, as after a DROP.
  await h.emulator.query(`CREATE TABLE ${t('a')} (y STRING)`);
  expect((await h.emulator.query(`SELECT COUNT(*) AS n FROM ${t('a')}`)).rows).toEqual([{ n: '0' }]);
  await h.emulator.query(`DROP TABLE ${t('a')}`);
  await h.emulator.close();
  expect(await storedTables(h.dataDir)).toEqual([]);
  h = await harness({ now: () => clock });
});

test('a table that expires while the warehouse is closed is gone when it opens again', async () => {
  const dir = path.dirname(h.dataDir);
  await h.emulator.query(`CREATE TABLE ${t('soon')} (x INT64) OPTIONS(expiration_timestamp = ${ts2030})`);
  await h.emulator.query(`CREATE TABLE ${t('later')} (x INT64)`);
  await h.emulator.close();
  clock = in2030 + 1;
  h = await harness({ now: () => clock }, dir);
  await h.emulator.close();
  expect(await storedTables(h.dataDir)).toEqual(['later']);
  h = await harness({ now: () => clock }, dir);
});

test('the expiration is an expression of scalar functions or a query parameter, evaluated at creation', async () => {
  await h.emulator.query(
    `CREATE TABLE ${t('week')} (x INT64) OPTIONS(expiration_timestamp = TIMESTAMP_ADD(${ts2030}, INTERVAL 168 HOUR))`,
  );
  expect((await tableResource(h, 'week')).expirationTime).toBe(String(in2030 + 168 * 3_600_000));
  await h.emulator.query(`CREATE TABLE ${t('param')} (x INT64) OPTIONS(expiration_timestamp = @at)`, [
    { name: 'at', parameterType: { type: 'TIMESTAMP' }, parameterValue: { value: '2030-01-01 00:00:00' } },
  ]);
  expect((await tableResource(h, 'param')).expirationTime).toBe(String(in2030));
  await h.emulator.query(
    `CREATE TABLE ${t('ctas')} OPTIONS(expiration_timestamp = ${ts2030}) AS SELECT 1 AS x`,
  );
  expect((await tableResource(h, 'ctas')).expirationTime).toBe(String(in2030));
});

test('a STRING literal is coerced to TIMESTAMP, as the load statements page writes it', async () => {
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/load-statements ("Set options when
  // creating a new table"): expiration_timestamp="2025-01-01 00:00:00 UTC"; literal coercion per
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/conversion_rules.
  await h.emulator.query(
    `CREATE TABLE ${t('lit')} (x INT64) OPTIONS(expiration_timestamp="2030-01-01 00:00:00 UTC")`,
  );
  expect((await tableResource(h, 'lit')).expirationTime).toBe(String(in2030));
  await h.emulator.query(`CREATE TABLE ${t('day')} (x INT64) OPTIONS(expiration_timestamp='2030-01-02')`);
  expect((await tableResource(h, 'day')).expirationTime).toBe(String(in2030 + 86_400_000));
  h.writeObject('gs://bucket/one.jsonl', '{"x": 1}\n');
  await h.emulator.query(
    `LOAD DATA INTO ${t('loaded_lit')} (x INT64) OPTIONS(description="my table", expiration_timestamp="2030-01-01 00:00:00 UTC")
       FROM FILES(format = 'NEWLINE_DELIMITED_JSON', uris = ['gs://bucket/one.jsonl'])`,
  );
  expect((await tableResource(h, 'loaded_lit')).expirationTime).toBe(String(in2030));
});

test('CURRENT_TIMESTAMP() + n hours expires n hours after the statement ran', async () => {
  clock = Date.now();
  const before = Date.now();
  await h.emulator.query(
    `CREATE TABLE ${t('now')} (x INT64) OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 2 HOUR))`,
  );
  const after = Date.now();
  const expires = Number((await tableResource(h, 'now')).expirationTime);
  expect(expires).toBeGreaterThanOrEqual(before + 7_200_000);
  expect(expires).toBeLessThanOrEqual(after + 7_200_000);
});

test('a NULL value leaves the option unset; the replacing table has only its own options', async () => {
  await h.emulator.query(
    `CREATE TABLE ${t('n')} (x INT64) OPTIONS(expiration_timestamp = CAST(NULL AS TIMESTAMP), friendly_name = NULL)`,
  );
  expect((await tableResource(h, 'n')).expirationTime).toBeUndefined();
  await h.emulator.query(`CREATE TABLE ${t('r')} (x INT64) OPTIONS(expiration_timestamp = ${ts2030})`);
  await h.emulator.query(`CREATE TABLE IF NOT EXISTS ${t('r')} (x INT64)`);
  expect((await tableResource(h, 'r')).expirationTime).toBe(String(in2030));
  await h.emulator.query(`CREATE OR REPLACE TABLE ${t('r')} (x INT64)`);
  expect((await tableResource(h, 'r')).expirationTime).toBeUndefined();
});

test('every documented option is taken with a value of its type', async () => {
  await h.emulator.query(
    `CREATE TABLE ${t('all')} (x INT64) OPTIONS(expiration_timestamp = ${ts2030}, partition_expiration_days = 7,
      require_partition_filter = false, friendly_name = 'n', description = 'd', labels = [('org_unit', 'dev')],
      default_rounding_mode = 'ROUND_HALF_EVEN', enable_change_history = false, max_staleness = INTERVAL 4 HOUR,
      enable_fine_grained_mutations = false)`,
  );
  expect((await tableResource(h, 'all')).expirationTime).toBe(String(in2030));
});

describe('a bad option is refused with invalidQuery, naming it, and no table is made', () => {
  const cases: [string, string, RegExp][] = [
    ['an unknown name', `expires = ${ts2030}`, /Invalid table option name: expires at \[1:\d+\]/],
    ['a repeated name', `description = 'a', description = 'b'`, /Duplicate option description/],
    [
      'a STRING expression for a TIMESTAMP (only a literal is coerced)',
      `expiration_timestamp = CONCAT('2030-01-01', '')`,
      /expiration_timestamp must be TIMESTAMP .*not STRING/,
    ],
    [
      'a STRING literal that is no timestamp',
      `expiration_timestamp = 'soon'`,
      /Could not cast literal 'soon' to type TIMESTAMP for table option expiration_timestamp at \[1:\d+\]/,
    ],
    ['a number for a STRING', `description = 1`, /description must be STRING at \[1:\d+\], not INT64/],
    ['a STRING for a BOOL', `require_partition_filter = 'true'`, /require_partition_filter must be BOOL/],
    ['a BOOL for a FLOAT64', `partition_expiration_days = true`, /partition_expiration_days must be FLOAT64/],
    // The pages do not say an empty [] (an ARRAY<INT64> literal) is coerced: the stricter reading.
    [
      'an empty labels array',
      `labels = []`,
      /labels must be ARRAY<STRUCT<STRING, STRING>> at \[1:\d+\], not ARRAY<INT64>/,
    ],
    [
      'an expiration in the past',
      `expiration_timestamp = TIMESTAMP '2028-01-01 00:00:00 UTC'`,
      /not in the future: 2028-01-01T00:00:00.000Z/,
    ],
    ['an expiration now', `expiration_timestamp = TIMESTAMP '2029-01-01 00:00:00 UTC'`, /not in the future/],
    ['a subquery', `description = (SELECT 'x')`, /A constant expression is required: SELECT/],
    ['an excluded scalar function', `description = REPEAT('x', 2)`, /Function REPEAT is not allowed/],
    ['an aggregate function', `partition_expiration_days = MAX(1)`, /Aggregate function MAX is not allowed/],
    ['no value', `description =`, /Expected NAME = VALUE/],
  ];
  test.each(cases)('%s', async (_what, options, message) => {
    const error = h.emulator.query(`CREATE TABLE ${t('bad')} (x INT64) OPTIONS(${options})`);
    await expect(error).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringMatching(message),
    });
    expect(await reasonOf(h.emulator.query(`SELECT * FROM ${t('bad')}`))).toBe('notFound');
  });

  test('through the jobs.query connector: a 400 with the reason in the error body', async () => {
    await expect(
      h.call('googleapis.bigquery.v2.jobs.query', {
        projectId: project,
        body: { query: `CREATE TABLE ${t('bad')} (x INT64) OPTIONS(expires = 1)`, useLegacySql: false },
      }),
    ).rejects.toMatchObject({
      value: {
        tags: ['HttpError'],
        code: 400,
        body: {
          error: { errors: [{ reason: 'invalidQuery', message: expect.stringContaining('expires') }] },
        },
      },
    });
  });
});

describe('LOAD DATA OPTIONS', () => {
  const uri = 'gs://bucket/rows.jsonl';
  const load = (mode: string, options: string) =>
    h.emulator.query(
      `LOAD DATA ${mode} ${t('loaded')} (input_text STRING) OPTIONS(${options}) FROM FILES(format = 'NEWLINE_DELIMITED_JSON', uris = ['${uri}'])`,
    );
  beforeEach(() => h.writeObject(uri, '{"input_text": "a"}\n'));

  test('a load that creates or overwrites the table sets its expiration', async () => {
    await load('INTO', `expiration_timestamp = ${ts2030}`);
    expect((await tableResource(h, 'loaded')).expirationTime).toBe(String(in2030));
    await load('OVERWRITE', `expiration_timestamp = TIMESTAMP_ADD(${ts2030}, INTERVAL 1 HOUR)`);
    expect((await tableResource(h, 'loaded')).expirationTime).toBe(String(in2030 + 3_600_000));
    clock = in2030 + 3_600_000;
    expect(await reasonOf(h.emulator.query(`SELECT * FROM ${t('loaded')}`))).toBe('notFound');
  });

  test('appending to an existing table with OPTIONS is refused, the table unchanged', async () => {
    await load('OVERWRITE', `expiration_timestamp = ${ts2030}`);
    await expect(load('INTO', `description = 'x'`)).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringContaining('with OPTIONS is not emulated'),
    });
    expect((await h.emulator.query(`SELECT COUNT(*) AS n FROM ${t('loaded')}`)).rows).toEqual([{ n: '1' }]);
  });

  test('a bad option fails the load before the table is made', async () => {
    await expect(load('OVERWRITE', `expiration_timestamp = 'soon'`)).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringContaining("Could not cast literal 'soon' to type TIMESTAMP"),
    });
    expect(await reasonOf(h.emulator.query(`SELECT * FROM ${t('loaded')}`))).toBe('notFound');
  });
});

test("an expired table's storage is reclaimed: the warehouse file shrinks back", async () => {
  const dir = path.dirname(h.dataDir);
  const file = path.join(h.dataDir, 'warehouse.duckdb');
  await h.emulator.query(
    `CREATE TABLE ${t('big')} (x INT64, s STRING) OPTIONS(expiration_timestamp = ${ts2030})`,
  );
  for (let i = 0; i < 10; i++) {
    await h.emulator.query(
      `INSERT INTO ${t('big')} (x, s) SELECT x, CONCAT('row ', CAST(x AS STRING), CAST(RAND() AS STRING)) FROM UNNEST(GENERATE_ARRAY(1, 20000)) AS x`,
    );
  }
  await h.emulator.close();
  const full = fs.statSync(file).size;
  clock = in2030;
  h = await harness({ now: () => clock }, dir);
  const reclaimed = fs.statSync(file).size;
  expect(full).toBeGreaterThan(2_000_000);
  expect(reclaimed).toBeLessThan(full / 4);
});
