import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataChecksQuery, normalizeInput, normalizeInputSql, sql, stringParam, toSql } from '../../bigquery';
import { createBigQueryEmulator, type BigQueryEmulator } from '../../emulator/bigquery';

/**
 * The data-check statement in the emulator over two small splits built so that every check finds something
 * in a known place. Every expected row below is worked out by hand from the rows (the notes say how); each
 * sample's `key` is the SHA-256 of the input after collapsing whitespace and trimming, computed here with
 * node:crypto on the normalised text written out by hand.
 */

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
const long = `theta ${'x'.repeat(100)}`;

type Row = [string | null, string | null];
const train: Row[] = [
  ['alpha', 'Billing'],
  ['alpha ', 'billing'], // the same input once trimmed, the same label once normalised
  ['alpha', 'Billing'], // a third copy: two duplicate rows
  ['  ', 'Billing'], // empty once trimmed
  ['beta', null], // no output
  ['gamma', 'Shipping'], // not a task label
  [long, 'Returns'], // not a task label; its sample text is cut to 80 characters
  ['delta', 'Technical  Support'], // a task label once whitespace is collapsed
];
const evalRows: Row[] = [
  ['delta', 'Billing'], // in train too (leakage), with another label (conflict)
  [null, 'Billing'], // empty input; not leakage although train has one too
  ['epsilon', ' '], // an output that is empty once trimmed
  ['zeta', 'Billing'],
  ['zeta', 'Billing'], // one duplicate row in eval
  ['eta', 'Shipping'],
];
const labels = ['Billing', 'Technical Support'];

interface Entry {
  text: string;
  key: string;
  with_label: boolean;
  label: string | null;
  labels: string[] | null;
}
const plain = (text: string, normalised: string): Entry => ({
  text,
  key: sha256(normalised),
  with_label: false,
  label: null,
  labels: null,
});
const labelled = (text: string, normalised: string, label: string | null): Entry => ({
  ...plain(text, normalised),
  with_label: true,
  label,
});

const expected: [string, string, number, Entry[]][] = [
  // delta is 'technical support' in train and 'billing' in eval; alpha's three rows agree once normalised.
  [
    'conflicting_labels',
    'both',
    1,
    [{ ...plain('delta', 'delta'), labels: ['Billing', 'Technical  Support'] }],
  ],
  ['duplicates', 'eval', 1, [plain('zeta', 'zeta')]],
  // Three rows with input 'alpha': two of them repeat it; the sample is the smallest raw text.
  ['duplicates', 'train', 2, [plain('alpha', 'alpha')]],
  ['empty_inputs', 'eval', 1, [labelled('', '', 'Billing')]],
  ['empty_inputs', 'train', 1, [labelled('  ', '', 'Billing')]],
  ['leakage', 'eval', 1, [plain('delta', 'delta')]],
  ['missing_outputs', 'eval', 1, [labelled('epsilon', 'epsilon', ' ')]],
  ['missing_outputs', 'train', 1, [labelled('beta', 'beta', null)]],
  ['row_count', 'eval', 6, []],
  ['row_count', 'train', 8, []],
  ['unknown_labels', 'eval', 1, [labelled('eta', 'eta', 'Shipping')]],
  [
    'unknown_labels',
    'train',
    2,
    [labelled('gamma', 'gamma', 'Shipping'), labelled(long.slice(0, 80), long, 'Returns')],
  ],
];

const ds = { project: 'checks-proj', dataset: 'ds' };
const table = (name: string) => ({ ...ds, table: name });
let bq: BigQueryEmulator;

async function create(name: string, rows: Row[]): Promise<void> {
  await bq.query(`CREATE TABLE \`checks-proj.ds.${name}\` (input_text STRING, output_text STRING)`);
  for (const [input, output] of rows) {
    await bq.query(`INSERT INTO \`checks-proj.ds.${name}\` VALUES (@input, @output)`, { input, output });
  }
}

async function checks(
  trainTable: string,
  evalTable: string,
  sampleSize?: number,
): Promise<[string, string, number, Entry[]][]> {
  const sql = dataChecksQuery({ train: table(trainTable), eval: table(evalTable), labels, sampleSize });
  const { rows } = await bq.query(sql.text, sql.params);
  return rows.map((r) => [
    String(r.check_name),
    String(r.split),
    Number(r.violations),
    JSON.parse(String(r.samples)) as Entry[],
  ]);
}

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-checks-'));
  bq = await createBigQueryEmulator({
    dataDir: path.join(root, 'data'),
    gcsDir: path.join(root, 'gcs'),
    projectId: ds.project,
    datasets: [`${ds.project}.${ds.dataset}`],
  });
  await create('train', train);
  await create('eval', evalRows);
  await create('empty', []);
  // Six unknown labels, one more than the default sample size.
  await create(
    'unknown',
    ['a', 'b', 'c', 'd', 'e', 'f'].map((input): Row => [input, 'Other']),
  );
});
afterAll(() => bq.close());

test('every check, per split, with its count and samples', async () => {
  expect(await checks('train', 'eval')).toEqual(expected);
});

test('an empty split has a row count of 0 and nothing else to report', async () => {
  expect(await checks('train', 'empty')).toEqual(
    expected
      .filter(([name, split]) => split === 'train' || (name === 'row_count' && split === 'eval'))
      .map(([name, split, count, samples]) => [
        name,
        split,
        name === 'row_count' && split === 'eval' ? 0 : count,
        samples,
      ]),
  );
});

test('at most sampleSize samples, the first by input text; five when not given', async () => {
  const unknownSamples = async (size?: number) =>
    (await checks('unknown', 'empty', size)).filter(([name]) => name === 'unknown_labels');
  const entry = (input: string) => labelled(input, input, 'Other');
  expect(await unknownSamples(1)).toEqual([['unknown_labels', 'train', 6, [entry('a')]]]);
  expect(await unknownSamples()).toEqual([
    ['unknown_labels', 'train', 6, ['a', 'b', 'c', 'd', 'e'].map(entry)],
  ]);
  expect(await unknownSamples(50)).toEqual([
    ['unknown_labels', 'train', 6, ['a', 'b', 'c', 'd', 'e', 'f'].map(entry)],
  ]);
});

test('sampleSize outside 1..50 or not an integer is refused, naming the option', () => {
  for (const size of [0, 51, 2.5]) {
    expect(() => dataChecksQuery({ train: table('t'), eval: table('e'), labels, sampleSize: size })).toThrow(
      `dataChecksQuery.sampleSize: ${size} must be an integer from 1 to 50`,
    );
  }
  expect(() => dataChecksQuery({ train: table('no such'), eval: table('e'), labels })).toThrow(
    /^dataChecksQuery\.train\.table: /,
  );
  expect(() => dataChecksQuery({ train: table('t'), eval: table('no such'), labels })).toThrow(
    /^dataChecksQuery\.eval\.table: /,
  );
});

test('inputs compare after collapsing ASCII whitespace and trimming, the same in SQL and in TypeScript', async () => {
  const cases: [string, string][] = [
    ['  a \t b\n', 'a b'],
    ['a\r\n\v\fb', 'a b'],
    [' ', ''],
    ['', ''],
    ['x', 'x'],
    ['a  b  c', 'a b c'],
    // Not ASCII whitespace: kept.
    ['a\u00a0b', 'a\u00a0b'],
  ];
  for (const [input, expected] of cases) {
    expect(normalizeInput(input)).toBe(expected);
    const query = toSql(sql`SELECT ${normalizeInputSql(sql`${stringParam('input', input)}`)} AS normalised`);
    const { rows } = await bq.query(query.text, query.params);
    expect(rows).toEqual([{ normalised: expected }]);
  }
});
