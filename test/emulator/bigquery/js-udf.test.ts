import { compileJsUdf, type UdfType } from '../../../emulator/bigquery/js-udf';
import { harness, type Harness } from './harness';

/**
 * Temporary JavaScript UDFs in the emulator, against the examples and type encodings of
 * https://cloud.google.com/bigquery/docs/user-defined-functions#javascript-udfs, and the refusals the
 * emulator's README lists.
 */
describe('temporary JavaScript UDFs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.emulator.close());
  const rows = async (sql: string) => (await h.emulator.query(sql)).rows;
  const fails = (sql: string, message: RegExp) =>
    expect(h.emulator.query(sql)).rejects.toMatchObject({ message: expect.stringMatching(message) });

  test("the page's multiplyInputs example: FLOAT64 arguments, a raw triple-quoted body", async () => {
    const got = await rows(`
      CREATE TEMP FUNCTION multiplyInputs(x FLOAT64, y FLOAT64)
      RETURNS FLOAT64
      LANGUAGE js
      AS r"""
        return x*y;
      """;
      WITH numbers AS
        (SELECT 1 AS x, 5 as y UNION ALL SELECT 2 AS x, 10 as y UNION ALL SELECT 3 as x, 15 as y)
      SELECT x, y, multiplyInputs(x, y) AS product FROM numbers ORDER BY x`);
    expect(got.map((r) => r.product)).toEqual([5, 20, 45]);
  });

  test("the page's plusOne example: a standard quoted body, and calls are case-insensitive", async () => {
    const got = await rows(`
      CREATE TEMPORARY FUNCTION plusOne(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return x+1;";
      SELECT val, PLUSONE(val) AS result FROM UNNEST([1, 2, 3, 4, 5]) AS val ORDER BY val`);
    expect(got.map((r) => r.result)).toEqual([2, 3, 4, 5, 6]);
  });

  test('a NULL argument arrives as null, and the function may answer it with a value', async () => {
    const got = await rows(`
      CREATE TEMP FUNCTION describe(s STRING, b BOOL) RETURNS STRING NOT DETERMINISTIC LANGUAGE js AS r"""
        return (s === null ? 'null' : typeof s) + '/' + (b === null ? 'null' : typeof b);
      """;
      SELECT describe(NULL, TRUE) AS a, describe('x', NULL) AS b`);
    expect(got).toEqual([{ a: 'null/boolean', b: 'string/null' }]);
  });

  test('ARRAY and STRUCT cross as arrays and objects with a property per field, both ways', async () => {
    const got = await rows(`
      CREATE TEMP FUNCTION summary(words ARRAY<STRING>, point STRUCT<x FLOAT64, label STRING>)
      RETURNS STRUCT<n FLOAT64, tags ARRAY<STRING>, ok BOOL> LANGUAGE js AS r"""
        return { n: words.length + point.x, tags: words.map((w) => point.label + w), ok: Array.isArray(words) };
      """;
      SELECT summary(['a', 'b'], STRUCT(0.5 AS x, 'p-' AS label)) AS s`);
    expect(got[0].s).toEqual({ n: 2.5, tags: ['p-a', 'p-b'], ok: true });
  });

  test('a missing STRUCT property is NULL; null and undefined returns are NULL', async () => {
    const got = await rows(`
      CREATE TEMP FUNCTION partial(x FLOAT64) RETURNS STRUCT<a FLOAT64, b STRING> LANGUAGE js AS "return { a: x };";
      CREATE TEMP FUNCTION nothing(x FLOAT64) RETURNS STRING LANGUAGE js AS "return x > 0 ? null : undefined;";
      SELECT partial(1) AS p, nothing(1) AS n1, nothing(-1) AS n2`);
    expect(got).toEqual([{ p: { a: 1, b: null }, n1: null, n2: null }]);
  });

  test('INT64 returns accept a Number or a String of an integer; fractions and other text are refused', async () => {
    const got = await rows(`
      CREATE TEMP FUNCTION asInt(s STRING) RETURNS INT64 LANGUAGE js AS r"""
        return s === 'number' ? 42 : s;
      """;
      SELECT asInt('number') AS a, asInt('-9007199254740993') AS b`);
    expect(got).toEqual([{ a: '42', b: '-9007199254740993' }]);
    await fails(
      `CREATE TEMP FUNCTION half(x FLOAT64) RETURNS INT64 LANGUAGE js AS "return x / 2;"; SELECT half(3)`,
      /JavaScript UDF half\(FLOAT64\): returned number 1\.5 for INT64/,
    );
    await fails(
      `CREATE TEMP FUNCTION text(x FLOAT64) RETURNS INT64 LANGUAGE js AS "return '12abc';"; SELECT text(3)`,
      /returned the string "12abc" for INT64/,
    );
    await fails(
      `CREATE TEMP FUNCTION big(x FLOAT64) RETURNS INT64 LANGUAGE js AS "return '9223372036854775808';"; SELECT big(3)`,
      /out of range for INT64/,
    );
  });

  test('INT64 is refused as an argument type, as the page says, also inside ARRAY and STRUCT', async () => {
    await fails(
      `CREATE TEMP FUNCTION f(x INT64) RETURNS FLOAT64 LANGUAGE js AS "return x;"; SELECT 1`,
      /function f argument x: INT64 is unsupported as an input type for JavaScript UDFs/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x ARRAY<INT64>) RETURNS FLOAT64 LANGUAGE js AS "return 1;"; SELECT 1`,
      /argument x: INT64 is unsupported/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x STRUCT<a STRING, b INT64>) RETURNS FLOAT64 LANGUAGE js AS "return 1;"; SELECT 1`,
      /argument x: INT64 is unsupported/,
    );
  });

  test('a returned value of the wrong type is an error naming the function', async () => {
    await fails(
      `CREATE TEMP FUNCTION f(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return String(x);"; SELECT f(1)`,
      /JavaScript UDF f\(FLOAT64\): returned the string "1" for FLOAT64/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x FLOAT64) RETURNS STRING LANGUAGE js AS "return x;"; SELECT f(1)`,
      /returned number 1 for STRING/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x FLOAT64) RETURNS ARRAY<STRING> LANGUAGE js AS "return ['a', null];"; SELECT f(1)`,
      /Array cannot have a null element \(index 1\)/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x FLOAT64) RETURNS STRUCT<a FLOAT64> LANGUAGE js AS "return { a: 1, b: 2 };"; SELECT f(1)`,
      /returned a property b that STRUCT<a FLOAT64> does not have/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return Promise.resolve(x);"; SELECT f(1)`,
      /returned a Promise, which the local emulator does not wait for/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x FLOAT64) RETURNS STRING LANGUAGE js AS "return new Date(x);"; SELECT f(1)`,
      /JavaScript UDF f\(FLOAT64\): returned an object that is not a plain object/,
    );
  });

  test('a JavaScript exception or syntax error fails the query, naming the function', async () => {
    await fails(
      `CREATE TEMP FUNCTION boom(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "throw new Error('no ' + x);"; SELECT boom(7)`,
      /JavaScript UDF boom threw: no 7/,
    );
    await fails(
      `CREATE TEMP FUNCTION broken(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return (x;"; SELECT 1`,
      /JavaScript UDF broken: .*(Unexpected|missing)/,
    );
  });

  test('the body sees the JavaScript built-ins only: no require, process or timers', async () => {
    const got = await rows(`
      CREATE TEMP FUNCTION globals(x FLOAT64) RETURNS STRING LANGUAGE js AS r"""
        return [typeof require, typeof process, typeof setTimeout, typeof setImmediate, typeof JSON, typeof Map].join(',');
      """;
      SELECT globals(1) AS g`);
    expect(got[0].g).toBe('undefined,undefined,undefined,undefined,object,function');
  });

  test('a temporary function lives for its script; OR REPLACE and IF NOT EXISTS act within it', async () => {
    await fails('SELECT plusOne(1)', /not supported by the local emulator: function PLUSONE/);
    const got = await rows(`
      CREATE TEMP FUNCTION f(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return x + 1;";
      CREATE TEMP FUNCTION IF NOT EXISTS f(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return x + 100;";
      CREATE TABLE \`test-proj.ds.udf_out\` AS SELECT f(1) AS first;
      CREATE OR REPLACE TEMP FUNCTION f(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return x + 2;";
      SELECT first, f(1) AS second FROM \`test-proj.ds.udf_out\``);
    expect(got).toEqual([{ first: 2, second: 3 }]);
    await fails(
      `CREATE TEMP FUNCTION g(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return x;";
       CREATE TEMP FUNCTION g(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return x;"; SELECT 1`,
      /Function g already exists in this script/,
    );
  });

  test('what the emulator refuses rather than approximates', async () => {
    await fails(
      `CREATE FUNCTION \`test-proj.ds.f\`(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return x;"`,
      /persistent UDF\) is not supported by the local emulator/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x FLOAT64) RETURNS FLOAT64 AS (x + 1); SELECT 1`,
      /SQL UDFs are not supported by the local emulator/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x FLOAT64) RETURNS FLOAT64 LANGUAGE js OPTIONS (library = ['gs://b/l.js']) AS "return x;"; SELECT 1`,
      /OPTIONS \(library = \.\.\.\) is not supported/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x BYTES) RETURNS FLOAT64 LANGUAGE js AS "return 1;"; SELECT 1`,
      /BYTES is not supported by the local emulator in a JavaScript UDF/,
    );
    await fails(
      `CREATE TEMP FUNCTION f(x FLOAT64) LANGUAGE js AS "return x;"; SELECT 1`,
      /a JavaScript UDF needs RETURNS type/,
    );
    await fails(
      `CREATE TEMP FUNCTION a.f(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return x;"; SELECT 1`,
      /cannot contain periods/,
    );
  });

  test('a temporary function named like a built-in function is refused, not silently shadowing it', async () => {
    for (const name of ['upper', 'SAFE_DIVIDE', 'Coalesce'])
      await fails(
        `CREATE TEMP FUNCTION ${name}(x STRING) RETURNS STRING LANGUAGE js AS "return 'js';"; SELECT 1`,
        new RegExp(`^Function ${name} has the name of a built-in function`),
      );
    expect(await rows(`SELECT UPPER('a') AS u`)).toEqual([{ u: 'A' }]);
  });

  test('inside a transaction a temporary function is refused, as the statements a transaction allows do not list it', async () => {
    await fails(
      `BEGIN TRANSACTION;
       CREATE TEMP FUNCTION f(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return x;";
       COMMIT TRANSACTION`,
      /CREATE_FUNCTION is not supported inside a transaction/,
    );
  });

  test('a function declared before BEGIN TRANSACTION is called inside it', async () => {
    const got = await rows(`
      CREATE TABLE \`test-proj.ds.udf_tx\` (v FLOAT64);
      CREATE TEMP FUNCTION triple(x FLOAT64) RETURNS FLOAT64 LANGUAGE js AS "return 3 * x;";
      BEGIN TRANSACTION;
      INSERT INTO \`test-proj.ds.udf_tx\` (v) SELECT triple(x) FROM UNNEST([1.5, 2.0]) AS x;
      COMMIT TRANSACTION;
      SELECT v FROM \`test-proj.ds.udf_tx\` ORDER BY v`);
    expect(got.map((r) => r.v)).toEqual([4.5, 6]);
  });

  test('a batch of calls that outlasts the time limit fails, naming the function', () => {
    const { run } = compileJsUdf(
      { name: 'spin', params: [{ name: 'x', type: { kind: 'FLOAT64' } }], body: 'for (;;) {}' },
      50,
    );
    expect(() => run([[1]])).toThrow(/JavaScript UDF spin timed out: 1 calls took more than 50 ms/);
    // Rows run in batches of 16: the second batch holds the 17th row.
    const { run: count } = compileJsUdf({
      name: 'c',
      params: [{ name: 'x', type: { kind: 'FLOAT64' } }],
      body: 'return x * 2;',
    });
    expect(count(Array.from({ length: 40 }, (_, i) => [i]))).toEqual(
      Array.from({ length: 40 }, (_, i) => i * 2),
    );
  });
});

/**
 * A UDF body is untrusted code: it must reach nothing of the host (no `process`, `require` or host
 * intrinsics through constructor chains), and nothing it leaves behind (getters, thrown objects, queued
 * promise callbacks) may run outside the time limit.
 */
describe('a JavaScript UDF body cannot escape its sandbox', () => {
  const reach = 'constructor.constructor("return typeof process")()';
  const one = (
    body: string,
    params: { name: string; type: UdfType }[] = [{ name: 'x', type: { kind: 'FLOAT64' } }],
    timeoutMs?: number,
  ) => compileJsUdf({ name: 'f', params, body }, timeoutMs);

  test('through `this`, an ARRAY argument, a STRUCT argument or the caller chain', () => {
    expect(one(`return this.${reach};`).run([[1]])).toEqual(['undefined']);
    expect(
      one(`return a.${reach};`, [{ name: 'a', type: { kind: 'ARRAY', element: { kind: 'STRING' } } }]).run([
        [['x']],
      ]),
    ).toEqual(['undefined']);
    const struct: UdfType = { kind: 'STRUCT', fields: [{ name: 'p', type: { kind: 'FLOAT64' } }] };
    expect(one(`return s.${reach};`, [{ name: 's', type: struct }]).run([[{ p: 1 }]])).toEqual(['undefined']);
    // A sloppy caller exposes its live arguments (the host's row array); the runner must not be one.
    expect(
      one('const c = arguments.callee.caller; return c === null ? "none" : typeof c;').run([[1]]),
    ).toEqual(['none']);
  });

  test('FLOAT64 NaN, Infinity and -0 arrive as those Numbers, and return as them', () => {
    const got = one('return x;').run([[NaN], [Infinity], [-Infinity], [-0]]);
    expect(got[0]).toBeNaN();
    expect(got.slice(1, 3)).toEqual([Infinity, -Infinity]);
    expect(Object.is(got[3], -0)).toBe(true);
  });

  test('returned values are plain host data: a getter runs inside the time limit, and its exception names the function', () => {
    expect(() => one('return { get a() { throw new Error("boom"); } };').run([[1]])).toThrow(
      /JavaScript UDF f threw: boom/,
    );
    expect(() => one('return { get a() { for (;;) {} } };', undefined, 50).run([[1]])).toThrow(
      /JavaScript UDF f timed out/,
    );
    expect(() => one('throw { get message() { for (;;) {} } };', undefined, 50).run([[1]])).toThrow(
      /JavaScript UDF f timed out/,
    );
    const [value] = one('return { a: [x] };').run([[2]]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Array.isArray((value as { a: unknown }).a)).toBe(true);
  });

  test.todo(
    'a promise callback a body queues (Promise.resolve().then(() => { for (;;) {} })) runs on the host queue after the batch, outside the time limit, and can hang the run: microtaskMode afterEvaluate would keep it inside, but Node aborts when that timeout fires inside a callback with async hooks on (nodejs/node#38503); it needs a worker thread',
  );

  test.todo(
    'a body that allocates without bound (new Array(1e9).fill(0)) fails the query instead of exhausting the host heap: node:vm shares the host heap and has no memory limit; it needs a worker with resourceLimits',
  );
});

// Found by breaking the label normalisation: @duckdb/node-api decodes VARCHAR with `new TextDecoder()`,
// whose default drops a leading U+FEFF, so the JavaScript-computed functions taking a STRING (NORMALIZE and
// INITCAP measured) see '\uFEFFab' as 'ab': LENGTH(NORMALIZE(@p, NFKC)) is 2 for a 3-character @p.
test.todo(
  'a string starting with U+FEFF keeps it through the JavaScript-computed functions and when rows are read back',
);
