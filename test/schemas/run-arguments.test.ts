import { validateRunArguments } from '../../schemas';
import { errorLines, exampleRunArguments } from './fixtures';

const withField = (field: string, value: unknown) => ({ ...exampleRunArguments(), [field]: value });
const withTrain = (train: string) => {
  const args = exampleRunArguments();
  return { ...args, data: { ...(args.data as object), train } };
};

test('accepts the example config with Cloud Storage data, filling in defaults', () => {
  const { gate: _gate, ...args } = exampleRunArguments();
  const validated = validateRunArguments(args);
  expect(validated.runId).toBe('run_20240521_1');
  expect(validated.model.tuning.maxIterations).toBe(500);
  expect(validated.gate).toEqual({
    metric: 'macro_f1',
    minImprovementOverBaseline: 0.02,
    minImprovementOverChampion: 0,
    maxLabelRegression: 0.1,
    minLabelSupport: 10,
    minSuccessRate: 0.95,
  });
});

test('names every missing or malformed field under the source "run arguments"', () => {
  const { runId: _runId, project: _project, ...args } = exampleRunArguments();
  let message = '';
  try {
    validateRunArguments({ ...args, dataset: 'my-dataset', data: { train: 'data/train.jsonl' } });
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message.split('\n')).toEqual([
    'run arguments is invalid:',
    '  runId is required',
    '  project is required',
    '  dataset must be a BigQuery dataset id: 1 to 1024 letters, digits or underscores (got "my-dataset")',
    '  data.eval is required',
    '  data.train must be a Cloud Storage URI gs://bucket/object (bucket naming rules; no quotes, backslashes, whitespace or control characters; at most one *) (got "data/train.jsonl")',
  ]);
});

test.each([
  'gs://my-bucket/train.jsonl',
  'gs://abc/x',
  'gs://my_bucket.example.com/path/to/train-*.jsonl',
  'gs://b-1/*',
  'gs://bucket/dir/with+plus=and,comma.jsonl',
])('Cloud Storage URI %s is accepted', (uri) => {
  expect(validateRunArguments(withTrain(uri)).data.train).toBe(uri);
});

test.each([
  ['a bucket under 3 characters', 'gs://ab/x'],
  ['upper case in the bucket', 'gs://My-Bucket/x'],
  ['a bucket starting with a dash', 'gs://-bucket/x'],
  ['a bucket ending with a dot', 'gs://bucket./x'],
  ['a bucket starting with goog', 'gs://google-data/x'],
  ['a 64-character bucket without dots', `gs://${'a'.repeat(64)}/x`],
  ['no object', 'gs://bucket/'],
  ['no object after the bucket', 'gs://bucket'],
  ['two wildcards', 'gs://bucket/a*/b*.jsonl'],
  ['a wildcard alone twice', 'gs://bucket/**'],
  ['a space', 'gs://bucket/my file.jsonl'],
  ['a quote', "gs://bucket/it's.jsonl"],
  ['a backtick', 'gs://bucket/a`b'],
  ['a backslash', 'gs://bucket/a\\b'],
  ['a newline', 'gs://bucket/a\nb'],
  ['another scheme', 's3://bucket/x'],
])('a Cloud Storage URI with %s is rejected', (_what, uri) => {
  expect(errorLines(() => validateRunArguments(withTrain(uri)))).toEqual([
    expect.stringMatching(/^data\.train must be a Cloud Storage URI gs:\/\/bucket\/object /),
  ]);
});

test.each([
  ['runId', 'a'],
  ['runId', 'run_2024_05_21'],
  ['project', 'my-project'],
  ['project', 'abcdef'],
  ['location', 'US'],
  ['location', 'eu'],
  ['location', 'europe-west4'],
  ['location', 'northamerica-northeast1'],
  ['dataset', 'My_Dataset_1'],
  ['connection', 'my-project.us.conn_1'],
  ['connection', '123456789.europe-west4.vertex-conn'],
])('%s %j is accepted', (field, value) => {
  expect(validateRunArguments(withField(field, value))).toMatchObject({ [field]: value });
});

test.each([
  ['runId', 'Run1'],
  ['runId', '1run'],
  ['runId', 'run-1'],
  ['runId', 'r'.repeat(64)],
  ['project', 'short'],
  ['project', 'ends-with-'],
  ['project', 'My-Project'],
  ['project', 'p'.repeat(31)],
  ['location', 'Mars'],
  ['location', 'us central1'],
  ['dataset', 'my-dataset'],
  ['dataset', 'a.b'],
  ['dataset', ''],
  ['connection', 'conn'],
  ['connection', 'my-project.us.conn.extra'],
  ['connection', 'my-project.us.`conn`'],
])('%s %j is rejected', (field, value) => {
  expect(errorLines(() => validateRunArguments(withField(field, value)))).toEqual([
    expect.stringMatching(new RegExp(`^${field} must be `)),
  ]);
});

test('a $schema key belongs to the config file, not to the run arguments', () => {
  expect(errorLines(() => validateRunArguments(withField('$schema', 'x.json')))).toEqual([
    '$schema is not allowed',
  ]);
});
