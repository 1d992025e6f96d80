import {
  bareColumns,
  bindSql,
  boolLit,
  columns,
  columnType,
  jsBody,
  loadData,
  placeholder,
  sourceKeyCheckQuery,
  sql,
  stringLit,
  stringParam,
  textScoresBody,
  textScoresDeclaration,
  toSql,
} from '../../bigquery';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBigQueryEmulator } from '../../emulator/bigquery';

/*
 * The piece kinds the last builders needed: a column that may be a columnName placeholder, a single bare
 * column, a column type, a boolean literal and a JavaScript UDF body. For each: a plain string or number is
 * refused by tsc (the `@ts-expect-error` lines fail `tsc --noEmit` if the call type-checks) and, forced
 * through at run time, throws naming the builder and field it was given.
 */

// A value typed `any`, as a caller that went around the type checker would pass it.
const forced = (value: unknown) => value as never;

describe('columns: a checked name or a columnName placeholder', () => {
  test('a placeholder renders `{{name}}` and is listed with the fragment', () => {
    const key = placeholder('key_column', 'columnName');
    const c = columns('sourceKeyCheckQuery', { keyColumn: key, inputColumn: 'input_text' });
    expect(toSql(sql`SELECT ${c.keyColumn}, ${c.inputColumn}`)).toEqual({
      text: 'SELECT `{{key_column}}`, `input_text`',
      params: [],
      placeholders: [key],
    });
  });

  test('a placeholder of another kind, a number or an object is refused naming builder and field', () => {
    expect(() => columns('sourceKeyCheckQuery', { keyColumn: placeholder('k', 'tableId') })).toThrow(
      'sourceKeyCheckQuery.keyColumn: placeholder {{k}} is not a columnName',
    );
    // @ts-expect-error a number is not a column name
    expect(() => columns('sourceKeyCheckQuery', { keyColumn: 42 })).toThrow(
      'sourceKeyCheckQuery.keyColumn: 42 is not a valid column name',
    );
    expect(() =>
      sourceKeyCheckQuery({
        source: { dataset: 'd', table: 't' },
        keyColumn: 'id',
        inputColumn: forced({ name: 'x' }),
      }),
    ).toThrow('sourceKeyCheckQuery.inputColumn: {"name":"x"} is not a valid column name');
  });
});

describe('bareColumns: one name or a list, written bare', () => {
  test('one name is checked under builder.field, without an index', () => {
    expect(sql`DATE(${bareColumns('events', 'partitionBy', 'created_at')})`.text).toBe('DATE(created_at)');
    expect(() => bareColumns('events', 'partitionBy', 'a b')).toThrow(
      'events.partitionBy: "a b" is not a valid column name',
    );
  });

  test('a number is refused by tsc and at run time', () => {
    // @ts-expect-error a number is not a column name
    expect(() => bareColumns('events', 'partitionBy', 7)).toThrow(
      'events.partitionBy: 7 is not a valid column name',
    );
    expect(() => bareColumns('events', 'clusterBy', forced([1]))).toThrow(
      'events.clusterBy[0]: 1 is not a valid column name',
    );
  });
});

describe('columnType: one of the closed list of column types', () => {
  test.each(['STRING', 'INT64', 'FLOAT64', 'BOOL', 'TIMESTAMP', 'JSON'] as const)(
    '%s renders as itself',
    (t) => {
      expect(sql`x ${columnType(t, 'q.type')}`.text).toBe(`x ${t}`);
    },
  );

  test('another string or a number is refused by tsc and at run time, naming the field', () => {
    // @ts-expect-error not a column type of the list
    expect(() => columnType('STRING); DROP TABLE x; --', 'events.fields[0].type')).toThrow(
      'events.fields[0].type: "STRING); DROP TABLE x; --" is not one of STRING, INT64, FLOAT64, BOOL, TIMESTAMP, JSON',
    );
    // @ts-expect-error a number is not a column type
    expect(() => columnType(1, 'events.fields[0].type')).toThrow('events.fields[0].type: 1 is not one of');
    expect(() =>
      loadData({
        mode: 'INTO',
        table: { dataset: 'd', table: 't' },
        columns: [{ name: 'a', type: forced('string'), mode: 'NULLABLE' }],
        uris: ['gs://b1b/a.jsonl'],
      }),
    ).toThrow('loadData.columns[0].type: "string" is not one of');
  });
});

describe('boolLit: TRUE or FALSE', () => {
  test('a boolean renders as the keyword', () => {
    expect(sql`${boolLit(true, 'q.b')}, ${boolLit(false, 'q.b')}`.text).toBe('TRUE, FALSE');
  });

  test('a string or number is refused by tsc and at run time, naming builder and field', () => {
    // @ts-expect-error a string is not a boolean
    expect(() => boolLit('TRUE', 'loadData.ignoreUnknownValues')).toThrow(
      'loadData.ignoreUnknownValues: expected true or false',
    );
    // @ts-expect-error a number is not a boolean
    expect(() => boolLit(1, 'loadData.ignoreUnknownValues')).toThrow('loadData.ignoreUnknownValues');
    expect(() =>
      loadData({
        mode: 'INTO',
        table: { dataset: 'd', table: 't' },
        columns: [{ name: 'a', type: 'STRING', mode: 'NULLABLE' }],
        uris: ['gs://b1b/a.jsonl'],
        ignoreUnknownValues: forced('false'),
      }),
    ).toThrow('loadData.ignoreUnknownValues: expected true or false');
  });
});

describe('jsBody: JavaScript source as a raw triple-quoted string', () => {
  test('the source is kept byte for byte inside r"""...""", one string token', () => {
    const source = 'return a.replace(/\\d+/g, "n") + \'x\';\n';
    const s = sql`AS ${jsBody(source, 'q.body')}`;
    expect(s.text).toBe(`AS r"""${source}"""`);
  });

  test('BigQuery (here its emulator) runs the function the body defines', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'js-body-'));
    const bq = await createBigQueryEmulator({
      dataDir: path.join(root, 'data'),
      gcsDir: path.join(root, 'gcs'),
      projectId: 'js-body-proj',
    });
    try {
      const body = jsBody('return a.replace(/\\d+/g, "n") + \'\\\\x\';', 'q.body');
      const script = sql`CREATE TEMP FUNCTION f(a STRING) RETURNS STRING LANGUAGE js AS ${body};
SELECT f('a1b22') AS v`;
      const { rows } = await bq.query(script.text);
      expect(rows).toEqual([{ v: 'anbn\\x' }]);
    } finally {
      await bq.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('the pipeline UDF body is written unchanged into its declaration', () => {
    expect(textScoresDeclaration().text).toContain(`LANGUAGE js AS r"""${textScoresBody}""";`);
  });

  test.each([
    ['return """;', '"""'],
    ['return `${a}`;', '$'],
    ['return "{{run_id}}";', '{{'],
  ])('a body holding %j is refused: it would end the literal or be read by the workflow', (source, bad) => {
    expect(() => jsBody(source, 'textScoresDeclaration.body')).toThrow(
      `textScoresDeclaration.body: a raw string body cannot hold ${bad}`,
    );
  });

  test('a body ending with a backslash is refused (it would escape the closing quotes)', () => {
    expect(() => jsBody('return 1; // \\', 'q.body')).toThrow(
      'q.body: a raw string body cannot end with a backslash',
    );
  });

  test.each([['return "x" + a + "'], ['return a; // ""']])(
    'a body ending with a quote (%j) is refused: its quote and the closing three would end the literal early',
    (source) => {
      // r"""...""""  closes at the first three quotes; the fourth would open a string over the rest of the
      // statement (the emulator, like BigQuery, then reports an unclosed string literal).
      expect(() => jsBody(source, 'q.body')).toThrow('q.body: a raw string body cannot end with "');
    },
  );

  test('a number or a fragment is refused by tsc and at run time', () => {
    // @ts-expect-error a number is not JavaScript source
    expect(() => jsBody(42, 'q.body')).toThrow('q.body: expected JavaScript source, got number');
    // @ts-expect-error a fragment is not JavaScript source: the body is never assembled from SQL pieces
    expect(() => jsBody(sql`return 1;`, 'q.body')).toThrow('q.body: expected JavaScript source, got object');
  });
});

describe('stringLit: placeholder syntax in a value is data, not a placeholder', () => {
  test('a literal holding {{run_id}} reads back unchanged after the run id is bound, as BigQuery (here its emulator) runs it', async () => {
    const run = placeholder('run_id', 'runId');
    const statement = toSql(
      sql`SELECT ${stringLit('run {{run_id}} of {{ dataset }}', 'q.note')} AS note, '${run}' AS run`,
    );
    const bound = bindSql(statement, { run_id: 'run_7' });
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'string-lit-'));
    const bq = await createBigQueryEmulator({
      dataDir: path.join(root, 'data'),
      gcsDir: path.join(root, 'gcs'),
      projectId: 'string-lit-proj',
    });
    try {
      const { rows } = await bq.query(bound.text);
      expect(rows).toEqual([{ note: 'run {{run_id}} of {{ dataset }}', run: 'run_7' }]);
    } finally {
      await bq.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('toSql: leading placeholders', () => {
  test('placeholders listed first keep that order; the rest follow as they appear', () => {
    const [a, b] = [placeholder('a', 'datasetId'), placeholder('b', 'runId')];
    const s = sql`SELECT '${b}' FROM \`${a}.t\` WHERE x = ${stringParam('x', '')}`;
    expect(toSql(s).placeholders).toEqual([b, a]);
    expect(toSql(s, [a]).placeholders).toEqual([a, b]);
    expect(() => toSql(s, [placeholder('c', 'runId')])).toThrow(
      'toSql: leading placeholder {{c}} is not read by the statement',
    );
    expect(() => toSql(s, [placeholder('a', 'tableId')])).toThrow(
      'placeholder {{a}} is used with two different kinds',
    );
  });
});
