import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { fingerprintQuery, normalizeLabel, normalizeLabelSql } from '../../bigquery';
import { openDuckDb, runSql } from './duckdb';

const cases: [string, string][] = [
  ['Billing', 'billing'],
  ['  Billing  ', 'billing'],
  ['Technical   Support', 'technical support'],
  ['Technical\tSupport\n', 'technical support'],
  ['\r\n\v\fx\f', 'x'],
  ['Account / Login', 'account/login'],
  ['Account/ Login', 'account/login'],
  ['Account  /  Login', 'account/login'],
  ['e - mail', 'e-mail'],
  ['E -Mail', 'e-mail'],
  ['a - / b', 'a-/b'],
  ['a-b', 'a-b'],
  ['ÉTÉ Été', 'été été'],
  ['', ''],
  ['   ', ''],
  ['/', '/'],
  [' - ', '-'],
  ['Mixed  Case / Sub - Type ', 'mixed case/sub-type'],
];

describe('label normalisation', () => {
  let db: DuckDBConnection;
  beforeAll(async () => {
    db = await openDuckDb();
  });
  afterAll(() => db.closeSync());

  test.each(cases)('TypeScript: %j -> %j', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
    expect(normalizeLabel(expected)).toBe(expected);
  });

  test('the SQL expression agrees with the TypeScript one on every case', async () => {
    // DuckDB reads no backslash escapes, so the cases are fed as plain DuckDB strings.
    const plain = cases.map(
      ([input], i) => `SELECT ${i} AS i, ${normalizeLabelSql(`'${input.replace(/'/g, "''")}'`)} AS v`,
    );
    const rows = await runSql(db, {
      text: plain.join(' UNION ALL ') + ' ORDER BY i',
      params: [],
      placeholders: [],
    });
    expect(rows.map((r) => r.v)).toEqual(cases.map(([input]) => normalizeLabel(input)));
  });

  test('NULL stays NULL in SQL', async () => {
    const [row] = await runSql(db, {
      text: `SELECT ${normalizeLabelSql('CAST(NULL AS STRING)')} AS v`,
      params: [],
      placeholders: [],
    });
    expect(row.v).toBeNull();
  });
});

describe('fingerprintQuery', () => {
  const hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  const cell = (v: string | null) => (v === null ? 'n' : `v${hex(v)}`);
  const reference = (rows: [string | null, string | null][]) => {
    const hashes = rows.map(([a, b]) => hex(`${cell(a)}|${cell(b)}`)).sort();
    return hex(`${rows.length}:${hashes.join(',')}`);
  };

  test('matches the documented construction, ignores row order, and tells NULL from empty', async () => {
    const db = await openDuckDb();
    try {
      await db.run(`CREATE TABLE t (input_text VARCHAR, output_text VARCHAR)`);
      await db.run(`INSERT INTO t VALUES ('b', 'x'), ('a', NULL), ('a', ''), ('a|v', 'y')`);
      const sql = fingerprintQuery({ dataset: 'ds', table: 't' }, ['input_text', 'output_text']);
      const [first] = await runSql(db, sql);
      expect(first.fingerprint).toBe(
        reference([
          ['b', 'x'],
          ['a', null],
          ['a', ''],
          ['a|v', 'y'],
        ]),
      );
      expect(Number(first.num_rows)).toBe(4);
      await db.run(`CREATE TABLE t2 AS SELECT * FROM t ORDER BY input_text DESC`);
      await db.run(`DROP TABLE t`);
      await db.run(`ALTER TABLE t2 RENAME TO t`);
      const [again] = await runSql(db, sql);
      expect(again.fingerprint).toBe(first.fingerprint);
      await db.run(`UPDATE t SET output_text = NULL WHERE output_text = ''`);
      const [changed] = await runSql(db, sql);
      expect(changed.fingerprint).not.toBe(first.fingerprint);
    } finally {
      db.closeSync();
    }
  });
});
