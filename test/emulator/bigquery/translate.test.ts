import { tokenize } from '../../../emulator/bigquery/tokenizer';
import { translate } from '../../../emulator/bigquery/translate';

const resolve = (parts: string[]): string => `<${parts.join('|')}>`;
const sql = (text: string): string => translate(tokenize(text), resolve).sql;

describe('GoogleSQL tokenizer', () => {
  it('decodes the string forms and skips comments', () => {
    const tokens = tokenize(
      `SELECT 'a\\'b', "c\\n", r'\\d+', '''x'y''', b'\\x41' -- note\n# other\n/* block */ FROM \`p.d.t\``,
    );
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([
      ['ident', 'SELECT'],
      ['string', "a'b"],
      ['op', ','],
      ['string', 'c\n'],
      ['op', ','],
      ['string', '\\d+'],
      ['op', ','],
      ['string', "x'y"],
      ['op', ','],
      ['bytes', 'A'],
      ['ident', 'FROM'],
      ['quoted', 'p.d.t'],
    ]);
  });

  it('reports unclosed literals with their position', () => {
    expect(() => tokenize("SELECT\n  'abc")).toThrow(/Unclosed string literal at \[2:3\]/);
    expect(() => tokenize('SELECT `abc')).toThrow(/Unclosed identifier/);
  });
});

describe('translation to DuckDB', () => {
  it('maps types, table paths and parameters', () => {
    expect(
      sql('CREATE TABLE `p.d.t` (a STRING NOT NULL, b ARRAY<STRUCT<x INT64, y FLOAT64>>, c TIMESTAMP)'),
    ).toBe('CREATE TABLE <p|d|t> (a VARCHAR NOT NULL, b STRUCT("x" BIGINT, "y" DOUBLE)[], c TIMESTAMPTZ)');
    expect(sql('SELECT CAST(@n AS INT64), ? , ? FROM d.t AS x JOIN `d.u` USING (k)')).toBe(
      'SELECT CAST($n AS BIGINT), $1, $2 FROM <d|t> AS x JOIN <d|u> USING (k)',
    );
    expect(sql('SELECT EXTRACT(DAY FROM t.created_at) FROM t')).toBe(
      'SELECT extract(day FROM t.created_at) FROM t',
    );
  });

  it('rewrites functions from their parsed arguments, recursively', () => {
    expect(
      sql("SELECT CONCAT(a, CONCAT('x', b)), arr[OFFSET(0)], arr[ORDINAL(1)], * EXCEPT (c) FROM t"),
    ).toBe(
      "SELECT (bq_concat_arg(a) || bq_concat_arg(('x' || bq_concat_arg(b)))), bq_offset(arr, 0), bq_ordinal(arr, 1), * EXCLUDE (c) FROM t",
    );
    expect(sql('SELECT STRUCT(1 AS a, b, t.c, 2 + 3) AS s')).toBe(
      'SELECT struct_pack("a" := 1, "b" := b, "c" := t.c, "_field_4" := 2 + 3) AS s',
    );
    expect(sql('SELECT x FROM t UNION DISTINCT SELECT y FROM u EXCEPT DISTINCT SELECT z FROM v')).toBe(
      'SELECT x FROM t UNION SELECT y FROM u EXCEPT SELECT z FROM v',
    );
  });

  it('drops DDL-only clauses only before the body of a CREATE', () => {
    const text =
      "CREATE TABLE `p.d.t` PARTITION BY DATE(ts) CLUSTER BY a, b OPTIONS(description='x') AS SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY ts) AS n FROM s";
    expect(translate(tokenize(text), resolve, { ddl: true }).sql).toBe(
      'CREATE TABLE <p|d|t> AS SELECT row_number() OVER (PARTITION BY a ORDER BY ts) AS n FROM s',
    );
  });

  it('quotes identifiers that only DuckDB reserves', () => {
    expect(sql('SELECT check, unique FROM t')).toBe('SELECT "check", "unique" FROM t');
  });
});
