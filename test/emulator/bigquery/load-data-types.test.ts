import { harness, type Harness } from './harness';

/**
 * What a JSON value may load into (https://cloud.google.com/bigquery/docs/loading-data-cloud-storage-json):
 * BigQuery's own messages where known, the stricter reading where the page is silent (emulator/README.md).
 */
describe('LOAD DATA of JSON values into typed columns', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.emulator.close());

  const load = (object: string, columns: string, options = '') =>
    h.emulator.query(
      `LOAD DATA OVERWRITE \`test-proj.ds.typed\` (${columns}) FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=['gs://bkt/${object}']${options})`,
    );

  test.each([
    ['an array into STRING', '{"s": ["a", "b"]}', 's STRING', 'Array specified for non-repeated field: s.'],
    [
      'an object into STRING',
      '{"s": {"a": 1}}',
      's STRING',
      'JSON object specified for non-record field: s.',
    ],
    ['a number into STRING', '{"s": 42}', 's STRING', 'Could not convert 42 to STRING for field s'],
    ['a boolean into STRING', '{"s": true}', 's STRING', 'Could not convert true to STRING for field s'],
    ['a word into INT64', '{"n": "twelve"}', 'n INT64', 'Could not parse "twelve" as INT64 for field n'],
    ['a fraction into INT64', '{"n": 1.5}', 'n INT64', 'Could not parse 1.5 as INT64 for field n'],
    ['a word into BOOL', '{"b": "yes"}', 'b BOOL', 'Could not parse "yes" as BOOL for field b'],
    ['null into a REQUIRED field', '{"s": null}', 's STRING NOT NULL', 'Missing required field: s.'],
    ['a missing REQUIRED field', '{}', 's STRING NOT NULL', 'Missing required field: s.'],
  ])('%s fails the load, naming the line and the file', async (_what, line, columns, message) => {
    h.writeObject('gs://bkt/bad-value.jsonl', `${line}\n`);
    await expect(load('bad-value.jsonl', columns)).rejects.toThrow(
      `${message} (row starting at line 1 of gs://bkt/bad-value.jsonl)`,
    );
  });

  test('what the columns can hold loads, a quoted whole number into INT64 included', async () => {
    h.writeObject(
      'gs://bkt/good.jsonl',
      '{"s": "x", "n": "12", "f": "2.5", "b": false, "j": {"k": [1]}}\n{"s": null, "n": -3, "f": 1, "b": true, "j": null}\n',
    );
    await load('good.jsonl', 's STRING, n INT64, f FLOAT64, b BOOL, j JSON');
    const { rows } = await h.emulator.query('SELECT s, n, f, b FROM `test-proj.ds.typed` ORDER BY n');
    expect(rows).toEqual([
      { s: null, n: '-3', f: 1, b: true },
      { s: 'x', n: '12', f: 2.5, b: false },
    ]);
  });

  test('a bad value is a bad record: max_bad_records skips it, and the table holds the others', async () => {
    h.writeObject('gs://bkt/one-bad.jsonl', '{"s": "a"}\n{"s": ["b"]}\n{"s": "c"}\n');
    await expect(load('one-bad.jsonl', 's STRING')).rejects.toThrow('line 2 of gs://bkt/one-bad.jsonl');
    await load('one-bad.jsonl', 's STRING', ', max_bad_records = 1');
    const { rows } = await h.emulator.query('SELECT s FROM `test-proj.ds.typed` ORDER BY s');
    expect(rows).toEqual([{ s: 'a' }, { s: 'c' }]);
  });
});
