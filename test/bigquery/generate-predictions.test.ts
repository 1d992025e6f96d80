import {
  createPromptsTable,
  createTableDdl,
  generatePredictions,
  predictionsTable,
  type GeneratePredictionsOptions,
} from '../../bigquery';
import { connection, harness, project, type Harness } from '../emulator/bigquery/harness';

/**
 * The generation statement run in the emulator, pass after pass, as the pipeline runs it: the first pass
 * writes every prompt as attempt 1; a retry pass regenerates only the examples whose latest row has a
 * retryable status, as the next attempt, and leaves failed rows of any other status alone. The local base
 * model answers a prompt without a label list with its first sentence, so each expected text is written by
 * hand; `predicted_label` is that text after the label normalisation (lower case, spaces collapsed).
 */
const ds = { project, dataset: 'ds' };
const retryable = 'A retryable error occurred: RESOURCE EXHAUSTED error from remote service/endpoint x';

let h: Harness;
const q = (sql: string, params?: Record<string, unknown>) => h.emulator.query(sql, params);
const options = (overrides: Partial<GeneratePredictionsOptions>): GeneratePredictionsOptions => ({
  function: 'AI.GENERATE_TEXT',
  model: { ...ds, model: 'm' },
  prompts: { ...ds, table: 'prompts' },
  predictions: { ...ds, table: predictionsTable.id },
  runId: '',
  evalFingerprint: '',
  mode: 'all',
  ...overrides,
});
const generate = (overrides: Partial<GeneratePredictionsOptions>, fingerprint = 'fp') =>
  q(generatePredictions(options(overrides)).text, { run_id: 'run-1', eval_fingerprint: fingerprint });
const rows = async (fingerprint = 'fp') =>
  (
    await q(
      `SELECT example_id, generated_text, predicted_label, status, attempt FROM \`${project}.ds.${predictionsTable.id}\` WHERE eval_fingerprint = @fp ORDER BY example_id, attempt`,
      { fp: fingerprint },
    )
  ).rows.map((r) => [r.example_id, r.generated_text, r.predicted_label, r.status, Number(r.attempt)]);

beforeAll(async () => {
  h = await harness({ faults: { rowInvalidArgument: { promptContains: 'poison' } } });
  await q(
    `CREATE MODEL \`${project}.ds.m\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
  );
  await q(createTableDdl(predictionsTable, ds).text);
  await q(createPromptsTable({ ...ds, table: 'prompts' }).text);
  for (const [id, prompt] of [
    ['e1', 'Billing  Issue. More text.'],
    ['e2', 'poison pill. More.'],
    ['e3', 'Shipping. Late.'],
  ]) {
    await q(`INSERT INTO \`${project}.ds.prompts\` (example_id, prompt, label) VALUES (@id, @prompt, 'x')`, {
      id,
      prompt,
    });
  }
});
afterAll(() => h.emulator.close());

const invalid =
  'INVALID_ARGUMENT error from remote service/endpoint gemini-2.0-flash-001: the request is not valid for this model. (injected fault)';

test('the first pass writes every prompt once as attempt 1, a failed row without text', async () => {
  await generate({ mode: 'all', settings: { maxOutputTokens: 64, temperature: 0, topP: 0.5 } });
  expect(await rows()).toEqual([
    ['e1', 'Billing  Issue.', 'billing issue.', '', 1],
    ['e2', null, null, invalid, 1],
    ['e3', 'Shipping.', 'shipping.', '', 1],
  ]);
});

test('a retry pass regenerates only rows whose latest status is retryable, as the next attempt', async () => {
  // e3's latest row failed with a quota error; e2's failure is not retryable.
  await q(
    `INSERT INTO \`${project}.ds.${predictionsTable.id}\` VALUES ('run-1', '${project}.ds.m', 'fp', 'e3', 'x', NULL, NULL, @status, 2, CURRENT_TIMESTAMP)`,
    { status: retryable },
  );
  await generate({ mode: 'retryable' });
  expect(await rows()).toEqual([
    ['e1', 'Billing  Issue.', 'billing issue.', '', 1],
    ['e2', null, null, invalid, 1],
    ['e3', 'Shipping.', 'shipping.', '', 1],
    ['e3', null, null, retryable, 2],
    ['e3', 'Shipping.', 'shipping.', '', 3],
  ]);
  // Nothing retryable is left: another pass writes nothing.
  await generate({ mode: 'retryable' });
  expect(await rows()).toHaveLength(5);
});

test('a retry pass reads only this model and eval fingerprint', async () => {
  await q(
    `INSERT INTO \`${project}.ds.${predictionsTable.id}\` VALUES ('run-1', '${project}.ds.m', 'other', 'e1', 'x', NULL, NULL, @status, 1, CURRENT_TIMESTAMP)`,
    { status: retryable },
  );
  await generate({ mode: 'retryable' }, 'other');
  expect(await rows('other')).toEqual([
    ['e1', null, null, retryable, 1],
    ['e1', 'Billing  Issue.', 'billing issue.', '', 2],
  ]);
  expect(await rows()).toHaveLength(5);
});

test('ML.GENERATE_TEXT reads its own output columns; max_output_tokens cuts the text', async () => {
  await generate({ function: 'ML.GENERATE_TEXT', mode: 'all', settings: { maxOutputTokens: 1 } }, 'ml');
  expect(await rows('ml')).toEqual([
    ['e1', 'Billing', 'billing', '', 1],
    ['e2', null, null, invalid, 1],
    ['e3', 'Shipping.', 'shipping.', '', 1],
  ]);
});

test('an unknown function or mode is refused, naming the option', () => {
  expect(() => generatePredictions(options({ function: 'ML.PREDICT' as never }))).toThrow(
    'generatePredictions.function: expected AI.GENERATE_TEXT or ML.GENERATE_TEXT',
  );
  expect(() => generatePredictions(options({ mode: 'some' as never }))).toThrow(
    'generatePredictions.mode: expected all or retryable',
  );
  expect(() => generatePredictions(options({ settings: { temperature: 2 } }))).toThrow(
    /^generatePredictions\.settings\.temperature: /,
  );
  expect(() => generatePredictions(options({ settings: { topP: 2 } }))).toThrow(
    /^generatePredictions\.settings\.topP: /,
  );
  expect(() => generatePredictions(options({ prompts: { ...ds, table: 'no such' } }))).toThrow(
    /^generatePredictions\.prompts\.table: /,
  );
  expect(() => generatePredictions(options({ predictions: { ...ds, table: 'no such' } }))).toThrow(
    /^generatePredictions\.predictions\.table: /,
  );
  expect(() => generatePredictions(options({ model: { ...ds, model: 'no such' } }))).toThrow(
    /^generatePredictions\.model\.model: /,
  );
});
