import { harness, type Harness } from './harness';

/**
 * DuckDB's syntax is wider than GoogleSQL's. Each statement below runs on DuckDB as written; BigQuery
 * refuses it, so the emulator must too (reason invalidQuery, BigQuery's "Syntax error: Unexpected ... at
 * [line:column]" shape), or say it does not emulate a valid form whose DuckDB reading differs. The valid
 * forms next to them must keep working.
 */
const t = '`test-proj.ds.t`';

const refused: [string, string, string][] = [
  // Trailing commas: the SELECT list, SET, VALUES, a row, call arguments, IN, arrays, STRUCT, EXCEPT, GROUP/ORDER BY.
  [
    'a trailing comma in the SELECT list',
    `SELECT a, b, FROM ${t}`,
    'Syntax error: Unexpected keyword FROM at [1:14]',
  ],
  ['a trailing comma after *', `SELECT *, FROM ${t}`, 'Syntax error: Unexpected keyword FROM at [1:11]'],
  ['a trailing comma at the end', 'SELECT 1 AS a,', 'Syntax error: Unexpected end of script at [1:14]'],
  [
    'a trailing comma in UPDATE ... SET',
    `UPDATE ${t} SET a = 1, b = 2, WHERE TRUE`,
    'Syntax error: Unexpected keyword WHERE at [1:43]',
  ],
  [
    'a trailing comma after VALUES',
    `INSERT INTO ${t} (a, b) VALUES (1, 2),`,
    'Syntax error: Unexpected end of script at [1:50]',
  ],
  [
    'a trailing comma in a row',
    `INSERT INTO ${t} (a, b) VALUES (1, 2,)`,
    'Syntax error: Unexpected ")" at [1:50]',
  ],
  [
    'a trailing comma in call arguments',
    "SELECT CONCAT('a', 'b',) AS x",
    'Syntax error: Unexpected ")" at [1:24]',
  ],
  ['a trailing comma in IN (...)', 'SELECT 1 IN (1, 2,) AS x', 'Syntax error: Unexpected ")" at [1:19]'],
  ['a trailing comma in an array literal', 'SELECT [1, 2,] AS x', 'Syntax error: Unexpected "]" at [1:14]'],
  [
    'a trailing comma in STRUCT(...)',
    'SELECT STRUCT(1 AS a,) AS x',
    'Syntax error: Unexpected ")" at [1:22]',
  ],
  [
    'a trailing comma in * EXCEPT (...)',
    `SELECT * EXCEPT (a,) FROM ${t}`,
    'Syntax error: Unexpected ")" at [1:20]',
  ],
  [
    'a trailing comma in GROUP BY',
    `SELECT a FROM ${t} GROUP BY a,`,
    'Syntax error: Unexpected end of script at [1:42]',
  ],
  [
    'a trailing comma in a column list',
    'CREATE TABLE `test-proj.ds.t2` (a INT64,)',
    'Syntax error: Unexpected ")" at [1:41]',
  ],
  ['two commas', 'SELECT 1 AS a,, 2 AS b', 'Syntax error: Unexpected "," at [1:15]'],
  // Queries that start with FROM take pipe operators, not clauses.
  [
    'a FROM subquery with WHERE',
    `SELECT * FROM (FROM ${t} WHERE a = 1)`,
    'Syntax error: Unexpected keyword WHERE at [1:38]; a query that starts with FROM takes pipe operators (|>), not clauses',
  ],
  [
    "an INSERT whose query starts with FROM and has WHERE (the registry's survivor)",
    `INSERT INTO ${t} (a, b) FROM ${t} WHERE a = 1`,
    'Syntax error: Unexpected keyword WHERE at [1:59]; a query that starts with FROM takes pipe operators (|>), not clauses',
  ],
  [
    "DuckDB's FROM-first SELECT",
    `SELECT * FROM (FROM ${t} SELECT a)`,
    'Syntax error: Unexpected keyword SELECT at [1:38]; a query that starts with FROM takes pipe operators (|>), not clauses',
  ],
  [
    'a FROM query with ORDER BY and LIMIT',
    `FROM ${t} ORDER BY a`,
    'Syntax error: Unexpected keyword ORDER at [1:23]; a query that starts with FROM takes pipe operators (|>), not clauses',
  ],
  [
    'a FROM query after a set operation, unparenthesised',
    `SELECT a, b FROM ${t} UNION ALL FROM ${t}`,
    'Syntax error: Unexpected keyword FROM at [1:45]',
  ],
  [
    'a pipe operator',
    `FROM ${t} |> WHERE a = 1`,
    'not supported by the local emulator: pipe operator |> at [1:23]',
  ],
  // A SELECT without FROM has no WHERE, GROUP BY, HAVING or QUALIFY.
  [
    'WHERE without FROM',
    'SELECT 1 AS x WHERE TRUE',
    'Query without FROM clause cannot have a WHERE clause at [1:15]',
  ],
  [
    'WHERE without FROM in INSERT ... SELECT',
    `INSERT INTO ${t} (a, b) SELECT 1, 2 WHERE NOT EXISTS (SELECT 1 FROM ${t})`,
    'Query without FROM clause cannot have a WHERE clause at [1:49]',
  ],
  [
    'GROUP BY without FROM',
    'SELECT 1 AS x GROUP BY x',
    'Query without FROM clause cannot have a GROUP BY clause at [1:15]',
  ],
  [
    'QUALIFY without FROM',
    'SELECT 1 AS x QUALIFY ROW_NUMBER() OVER () = 1',
    'Query without FROM clause cannot have a QUALIFY clause at [1:15]',
  ],
  // DuckDB-only keywords and clauses.
  [
    'GROUP BY ALL',
    `SELECT a, COUNT(*) AS n FROM ${t} GROUP BY ALL`,
    'not supported by the local emulator: GROUP BY ALL at [1:47]; list the grouping columns',
  ],
  ['ORDER BY ALL', `SELECT a FROM ${t} ORDER BY ALL`, 'Syntax error: Unexpected keyword ALL at [1:41]'],
  ['* EXCLUDE', `SELECT * EXCLUDE (a) FROM ${t}`, 'Syntax error: Unexpected keyword EXCLUDE at [1:10]'],
  ['* LIKE', `SELECT * LIKE 'a%' FROM ${t}`, 'Syntax error: Unexpected keyword LIKE at [1:10]'],
  [
    '* RENAME',
    `SELECT * RENAME (a AS c) FROM ${t}`,
    'Syntax error: Unexpected identifier "RENAME" at [1:10]',
  ],
  ['DISTINCT ON', `SELECT DISTINCT ON (a) a FROM ${t}`, 'Syntax error: Unexpected keyword ON at [1:17]'],
  [
    'a bare UNION',
    `SELECT a FROM ${t} UNION SELECT a FROM ${t}`,
    'Syntax error: Expected keyword ALL or keyword DISTINCT but got keyword SELECT at [1:38]',
  ],
  [
    'a bare EXCEPT',
    `SELECT a FROM ${t} EXCEPT SELECT a FROM ${t}`,
    'Syntax error: Expected keyword ALL or keyword DISTINCT but got keyword SELECT at [1:39]',
  ],
  [
    'UNION BY NAME',
    `SELECT a FROM ${t} UNION BY NAME SELECT a FROM ${t}`,
    'Syntax error: Expected keyword ALL or keyword DISTINCT but got keyword BY at [1:38]',
  ],
  [
    'UNION ALL BY NAME',
    `SELECT a FROM ${t} UNION ALL BY NAME SELECT a FROM ${t}`,
    'not supported by the local emulator: set operation BY NAME at [1:42]',
  ],
  [
    'INTERSECT ALL',
    `SELECT a FROM ${t} INTERSECT ALL SELECT a FROM ${t}`,
    'Syntax error: INTERSECT ALL is not supported; use INTERSECT DISTINCT at [1:32]',
  ],
  [
    'EXCEPT ALL',
    `SELECT a FROM ${t} EXCEPT ALL SELECT a FROM ${t}`,
    'Syntax error: EXCEPT ALL is not supported; use EXCEPT DISTINCT at [1:32]',
  ],
  [
    'POSITIONAL JOIN',
    `SELECT * FROM ${t} POSITIONAL JOIN ${t}`,
    "not supported by the local emulator: POSITIONAL JOIN at [1:32] (DuckDB's join; GoogleSQL has none)",
  ],
  [
    'ASOF JOIN',
    `SELECT * FROM ${t} ASOF JOIN ${t} u ON TRUE`,
    "not supported by the local emulator: ASOF JOIN at [1:32] (DuckDB's join; GoogleSQL has none)",
  ],
  [
    'SEMI JOIN',
    `SELECT * FROM ${t} SEMI JOIN ${t} u ON TRUE`,
    "not supported by the local emulator: SEMI JOIN at [1:32] (DuckDB's join; GoogleSQL has none)",
  ],
  [
    'LEFT ANTI JOIN',
    `SELECT * FROM ${t} LEFT ANTI JOIN ${t} u ON TRUE`,
    "not supported by the local emulator: ANTI JOIN at [1:37] (DuckDB's join; GoogleSQL has none)",
  ],
  [
    'NATURAL JOIN',
    `SELECT * FROM ${t} NATURAL JOIN ${t} u`,
    'Syntax error: Unexpected keyword NATURAL at [1:32]',
  ],
  [
    'USING SAMPLE',
    `SELECT * FROM ${t} USING SAMPLE 10`,
    'Syntax error: Unexpected identifier "SAMPLE" at [1:38]',
  ],
  [
    'INSERT BY NAME',
    `INSERT INTO ${t} BY NAME SELECT 1 AS a, 2 AS b`,
    'Syntax error: Unexpected keyword BY at [1:30]',
  ],
  [
    'INSERT OR REPLACE',
    `INSERT OR REPLACE INTO ${t} VALUES (1, 2)`,
    'Syntax error: Unexpected keyword OR at [1:8]',
  ],
  [
    'DEFAULT VALUES',
    `INSERT INTO ${t} DEFAULT VALUES`,
    'Syntax error: Unexpected identifier "VALUES" at [1:38]',
  ],
  [
    'TRUNCATE without TABLE',
    `TRUNCATE ${t}`,
    'Syntax error: Expected keyword TABLE but got "`test-proj.ds.t`" at [1:10]',
  ],
  ['UPDATE without WHERE', `UPDATE ${t} SET a = 1`, 'UPDATE must have a WHERE clause at [1:1]'],
  ['DELETE without WHERE', `DELETE FROM ${t}`, 'DELETE must have a WHERE clause at [1:1]'],
  [
    'VALUES as a table',
    'SELECT * FROM (VALUES (1), (2))',
    'Syntax error: Unexpected identifier "VALUES" at [1:16]',
  ],
  ['an empty IN list', `SELECT a FROM ${t} WHERE a IN ()`, 'Syntax error: Unexpected ")" at [1:44]'],
  // LIMIT takes an INT64 literal or a parameter; OFFSET only after LIMIT.
  ['LIMIT with an expression', `SELECT a FROM ${t} LIMIT 1 + 1`, 'Syntax error: Unexpected "+" at [1:40]'],
  ['LIMIT ALL', `SELECT a FROM ${t} LIMIT ALL`, 'Syntax error: Unexpected keyword ALL at [1:38]'],
  ['LIMIT (1)', `SELECT a FROM ${t} LIMIT (1)`, 'Syntax error: Unexpected "(" at [1:38]'],
  ['LIMIT with a percentage', `SELECT a FROM ${t} LIMIT 10%`, 'Syntax error: Unexpected "%" at [1:40]'],
  [
    'OFFSET without LIMIT',
    `SELECT a FROM ${t} OFFSET 1`,
    'Syntax error: Unexpected identifier "OFFSET" at [1:32]',
  ],
  // Operators and literals GoogleSQL does not have.
  ['a :: cast', "SELECT '1'::INT64 AS x", 'Syntax error: Unexpected ":" at [1:11]'],
  ['a := struct field', 'SELECT STRUCT(a := 1) AS x', 'Syntax error: Unexpected ":" at [1:17]'],
  ['a prefix alias', 'SELECT x: 1', 'Syntax error: Unexpected ":" at [1:9]'],
  ['a struct literal in braces', "SELECT {'a': 1} AS x", 'Syntax error: Unexpected "{" at [1:8]'],
  ['% as modulo', 'SELECT 7 % 2 AS x', 'Syntax error: Unexpected "%" at [1:10]'],
  ['~ as a regular-expression match', "SELECT 'ab' ~ 'a.' AS x", 'Syntax error: Unexpected "~" at [1:13]'],
  ['ILIKE', "SELECT 'a' ILIKE 'A' AS x", 'Syntax error: Unexpected identifier "ILIKE" at [1:12]'],
  ['GLOB', "SELECT 'a' GLOB 'a' AS x", 'Syntax error: Unexpected identifier "GLOB" at [1:12]'],
  ['SIMILAR TO', "SELECT 'a' SIMILAR TO 'a' AS x", 'Syntax error: Unexpected identifier "SIMILAR" at [1:12]'],
  [
    'AT TIME ZONE',
    "SELECT TIMESTAMP '2020-01-01' AT TIME ZONE 'UTC' AS x",
    'Syntax error: Unexpected keyword AT at [1:31]',
  ],
  // Strings where GoogleSQL wants an identifier: an alias, a table (DuckDB would read a file).
  ['a single-quoted alias', "SELECT 1 AS 'x'", "Syntax error: Unexpected string literal 'x' at [1:13]"],
  ['a double-quoted alias', 'SELECT 1 AS "x"', 'Syntax error: Unexpected string literal "x" at [1:13]'],
  [
    'a file as a table',
    "SELECT * FROM 'data.csv'",
    "Syntax error: Unexpected string literal 'data.csv' at [1:15]",
  ],
  [
    'a file joined',
    `SELECT * FROM ${t} JOIN "data.csv" USING (a)`,
    'Syntax error: Unexpected string literal "data.csv" at [1:37]',
  ],
  [
    'a string in * EXCEPT',
    `SELECT * EXCEPT ("a") FROM ${t}`,
    'Syntax error: Unexpected string literal "a" at [1:18]',
  ],
  [
    'a string in USING',
    `SELECT * FROM ${t} JOIN ${t} AS u USING ('a')`,
    "Syntax error: Unexpected string literal 'a' at [1:66]",
  ],
  // Subscripts: BigQuery's bare a[i] is zero-based, DuckDB's one-based.
  [
    'a bare array subscript',
    'SELECT [10, 20][1] AS x',
    'not supported by the local emulator: subscript without OFFSET or ORDINAL at [1:16]; write a[OFFSET(i)]',
  ],
  [
    'a string subscript',
    "SELECT 'abc'[1] AS x",
    'not supported by the local emulator: subscript without OFFSET or ORDINAL at [1:13]; write a[OFFSET(i)]',
  ],
  // STRUCTs of one array literal that name their fields differently (DuckDB unites the names).
  [
    'a later STRUCT without the field names',
    'SELECT [STRUCT(1 AS a), STRUCT(2)] AS x',
    'Array elements STRUCT(a) and STRUCT(...) name their fields differently at [1:25]; the local emulator refuses this (BigQuery does not document which names the array keeps)',
  ],
  [
    'a later STRUCT with other field names',
    'SELECT [STRUCT(1 AS a, 2 AS b), STRUCT(3 AS a, 4 AS c)] AS x',
    'Array elements STRUCT(a, b) and STRUCT(a, c) name their fields differently at [1:33]; the local emulator refuses this (BigQuery does not document which names the array keeps)',
  ],
];

describe('GoogleSQL grammar: what DuckDB accepts and BigQuery does not', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    await h.emulator.query(`CREATE TABLE ${t} (a INT64, b INT64)`);
    await h.emulator.query(`INSERT INTO ${t} (a, b) VALUES (1, 2), (3, 4)`);
  });
  afterAll(() => h.emulator.close());

  test.each(refused)('%s is refused', async (_name, sql, message) => {
    await expect(h.emulator.query(sql, { n: 1 })).rejects.toMatchObject({ reason: 'invalidQuery', message });
  });

  test('a refused statement changes nothing', async () => {
    await expect(h.emulator.query(`UPDATE ${t} SET a = 9, WHERE TRUE`)).rejects.toMatchObject({
      reason: 'invalidQuery',
    });
    await expect(h.emulator.query(`INSERT INTO ${t} (a, b) VALUES (5, 6),`)).rejects.toThrow();
    const { rows } = await h.emulator.query(`SELECT a, b FROM ${t} ORDER BY a`);
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  test("a typed array's element names come from its type, not from the elements", async () => {
    // The check leaves typed arrays alone; DuckDB cannot cast differently named elements, so the
    // statement is refused there instead (not emulated), never run with united names.
    const typed = h.emulator.query('SELECT ARRAY<STRUCT<a INT64>>[STRUCT(1), STRUCT(2 AS b)] AS x');
    await expect(typed).rejects.toMatchObject({ reason: 'invalidQuery' });
    await expect(typed).rejects.not.toMatchObject({ message: expect.stringMatching(/name their fields/) });
  });

  test('a job with a DuckDB-only form fails with invalidQuery, as on Google', async () => {
    await expect(h.emulator.query(`SELECT a, FROM ${t}`)).rejects.toMatchObject({ code: 400 });
  });
});

describe('GoogleSQL grammar: the valid forms next to the refused ones', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    await h.emulator.query(`CREATE TABLE ${t} (a INT64, b INT64)`);
    await h.emulator.query(`INSERT INTO ${t} (a, b) VALUES (1, 2), (3, 4)`);
    await h.emulator.query('CREATE TABLE `test-proj.ds.u` (a INT64, c STRING)');
    await h.emulator.query("INSERT INTO `test-proj.ds.u` (a, c) VALUES (1, 'one'), (5, 'five')");
    await h.emulator.query('CREATE TABLE `test-proj.ds.copy2` (a INT64)');
  });
  afterAll(() => h.emulator.close());

  const cases: [string, string, unknown[]][] = [
    // A query may start with FROM: the table's rows and columns, as SELECT * would give.
    [
      'a query that is a FROM clause',
      `FROM ${t}`,
      [
        { a: '1', b: '2' },
        { a: '3', b: '4' },
      ],
    ],
    ['a FROM subquery', `SELECT SUM(a) AS s FROM (FROM ${t})`, [{ s: '4' }]],
    [
      'a FROM query with a join',
      `FROM ${t} JOIN \`test-proj.ds.u\` USING (a)`,
      [{ a: '1', b: '2', c: 'one' }],
    ],
    [
      'parenthesised FROM queries in a set operation',
      `(FROM ${t}) UNION ALL (FROM ${t})`,
      [
        { a: '1', b: '2' },
        { a: '3', b: '4' },
        { a: '1', b: '2' },
        { a: '3', b: '4' },
      ],
    ],
    ['SELECT without FROM', "SELECT 1 AS x, 'y' AS y", [{ x: 1, y: 'y' }]],
    ['WHERE with FROM', `SELECT a FROM ${t} WHERE a > 1`, [{ a: '3' }]],
    // QUALIFY is a reserved keyword in BigQuery, so it needs no WHERE, GROUP BY or HAVING before it
    // (https://github.com/google/googlesql/issues/115).
    ['QUALIFY alone', `SELECT a FROM ${t} QUALIFY ROW_NUMBER() OVER (ORDER BY a DESC) = 1`, [{ a: '3' }]],
    [
      'QUALIFY after WHERE',
      `SELECT a FROM ${t} WHERE TRUE QUALIFY ROW_NUMBER() OVER (ORDER BY a DESC) = 1`,
      [{ a: '3' }],
    ],
    [
      'QUALIFY after GROUP BY',
      `SELECT a FROM ${t} GROUP BY a QUALIFY RANK() OVER (ORDER BY a) = 1`,
      [{ a: '1' }],
    ],
    [
      'IS DISTINCT FROM',
      'SELECT 1 IS DISTINCT FROM 2 AS x, NULL IS NOT DISTINCT FROM NULL AS y',
      [{ x: true, y: true }],
    ],
    ['EXTRACT(... FROM ...)', "SELECT EXTRACT(DAY FROM DATE '2020-03-07') AS d", [{ d: '7' }]],
    ['SELECT * EXCEPT', `SELECT * EXCEPT (b) FROM ${t} ORDER BY a`, [{ a: '1' }, { a: '3' }]],
    [
      'SELECT * REPLACE',
      `SELECT * REPLACE (0 AS b) FROM ${t} ORDER BY a`,
      [
        { a: '1', b: 0 },
        { a: '3', b: 0 },
      ],
    ],
    ['UNION DISTINCT', `SELECT 1 AS x FROM ${t} UNION DISTINCT SELECT 1 AS x FROM ${t}`, [{ x: 1 }]],
    ['EXCEPT DISTINCT', `SELECT a FROM ${t} EXCEPT DISTINCT SELECT a FROM \`test-proj.ds.u\``, [{ a: '3' }]],
    [
      'INTERSECT DISTINCT',
      `SELECT a FROM ${t} INTERSECT DISTINCT SELECT a FROM \`test-proj.ds.u\``,
      [{ a: '1' }],
    ],
    ['LIMIT and OFFSET literals', `SELECT a FROM ${t} ORDER BY a LIMIT 1 OFFSET 1`, [{ a: '3' }]],
    ['LIMIT a parameter', `SELECT a FROM ${t} ORDER BY a LIMIT @n`, [{ a: '1' }]],
    [
      'WITH OFFSET and OFFSET()',
      'SELECT x, o, [7, 8][OFFSET(1)] AS y FROM UNNEST([5]) AS x WITH OFFSET AS o',
      [{ x: 5, o: '0', y: 8 }],
    ],
    [
      'STRUCTs naming their fields alike',
      'SELECT ARRAY_LENGTH([STRUCT(1 AS a), STRUCT(2 AS a)]) AS n',
      [{ n: '2' }],
    ],
    ['STRUCTs naming no field', 'SELECT ARRAY_LENGTH([STRUCT(1), STRUCT(2)]) AS n', [{ n: '2' }]],
    ['a string value, double-quoted', 'SELECT "a" AS x', [{ x: 'a' }]],
    [
      'GROUP BY and ORDER BY a column named name',
      'SELECT name FROM UNNEST(["b", "a"]) AS name GROUP BY name ORDER BY name',
      [{ name: 'a' }, { name: 'b' }],
    ],
    ['a column named values', 'SELECT values FROM UNNEST([3]) AS values', [{ values: 3 }]],
    [
      'MERGE inserting VALUES',
      `MERGE \`test-proj.ds.u\` AS u USING (SELECT 7 AS a) AS s ON u.a = s.a WHEN NOT MATCHED THEN INSERT (a, c) VALUES (s.a, 'seven')`,
      [],
    ],
    ['TRUNCATE TABLE', 'TRUNCATE TABLE `test-proj.ds.copy2`', []],
    ['UPDATE with WHERE TRUE', `UPDATE \`test-proj.ds.u\` SET c = UPPER(c) WHERE TRUE`, []],
  ];

  test("an INSERT's query may be a FROM clause", async () => {
    await h.emulator.query(`CREATE TABLE \`test-proj.ds.copy\` (a INT64, b INT64)`);
    await h.emulator.query(`INSERT INTO \`test-proj.ds.copy\` (a, b) FROM ${t}`);
    const { rows } = await h.emulator.query('SELECT a, b FROM `test-proj.ds.copy` ORDER BY a');
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  test.each(cases)('%s runs', async (_name, sql, rows) => {
    const result = await h.emulator.query(sql, { n: 1 });
    expect(result.rows ?? []).toEqual(rows);
  });
});
