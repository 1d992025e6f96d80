import { harness, type Harness } from './harness';

describe('GoogleSQL on DuckDB', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    await h.emulator.query(
      "CREATE OR REPLACE TABLE `test-proj.ds.ex` (input_text STRING, output_text STRING, n INT64) OPTIONS(description='x')",
    );
    await h.emulator.query(
      "INSERT INTO `test-proj.ds.ex` (input_text, output_text, n) VALUES ('a b', 'X', 1), ('c', 'Y', 2), ('d', 'X', NULL), (\"it's\", 'Z', 4)",
    );
  });
  afterAll(() => h.emulator.close());

  it('translates functions whose semantics differ', async () => {
    const { rows } = await h.emulator.query(`
      SELECT COUNTIF(output_text = 'X') AS xs,
             SAFE_DIVIDE(COUNTIF(output_text = 'X'), 0) AS div0,
             SAFE_DIVIDE(3, 2) AS div,
             CONCAT('a', NULL) AS null_concat,
             CONCAT('a', "b", r'\\n') AS concat,
             TO_HEX(SHA256('abc')) AS hash,
             REGEXP_REPLACE('a-b-c', r'-', '_') AS replaced,
             STRING_AGG(output_text, ',' ORDER BY n DESC) AS agg,
             CAST(SUM(n) AS STRING) AS total
      FROM \`test-proj.ds.ex\``);
    expect(rows[0]).toEqual({
      xs: '2',
      div0: null,
      div: 1.5,
      null_concat: null,
      concat: 'ab\\n',
      hash: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      replaced: 'a_b_c',
      agg: 'Z,Y,X,X',
      total: '7',
    });
  });

  it('binds named and array parameters, UNNEST and IN UNNEST', async () => {
    const { rows } = await h.emulator.query(
      `SELECT @run_id AS run_id, label, label IN UNNEST(@labels) AS known
       FROM UNNEST(['X', 'Q']) AS label ORDER BY label`,
      { run_id: 'r1', labels: ['X', 'Y'] },
    );
    expect(rows).toEqual([
      { run_id: 'r1', label: 'Q', known: false },
      { run_id: 'r1', label: 'X', known: true },
    ]);
  });

  it('supports STRUCT, TO_JSON_STRING, PARSE_JSON, window functions and QUALIFY', async () => {
    const { rows } = await h.emulator.query(`
      SELECT output_text, TO_JSON_STRING(STRUCT(output_text AS label, n)) AS js,
             JSON_VALUE(PARSE_JSON('{"a": "b"}'), '$.a') AS a
      FROM \`test-proj.ds.ex\`
      WHERE n IS NOT NULL
      QUALIFY ROW_NUMBER() OVER (PARTITION BY output_text ORDER BY n DESC) = 1
      ORDER BY output_text`);
    expect(rows).toEqual([
      { output_text: 'X', js: '{"label":"X","n":1}', a: 'b' },
      { output_text: 'Y', js: '{"label":"Y","n":2}', a: 'b' },
      { output_text: 'Z', js: '{"label":"Z","n":4}', a: 'b' },
    ]);
  });

  it('creates tables and views with CREATE OR REPLACE / IF NOT EXISTS and reports the DDL operation', async () => {
    const first = await h.emulator.query(
      'CREATE TABLE IF NOT EXISTS `test-proj.ds.t2` (id STRING NOT NULL, created_at TIMESTAMP, check BOOL, tags ARRAY<STRING>) PARTITION BY DATE(created_at) CLUSTER BY id',
    );
    const second = await h.emulator.query('CREATE TABLE IF NOT EXISTS `test-proj.ds.t2` (id STRING)');
    const view = await h.emulator.query(
      'CREATE OR REPLACE VIEW `test-proj.ds.v` AS SELECT * EXCEPT (n) FROM `test-proj.ds.ex`',
    );
    expect([first.ddlOperationPerformed, second.ddlOperationPerformed, view.statementType]).toEqual([
      'CREATE',
      'SKIP',
      'CREATE_VIEW',
    ]);
    await expect(h.emulator.query('CREATE TABLE `test-proj.ds.t2` (id STRING)')).rejects.toMatchObject({
      reason: 'duplicate',
    });
    const { schema } = await h.emulator.query('SELECT * FROM `test-proj.ds.v` LIMIT 1');
    expect(schema.map((f) => f.name)).toEqual(['input_text', 'output_text']);
    await h.emulator.query('DROP TABLE IF EXISTS `test-proj.ds.t2`');
    await h.emulator.query('DROP TABLE IF EXISTS `test-proj.ds.t2`');
    await expect(h.emulator.query('DROP TABLE `test-proj.ds.t2`')).rejects.toMatchObject({
      reason: 'notFound',
    });
  });

  it('runs MERGE and reports affected rows', async () => {
    await h.emulator.query(
      'CREATE TABLE `test-proj.ds.m` AS SELECT output_text AS k, 0 AS c FROM `test-proj.ds.ex` WHERE n = 1',
    );
    const merged = await h.emulator.query(`
      MERGE \`test-proj.ds.m\` AS t USING (SELECT DISTINCT output_text AS k FROM \`test-proj.ds.ex\`) AS s ON t.k = s.k
      WHEN MATCHED THEN UPDATE SET c = c + 1
      WHEN NOT MATCHED THEN INSERT (k, c) VALUES (s.k, 1)`);
    expect(merged.numDmlAffectedRows).toBe(3);
  });

  it('names missing tables and datasets as BigQuery does', async () => {
    await expect(h.emulator.query('SELECT * FROM `test-proj.ds.nope`')).rejects.toMatchObject({
      reason: 'notFound',
      message: 'Not found: Table test-proj:ds.nope was not found in location US',
    });
    await expect(h.emulator.query('CREATE TABLE `test-proj.other.t` (a STRING)')).rejects.toMatchObject({
      reason: 'notFound',
    });
    await expect(h.emulator.query('SELEC 1')).rejects.toMatchObject({ reason: 'invalidQuery' });
  });

  it('keeps BigQuery literal types and NULL ordering', async () => {
    const { schema, rows } = await h.emulator.query(
      'SELECT 1.5 AS f, 2 AS i, n FROM `test-proj.ds.ex` ORDER BY n',
    );
    expect(schema.slice(0, 2).map((f) => f.type)).toEqual(['FLOAT', 'INTEGER']);
    expect(rows.map((r) => r.n)).toEqual([null, '1', '2', '4']);
  });

  it('runs statements from parallel callers one at a time', async () => {
    await h.emulator.query('CREATE TABLE `test-proj.ds.par` (k INT64)');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.emulator.query('INSERT INTO `test-proj.ds.par` (k) VALUES (@k)', { k: i }),
      ),
    );
    expect((await h.emulator.query('SELECT SUM(k) AS s FROM `test-proj.ds.par`')).rows[0].s).toBe('28');
  });
});
