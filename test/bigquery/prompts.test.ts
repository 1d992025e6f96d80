import { createHash } from 'node:crypto';
import { createPromptsTable, insertPrompts } from '../../bigquery';
import { openLocalEnvironment, type LocalEnvironment } from '../../cli/local/environment';
import { tempDir } from '../cli/local/fixtures';

const ds = { project: 'bqtune-local', dataset: 'bqtune' };
const hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Every eval row becomes one prompt with its own label, whatever repeats, in whatever order rows load. */
describe('insertPrompts on the BigQuery emulator', () => {
  let env: LocalEnvironment;
  const rows: [string | null, string | null][] = [
    ['a', 'X'],
    ['a', 'X'],
    ['a', 'Y'],
    ['b', 'X'],
    [null, 'X'],
    ['c', null],
  ];

  async function promptsOf(source: string, order: [string | null, string | null][]) {
    await env.bigquery.query(
      `CREATE OR REPLACE TABLE \`bqtune-local.bqtune.${source}\` (input_text STRING, output_text STRING)`,
    );
    for (const [input, output] of order) {
      await env.bigquery.query(`INSERT INTO \`bqtune-local.bqtune.${source}\` VALUES (@i, @o)`, {
        i: input,
        o: output,
      });
    }
    const target = { ...ds, table: `${source}_prompts` };
    await env.bigquery.query(createPromptsTable(target).text);
    const insert = insertPrompts({
      source: { ...ds, table: source },
      target,
      promptPrefix: '',
      promptSuffix: '',
    });
    await env.bigquery.query(insert.text, { prompt_prefix: 'P: ', prompt_suffix: ' :S' });
    const { rows: got } = await env.bigquery.query(
      `SELECT example_id, prompt, label FROM \`bqtune-local.bqtune.${source}_prompts\` ORDER BY example_id`,
    );
    return got.map((r) => [r.example_id, r.prompt, r.label]);
  }

  beforeAll(async () => {
    env = await openLocalEnvironment(tempDir('prompts'));
  });
  afterAll(() => env.close());

  test('each row once with its own label; repeats get their own id; rows without input or label are skipped', async () => {
    // The ids by their documented construction: SHA-256 of the JSON array [input, label, copy number].
    const id = (input: string, label: string, n: number) => hex(JSON.stringify([input, label, String(n)]));
    const expected = [
      [id('a', 'X', 1), 'P: a :S', 'X'],
      [id('a', 'X', 2), 'P: a :S', 'X'],
      [id('a', 'Y', 1), 'P: a :S', 'Y'],
      [id('b', 'X', 1), 'P: b :S', 'X'],
    ].sort((p, q) => String(p[0]).localeCompare(String(q[0])));
    expect(await promptsOf('forward', rows)).toEqual(expected);
    expect(await promptsOf('backward', [...rows].reverse())).toEqual(expected);
  });
});
