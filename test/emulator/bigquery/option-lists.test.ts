import { at, connection, harness, project, type Harness, reasonOf, tableResource } from './harness';

/*
 * Every DDL statement's OPTIONS list is checked against its own list on the DDL page
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language: view_option_list,
 * column_option_list, view_column_option_list, schema_option_list, table_function_option_list): an unknown or
 * repeated name or a value of the wrong type is refused with invalidQuery naming the option, its line and
 * column, and nothing is created.
 */

const t = (name: string) => `\`${project}.ds.${name}\``;
const ddl = 'https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language';
/** 2029-01-01T00:00:00Z: the emulator's clock in these tests. */
const start = Date.UTC(2029, 0, 1);

let clock = start;
let h: Harness;
beforeEach(async () => {
  clock = start;
  h = await harness({ now: () => clock });
});
afterEach(() => h.emulator.close());

/** Refused with invalidQuery and `message`, where `@` stands for the place of `needle`. */
const refusedAt = (sql: string, needle: string, message: string) =>
  refused(sql, message.replace('@', at(sql, needle)));

const refused = (sql: string, message: string | RegExp) =>
  expect(h.emulator.query(sql)).rejects.toMatchObject({
    reason: 'invalidQuery',
    message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
  });

describe('CREATE VIEW takes view_option_list', () => {
  const view = (options: string) => `CREATE VIEW ${t('v')}\nOPTIONS(${options}) AS SELECT 1 AS x`;

  test.each([
    [
      'an unknown name',
      'bogus = 1',
      'bogus',
      `Invalid view option name: bogus at @ (${ddl}#view_option_list)`,
    ],
    [
      'a table-only option',
      'partition_expiration_days = 7',
      'partition_expiration_days',
      'Invalid view option name: partition_expiration_days at @',
    ],
    [
      'a number for a STRING',
      'description = 1',
      'description',
      'View option description must be STRING at @, not INT64',
    ],
    [
      'a DATETIME for a TIMESTAMP',
      "expiration_timestamp = DATETIME '2030-01-01 00:00:00'",
      'expiration_timestamp',
      'View option expiration_timestamp must be TIMESTAMP at @, not DATETIME',
    ],
    [
      'a repeated name',
      "friendly_name = 'a', friendly_name = 'b'",
      "friendly_name = 'b'",
      'Duplicate option friendly_name at @',
    ],
    [
      'an expiration in the past',
      "expiration_timestamp = TIMESTAMP '2028-01-01 00:00:00 UTC'",
      'expiration_timestamp',
      'Option expiration_timestamp at @ is not in the future: 2028-01-01T00:00:00.000Z',
    ],
  ])('%s is refused and no view is made', async (_what, options, needle, message) => {
    await refusedAt(view(options), needle, message);
    expect(await reasonOf(h.emulator.query(`SELECT * FROM ${t('v')}`))).toBe('notFound');
  });

  test('every documented view option is taken', async () => {
    await h.emulator.query(
      view(
        `expiration_timestamp = TIMESTAMP '2030-01-01 00:00:00 UTC', friendly_name = 'f', description = 'd', labels = [('team', 'ml')], privacy_policy = '{}'`,
      ),
    );
    expect((await h.emulator.query(`SELECT x FROM ${t('v')}`)).rows).toEqual([{ x: 1 }]);
    expect((await tableResource(h, 'v')).expirationTime).toBe(String(Date.UTC(2030, 0, 1)));
  });

  test("a view's column options are view_column_option_list: description only", async () => {
    const sql = `CREATE VIEW ${t('v')} (x OPTIONS(rounding_mode = 'ROUND_HALF_EVEN')) AS SELECT 1 AS x`;
    await refusedAt(
      sql,
      'rounding_mode',
      `Invalid view column option name: rounding_mode at @ (${ddl}#view_column_option_list)`,
    );
    await h.emulator.query(`CREATE VIEW ${t('v')} (x OPTIONS(description = 'one')) AS SELECT 1 AS x`);
    expect((await h.emulator.query(`SELECT x FROM ${t('v')}`)).rows).toEqual([{ x: 1 }]);
  });

  test("a view's expiration is kept and honoured: read until it, notFound at it", async () => {
    const in2h = start + 2 * 3_600_000;
    await h.emulator.query(
      view('expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 2 HOUR)'),
    );
    expect(await tableResource(h, 'v')).toMatchObject({ type: 'VIEW', expirationTime: String(in2h) });
    clock = in2h - 1;
    expect((await h.emulator.query(`SELECT x FROM ${t('v')}`)).rows).toEqual([{ x: 1 }]);
    clock = in2h;
    expect(await reasonOf(h.emulator.query(`SELECT x FROM ${t('v')}`))).toBe('notFound');
    // The name is free again.
    await h.emulator.query(`CREATE VIEW ${t('v')} AS SELECT 2 AS x`);
    expect((await tableResource(h, 'v')).expirationTime).toBeUndefined();
  });

  test('CREATE OR REPLACE VIEW without the option makes a view that does not expire', async () => {
    await h.emulator.query(view("expiration_timestamp = TIMESTAMP '2030-01-01 00:00:00 UTC'"));
    await h.emulator.query(`CREATE OR REPLACE VIEW ${t('v')} AS SELECT 2 AS x`);
    clock = Date.UTC(2031, 0, 1);
    expect((await h.emulator.query(`SELECT x FROM ${t('v')}`)).rows).toEqual([{ x: 2 }]);
  });
});

describe("a table's column options are column_option_list", () => {
  test.each([
    [
      'an unknown name',
      "x INT64 OPTIONS(bogus = 'a')",
      'bogus',
      `Invalid column option name: bogus at @ (${ddl}#column_option_list)`,
    ],
    [
      'a wrong type',
      'x INT64 OPTIONS(description = 1)',
      'description',
      'Column option description must be STRING at @, not INT64',
    ],
    [
      'a nested field',
      "s STRUCT<a INT64 OPTIONS(nope = 'a')>",
      'nope',
      'Invalid column option name: nope at @',
    ],
  ])('%s is refused and no table is made', async (_what, columns, needle, message) => {
    await refusedAt(`CREATE TABLE ${t('c')} (${columns})`, needle, message);
    expect(await reasonOf(h.emulator.query(`SELECT * FROM ${t('c')}`))).toBe('notFound');
  });

  test('description and rounding_mode are taken, in CREATE TABLE and in CREATE TABLE AS SELECT', async () => {
    await h.emulator.query(
      `CREATE TABLE ${t('c')} (x INT64 OPTIONS(description = 'x'), n NUMERIC OPTIONS(rounding_mode = 'ROUND_HALF_EVEN'))`,
    );
    expect((await h.emulator.query(`SELECT COUNT(*) AS n FROM ${t('c')}`)).rows).toEqual([{ n: '0' }]);
    await h.emulator.query(`CREATE TABLE ${t('d')} OPTIONS(description = 'x') AS SELECT 1 AS x`);
    expect((await h.emulator.query(`SELECT x FROM ${t('d')}`)).rows).toEqual([{ x: 1 }]);
  });
});

test("the DDL page's CREATE TABLE example runs: options on a STRUCT's field are column options", async () => {
  // The page's example, verbatim but for the table's path; its expiration (2025) lies ahead of this clock.
  clock = Date.UTC(2024, 0, 1);
  await h.emulator.query(`CREATE TABLE ${t('newtable')}
(
  x INT64 OPTIONS(description="An optional INTEGER field"),
  y STRUCT <
    a ARRAY <STRING> OPTIONS(description="A repeated STRING field"),
    b BOOL
  >
)
PARTITION BY _PARTITIONDATE
OPTIONS(
  expiration_timestamp=TIMESTAMP "2025-01-01 00:00:00 UTC",
  partition_expiration_days=1,
  description="a table that expires in 2025, with each partition living for 24 hours",
  labels=[("org_unit", "development")]
)`);
  await h.emulator.query(
    `INSERT INTO ${t('newtable')} (x, y) VALUES (1, STRUCT(['p', 'q'] AS a, TRUE AS b))`,
  );
  const read = await h.emulator.query(`SELECT x, y.a AS a, y.b AS b FROM ${t('newtable')}`);
  expect(read.rows).toEqual([{ x: '1', a: ['p', 'q'], b: true }]);
  expect((await tableResource(h, 'newtable')).expirationTime).toBe(String(Date.UTC(2025, 0, 1)));
});

test('a temporary table checks its options; an expiration on it is not supported', async () => {
  const sql = `CREATE TEMP TABLE tmp (x INT64) OPTIONS(bogus = 1); SELECT 1 AS one`;
  await refusedAt(sql, 'bogus', 'Invalid table option name: bogus at @');
  await refused(
    `CREATE TEMP TABLE tmp (x INT64) OPTIONS(expiration_timestamp = TIMESTAMP '2030-01-01 00:00:00 UTC')`,
    'not supported by the local emulator: expiration_timestamp on a temporary table',
  );
});

describe('CREATE TABLE IF NOT EXISTS on an existing table', () => {
  beforeEach(() => h.emulator.query(`CREATE TABLE ${t('e')} (x INT64)`));

  test('still checks option names and types (BigQuery analyses the whole statement)', async () => {
    await refused(
      `CREATE TABLE IF NOT EXISTS ${t('e')} (x INT64) OPTIONS(bogus = 1)`,
      'Invalid table option name: bogus',
    );
    await refused(
      `CREATE TABLE IF NOT EXISTS ${t('e')} (x INT64) OPTIONS(description = 1)`,
      'must be STRING',
    );
  });

  test('does not refuse a past expiration, since it creates nothing, and leaves the table as it was', async () => {
    const result = await h.emulator.query(
      `CREATE TABLE IF NOT EXISTS ${t('e')} (x INT64) OPTIONS(expiration_timestamp = TIMESTAMP '2000-01-01 00:00:00 UTC')`,
    );
    expect(result.ddlOperationPerformed).toBe('SKIP');
    expect((await tableResource(h, 'e')).expirationTime).toBeUndefined();
  });
});

describe('CREATE SCHEMA takes schema_option_list and nothing after it', () => {
  const schema = `CREATE SCHEMA \`${project}.s2\``;
  test.each([
    [
      'an unknown name',
      'OPTIONS(bogus = 1)',
      'bogus',
      `Invalid schema option name: bogus at @ (${ddl}#schema_option_list)`,
    ],
    [
      'a wrong type',
      'OPTIONS(description = 1)',
      'description',
      'Schema option description must be STRING at @, not INT64',
    ],
    [
      'an INT64 option given a FLOAT64',
      'OPTIONS(max_time_travel_hours = 48.5)',
      'max_time',
      'must be INT64 at @, not FLOAT64',
    ],
    ['text after the name', 'garbage', 'garbage', 'Syntax error: Unexpected "garbage" at @'],
    [
      'text after OPTIONS',
      "OPTIONS(description = 'x') garbage",
      'garbage',
      'Syntax error: Unexpected "garbage" at @',
    ],
  ])('%s is refused and no dataset is made', async (_what, rest, needle, message) => {
    await refusedAt(`${schema} ${rest}`, needle, message);
    await expect(h.emulator.query(`CREATE TABLE \`${project}.s2.x\` (x INT64)`)).rejects.toMatchObject({
      reason: 'notFound',
    });
  });

  test.each([
    ['default_table_expiration_days = 1', 'default_table_expiration_days'],
    ['is_case_insensitive = true', 'is_case_insensitive'],
  ])('%s would change what the dataset does: not supported', async (option, name) => {
    const sql = `${schema} OPTIONS(${option})`;
    await refusedAt(sql, name, `not supported by the local emulator: schema option ${name} at @`);
  });

  test('DEFAULT COLLATE is not supported', async () => {
    await refused(
      `${schema} DEFAULT COLLATE 'und:ci'`,
      'not supported by the local emulator: CREATE SCHEMA ... DEFAULT COLLATE',
    );
  });

  test('documented options are taken', async () => {
    await h.emulator.query(
      `${schema} OPTIONS(description = 'd', friendly_name = 'f', labels = [('a', 'b')], location = 'US', max_time_travel_hours = 48, default_partition_expiration_days = 2.5)`,
    );
    await h.emulator.query(`CREATE TABLE \`${project}.s2.x\` (x INT64)`);
    expect((await h.emulator.query(`SELECT COUNT(*) AS n FROM \`${project}.s2.x\``)).rows).toEqual([
      { n: '0' },
    ]);
  });
});

describe('CREATE TABLE FUNCTION takes table_function_option_list', () => {
  const fn = (options: string) =>
    `CREATE TABLE FUNCTION ${t('f')}(src TABLE<x INT64>) OPTIONS(${options}) AS SELECT x FROM src`;

  test('an unknown name or a wrong type is refused and no function is stored', async () => {
    await refusedAt(
      fn('bogus = 1'),
      'bogus',
      `Invalid table function option name: bogus at @ (${ddl}#table_function_option_list)`,
    );
    await refusedAt(
      fn('description = 1'),
      'description',
      'Table function option description must be STRING at @, not INT64',
    );
    await h.emulator.query(`CREATE TABLE ${t('src')} (x INT64)`);
    await expect(h.emulator.query(`SELECT * FROM ${t('f')}(TABLE ${t('src')})`)).rejects.toMatchObject({
      message: expect.stringContaining('Table-valued function not found'),
    });
  });

  test('a description is taken', async () => {
    await h.emulator.query(fn("description = 'returns its rows'"));
    await h.emulator.query(`CREATE TABLE ${t('src')} (x INT64)`);
    await h.emulator.query(`INSERT INTO ${t('src')} (x) VALUES (3)`);
    expect((await h.emulator.query(`SELECT x FROM ${t('f')}(TABLE ${t('src')})`)).rows).toEqual([{ x: '3' }]);
  });
});

test.each([
  ['DROP MODEL', `DROP MODEL ${t('m')} extra`],
  ['DROP TABLE FUNCTION', `DROP TABLE FUNCTION IF EXISTS ${t('f')} extra`],
])('%s refuses text after the name', async (_what, sql) => {
  await refusedAt(sql, 'extra', 'Syntax error: Unexpected "extra" at @');
});

test('a bad option fails a CREATE TABLE AS SELECT over ML.GENERATE_TEXT before any model call', async () => {
  await h.emulator.query(
    `CREATE MODEL ${t('base')} REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint = 'gemini-2.0-flash-001')`,
  );
  const generate = `SELECT * FROM ML.GENERATE_TEXT(MODEL ${t('base')}, (SELECT 'Say one thing.' AS prompt), STRUCT(TRUE AS flatten_json_output))`;
  await refused(
    `CREATE TABLE ${t('out')} OPTIONS(bogus = 1) AS ${generate}`,
    'Invalid table option name: bogus',
  );
  expect(h.emulator.stats.modelInvocations).toBe(0);
  await h.emulator.query(`CREATE TABLE ${t('out')} OPTIONS(description = 'ok') AS ${generate}`);
  expect(h.emulator.stats.modelInvocations).toBe(1);
});

// Found while running the DDL page's examples; each needs more than a small change to the emulator.
test.todo(
  "the DDL page's CREATE TABLE FUNCTION example runs: a table function with a scalar (INT64) parameter is refused as not supported",
);
test.todo(
  "the DDL page's CREATE SCHEMA example runs: default_table_expiration_days is refused as not emulated (tables of the dataset would have to expire)",
);
