import { readSettings } from '../../../emulator/bigquery/table-functions';
import { connection, harness, type Harness } from './harness';

/**
 * ML.GENERATE_TEXT and AI.GENERATE_TEXT in the emulator: which rows reach the model (and are counted, per
 * model), which fail per row (and are counted as failures), and the columns each function returns, as
 * the reference pages list them (https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-generate-text#output,
 * .../bigqueryml-syntax-ai-generate-text#output). The local base model answers a prompt without a label list
 * with its first sentence, so each expected text is written by hand.
 */
describe('model calls and output columns of the generation functions', () => {
  let h: Harness;
  const q = (sql: string) => h.emulator.query(sql);
  beforeAll(async () => {
    h = await harness({ faults: { rowInvalidArgument: { promptContains: 'poison' } } });
    for (const name of ['a', 'b']) {
      await q(
        `CREATE MODEL \`test-proj.ds.${name}\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
      );
    }
  });
  afterAll(() => h.emulator.close());

  const prompts = `(${[
    "SELECT 1 AS n, 'One. Two.' AS prompt",
    'SELECT 2 AS n, CAST(NULL AS STRING) AS prompt',
    "SELECT 3 AS n, '' AS prompt",
    "SELECT 4 AS n, ' \\n ' AS prompt",
    "SELECT 5 AS n, 'poison here. Yes.' AS prompt",
    "SELECT 6 AS n, 'Three four. Five.' AS prompt",
  ].join(' UNION ALL ')})`;
  const noRequest = 'The prompt is NULL or empty; no request was sent.';
  const invalid =
    'INVALID_ARGUMENT error from remote service/endpoint gemini-2.0-flash-001: the request is not valid for this model. (injected fault)';

  test('NULL and blank prompts are not sent; every other row is one call of its model; failures are counted', async () => {
    const before = { ...h.emulator.stats, invocationsByModel: { ...h.emulator.stats.invocationsByModel } };
    const { rows } = await q(
      `SELECT n, result, status FROM AI.GENERATE_TEXT(MODEL \`test-proj.ds.a\`, ${prompts}) ORDER BY n`,
    );
    expect(rows).toEqual([
      { n: 1, result: 'One.', status: '' },
      { n: 2, result: null, status: noRequest },
      { n: 3, result: null, status: noRequest },
      { n: 4, result: null, status: noRequest },
      { n: 5, result: null, status: invalid },
      { n: 6, result: 'Three four.', status: '' },
    ]);
    await q(
      `SELECT * FROM ML.GENERATE_TEXT(MODEL \`test-proj.ds.b\`, (SELECT 'Hi. There.' AS prompt), STRUCT(TRUE AS flatten_json_output))`,
    );
    const stats = h.emulator.stats;
    expect(stats.modelInvocations - before.modelInvocations).toBe(4);
    expect(stats.rowFailures - before.rowFailures).toBe(1);
    expect(stats.invocationsByModel).toEqual({
      ...before.invocationsByModel,
      'test-proj.ds.a': (before.invocationsByModel['test-proj.ds.a'] ?? 0) + 3,
      'test-proj.ds.b': (before.invocationsByModel['test-proj.ds.b'] ?? 0) + 1,
    });
  });

  test('AI.GENERATE_TEXT: result, statistics and full_response from the token counts', async () => {
    const { schema, rows } = await q(
      `SELECT * FROM AI.GENERATE_TEXT(MODEL \`test-proj.ds.a\`, (SELECT 'One two. Three.' AS prompt UNION ALL SELECT 'poison.' AS prompt))`,
    );
    expect(schema.map((f) => f.name)).toEqual([
      'result',
      'rai_result',
      'grounding_result',
      'statistics',
      'full_response',
      'status',
      'prompt',
    ]);
    const [ok, failed] = [...rows].sort((x, y) => String(x.prompt).localeCompare(String(y.prompt)));
    // 'One two. Three.' is three words, the answer 'One two.' two.
    expect(JSON.parse(String(ok.statistics))).toEqual({ prompt_token_count: 3, candidates_token_count: 2 });
    expect(JSON.parse(String(ok.full_response))).toEqual({
      candidates: [{ content: { role: 'model', parts: [{ text: 'One two.' }] }, finish_reason: 'STOP' }],
      usage_metadata: { prompt_token_count: 3, candidates_token_count: 2, total_token_count: 5 },
      model_version: 'gemini-2.0-flash-001',
    });
    expect([ok.result, ok.rai_result, ok.grounding_result, ok.status]).toEqual(['One two.', null, null, '']);
    expect([failed.result, failed.statistics, failed.full_response, failed.status]).toEqual([
      null,
      null,
      null,
      invalid,
    ]);
  });

  test('ML.GENERATE_TEXT: one JSON column unless flattened; a RAI column only with safety settings', async () => {
    const columns = async (struct: string) =>
      (
        await q(
          `SELECT * FROM ML.GENERATE_TEXT(MODEL \`test-proj.ds.a\`, (SELECT 'A. B.' AS prompt)${struct})`,
        )
      ).schema.map((f) => f.name);
    expect(await columns('')).toEqual(['ml_generate_text_result', 'ml_generate_text_status', 'prompt']);
    expect(await columns(', STRUCT(FALSE AS flatten_json_output)')).toEqual([
      'ml_generate_text_result',
      'ml_generate_text_status',
      'prompt',
    ]);
    expect(await columns(', STRUCT(TRUE AS flatten_json_output)')).toEqual([
      'ml_generate_text_llm_result',
      'ml_generate_text_status',
      'prompt',
    ]);
    expect(
      await columns(
        `, STRUCT(TRUE AS flatten_json_output, [STRUCT('HARM_CATEGORY_HATE_SPEECH' AS category, 'BLOCK_LOW_AND_ABOVE' AS threshold)] AS safety_settings)`,
      ),
    ).toEqual([
      'ml_generate_text_llm_result',
      'ml_generate_text_rai_result',
      'ml_generate_text_status',
      'prompt',
    ]);
  });

  test('max_output_tokens cuts the answer; 1024 when not given', async () => {
    const text = async (struct: string) =>
      (
        await q(
          `SELECT result FROM AI.GENERATE_TEXT(MODEL \`test-proj.ds.a\`, (SELECT 'w1 w2 w3 w4. Next.' AS prompt)${struct})`,
        )
      ).rows[0].result;
    expect(await text(', STRUCT(2 AS max_output_tokens)')).toBe('w1 w2');
    expect(await text('')).toBe('w1 w2 w3 w4.');
  });

  test('calls the pipeline does not make are refused with the place and what is expected', async () => {
    const refused = (sql: string, message: RegExp) =>
      expect(q(sql)).rejects.toMatchObject({
        reason: 'invalidQuery',
        message: expect.stringMatching(message),
      });
    await refused(
      "SELECT * FROM ML.PREDICT(MODEL `test-proj.ds.a`, (SELECT 'x' AS prompt))",
      /^ML\.PREDICT is not emulated \(at .*\); supported: ML\.GENERATE_TEXT, AI\.GENERATE_TEXT, ML\.EVALUATE$/,
    );
    await refused(
      "SELECT * FROM AI.GENERATE_TEXT((SELECT 'x' AS prompt))",
      /^AI\.GENERATE_TEXT needs MODEL `project\.dataset\.model` as its first argument at /,
    );
    await refused(
      'SELECT * FROM AI.GENERATE_TEXT(MODEL `test-proj.ds.a`)',
      /^AI\.GENERATE_TEXT needs input data/,
    );
    await refused(
      "SELECT * FROM AI.GENERATE_TEXT(MODEL `test-proj.ds.a`, 'x')",
      /^AI\.GENERATE_TEXT: unexpected argument at .*; expected TABLE, a \(query\) or STRUCT\(\.\.\.\)$/,
    );
    await refused(
      "SELECT * FROM AI.GENERATE_TEXT(MODEL 1, (SELECT 'x' AS prompt))",
      /^Expected a model name at /,
    );
    await refused(
      'SELECT * FROM AI.GENERATE_TEXT(MODEL `test-proj.ds.a`, TABLE 1)',
      /^Expected a table name at /,
    );
  });

  test('TABLE input and a lower-case function name work like a query', async () => {
    await q("CREATE TABLE `test-proj.ds.p` AS SELECT 'Alpha. Beta.' AS prompt");
    const { rows } = await q(
      'SELECT result FROM ai.generate_text(MODEL `test-proj.ds.a`, TABLE `test-proj.ds.p`)',
    );
    expect(rows).toEqual([{ result: 'Alpha.' }]);
  });
});

describe('readSettings', () => {
  test('defaults: 1024 output tokens, not flattened, no task type, no safety settings', () => {
    expect(readSettings('ML.GENERATE_TEXT', {})).toEqual({
      maxOutputTokens: 1024,
      flattenJsonOutput: false,
      taskType: undefined,
      safetySettings: false,
    });
    expect(readSettings('ML.GENERATE_TEXT', { max_output_tokens: null, safety_settings: null })).toEqual({
      maxOutputTokens: 1024,
      flattenJsonOutput: false,
      taskType: undefined,
      safetySettings: false,
    });
  });

  test('field names in any case; values as given; the task type in upper case', () => {
    expect(
      readSettings('ML.GENERATE_TEXT', {
        MAX_OUTPUT_TOKENS: 7n,
        Flatten_Json_Output: true,
        safety_settings: [],
      }),
    ).toEqual({ maxOutputTokens: 7, flattenJsonOutput: true, taskType: undefined, safetySettings: true });
    expect(readSettings('ML.EVALUATE', { task_type: 'classification' }).taskType).toBe('CLASSIFICATION');
  });

  test('each kind of field refuses another type', () => {
    const refuses = (
      name: Parameters<typeof readSettings>[0],
      values: Record<string, unknown>,
      message: string,
    ) => expect(() => readSettings(name, values)).toThrow(message);
    refuses(
      'AI.GENERATE_TEXT',
      { max_output_tokens: '5' },
      'AI.GENERATE_TEXT: max_output_tokens must be an INT64 in [1, 8192]; got "5"',
    );
    refuses('AI.GENERATE_TEXT', { temperature: 'hot' }, 'temperature must be a FLOAT64 in [0, 1]; got "hot"');
    refuses('AI.GENERATE_TEXT', { stop_sequences: 'x' }, 'stop_sequences must be an ARRAY<STRING>; got "x"');
    refuses(
      'AI.GENERATE_TEXT',
      { stop_sequences: ['x', 1] },
      'stop_sequences must be an ARRAY<STRING>; got ["x",1]',
    );
    refuses(
      'AI.GENERATE_TEXT',
      { ground_with_google_search: 1 },
      'ground_with_google_search must be a BOOL; got 1',
    );
    refuses('AI.GENERATE_TEXT', { request_type: 1 }, 'request_type must be a STRING; got 1');
    refuses('AI.GENERATE_TEXT', { model_params: 1 }, 'model_params must be a STRING; got 1');
    refuses(
      'ML.EVALUATE',
      { task_type: 'RANKING' },
      'task_type must be one of TEXT_GENERATION, CLASSIFICATION, SUMMARIZATION, QUESTION_ANSWERING; got "RANKING"',
    );
  });

  test('a generation field set to NULL may go with model_params; request_type always may', () => {
    expect(() =>
      readSettings('AI.GENERATE_TEXT', { model_params: '{}', temperature: null, request_type: 'SHARED' }),
    ).not.toThrow();
    expect(() => readSettings('AI.GENERATE_TEXT', { model_params: null, temperature: 0.5 })).not.toThrow();
    expect(() => readSettings('AI.GENERATE_TEXT', { model_params: '{}', stop_sequences: ['x'] })).toThrow(
      'AI.GENERATE_TEXT: stop_sequences cannot be set together with model_params; give it inside model_params',
    );
  });
});
