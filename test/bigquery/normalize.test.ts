import { createHash } from 'node:crypto';
import {
  fingerprintQuery,
  int64Lit,
  join,
  normalizeLabel,
  normalizeLabelSql,
  sql,
  stringParam,
  toSql,
} from '../../bigquery';
import { openDuckDb, runSql } from './duckdb';
import { openLocalEnvironment, type LocalEnvironment } from '../../cli/local/environment';
import { tempDir } from '../cli/local/fixtures';

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
  // Dash variants: en dash, em dash, minus sign, hyphen, figure dash, horizontal bar, non-breaking hyphen.
  ['Consult \u2013 History and Phy.', 'consult-history and phy.'],
  ['Consult \u2014 History and Phy.', 'consult-history and phy.'],
  ['x \u2212 y', 'x-y'],
  ['x\u2010y\u2012z\u2015w\u2011v', 'x-y-z-w-v'],
  // NFKC: full-width letters and hyphen, a ligature, no-break and em spaces, a circled digit.
  ['\uff21\uff22\uff23\uff0d\uff44', 'abc-d'],
  ['\ufb01ne', 'fine'],
  ['a\u00a0b\u2003c', 'a b c'],
  ['Stage \u2460', 'stage 1'],
  // Composed and decomposed accents agree.
  ['Cafe\u0301', 'caf\u00e9'],
  // Hostile labels the local model and the SQL must key alike: Unicode case beyond ASCII, inner runs of
  // spaces, no-break spaces (plain, narrow, ideographic), tabs.
  ['\u00c0\u00c9\u00ce\u00d5\u00dc \u00d1', '\u00e0\u00e9\u00ee\u00f5\u00fc \u00f1'],
  ['\u041a\u0410\u0420\u0414\u0418\u041e', '\u043a\u0430\u0440\u0434\u0438\u043e'],
  ['\u039a\u0391\u03a1\u0394\u0399\u0391', '\u03ba\u03b1\u03c1\u03b4\u03b9\u03b1'],
  ['\u011e\u00dc\u015e \u00d6\u00c7', '\u011f\u00fc\u015f \u00f6\u00e7'],
  ['Internal     Medicine', 'internal medicine'],
  ['Internal\u00a0Medicine', 'internal medicine'],
  ['Internal \u00a0 \u202f Medicine\u3000', 'internal medicine'],
  ['\tInternal\t\tMedicine\t', 'internal medicine'],
  ['Cardiovascular\u00a0/\tPulmonary', 'cardiovascular/pulmonary'],
];

describe('label normalisation', () => {
  let env: LocalEnvironment;
  beforeAll(async () => {
    env = await openLocalEnvironment(tempDir('normalize'));
  });
  afterAll(() => env.close());

  test.each(cases)('TypeScript: %j -> %j', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
    expect(normalizeLabel(expected)).toBe(expected);
  });

  test('the SQL expression, run by the BigQuery emulator, agrees with the TypeScript one on every case', async () => {
    // Each case travels as a query parameter, so no escaping stands between the text and the function.
    const selects = cases.map(
      ([input], i) =>
        sql`SELECT ${int64Lit(i, 'i')} AS i, ${normalizeLabelSql(sql`${stringParam(`case_${i}`, input)}`)} AS v`,
    );
    const query = toSql(sql`${join(selects, sql` UNION ALL `)} ORDER BY i`);
    const { rows } = await env.bigquery.query(query.text, query.params);
    expect(rows.map((r) => r.v)).toEqual(cases.map(([, expected]) => expected));
  });

  test('NULL stays NULL in SQL', async () => {
    const { rows } = await env.bigquery.query(
      `SELECT ${normalizeLabelSql(sql`CAST(NULL AS STRING)`).text} AS v`,
    );
    expect(rows[0].v).toBeNull();
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

// Found by breaking the label normalisation with hostile labels: the TypeScript form (the local model's and
// the emulator metrics' keys) and the SQL form run by the emulator disagree on these. Which one BigQuery
// matches is not settled by the LOWER page ("according to the Unicode Character Database without taking
// into account language-specific mappings"), so neither side is changed yet.
test.todo(
  'label normalisation: dotted capital I (U+0130) is "i" + U+0307 in TypeScript (full case mapping) but "i" in the emulator\'s LOWER (simple mapping)',
);
test.todo(
  'label normalisation: a word-final capital sigma is "ς" in TypeScript (Final_Sigma context) but "σ" in the emulator\'s LOWER, so "ΟΔΟΣ" keys differently',
);
test.todo(
  "label normalisation: a leading U+FEFF is dropped by the emulator's SQL (the DuckDB client decodes strings with a BOM-stripping TextDecoder) but kept by TypeScript",
);
