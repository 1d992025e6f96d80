import { addNullableColumnsDdl, createTableDdl, type TableDefinition } from '../../bigquery';

/* DDL of the pipeline's own table definitions: text, and errors that name the definition's field. */

const ds = { project: 'my-proj', dataset: 'bqtune' };
const def: TableDefinition = {
  id: 'events',
  description: "What's new: $5",
  partitionBy: 'at',
  clusterBy: ['kind', 'run_id'],
  fields: [
    { name: 'run_id', type: 'STRING', mode: 'REQUIRED', description: 'Run.' },
    { name: 'kind', type: 'STRING', mode: 'NULLABLE', description: 'Kind (café).' },
    { name: 'n', type: 'INT64', mode: 'NULLABLE', description: 'Count.' },
    { name: 'at', type: 'TIMESTAMP', mode: 'REQUIRED', description: 'When.' },
  ],
};
const withField = (i: number, change: object): TableDefinition => ({
  ...def,
  fields: def.fields.map((f, j) => (j === i ? { ...f, ...change } : f)),
});

test('CREATE TABLE lists each column with its type, NOT NULL and description, then partition, cluster, options', () => {
  expect(createTableDdl(def, ds)).toEqual({
    text: [
      'CREATE TABLE IF NOT EXISTS `my-proj.bqtune.events` (',
      "  run_id STRING NOT NULL OPTIONS(description = 'Run.'),",
      "  kind STRING OPTIONS(description = 'Kind (caf\\u00e9).'),",
      "  n INT64 OPTIONS(description = 'Count.'),",
      "  at TIMESTAMP NOT NULL OPTIONS(description = 'When.')",
      ')',
      'PARTITION BY DATE(at)',
      'CLUSTER BY kind, run_id',
      "OPTIONS(description = 'What\\'s new: \\u00245')",
    ].join('\n'),
    params: [],
    placeholders: [],
  });
});

test('ALTER TABLE adds only the NULLABLE columns', () => {
  expect(addNullableColumnsDdl(def, ds).text).toBe(
    'ALTER TABLE `my-proj.bqtune.events`\n  ADD COLUMN IF NOT EXISTS kind STRING,\n  ADD COLUMN IF NOT EXISTS n INT64',
  );
});

test.each([
  [withField(2, { name: 'n-1' }), 'events.fields[2].name: "n-1" is not a valid column name'],
  [
    withField(2, { type: 'NUMERIC' }),
    'events.fields[2].type: "NUMERIC" is not one of STRING, INT64, FLOAT64',
  ],
  [withField(1, { description: '\ud800' }), 'events.kind.description: contains an unpaired UTF-16 surrogate'],
  [{ ...def, partitionBy: 'a b' }, 'events.partitionBy: "a b" is not a valid column name'],
  [{ ...def, clusterBy: ['kind', 'x;'] }, 'events.clusterBy[1]: "x;" is not a valid column name'],
  [{ ...def, description: '\udc00' }, 'events.description: contains an unpaired UTF-16 surrogate'],
  [{ ...def, id: 'a-b' }, 'createTableDdl.a-b.table: "a-b" is not a valid tableId'],
])('CREATE TABLE refuses %#, naming the field', (bad, message) => {
  expect(() => createTableDdl(bad, ds)).toThrow(message);
});

test('ALTER TABLE names a bad column by its place among all the fields, not among the NULLABLE ones', () => {
  expect(() => addNullableColumnsDdl(withField(2, { name: '2n' }), ds)).toThrow(
    'events.fields[2].name: "2n" is not a valid column name',
  );
  expect(() => addNullableColumnsDdl(def, { dataset: 'a b' })).toThrow(
    'addNullableColumnsDdl.events.dataset: "a b" is not a valid datasetId',
  );
});
