import {
  createPromptsTable,
  dropStagingTable,
  exampleColumns,
  expirationOption,
  loadData,
  stagingTableHours,
} from '../../bigquery';

/* The staging tables' expiration option, where each builder writes it, and the range it accepts. */

const ds = { project: 'my-proj', dataset: 'bqtune' };
const option = (hours: number) =>
  `OPTIONS(expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL ${hours} HOUR))`;

test('LOAD DATA takes the table options before FROM FILES', () => {
  const sql = loadData({
    mode: 'OVERWRITE',
    table: { ...ds, table: 'train_r1' },
    columns: exampleColumns,
    uris: ['gs://b1b/train.jsonl'],
    expirationHours: 24,
  });
  expect(sql.text).toBe(
    `LOAD DATA OVERWRITE \`my-proj.bqtune.train_r1\` (input_text STRING, output_text STRING)\n${option(24)}\nFROM FILES(\n  format = 'NEWLINE_DELIMITED_JSON',\n  uris = ['gs://b1b/train.jsonl']\n)`,
  );
});

test('the prompts table takes them after its columns', () => {
  expect(createPromptsTable({ ...ds, table: 'p' }, { expirationHours: stagingTableHours }).text).toBe(
    `CREATE OR REPLACE TABLE \`my-proj.bqtune.p\` (example_id STRING NOT NULL, prompt STRING NOT NULL, label STRING NOT NULL) ${option(168)}`,
  );
});

test.each([
  [1, true],
  [87_600, true],
  [0, false],
  [87_601, false],
  [1.5, false],
  [-24, false],
  [Number.NaN, false],
])('%s hours: accepted %s', (hours, ok) => {
  const build = () => expirationOption(hours, 'x.expirationHours');
  if (ok) expect(build().text).toBe(option(hours).slice('OPTIONS('.length, -1));
  else expect(build).toThrow(`x.expirationHours: ${hours} is not a whole number of hours from 1 to 87600`);
});

test('several staging tables drop in one script; none is refused', () => {
  expect(dropStagingTable({ ...ds, table: 'a' }, { ...ds, table: 'b' }).text).toBe(
    'DROP TABLE IF EXISTS `my-proj.bqtune.a`;\nDROP TABLE IF EXISTS `my-proj.bqtune.b`',
  );
  expect(() => dropStagingTable()).toThrow('dropStagingTable: at least one table is required');
});
