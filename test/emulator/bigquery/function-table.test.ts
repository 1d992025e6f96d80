import fs from 'node:fs';
import path from 'node:path';
import { functionTableMarkdown, functions } from '../../../emulator/bigquery/functions';
import { tokenize } from '../../../emulator/bigquery/tokenizer';
import { translate } from '../../../emulator/bigquery/translate';
import { harness, type Harness } from './harness';

/** Table rows as trimmed cells, separator rows dropped: the README copy may be re-aligned by prettier. */
const rows = (markdown: string): string[][] =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );

const sql = (text: string): string => translate(tokenize(text), (parts) => parts.join('.')).sql;

describe('the supported-function table', () => {
  test('emulator/README.md prints the table declared in functions.ts', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../emulator/README.md'), 'utf8');
    const m = /<!-- function-table:start -->([\s\S]*)<!-- function-table:end -->/.exec(readme);
    expect(m).not.toBeNull();
    expect(rows(m![1])).toEqual(rows(functionTableMarkdown()));
  });

  test('a function outside the table, a dotted call and an unlisted date part are refused', () => {
    expect(() => sql('SELECT list_sort(x) FROM t')).toThrow(
      'not supported by the local emulator: function LIST_SORT at [1:8]',
    );
    expect(() => sql('SELECT SAFE.SUBSTR(x, 1) FROM t')).toThrow(
      /not supported by the local emulator: function SAFE.SUBSTR/,
    );
    expect(() => sql('SELECT DATE_TRUNC(d, WEEK) FROM t')).toThrow(
      /not supported by the local emulator: DATE_TRUNC with date part WEEK/,
    );
    expect(() => sql("SELECT FORMAT_DATE('%Z', d) FROM t")).toThrow(/format element %Z/);
    expect(() => sql('SELECT REGEXP_EXTRACT(s, p) FROM t')).toThrow(/pattern that is not a string literal/);
    expect(() => sql('SELECT 1 + 2 ^ 3')).toThrow(/add parentheses/);
  });

  test('argument counts outside the table are refused', () => {
    expect(() => sql('SELECT LOWER(a, b) FROM t')).toThrow(
      'not supported by the local emulator: LOWER with 2 arguments (1 here)',
    );
    expect(() => sql('SELECT COALESCE() FROM t')).toThrow(/at least 1/);
    expect(Object.values(functions).every((rule) => rule.arity[0] <= rule.arity[1])).toBe(true);
  });

  test('keywords before a parenthesis are not calls', () => {
    expect(sql('SELECT a FROM t WHERE a IN (1, 2) AND EXISTS (SELECT 1) UNION ALL (SELECT 3)')).toBe(
      'SELECT a FROM t WHERE a IN (1, 2) AND EXISTS (SELECT 1) UNION ALL (SELECT 3)',
    );
    expect(sql('SELECT CAST(x AS NUMERIC(10, 2)) FROM t')).toBe('SELECT CAST(x AS DECIMAL(38, 9)) FROM t');
  });
});

/**
 * NULL in, NULL out, where the reference pages say so: every mathematical function ("They return NULL if
 * any of the input parameters is NULL", mathematical_functions) and the string, JSON and array functions
 * whose pages say a NULL argument gives NULL.
 */
describe('NULL arguments', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.emulator.close());

  const F = 'CAST(NULL AS FLOAT64)';
  const S = 'CAST(NULL AS STRING)';
  test.each([
    ...[
      'ABS',
      'SIGN',
      'ROUND',
      'TRUNC',
      'CEIL',
      'FLOOR',
      'SQRT',
      'EXP',
      'LN',
      'LOG10',
      'IS_NAN',
      'IS_INF',
    ].map((fn) => `${fn}(${F})`),
    `ROUND(${F}, 2)`,
    `POW(${F}, 2)`,
    `POW(2, ${F})`,
    `LOG(${F}, 10)`,
    `DIV(NULL, 2)`,
    `DIV(2, NULL)`,
    `MOD(NULL, 2)`,
    `MOD(2, NULL)`,
    `SAFE_DIVIDE(${F}, 2)`,
    `IEEE_DIVIDE(${F}, 2)`,
    `GREATEST(1, NULL, 3)`,
    `LEAST(1, NULL, 3)`,
    `1 / ${F}`,
    `CONCAT('a', ${S})`,
    ...[
      'LENGTH',
      'LOWER',
      'UPPER',
      'REVERSE',
      'TRIM',
      'LTRIM',
      'RTRIM',
      'SPLIT',
      'INITCAP',
      'TO_CODE_POINTS',
    ].map((fn) => `${fn}(${S})`),
    `SUBSTR(${S}, 1)`,
    `SUBSTR('abc', NULL)`,
    `STRPOS(${S}, 'a')`,
    `REPLACE(${S}, 'a', 'b')`,
    `LPAD(${S}, 3)`,
    `RPAD('a', NULL)`,
    `REPEAT('a', NULL)`,
    `STARTS_WITH(${S}, 'a')`,
    `ENDS_WITH('a', ${S})`,
    `LEFT(${S}, 1)`,
    `RIGHT('abc', NULL)`,
    `INSTR(${S}, 'a')`,
    `REGEXP_CONTAINS(${S}, 'a')`,
    `REGEXP_EXTRACT(${S}, 'a')`,
    `REGEXP_REPLACE(${S}, 'a', 'b')`,
    `FARM_FINGERPRINT(${S})`,
    `SHA256(${S})`,
    `TO_HEX(CAST(NULL AS BYTES))`,
    `JSON_VALUE(${S}, '$.a')`,
    `JSON_QUERY(${S}, '$.a')`,
    `JSON_VALUE_ARRAY(${S})`,
    `ARRAY_LENGTH(CAST(NULL AS ARRAY<INT64>))`,
    `ARRAY_TO_STRING(CAST(NULL AS ARRAY<STRING>), ',')`,
    `DATE_DIFF(CAST(NULL AS DATE), DATE '2020-01-01', DAY)`,
    `TIMESTAMP_DIFF(CAST(NULL AS TIMESTAMP), TIMESTAMP '2020-01-01', HOUR)`,
    `EXTRACT(YEAR FROM CAST(NULL AS DATE))`,
  ])('%s is NULL', async (expr) => {
    const { rows } = await h.emulator.query(`SELECT ${expr} AS x`);
    expect(rows).toEqual([{ x: null }]);
  });
});
