import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentKeysQuery, fingerprintQuery } from '../../bigquery';
import { createBigQueryEmulator, type BigQueryEmulator } from '../../emulator/bigquery';

/**
 * The content-key statements run in the emulator against digests worked out here with node:crypto from the
 * documented recipe (the doc comments of bigquery/fingerprint.ts and bigquery/pipeline-keys.ts):
 *   cell        = 'n' for NULL, else 'v' + hex(SHA-256(value))
 *   row         = hex(SHA-256(cells joined by '|'))
 *   fingerprint = hex(SHA-256(row count + ':' + sorted row hashes joined by ',')), and `num_rows`
 *   tuned_key   = hex(SHA-256(@tuning_key + '|' + @train_fingerprint))
 *   eval_key    = hex(SHA-256(@prompt_key + '|' + @eval_fingerprint))
 * The pipeline-level test (test/workflows/pipelines/content-keys.test.ts) runs the same recipe through the
 * compiled workflow; this one is small enough to force each case (NULL against '', one column against two,
 * an empty table) in a second.
 */

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
const cell = (value: string | null) => (value === null ? 'n' : `v${sha256(value)}`);
const rowHash = (row: (string | null)[]) => sha256(row.map(cell).join('|'));
const fingerprint = (rows: (string | null)[][]) =>
  sha256(`${rows.length}:${rows.map(rowHash).sort().join(',')}`);

const ds = { project: 'keys-proj', dataset: 'ds' };
const table = (name: string) => ({ ...ds, table: name });
let bq: BigQueryEmulator;

const fingerprintOf = async (name: string, columns: string[]) => {
  const { rows } = await bq.query(fingerprintQuery(table(name), columns).text);
  expect(rows).toHaveLength(1);
  return { fingerprint: rows[0].fingerprint, numRows: Number(rows[0].num_rows) };
};

const create = async (name: string, rows: (string | null)[][]) => {
  await bq.query(`CREATE TABLE \`keys-proj.ds.${name}\` (a STRING, b STRING)`);
  for (const [a, b] of rows) await bq.query(`INSERT INTO \`keys-proj.ds.${name}\` VALUES (@a, @b)`, { a, b });
};

// Rows chosen so that each part of the recipe decides: a NULL and an '' in the same column, a duplicate
// row, and values that would collide if the cells were joined without their 'v' prefix or separator.
const rows: (string | null)[][] = [
  ['x', 'y'],
  ['x', 'y'],
  [null, 'y'],
  ['', 'y'],
  ['x|y', ''],
  ['b', 'a'],
];

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-keys-'));
  bq = await createBigQueryEmulator({
    dataDir: path.join(root, 'data'),
    gcsDir: path.join(root, 'gcs'),
    projectId: ds.project,
    datasets: [`${ds.project}.${ds.dataset}`],
  });
  await create('rows', rows);
  await create('reversed', [...rows].reverse());
  await create('deduplicated', rows.slice(1));
  await create('empty', []);
});
afterAll(() => bq.close());

describe('fingerprintQuery', () => {
  test('two columns: the recipe over every row, duplicates counted, NULL and "" kept apart', async () => {
    expect(await fingerprintOf('rows', ['a', 'b'])).toEqual({ fingerprint: fingerprint(rows), numRows: 6 });
  });

  test('one column hashes only that column', async () => {
    const a = rows.map((r) => [r[0]]);
    expect(await fingerprintOf('rows', ['a'])).toEqual({ fingerprint: fingerprint(a), numRows: 6 });
    const b = rows.map((r) => [r[1]]);
    expect(await fingerprintOf('rows', ['b'])).toEqual({ fingerprint: fingerprint(b), numRows: 6 });
  });

  test('row order does not matter; dropping a duplicate does', async () => {
    const all = await fingerprintOf('rows', ['a', 'b']);
    expect(await fingerprintOf('reversed', ['a', 'b'])).toEqual(all);
    const fewer = await fingerprintOf('deduplicated', ['a', 'b']);
    expect(fewer).toEqual({ fingerprint: fingerprint(rows.slice(1)), numRows: 5 });
    expect(fewer.fingerprint).not.toBe(all.fingerprint);
  });

  test('an empty table has the digest of "0:" and no rows', async () => {
    expect(await fingerprintOf('empty', ['a', 'b'])).toEqual({ fingerprint: sha256('0:'), numRows: 0 });
  });

  test('bad input names the field', () => {
    expect(() => fingerprintQuery(table('rows'), [])).toThrow(
      'fingerprintQuery.columns: at least one column is required',
    );
    expect(() => fingerprintQuery(table('rows'), ['a', 'b c'])).toThrow(
      'fingerprintQuery.columns[1]: "b c" is not a valid column name',
    );
    expect(() => fingerprintQuery(table('no such'), ['a'])).toThrow(/^fingerprintQuery\.table\.table: /);
  });
});

describe('contentKeysQuery', () => {
  const keys = async (values: Record<string, string>) => {
    const { rows: result } = await bq.query(contentKeysQuery().text, values);
    expect(result).toHaveLength(1);
    return result[0];
  };

  test('tuned_key and eval_key are the digests of their two inputs joined by "|"', async () => {
    const values = {
      tuning_key: '["gemini-2.0-flash",200,1.5]',
      train_fingerprint: 'f1',
      prompt_key: '["Classify: ",""]',
      eval_fingerprint: 'f2',
    };
    expect(await keys(values)).toEqual({
      tuned_key: sha256('["gemini-2.0-flash",200,1.5]|f1'),
      eval_key: sha256('["Classify: ",""]|f2'),
    });
  });

  test('each key reads only its own two inputs', async () => {
    const base = { tuning_key: 't', train_fingerprint: 'a', prompt_key: 'p', eval_fingerprint: 'e' };
    expect(await keys({ ...base, train_fingerprint: 'b' })).toEqual({
      tuned_key: sha256('t|b'),
      eval_key: sha256('p|e'),
    });
    expect(await keys({ ...base, prompt_key: 'q' })).toEqual({
      tuned_key: sha256('t|a'),
      eval_key: sha256('q|e'),
    });
  });
});
