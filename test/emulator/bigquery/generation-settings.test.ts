import { connection, harness, type Harness } from './harness';

/**
 * The settings STRUCT of the generation and evaluation table functions is checked against the fields and
 * ranges the reference pages give for a Gemini model: bigqueryml-syntax-generate-text,
 * bigqueryml-syntax-ai-generate-text (max_output_tokens INT64 [1, 8192], top_p and temperature FLOAT64
 * [0.0, 1.0], request_type DEDICATED/SHARED/UNSPECIFIED, model_params instead of the individual fields)
 * and bigqueryml-syntax-evaluate (task_type, max_output_tokens, temperature, top_p).
 */
describe('generation settings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    await h.emulator.query(
      `CREATE MODEL \`test-proj.ds.m\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
    );
  });
  afterAll(() => h.emulator.close());

  const generate = (fn: string, settings: string): Promise<unknown> =>
    h.emulator.query(
      `SELECT * FROM ${fn}(MODEL \`test-proj.ds.m\`, (SELECT 'Hello. There.' AS prompt), STRUCT(${settings}))`,
    );

  test.each([
    ['AI.GENERATE_TEXT', '0.0 AS temperature, 1.0 AS top_p, 1 AS max_output_tokens'],
    ['AI.GENERATE_TEXT', '1.0 AS temperature, 0.0 AS top_p, 8192 AS max_output_tokens'],
    ['ML.GENERATE_TEXT', "TRUE AS flatten_json_output, 'shared' AS request_type, ['x'] AS stop_sequences"],
    ['AI.GENERATE_TEXT', `'{"generation_config": {"temperature": 0.5}}' AS model_params`],
  ])('%s accepts the documented bounds: %s', async (fn, settings) => {
    await expect(generate(fn, settings)).resolves.toBeDefined();
  });

  test.each([
    ['AI.GENERATE_TEXT', '1.01 AS temperature', /temperature must be a FLOAT64 in \[0, 1\]/],
    ['ML.GENERATE_TEXT', '-0.1 AS temperature', /temperature must be a FLOAT64 in \[0, 1\]/],
    ['AI.GENERATE_TEXT', '1.5 AS top_p', /top_p must be a FLOAT64 in \[0, 1\]/],
    ['AI.GENERATE_TEXT', '0 AS max_output_tokens', /max_output_tokens must be an INT64 in \[1, 8192\]/],
    ['ML.GENERATE_TEXT', '8193 AS max_output_tokens', /max_output_tokens must be an INT64 in \[1, 8192\]/],
    ['ML.GENERATE_TEXT', '10.5 AS max_output_tokens', /max_output_tokens must be an INT64/],
    ['AI.GENERATE_TEXT', '40 AS top_k', /unsupported field top_k/],
    ['AI.GENERATE_TEXT', 'TRUE AS flatten_json_output', /unsupported field flatten_json_output/],
    [
      'ML.GENERATE_TEXT',
      "'FAST' AS request_type",
      /request_type must be one of DEDICATED, SHARED, UNSPECIFIED/,
    ],
    ['ML.GENERATE_TEXT', "'yes' AS flatten_json_output", /flatten_json_output must be a BOOL/],
    [
      'AI.GENERATE_TEXT',
      `'{"generation_config": {}}' AS model_params, 0.5 AS temperature`,
      /temperature cannot be set together with model_params/,
    ],
  ])('%s refuses %s', async (fn, settings, error) => {
    await expect(generate(fn, settings)).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringMatching(error),
    });
  });

  test('ML.EVALUATE takes only its own fields, in range', async () => {
    const evaluate = (settings: string): Promise<unknown> =>
      h.emulator.query(
        `SELECT * FROM ML.EVALUATE(MODEL \`test-proj.ds.m\`, (SELECT 'a. b.' AS input_text, 'a.' AS output_text), STRUCT(${settings}))`,
      );
    await expect(
      evaluate("'text_generation' AS task_type, 1.0 AS temperature, 8192 AS max_output_tokens"),
    ).resolves.toBeDefined();
    await expect(evaluate('1.2 AS temperature')).rejects.toMatchObject({
      message: expect.stringMatching(/temperature must be a FLOAT64 in \[0, 1\]/),
    });
    await expect(evaluate("'TRANSLATION' AS task_type")).rejects.toMatchObject({
      message: expect.stringMatching(/task_type must be one of/),
    });
    await expect(evaluate("['x'] AS stop_sequences")).rejects.toMatchObject({
      message: expect.stringMatching(/unsupported field stop_sequences/),
    });
  });
});
