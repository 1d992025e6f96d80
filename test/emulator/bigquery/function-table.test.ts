import fs from 'node:fs';
import path from 'node:path';
import { functionTableMarkdown, functions } from '../../../emulator/bigquery/functions';
import { tokenize } from '../../../emulator/bigquery/tokenizer';
import { translate } from '../../../emulator/bigquery/translate';

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
