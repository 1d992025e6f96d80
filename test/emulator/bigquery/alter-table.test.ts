import { at, harness, type Harness } from './harness';

/** ALTER TABLE ADD COLUMN as BigQuery documents it: NULLABLE columns only; everything else refused. */
describe('ALTER TABLE ... ADD COLUMN on the local emulator', () => {
  let h: Harness;
  const t = '`test-proj.ds.grows`';
  beforeAll(async () => {
    h = await harness();
    await h.emulator.query(`CREATE TABLE ${t} (a STRING NOT NULL)`);
    await h.emulator.query(`INSERT INTO ${t} (a) VALUES ('x')`);
  });
  afterAll(() => h.emulator.close());

  it('adds NULLABLE columns, NULL in existing rows, and skips existing ones with IF NOT EXISTS', async () => {
    const first = await h.emulator.query(
      `ALTER TABLE ${t} ADD COLUMN b INT64 OPTIONS(description = 'n'), ADD COLUMN IF NOT EXISTS c JSON`,
    );
    expect(first.ddlOperationPerformed).toBe('ALTER');
    const again = await h.emulator.query(`ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS b INT64`);
    expect(again.ddlOperationPerformed).toBe('SKIP');
    const { rows, schema } = await h.emulator.query(`SELECT * FROM ${t}`);
    expect(schema.map((f) => [f.name, f.type])).toEqual([
      ['a', 'STRING'],
      ['b', 'INTEGER'],
      ['c', 'JSON'],
    ]);
    expect(rows).toEqual([{ a: 'x', b: null, c: null }]);
  });

  it('refuses a REQUIRED column, an existing column without IF NOT EXISTS, a missing table and other forms', async () => {
    await expect(h.emulator.query(`ALTER TABLE ${t} ADD COLUMN d STRING NOT NULL`)).rejects.toThrow(
      'Cannot add a REQUIRED column d to an existing table',
    );
    await expect(h.emulator.query(`ALTER TABLE ${t} ADD COLUMN a STRING`)).rejects.toThrow(
      'Column already exists: a',
    );
    await expect(h.emulator.query('ALTER TABLE `test-proj.ds.nope` ADD COLUMN a STRING')).rejects.toThrow(
      'Not found: Table',
    );
    const skipped = await h.emulator.query('ALTER TABLE IF EXISTS `test-proj.ds.nope` ADD COLUMN a STRING');
    expect(skipped.ddlOperationPerformed).toBe('SKIP');
    await expect(h.emulator.query(`ALTER TABLE ${t} DROP COLUMN b`)).rejects.toThrow(
      'not supported by the local emulator',
    );
    await expect(h.emulator.query(`ALTER TABLE ${t} ADD COLUMN e ARRAY<STRING>`)).rejects.toThrow(
      'not supported by the local emulator',
    );
  });
});

/*
 * ALTER TABLE / ALTER VIEW ... SET OPTIONS
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#alter_table_set_options_statement,
 * #alter_view_set_options_statement): the table's or view's option list, checked as CREATE checks it;
 * `expiration_timestamp` set, or removed with NULL, and honoured on the emulator's clock.
 */
describe('ALTER TABLE / ALTER VIEW ... SET OPTIONS', () => {
  const start = Date.UTC(2035, 0, 1);
  const hour = 3_600_000;
  let clock = start;
  let h: Harness;
  const table = '`test-proj.ds.tbl`';
  const view = '`test-proj.ds.vw`';
  const expiration = async (tableId: string): Promise<string | undefined> =>
    (
      (await h.call('googleapis.bigquery.v2.tables.get', {
        projectId: 'test-proj',
        datasetId: 'ds',
        tableId,
      })) as { expirationTime?: string }
    ).expirationTime;
  const reason = (sql: string) =>
    h.emulator.query(sql).then(
      () => 'ran',
      (error: { reason: string }) => error.reason,
    );
  beforeEach(async () => {
    clock = start;
    h = await harness({ now: () => clock });
    await h.emulator.query(`CREATE TABLE ${table} (x INT64)`);
    await h.emulator.query(`INSERT INTO ${table} (x) VALUES (1)`);
    await h.emulator.query(`CREATE VIEW ${view} AS SELECT x FROM ${table}`);
  });
  afterEach(() => h.emulator.close());

  it('sets an expiration on a table that had none; the table expires at it', async () => {
    const result = await h.emulator.query(
      `ALTER TABLE ${table} SET OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 3 HOUR), description = 'd')`,
    );
    expect(result.ddlOperationPerformed).toBe('ALTER');
    expect(await expiration('tbl')).toBe(String(start + 3 * hour));
    clock = start + 3 * hour - 1;
    expect((await h.emulator.query(`SELECT x FROM ${table}`)).rows).toEqual([{ x: '1' }]);
    clock = start + 3 * hour;
    expect(await reason(`SELECT x FROM ${table}`)).toBe('notFound');
  });

  it('NULL removes the expiration; an ALTER without it keeps the one set', async () => {
    await h.emulator.query(
      `ALTER TABLE ${table} SET OPTIONS(expiration_timestamp = TIMESTAMP '2035-01-02 00:00:00 UTC')`,
    );
    await h.emulator.query(`ALTER TABLE ${table} SET OPTIONS(friendly_name = 'kept')`);
    expect(await expiration('tbl')).toBe(String(Date.UTC(2035, 0, 2)));
    await h.emulator.query(`ALTER TABLE ${table} SET OPTIONS(expiration_timestamp = NULL)`);
    expect(await expiration('tbl')).toBeUndefined();
    clock = Date.UTC(2036, 0, 1);
    expect((await h.emulator.query(`SELECT x FROM ${table}`)).rows).toEqual([{ x: '1' }]);
  });

  it("ALTER VIEW sets a view's expiration from the view's option list", async () => {
    await h.emulator.query(
      `ALTER VIEW ${view} SET OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR), privacy_policy = '{}')`,
    );
    expect(await expiration('vw')).toBe(String(start + hour));
    clock = start + hour;
    expect(await reason(`SELECT x FROM ${view}`)).toBe('notFound');
    expect((await h.emulator.query(`SELECT x FROM ${table}`)).rows).toEqual([{ x: '1' }]);
  });

  it.each([
    [
      'an unknown name',
      `ALTER TABLE ${table} SET OPTIONS(bogus = 1)`,
      'Invalid table option name: bogus at @bogus',
    ],
    [
      'a wrong type',
      `ALTER TABLE ${table} SET OPTIONS(description = 7)`,
      'Table option description must be STRING at @description, not INT64',
    ],
    [
      'a view-only option on a table',
      `ALTER TABLE ${table} SET OPTIONS(privacy_policy = '{}')`,
      /^Invalid table option name: privacy_policy/,
    ],
    [
      'a table-only option on a view',
      `ALTER VIEW ${view} SET OPTIONS(require_partition_filter = true)`,
      'Invalid view option name: require_partition_filter at @require_partition_filter',
    ],
    [
      'a past expiration',
      `ALTER TABLE ${table} SET OPTIONS(expiration_timestamp = TIMESTAMP '2034-12-31 23:59:59 UTC')`,
      /is not in the future: 2034-12-31T23:59:59.000Z/,
    ],
    [
      'ALTER TABLE on a view',
      `ALTER TABLE ${view} SET OPTIONS(description = 'd')`,
      /it is a view; use ALTER VIEW/,
    ],
    [
      'ALTER VIEW on a table',
      `ALTER VIEW ${table} SET OPTIONS(description = 'd')`,
      /it is a table; use ALTER TABLE/,
    ],
    [
      'text after the list',
      `ALTER TABLE ${table} SET OPTIONS(description = 'd') extra`,
      'Syntax error: Unexpected "extra" at @extra',
    ],
    [
      'another ALTER VIEW form',
      `ALTER VIEW ${view} ALTER COLUMN x SET OPTIONS(description = 'd')`,
      /not supported by the local emulator: only SET OPTIONS is/,
    ],
  ])('refuses %s with invalidQuery and changes nothing', async (_what, sql, message) => {
    await h.emulator.query(
      `ALTER TABLE ${table} SET OPTIONS(expiration_timestamp = TIMESTAMP '2035-06-01 00:00:00 UTC')`,
    );
    // `@name` in a message stands for the place of `name` in the statement, counted from its text.
    const expected =
      typeof message === 'string'
        ? expect.stringContaining(message.replace(/@(\w+)/, (_m, needle: string) => at(sql, needle)))
        : expect.stringMatching(message);
    await expect(h.emulator.query(sql)).rejects.toMatchObject({ reason: 'invalidQuery', message: expected });
    expect(await expiration('tbl')).toBe(String(Date.UTC(2035, 5, 1)));
    expect(await expiration('vw')).toBeUndefined();
  });

  it('a missing table is notFound, or skipped with IF EXISTS', async () => {
    expect(await reason("ALTER TABLE `test-proj.ds.nope` SET OPTIONS(description = 'd')")).toBe('notFound');
    expect(await reason("ALTER VIEW `test-proj.ds.nope` SET OPTIONS(description = 'd')")).toBe('notFound');
    const skipped = await h.emulator.query(
      "ALTER TABLE IF EXISTS `test-proj.ds.nope` SET OPTIONS(description = 'd')",
    );
    expect(skipped.ddlOperationPerformed).toBe('SKIP');
  });

  it("a new column's OPTIONS are the column option list", async () => {
    const sql = `ALTER TABLE ${table} ADD COLUMN y STRING OPTIONS(bogus = 'b')`;
    await expect(h.emulator.query(sql)).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringContaining(`Invalid column option name: bogus at ${at(sql, 'bogus')}`),
    });
    const { schema } = await h.emulator.query(`SELECT * FROM ${table}`);
    expect(schema.map((f) => f.name)).toEqual(['x']);
  });
});
