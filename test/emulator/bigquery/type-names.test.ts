import { BIGINT, BOOLEAN, DOUBLE, LIST, STRUCT, TIMESTAMP, TIMESTAMPTZ, VARCHAR } from '@duckdb/node-api';
import { googleSqlType } from '../../../emulator/bigquery/values';
import { at, harness, project, type Harness } from './harness';

/*
 * Messages name GoogleSQL's types
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types), never DuckDB's: DuckDB stores a
 * DATETIME as TIMESTAMP and a TIMESTAMP as TIMESTAMP WITH TIME ZONE, so its names would mislead. One mapping
 * (values.ts) serves the messages written in TypeScript and those raised inside SQL.
 */

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.emulator.close());

test('nested and scalar types are named as GoogleSQL writes them', () => {
  expect(googleSqlType(TIMESTAMP)).toBe('DATETIME');
  expect(googleSqlType(TIMESTAMPTZ)).toBe('TIMESTAMP');
  expect(googleSqlType(LIST(STRUCT({ k: VARCHAR, n: BIGINT })))).toBe('ARRAY<STRUCT<k STRING, n INT64>>');
  expect(googleSqlType(STRUCT({ '': DOUBLE, b: BOOLEAN }))).toBe('STRUCT<FLOAT64, b BOOL>');
});

describe('an error raised inside SQL names the GoogleSQL type of the value', () => {
  test.each([
    ["DATETIME '2020-01-01 00:00:00'", 'DATETIME'],
    ["TIMESTAMP '2020-01-01 00:00:00 UTC'", 'TIMESTAMP'],
    ["TIME '10:00:00'", 'TIME'],
    ['5', 'INT64'],
    ['1.5', 'FLOAT64'],
    ['TRUE', 'BOOL'],
    ["b'x'", 'BYTES'],
  ])('DATE_TRUNC(%s, MONTH) says %s', async (value, name) => {
    await expect(h.emulator.query(`SELECT DATE_TRUNC(${value}, MONTH) AS d`)).rejects.toMatchObject({
      message: expect.stringContaining(`not supported by the local emulator: DATE_TRUNC of a ${name}`),
    });
  });

  test('DATE_DIFF names both arguments', async () => {
    await expect(
      h.emulator.query("SELECT DATE_DIFF(DATE '2020-01-02', DATETIME '2020-01-01 00:00:00', DAY) AS d"),
    ).rejects.toMatchObject({
      message: expect.stringContaining('DATE_DIFF of DATE and DATETIME values'),
    });
  });
});

test('an option of the wrong type names the value as GoogleSQL types it', async () => {
  const table = `\`${project}.ds.typed\``;
  for (const [value, name] of [
    ["DATETIME '2050-01-01 00:00:00'", 'DATETIME'],
    ["DATE '2050-01-01'", 'DATE'],
    ['[1, 2]', 'ARRAY<INT64>'],
    ["STRUCT('a' AS k)", 'STRUCT<k STRING>'],
  ]) {
    const sql = `CREATE TABLE ${table} (x INT64) OPTIONS(expiration_timestamp = ${value})`;
    await expect(h.emulator.query(sql)).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringContaining(
        `Table option expiration_timestamp must be TIMESTAMP at ${at(sql, 'expiration_timestamp')}, not ${name} (`,
      ),
    });
  }
});
