import * as fs from 'node:fs';
import * as path from 'node:path';
import { harness, type Harness } from './harness';

/* LOAD DATA reads gs:// URIs from the local bucket folder only: nothing a URI says reaches outside it. */

let h: Harness;
let outside: string;
const load = (uri: string) =>
  h.emulator.query(
    `LOAD DATA OVERWRITE \`test-proj.ds.t\` (input_text STRING, output_text STRING) FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=['${uri}'])`,
  );

beforeAll(async () => {
  h = await harness();
  // A JSONL file next to the bucket folder, as an attacker's file (or a system file) would be.
  outside = path.join(path.dirname(h.gcsDir), 'outside.jsonl');
  fs.writeFileSync(outside, '{"input_text":"secret","output_text":"A"}\n');
  h.writeObject('gs://bkt/in/ok.jsonl', '{"input_text":"fine","output_text":"B"}\n');
  fs.symlinkSync(outside, path.join(h.gcsDir, 'bkt', 'in', 'link.jsonl'));
});
afterAll(() => h.emulator.close());

test.each([
  'gs://bkt/../outside.jsonl',
  'gs://bkt/in/../../outside.jsonl',
  'gs://bkt/in/../ok.jsonl',
  'gs://bkt/./in/ok.jsonl',
  'gs://bkt/in//ok.jsonl',
  // Backslashes escaped once for SQL: the URI is gs://bkt/in\..\..\outside.jsonl.
  'gs://bkt/in\\\\..\\\\..\\\\outside.jsonl',
  'gs://bkt/../*',
])('%s is refused as an invalid URI', async (uri) => {
  await expect(load(uri)).rejects.toThrow(/not read locally|more than one wildcard/);
  const rows = await h.emulator.query('SELECT * FROM `test-proj.ds.t`').catch(() => ({ rows: [] }));
  expect(rows.rows).not.toContainEqual(expect.objectContaining({ input_text: 'secret' }));
});

test('a symlink in the bucket that leads outside it is refused, alone or matched by a wildcard', async () => {
  await expect(load('gs://bkt/in/link.jsonl')).rejects.toThrow(/resolves outside the bucket/);
  await expect(load('gs://bkt/in/*')).rejects.toThrow(/resolves outside the bucket/);
});

test('an object inside the bucket still loads', async () => {
  await load('gs://bkt/in/ok.jsonl');
  const { rows } = await h.emulator.query('SELECT input_text FROM `test-proj.ds.t`');
  expect(rows).toEqual([{ input_text: 'fine' }]);
});
