import { at, harness, project, type Harness } from './harness';

/*
 * Valid GoogleSQL that DuckDB's parser has no form for: translated where the translation is small and keeps
 * BigQuery's answer, otherwise refused as "not supported by the local emulator" (never DuckDB's own parser
 * error). Expected rows are written by hand from the pages cited.
 */

const t = `\`${project}.ds.t\``;
let h: Harness;
beforeAll(async () => {
  h = await harness();
  await h.emulator.query(`CREATE TABLE ${t} (a INT64, b STRING)`);
});
beforeEach(async () => {
  await h.emulator.query(`DELETE FROM ${t} WHERE TRUE`);
  await h.emulator.query(`INSERT INTO ${t} (a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z')`);
});
afterAll(() => h.emulator.close());

describe('translated', () => {
  test('a typed STRUCT constructor fills its fields in order (data-types#constructing_a_struct)', async () => {
    const { rows, schema } = await h.emulator.query(
      `SELECT STRUCT<n INT64, s STRING>(1 + 1, 'q') AS v, STRUCT<only FLOAT64>(2) AS w`,
    );
    expect(rows).toEqual([{ v: { n: '2', s: 'q' }, w: { only: 2 } }]);
    expect(schema[0].fields?.map((f) => [f.name, f.type])).toEqual([
      ['n', 'INTEGER'],
      ['s', 'STRING'],
    ]);
    await expect(h.emulator.query('SELECT STRUCT<n INT64, s STRING>(1) AS v')).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: 'STRUCT type has 2 fields but constructor call has 1 fields at [1:8]',
    });
  });

  test('DELETE without FROM (dml-syntax#delete_statement: FROM is optional)', async () => {
    const { numDmlAffectedRows } = await h.emulator.query(`DELETE ${t} WHERE a >= 2`);
    expect(numDmlAffectedRows).toBe(2);
    expect((await h.emulator.query(`SELECT a FROM ${t}`)).rows).toEqual([{ a: '1' }]);
    await expect(h.emulator.query(`DELETE ${t}`)).rejects.toMatchObject({
      message: 'DELETE must have a WHERE clause at [1:1]',
    });
  });

  test('the column `offset` that WITH OFFSET names by default (query-syntax#unnest_operator)', async () => {
    const { rows } = await h.emulator.query(
      'SELECT x, offset FROM UNNEST([10, 20, 30]) AS x WITH OFFSET WHERE offset > 0 ORDER BY offset DESC',
    );
    expect(rows).toEqual([
      { x: 30, offset: '2' },
      { x: 20, offset: '1' },
    ]);
    // LIMIT ... OFFSET and OFFSET(i) keep their meaning.
    expect((await h.emulator.query(`SELECT a FROM ${t} ORDER BY a LIMIT 1 OFFSET 1`)).rows).toEqual([
      { a: '2' },
    ]);
    expect((await h.emulator.query('SELECT [5, 6][OFFSET(1)] AS v')).rows).toEqual([{ v: 6 }]);
  });

  test('INTERVAL with a query parameter (interval literal: INTERVAL int64_expression part)', async () => {
    const { rows } = await h.emulator.query(
      "SELECT TIMESTAMP_ADD(TIMESTAMP '2020-01-01 00:00:00 UTC', INTERVAL @h HOUR) AS at",
      { h: 30 },
    );
    expect(rows).toEqual([{ at: '2020-01-02 06:00:00+00' }]);
  });
});

describe('refused as not supported by the local emulator, naming the form and its place', () => {
  // [form, statement, the word whose place the message names]
  test.each([
    ['SELECT AS STRUCT', `SELECT ARRAY(SELECT AS STRUCT a, b FROM ${t}) AS v`, 'SELECT AS'],
    ['SELECT AS VALUE', 'SELECT AS VALUE 1', 'SELECT'],
    [
      'CREATE TABLE with a column list and AS query',
      `CREATE TABLE \`${project}.ds.c\` (a INT64) AS SELECT 1 AS a`,
      '(a INT64)',
    ],
    [
      'FOR SYSTEM_TIME AS OF (time travel)',
      `SELECT * FROM ${t} FOR SYSTEM_TIME AS OF TIMESTAMP '2020-01-01 00:00:00 UTC'`,
      'FOR',
    ],
    ['PIVOT', `SELECT * FROM ${t} PIVOT(SUM(a) FOR b IN ('x', 'y'))`, 'PIVOT'],
    ['UNPIVOT', `SELECT * FROM ${t} UNPIVOT(v FOR k IN (a))`, 'UNPIVOT'],
    ['TABLESAMPLE', `SELECT * FROM ${t} TABLESAMPLE SYSTEM (10 PERCENT)`, 'TABLESAMPLE'],
    [
      'statement CREATE MATERIALIZED VIEW ...',
      `CREATE MATERIALIZED VIEW \`${project}.ds.mv\` AS SELECT a FROM ${t}`,
      'CREATE',
    ],
  ])('%s', async (form, sql, needle) => {
    await expect(h.emulator.query(sql)).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringContaining(`not supported by the local emulator: ${form} at ${at(sql, needle)}`),
    });
  });

  test("anything else DuckDB's parser refuses says so, not as a bare DuckDB parser error", async () => {
    await expect(h.emulator.query('SELECT NEW STRUCT(1 AS a) AS v')).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringMatching(
        /^not supported by the local emulator: DuckDB, which runs the statement locally, cannot parse it \(syntax error/,
      ),
    });
  });
});
