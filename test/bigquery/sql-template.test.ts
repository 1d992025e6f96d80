import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  bindSql,
  bareColumns,
  columns,
  connections,
  float64Lit,
  indentLines,
  int64Lit,
  int64Param,
  join,
  paths,
  quotedColumns,
  placeholder,
  raw,
  rawKeywords,
  sql,
  SqlFragment,
  stringArrayParam,
  stringLit,
  stringParam,
  toSql,
  type QueryParameter,
} from '../../bigquery';
import { createBigQueryEmulator } from '../../emulator/bigquery';
import { decodeStringLiteral, tokenKinds } from './googlesql';

// Holes typed `any`, as a caller that went around the type checker would pass them.
const forced = (value: unknown) => value as never;

describe('sql template: holes take typed pieces only', () => {
  test('a bare string, number or look-alike object does not compile', () => {
    const name = 'users; DROP TABLE x';
    const attempts = [
      // @ts-expect-error a plain string is not a piece
      () => sql`SELECT * FROM ${name}`,
      // @ts-expect-error a number is not a piece
      () => sql`SELECT ${42}`,
      // @ts-expect-error an object shaped like a fragment is not one (the class is nominal)
      () => sql`SELECT ${{ text: '1', params: [], placeholders: [] }}`,
      // @ts-expect-error a keyword outside the closed list
      () => raw('DROP'),
    ];
    // The same calls, forced through at run time, throw instead of rendering.
    expect(attempts.map((attempt) => catchMessage(attempt))).toEqual([
      'sql: hole 1 (after "SELECT * FROM ") is the string "users; DROP TABLE x", not a fragment, query parameter or placeholder',
      'sql: hole 1 (after "SELECT ") is a number, not a fragment, query parameter or placeholder',
      'sql: hole 1 (after "SELECT ") is an untyped object, not a fragment, query parameter or placeholder',
      'raw: "DROP" is not one of AND, OR, ASC, DESC, TRUE, FALSE, NULL, DEFAULT',
    ]);
  });

  test('the message quotes at most the last 30 characters before the hole and the first 40 of a string', () => {
    const value = 'x'.repeat(39) + 'yz and then some more text';
    // Cut by hand: the 30 characters ending at the hole, the 40 starting the string.
    expect(catchMessage(() => sql`SELECT a, b, c, d, e, f, g, h, i, j FROM ${forced(value)}`)).toBe(
      `sql: hole 1 (after ", c, d, e, f, g, h, i, j FROM ") is the string "${'x'.repeat(39)}y", not a fragment, query ` +
        'parameter or placeholder',
    );
  });

  test('join names a bad piece by its place, with nothing before it', () => {
    expect(catchMessage(() => join([sql`a`, forced(7)], sql`, `))).toBe(
      'sql: hole 2 (after "") is a number, not a fragment, query parameter or placeholder',
    );
  });

  test('null, undefined and booleans are refused at run time, naming the hole', () => {
    expect(() => sql`a ${forced(null)}`).toThrow('hole 1 (after "a ") is null');
    expect(() => sql`a ${sql`b`} c ${forced(undefined)}`).toThrow('hole 2 (after "a b c ") is undefined');
    expect(() => sql`a ${forced(true)}`).toThrow('is a boolean');
  });

  test('a fragment cannot be constructed outside the module', () => {
    const ctor = SqlFragment as unknown as new (...args: unknown[]) => SqlFragment;
    expect(() => new ctor(Symbol('trusted sql text'), 'DROP TABLE x', [], [])).toThrow(
      'SqlFragment: build fragments with the sql template',
    );
  });

  test('text written in the template is kept byte for byte', () => {
    expect(toSql(sql`SELECT 'a\`b' -- \${x}\n`)).toEqual({
      text: "SELECT 'a`b' -- ${x}\n",
      params: [],
      placeholders: [],
    });
  });
});

describe('identifier pieces', () => {
  test('a table or model path is backticked, segment by segment, project optional', () => {
    const p = paths('someQuery', {
      evaluations: { project: 'my-proj', dataset: 'ds_1', table: 'Evals_2' },
      model: { dataset: 'ds', model: 'm' },
    });
    expect(sql`FROM ${p.evaluations}, MODEL ${p.model}`.text).toBe(
      'FROM `my-proj.ds_1.Evals_2`, MODEL `ds.m`',
    );
    expect(p.model.literal.text).toBe("'ds.m'");
  });

  test.each([
    [{ dataset: 'ds', table: 'a`b' }, 'someQuery.evaluations.table: "a`b" is not a valid tableId'],
    [{ dataset: 'd s', table: 't' }, 'someQuery.evaluations.dataset: "d s" is not a valid datasetId'],
    [{ dataset: 'ds', table: 't.u' }, 'someQuery.evaluations.table: "t.u" is not a valid tableId'],
    [{ dataset: 'ds', table: 'tä' }, 'someQuery.evaluations.table: "tä" is not a valid tableId'],
    [{ dataset: 'ds', table: '' }, 'someQuery.evaluations.table: "" is not a valid tableId'],
    [
      { project: 'Upper', dataset: 'ds', table: 't' },
      'someQuery.evaluations.project: "Upper" is not a valid projectId',
    ],
    [{ dataset: 'ds', table: 't\\`' }, 'someQuery.evaluations.table: "t\\\\`" is not a valid tableId'],
  ])('%j is refused naming builder, field and segment', (ref, message) => {
    expect(() => paths('someQuery', { evaluations: ref })).toThrow(message);
  });

  test('a placeholder segment renders {{name}} and must be of the segment kind', () => {
    const dataset = placeholder('dataset', 'datasetId');
    const p = paths('q', { runs: { project: 'my-proj', dataset, table: 'runs' } });
    expect(toSql(sql`SELECT 1 FROM ${p.runs}`)).toEqual({
      text: 'SELECT 1 FROM `my-proj.{{dataset}}.runs`',
      params: [],
      placeholders: [dataset],
    });
    expect(p.runs.literal.placeholders).toEqual([dataset]);
    expect(() => paths('q', { runs: { dataset: placeholder('t', 'tableId'), table: 'runs' } })).toThrow(
      'q.runs.dataset: placeholder {{t}} is a tableId, expected datasetId',
    );
  });

  test('connections take project.location.connection_id as one string or as parts', () => {
    const c = connections('createX', {
      connection: 'example.com:my-proj.us-central1.conn_1',
      other: { project: 'my-proj', location: placeholder('region', 'location'), connectionId: 'c-2' },
    });
    expect(c.connection.text).toBe('`example.com:my-proj.us-central1.conn_1`');
    expect(c.other.text).toBe('`my-proj.{{region}}.c-2`');
    expect(() => connections('createX', { connection: 'my-proj.conn' })).toThrow(
      'createX.connection: "my-proj.conn" is not a connection reference',
    );
    expect(() => connections('createX', { connection: 'my-proj.us-central1.c`d' })).toThrow(
      'createX.connection.connectionId: "c`d" is not a valid connectionId',
    );
  });

  test('columns are backticked (reserved words included) and checked, naming builder and field', () => {
    const c = columns('fingerprintQuery', { label: 'label', promptColumn: '_Input_1' });
    expect(sql`${c.label}, ${c.promptColumn}`.text).toBe('`label`, `_Input_1`');
    for (const bad of ['1abc', 'a`b', 'a b', 'a-b', '', 'x'.repeat(301)]) {
      expect(() => columns('fingerprintQuery', { promptColumn: bad })).toThrow(
        `fingerprintQuery.promptColumn: ${JSON.stringify(bad)} is not a valid column name`,
      );
    }
    expect(columns('f', { c: 'x'.repeat(300) }).c.text).toBe(`\`${'x'.repeat(300)}\``);
  });
});

describe('query parameters and placeholders', () => {
  test('a parameter renders @name and is listed once, in order of first appearance', () => {
    const runId = stringParam('run_id', 'r1');
    const limit = int64Param('max_rows', 10);
    const labels = stringArrayParam('labels', ['a', 'b']);
    const s = toSql(
      sql`SELECT * FROM t WHERE run_id = ${runId} AND label IN UNNEST(${labels}) AND other = ${runId} LIMIT ${limit}`,
    );
    expect(s.text).toBe(
      'SELECT * FROM t WHERE run_id = @run_id AND label IN UNNEST(@labels) AND other = @run_id LIMIT @max_rows',
    );
    expect(s.params).toEqual([runId, labels, limit]);
  });

  test('a name given twice with different types or values is refused', () => {
    expect(() => sql`${stringParam('n', '1')} ${int64Param('n', 1)}`).toThrow(
      'query parameter @n is used as STRING and as INT64',
    );
    expect(() => sql`${stringParam('n', 'a')} ${stringArrayParam('n', ['a'])}`).toThrow(
      'query parameter @n is used as STRING and as ARRAY<STRING>',
    );
    expect(() => sql`${stringParam('n', 'a')} ${stringParam('n', 'b')}`).toThrow(
      'query parameter @n is given twice with different values',
    );
  });

  test('a hand-made parameter with an invalid name is refused at run time', () => {
    const bad: QueryParameter = {
      name: 'x = 1 OR TRUE --',
      parameterType: { type: 'STRING' },
      parameterValue: { value: '' },
    };
    expect(() => sql`WHERE a = ${bad}`).toThrow('query parameter name "x = 1 OR TRUE --" is not valid');
  });

  test('a placeholder renders {{name}}; one name with two kinds is refused', () => {
    const n = placeholder('max_iterations', 'positiveInteger');
    const s = toSql(sql`OPTIONS (MAX_ITERATIONS = ${n}, X = ${n})`);
    expect(s).toEqual({
      text: 'OPTIONS (MAX_ITERATIONS = {{max_iterations}}, X = {{max_iterations}})',
      params: [],
      placeholders: [n],
    });
    expect(bindSql(s, { max_iterations: '300' }).text).toBe('OPTIONS (MAX_ITERATIONS = 300, X = 300)');
    expect(() => sql`${n} ${placeholder('max_iterations', 'unitInterval')}`).toThrow(
      'placeholder {{max_iterations}} is used with two different kinds',
    );
  });

  test('a hand-made placeholder whose name or pattern was not made by placeholder() is refused', () => {
    const kind = 'runId' as const;
    const pattern = placeholder('x', kind).pattern;
    expect(() => sql`${{ name: "x}}' OR TRUE --", kind, pattern }}`).toThrow('placeholder name');
    expect(() => sql`${{ name: 'x', kind, pattern: '^.*$' }}`).toThrow(
      "sql: placeholder {{x}} does not carry its kind's pattern",
    );
  });
});

describe('fragments nest', () => {
  test('parameters and placeholders of nested fragments merge in order of first appearance', () => {
    const dataset = placeholder('dataset', 'datasetId');
    const p = paths('q', { a: { dataset, table: 'a' }, b: { dataset, table: 'b' } });
    const runId = stringParam('run_id', '');
    const inner = sql`SELECT x FROM ${p.b} WHERE run_id = ${runId} AND n = ${int64Param('n', 3)}`;
    const outer = sql`SELECT * FROM ${p.a} WHERE run_id = ${runId} AND x IN (${inner})`;
    expect(toSql(outer)).toEqual({
      text: 'SELECT * FROM `{{dataset}}.a` WHERE run_id = @run_id AND x IN (SELECT x FROM `{{dataset}}.b` WHERE run_id = @run_id AND n = @n)',
      params: [runId, int64Param('n', 3)],
      placeholders: [dataset],
    });
  });

  test('a conflict between an outer and a nested fragment is refused', () => {
    const inner = sql`n = ${int64Param('n', 3)}`;
    expect(() => sql`${stringParam('n', '3')} AND ${inner}`).toThrow(
      'query parameter @n is used as STRING and as INT64',
    );
    const innerHolder = sql`${placeholder('d', 'datasetId')}`;
    expect(() => sql`${placeholder('d', 'tableId')}.${innerHolder}`).toThrow(
      'placeholder {{d}} is used with two different kinds',
    );
  });

  test('join puts a separator fragment between pieces; an empty list is empty', () => {
    const c = columns('q', { a: 'a', b: 'b' });
    const list = join([c.a, stringParam('p', 'v'), c.b, placeholder('k', 'runId')], sql`, `);
    expect(toSql(list)).toEqual({
      text: '`a`, @p, `b`, {{k}}',
      params: [stringParam('p', 'v')],
      placeholders: [placeholder('k', 'runId')],
    });
    expect(join([], sql`, `).text).toBe('');
    expect(() => join([forced('x')], sql`, `)).toThrow('hole 1');
  });

  test('indentLines indents every line after the first and keeps what the fragment reads', () => {
    const inner = sql`SELECT a\nFROM t\nWHERE b = ${stringParam('b', '')}`;
    const outer = sql`SELECT * FROM (\n  ${indentLines(inner, 2)}\n)`;
    expect(outer.text).toBe('SELECT * FROM (\n  SELECT a\n  FROM t\n  WHERE b = @b\n)');
    expect(outer.params).toEqual([stringParam('b', '')]);
  });
});

describe('finished statements', () => {
  test('toSql sends leading parameters first, in the order given, then the rest as they appear', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((n) => stringParam(n, ''));
    const s = sql`VALUES (${a}, ${b}, ${c})`;
    expect(toSql(s).params.map((p) => p.name)).toEqual(['a', 'b', 'c']);
    expect(toSql(s, [c, a]).params.map((p) => p.name)).toEqual(['c', 'a', 'b']);
    expect(() => toSql(s, [stringParam('d', '')])).toThrow(
      'toSql: leading parameter @d is not read by the statement',
    );
    expect(() => toSql(s, [int64Param('a', 1)])).toThrow('query parameter @a is used as INT64 and as STRING');
  });

  test('toSql returns copies: changing them does not change the fragment', () => {
    const s = sql`SELECT ${stringParam('a', '')}, ${placeholder('d', 'datasetId')}`;
    const out = toSql(s);
    out.params.pop();
    out.placeholders.pop();
    expect([s.params.length, s.placeholders.length]).toEqual([1, 1]);
  });

  test('quotedColumns backticks each checked name, naming the bad one by index', () => {
    expect(join(quotedColumns('q', 'columns', ['a', 'label']), sql`, `).text).toBe('`a`, `label`');
    expect(() => quotedColumns('q', 'columns', ['a', 'b`c'])).toThrow(
      'q.columns[1]: "b`c" is not a valid column name',
    );
  });

  test('bareColumns writes checked names bare, naming the bad one by index', () => {
    expect(sql`INSERT INTO t (${bareColumns('q', 'fields', ['run_id', 'status'])})`.text).toBe(
      'INSERT INTO t (run_id, status)',
    );
    expect(() => bareColumns('q', 'fields', ['ok', 'not ok'])).toThrow(
      'q.fields[1]: "not ok" is not a valid column name',
    );
  });
});

describe('literals and raw keywords', () => {
  test('a string literal stays one token whatever it holds', () => {
    const hostile = "x' OR TRUE -- \\ ` ${a} \n\u202e";
    const s = sql`SELECT ${stringLit(hostile, 'q.value')} AS v`;
    expect(tokenKinds(s.text)).toEqual(['word:SELECT', 'string', 'word:AS', 'word:V']);
    expect(decodeStringLiteral(s.text.slice(7, -5))).toBe(hostile);
    expect(() => stringLit('\ud800', 'q.value')).toThrow('q.value: contains an unpaired UTF-16 surrogate');
  });

  test('numbers are written as INT64 or FLOAT64 literals, checked', () => {
    expect(sql`${int64Lit(3, 'q.n')}, ${float64Lit(3, 'q.x')}, ${float64Lit(0.25, 'q.y')}`.text).toBe(
      '3, 3.0, 0.25',
    );
    expect(() => int64Lit(1.5, 'q.n')).toThrow('q.n: 1.5 is not an integer');
    expect(() => float64Lit(NaN, 'q.x')).toThrow('q.x: NaN is not a finite number');
  });

  test('literals, keywords and column lists read no parameter and hold no placeholder, alone or nested', () => {
    const pieces = [
      raw('AND'),
      stringLit('a', 'q.s'),
      int64Lit(1, 'q.n'),
      float64Lit(1, 'q.x'),
      bareColumns('q', 'names', ['a', 'b']),
      ...quotedColumns('q', 'names', ['a']),
    ];
    for (const piece of pieces) {
      expect([piece.params, piece.placeholders]).toEqual([[], []]);
      const nested = sql`SELECT ${piece}`;
      expect([nested.params, nested.placeholders]).toEqual([[], []]);
    }
  });

  test('every raw keyword renders as itself', () => {
    expect(rawKeywords.map((k) => sql`${raw(k)}`.text)).toEqual([...rawKeywords]);
  });
});

test('a built statement runs in the BigQuery emulator with its parameters bound by name', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-sqltag-'));
  const bq = await createBigQueryEmulator({
    dataDir: path.join(root, 'data'),
    gcsDir: path.join(root, 'gcs'),
    projectId: 'tag-proj',
    datasets: ['tag-proj.ds'],
  });
  try {
    const p = paths('q', { t: { project: 'tag-proj', dataset: 'ds', table: 't' } });
    const c = columns('q', { label: 'label' });
    await bq.query(sql`CREATE TABLE ${p.t} (${c.label} STRING, n INT64)`.text);
    await bq.query(
      sql`INSERT INTO ${p.t} (${c.label}, n) VALUES (${stringLit("it's", 'q.a')}, 1), ('b', 2), ('c', 3)`
        .text,
    );
    const minimum = int64Param('min_n', 2);
    const select = sql`SELECT ${c.label} FROM ${p.t} WHERE n >= ${minimum} ORDER BY n ${raw('DESC')}`;
    const { rows } = await bq.query(select.text, { min_n: 2 });
    expect(rows).toEqual([{ label: 'c' }, { label: 'b' }]);
    const all = await bq.query(sql`SELECT ${c.label} FROM ${p.t} WHERE n = 1`.text);
    expect(all.rows).toEqual([{ label: "it's" }]);
  } finally {
    await bq.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

function catchMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'did not throw';
}
