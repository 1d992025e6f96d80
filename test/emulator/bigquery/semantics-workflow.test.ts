import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { register as registerWorkflow } from '../../../cli/commands/workflow';

/**
 * The SQL faults of the local BigQuery, each run the way a user's own workflow runs it: a `jobs.query`
 * connector call inside `bqtune workflow run` with local state. Expected values and errors are the ones
 * BigQuery's function reference documents (pages cited per case), not the emulator's own output.
 */
const WORKFLOW = `
main:
  params: [args]
  steps:
    - init:
        assign:
          - answers: []
    - each:
        for:
          value: sql
          in: \${args.queries}
          steps:
            - ask:
                try:
                  steps:
                    - q:
                        call: googleapis.bigquery.v2.jobs.query
                        args:
                          projectId: bqtune-local
                          body:
                            query: \${sql}
                            useLegacySql: false
                        result: r
                    - keep:
                        assign:
                          - answers: '\${list.concat(answers, {"type": r.schema.fields[0].type, "rows": r.rows})}'
                except:
                  as: e
                  steps:
                    - failed:
                        assign:
                          - answers: '\${list.concat(answers, {"error": e.body.error.message})}'
    - done:
        return: \${answers}
`;

const ref = 'https://cloud.google.com/bigquery/docs/reference/standard-sql/';

interface Case {
  sql: string;
  /** The first column of every row, as REST `v` values. */
  values?: unknown[];
  type?: string;
  error?: RegExp;
  page: string;
}

const cases: Case[] = [
  // operators#arithmetic_operators: division by zero fails the query; IEEE_DIVIDE and SAFE_DIVIDE do not.
  { sql: 'SELECT 1 / 0 AS x', error: /division by zero/, page: 'operators#arithmetic_operators' },
  { sql: 'SELECT 10 / 4 AS x', values: ['2.5'], type: 'FLOAT', page: 'operators#arithmetic_operators' },
  {
    sql: 'SELECT x / y AS q FROM UNNEST([STRUCT(1 AS x, 0 AS y)])',
    error: /division by zero/,
    page: 'operators',
  },
  {
    sql: 'SELECT IEEE_DIVIDE(20.0, 0.0) AS x',
    values: ['Infinity'],
    page: `${'mathematical_functions'}#ieee_divide`,
  },
  { sql: 'SELECT SAFE_DIVIDE(20, 0) AS x', values: [null], page: 'mathematical_functions#safe_divide' },
  // aggregate_functions#array_agg: a NULL element is an error unless IGNORE NULLS.
  {
    sql: 'SELECT ARRAY_AGG(x) AS a FROM UNNEST([1, NULL, 2]) AS x',
    error: /Array cannot have a null element/,
    page: 'aggregate_functions#array_agg',
  },
  {
    sql: 'SELECT ARRAY_AGG(x IGNORE NULLS) AS a FROM UNNEST([NULL, 1, -2, 3, -2, 1, NULL]) AS x',
    values: [[{ v: '1' }, { v: '-2' }, { v: '3' }, { v: '-2' }, { v: '1' }]],
    page: 'aggregate_functions#array_agg',
  },
  {
    sql: 'SELECT ARRAY_AGG(x LIMIT 5) AS a FROM UNNEST([2, 1, -2, 3, -2, 1, 2]) AS x',
    values: [[{ v: '2' }, { v: '1' }, { v: '-2' }, { v: '3' }, { v: '-2' }]],
    page: 'aggregate_functions#array_agg',
  },
  {
    sql: 'SELECT ARRAY_AGG(x ORDER BY x LIMIT 2) AS a FROM UNNEST([3, 1, 2]) AS x',
    values: [[{ v: '1' }, { v: '2' }]],
    page: 'aggregate_functions#array_agg',
  },
  // aggregate_functions#string_agg
  {
    sql: 'SELECT STRING_AGG(fruit, " & " LIMIT 2) AS s FROM UNNEST(["apple", "pear", "banana", "pear"]) AS fruit',
    values: ['apple & pear'],
    page: 'aggregate_functions#string_agg',
  },
  {
    sql: 'SELECT STRING_AGG(DISTINCT fruit, " & " ORDER BY fruit DESC LIMIT 2) AS s FROM UNNEST(["apple", "pear", "banana", "pear"]) AS fruit',
    values: ['pear & banana'],
    page: 'aggregate_functions#string_agg',
  },
  {
    sql: 'SELECT STRING_AGG(fruit) AS s FROM UNNEST(["apple", NULL, "pear", "banana", "pear"]) AS fruit',
    values: ['apple,pear,banana,pear'],
    page: 'aggregate_functions#string_agg',
  },
  // hash_functions#farm_fingerprint
  {
    sql: `SELECT FARM_FINGERPRINT(CONCAT(CAST(x AS STRING), y, CAST(z AS STRING))) AS f FROM (
            SELECT 1 AS x, "foo" AS y, true AS z UNION ALL SELECT 2 AS x, "apple" AS y, false AS z
            UNION ALL SELECT 3 AS x, "" AS y, true AS z) ORDER BY x`,
    values: ['-1541654101129638711', '2794438866806483259', '-4880158226897771312'],
    type: 'INTEGER',
    page: 'hash_functions#farm_fingerprint',
  },
  // json_functions#json_value: an object or array is NULL, a scalar is its STRING.
  {
    sql: `SELECT JSON_VALUE('{"name": "Jakob", "age": "6"}', '$.name') AS j`,
    values: ['Jakob'],
    page: 'json_functions#json_value',
  },
  {
    sql: `SELECT JSON_VALUE('{"fruits": ["apple", "banana"]}', '$.fruits') AS j`,
    values: [null],
    page: 'json_functions#json_value',
  },
  {
    sql: `SELECT JSON_VALUE('{"a": {"b": 1}}', '$.a') AS j`,
    values: [null],
    page: 'json_functions#json_value',
  },
  {
    sql: `SELECT JSON_EXTRACT_SCALAR('{"a": [1, 2]}', '$.a') AS j`,
    values: [null],
    page: 'json_functions#json_extract_scalar',
  },
  {
    sql: `SELECT JSON_EXTRACT_SCALAR('{"a": null}', '$.a') AS j`,
    values: [null],
    page: 'json_functions#json_extract_scalar',
  },
  // timestamp_functions#timestamp_diff: whole units.
  {
    sql: 'SELECT TIMESTAMP_DIFF(TIMESTAMP "2001-02-01 01:00:00", TIMESTAMP "2001-02-01 00:00:01", HOUR) AS d',
    values: ['0'],
    type: 'INTEGER',
    page: 'timestamp_functions#timestamp_diff',
  },
  {
    sql: 'SELECT TIMESTAMP_DIFF(TIMESTAMP "2018-08-14", TIMESTAMP "2018-10-14", DAY) AS d',
    values: ['-61'],
    page: 'timestamp_functions#timestamp_diff',
  },
  {
    sql: 'SELECT TIMESTAMP_DIFF(TIMESTAMP "2010-07-07 10:20:00+00", TIMESTAMP "2008-12-25 15:30:00+00", HOUR) AS d',
    values: ['13410'],
    page: 'timestamp_functions#timestamp_diff',
  },
  // string_functions#concat: NULL if any argument is, typed STRING.
  { sql: "SELECT CONCAT('a', NULL) AS c", values: [null], type: 'STRING', page: 'string_functions#concat' },
  {
    sql: "SELECT CONCAT('The ', 'Hare') AS c",
    values: ['The Hare'],
    type: 'STRING',
    page: 'string_functions#concat',
  },
  // string_functions#split: the delimiter defaults to a comma.
  {
    sql: "SELECT SPLIT('b,c,d') AS s",
    values: [[{ v: 'b' }, { v: 'c' }, { v: 'd' }]],
    page: 'string_functions#split',
  },
  // mathematical_functions#div
  { sql: 'SELECT DIV(20, 4) AS d', values: ['5'], page: 'mathematical_functions#div' },
  { sql: 'SELECT DIV(12, -7) AS d', values: ['-1'], page: 'mathematical_functions#div' },
  { sql: 'SELECT DIV(20, 3) AS d', values: ['6'], page: 'mathematical_functions#div' },
  { sql: 'SELECT DIV(20, 0) AS d', error: /division by zero/, page: 'mathematical_functions#div' },
  // Coverage the issue lists, each value from the page cited.
  {
    sql: "SELECT DATETIME_DIFF(DATETIME '2010-07-07 10:20:00', DATETIME '2008-12-25 15:30:00', DAY) AS d",
    values: ['559'],
    page: 'datetime_functions#datetime_diff',
  },
  {
    sql: "SELECT PARSE_DATE('%Y%m%d', '20081225') AS d",
    values: ['2008-12-25'],
    type: 'DATE',
    page: 'date_functions#parse_date',
  },
  {
    sql: 'SELECT FORMAT_TIMESTAMP("%b-%d-%Y", TIMESTAMP "2050-12-25 15:30:55+00") AS f',
    values: ['Dec-25-2050'],
    page: 'timestamp_functions#format_timestamp',
  },
  {
    sql: "SELECT PARSE_TIMESTAMP('%Y-%m-%d %H:%M:%S', '2008-12-25 07:30:00') AS t",
    values: ['1.2301902E9'],
    type: 'TIMESTAMP',
    page: 'timestamp_functions#parse_timestamp',
  },
  {
    sql: "SELECT TIMESTAMP_TRUNC(TIMESTAMP '2008-12-25 15:30:00+00', DAY) AS t",
    values: ['1.2301632E9'],
    page: 'timestamp_functions#timestamp_trunc',
  },
  {
    sql: "SELECT GENERATE_DATE_ARRAY('2016-01-01', '2016-12-31', INTERVAL 2 MONTH) AS a",
    values: [
      ['2016-01-01', '2016-03-01', '2016-05-01', '2016-07-01', '2016-09-01', '2016-11-01'].map((v) => ({
        v,
      })),
    ],
    page: 'array_functions#generate_date_array',
  },
  {
    sql: "SELECT ARRAY_TO_STRING(['coffee', 'tea', 'milk', NULL], '--', 'MISSING') AS t",
    values: ['coffee--tea--milk--MISSING'],
    page: 'array_functions#array_to_string',
  },
  {
    sql: "SELECT o FROM UNNEST(['a', 'b', 'c']) AS x WITH OFFSET AS o ORDER BY o",
    values: ['0', '1', '2'],
    page: 'query-syntax#unnest_operator',
  },
  {
    sql: "SELECT b FROM UNNEST([STRUCT(1 AS a, 'x' AS b), STRUCT(2 AS a, 'y' AS b)]) ORDER BY a",
    values: ['x', 'y'],
    page: 'query-syntax#unnest_operator',
  },
  {
    sql: 'SELECT [1, 2][OFFSET(5)] AS e',
    error: /out of bounds/,
    page: 'array_functions#array_subscript_operator',
  },
  { sql: 'SELECT [1, 2][SAFE_OFFSET(5)] AS e', values: [null], page: 'operators#array_subscript_operator' },
  { sql: 'SELECT 0x1F AS h', values: ['31'], type: 'INTEGER', page: 'lexical#integer_literals' },
  { sql: 'SELECT 5 ^ 3 AS x', values: ['6'], page: 'operators#bitwise_operators' },
  {
    sql: 'SELECT SHA256("Hello World") AS sha256',
    values: ['pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4='],
    type: 'BYTES',
    page: 'hash_functions#sha256',
  },
  {
    sql: 'SELECT PERCENTILE_CONT(x, 0.5) OVER() AS median FROM UNNEST([0, 3, NULL, 1, 2]) AS x LIMIT 1',
    values: ['1.5'],
    page: 'navigation_functions#percentile_cont',
  },
  {
    sql: "SELECT PERCENTILE_DISC(x, 0.5) OVER() AS median FROM UNNEST(['c', NULL, 'b', 'a']) AS x LIMIT 1",
    values: ['b'],
    page: 'navigation_functions#percentile_disc',
  },
  {
    sql: 'SELECT INTERVAL 1 DAY AS i',
    values: ['0-0 1 0:0:0'],
    type: 'INTERVAL',
    page: 'data-types#interval_type',
  },
  // Functions outside the table are refused, not handed to DuckDB.
  {
    sql: 'SELECT list_sort([2, 1]) AS l',
    error: /not supported by the local emulator: function LIST_SORT/,
    page: 'functions-and-operators',
  },
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bq-semantics-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('bqtune workflow run answers each listed query as BigQuery documents, or fails as it does', async () => {
  const file = path.join(dir, 'queries.yaml');
  fs.writeFileSync(file, WORKFLOW);
  const program = new Command().exitOverride();
  registerWorkflow(program);
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    await program.parseAsync([
      'node',
      'bqtune',
      'workflow',
      'run',
      file,
      '--virtual-time',
      '--state-dir',
      path.join(dir, 'state'),
      '--data',
      JSON.stringify({ queries: cases.map((c) => c.sql) }),
    ]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  expect(stderr).toBe('');
  const answers = JSON.parse(stdout) as { error?: string; type?: string; rows?: { f: { v: unknown }[] }[] }[];
  expect(answers).toHaveLength(cases.length);
  cases.forEach((c, i) => {
    const answer = answers[i];
    const label = `${c.sql} (${ref}${c.page})`;
    if (c.error) {
      expect({ label, error: answer.error }).toEqual({ label, error: expect.stringMatching(c.error) });
      return;
    }
    expect({ label, error: answer.error }).toEqual({ label, error: undefined });
    expect({ label, values: (answer.rows ?? []).map((row) => row.f[0].v) }).toEqual({
      label,
      values: c.values,
    });
    if (c.type) expect({ label, type: answer.type }).toEqual({ label, type: c.type });
  });
});
