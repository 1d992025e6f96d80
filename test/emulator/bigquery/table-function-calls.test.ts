import { readSettings } from '../../../emulator/bigquery/table-functions';
import { connection, harness, type Harness } from './harness';

/**
 * How the emulator reads an ML./AI. table function call in a statement: the function's name, the MODEL
 * path in each spelling BigQuery takes (https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-generate-text#syntax),
 * the TABLE or (query) input and the settings STRUCT, each malformed argument with its one-line error,
 * and the settings fields' types. The local base model answers a prompt without a label list with its
 * first sentence, so each expected answer is written by hand.
 */
describe('ML./AI. table function calls', () => {
  let h: Harness;
  const q = (sql: string) => h.emulator.query(sql);
  beforeAll(async () => {
    h = await harness();
    await q(
      `CREATE MODEL \`test-proj.ds.m\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
    );
    await q('CREATE TABLE `test-proj.ds.prompts` (prompt STRING)');
    await q("INSERT INTO `test-proj.ds.prompts` (prompt) VALUES ('Alpha beta. Gamma.')");
  });
  afterAll(() => h.emulator.close());

  test.each([
    ['a quoted path with dots', '`test-proj.ds.m`'],
    ['a quoted project and plain parts', '`test-proj`.ds.m'],
    ['a dataset and model, the project by default', 'ds.m'],
    ['each part quoted', '`test-proj`.`ds`.`m`'],
  ])('MODEL as %s names the same model', async (_how, path) => {
    const before = h.emulator.stats.invocationsByModel['test-proj.ds.m'] ?? 0;
    const { rows } = await q(
      `SELECT result FROM AI.GENERATE_TEXT(MODEL ${path}, TABLE \`test-proj.ds.prompts\`)`,
    );
    expect(rows).toEqual([{ result: 'Alpha beta.' }]);
    expect(h.emulator.stats.invocationsByModel['test-proj.ds.m']).toBe(before + 1);
  });

  test('TABLE input in either spelling, function names in any case', async () => {
    for (const sql of [
      'SELECT result FROM ai.generate_text(MODEL `test-proj.ds.m`, TABLE ds.prompts)',
      'SELECT ml_generate_text_llm_result AS result FROM Ml.Generate_Text(MODEL `test-proj.ds.m`, TABLE `test-proj.ds.prompts`, STRUCT(TRUE AS flatten_json_output))',
    ])
      expect((await q(sql)).rows).toEqual([{ result: 'Alpha beta.' }]);
  });

  test('two calls in one statement each run, the second after the first one ends', async () => {
    const before = h.emulator.stats.modelInvocations;
    const { rows } = await q(
      "SELECT (SELECT result FROM AI.GENERATE_TEXT(MODEL `test-proj.ds.m`, (SELECT 'One. Two.' AS prompt))) AS first, " +
        "(SELECT result FROM AI.GENERATE_TEXT(MODEL ds.m, (SELECT 'Three. Four.' AS prompt))) AS second",
    );
    expect(rows).toEqual([{ first: 'One.', second: 'Three.' }]);
    expect(h.emulator.stats.modelInvocations).toBe(before + 2);
  });

  const m = '`test-proj.ds.m`';
  test.each([
    [
      'a function it does not emulate',
      `SELECT * FROM ML.PREDICT(MODEL ${m}, TABLE ds.prompts)`,
      'ML.PREDICT is not emulated (at [1:15]); supported: ML.GENERATE_TEXT, AI.GENERATE_TEXT, ML.EVALUATE',
    ],
    [
      'no arguments',
      'SELECT * FROM ML.EVALUATE()',
      'ML.EVALUATE needs MODEL `project.dataset.model` as its first argument at [1:27]',
    ],
    [
      'settings first',
      "SELECT * FROM ML.EVALUATE(STRUCT('CLASSIFICATION' AS task_type))",
      'ML.EVALUATE needs MODEL `project.dataset.model` as its first argument at [1:27]',
    ],
    [
      'MODEL without a name',
      'SELECT * FROM AI.GENERATE_TEXT(MODEL, TABLE ds.prompts)',
      'Expected a model name at [1:37]',
    ],
    [
      'MODEL with a string',
      "SELECT * FROM AI.GENERATE_TEXT(MODEL 'm', TABLE ds.prompts)",
      'Expected a model name at [1:38]',
    ],
    [
      'TABLE without a name',
      `SELECT * FROM AI.GENERATE_TEXT(MODEL ${m}, TABLE)`,
      'Expected a table name at [1:61]',
    ],
    [
      'an aliased subquery',
      `SELECT * FROM AI.GENERATE_TEXT(MODEL ${m}, (SELECT 'a' AS prompt) AS p)`,
      'AI.GENERATE_TEXT: unexpected argument at [1:56]; expected TABLE, a (query) or STRUCT(...)',
    ],
    [
      'a string argument',
      `SELECT * FROM AI.GENERATE_TEXT(MODEL ${m}, 'a prompt')`,
      'AI.GENERATE_TEXT: unexpected argument at [1:56]; expected TABLE, a (query) or STRUCT(...)',
    ],
    [
      'no input data',
      `SELECT * FROM ML.GENERATE_TEXT(MODEL ${m}, STRUCT(TRUE AS flatten_json_output))`,
      'ML.GENERATE_TEXT needs input data: TABLE `dataset.table` or a (query)',
    ],
    [
      'a table without its dataset (the error points at the table)',
      `SELECT * FROM AI.GENERATE_TEXT(MODEL ${m}, TABLE prompts)`,
      'Table name "prompts" missing dataset while no default dataset is set in the request at [1:62]',
    ],
    [
      'typed STRUCT settings',
      `SELECT * FROM AI.GENERATE_TEXT(MODEL ${m}, TABLE ds.prompts, STRUCT<max_output_tokens INT64>(5))`,
      'AI.GENERATE_TEXT: unexpected argument at [1:74]; expected TABLE, a (query) or STRUCT(...)',
    ],
    [
      'ML.EVALUATE of a model with no held-out split and no input (input is optional for ML.EVALUATE only)',
      `SELECT * FROM ML.EVALUATE(MODEL ${m})`,
      'ML.EVALUATE: model m has no evaluation split; pass input data (TABLE or a query)',
    ],
    [
      'a model path followed by something else',
      "SELECT * FROM AI.GENERATE_TEXT(MODEL ds.m 'x', TABLE ds.prompts)",
      'Expected a model name at [1:43]',
    ],
    [
      'a dotted call of another name (SAFE.)',
      "SELECT SAFE.SUBSTR('abc', 1) AS x",
      'not supported by the local emulator: function SAFE.SUBSTR at [1:13]',
    ],
    [
      'a statement that ends in ML.',
      'SELECT ML.',
      'not supported by the local emulator: DuckDB, which runs the statement locally, cannot parse it (syntax error at end of input)',
    ],
  ])('%s: one clear error', async (_what, sql, message) => {
    await expect(q(sql)).rejects.toMatchObject({ reason: 'invalidQuery', message });
  });

  test('a quoted function name is not read as the table function: refused, no model call', async () => {
    const before = h.emulator.stats.modelInvocations;
    await expect(q('SELECT * FROM AI.`GENERATE_TEXT`(MODEL ds.m, TABLE ds.prompts)')).rejects.toMatchObject({
      reason: 'invalidQuery',
    });
    expect(h.emulator.stats.modelInvocations).toBe(before);
  });

  test('columns named ml and ai are no function calls', async () => {
    expect((await q('SELECT ai, ml FROM (SELECT 1 AS ai, 2 AS ml)')).rows).toEqual([{ ai: 1, ml: 2 }]);
  });

  test('the output columns carry their documented types', async () => {
    const types = async (sql: string) =>
      Object.fromEntries((await q(sql)).schema.map((f) => [f.name, f.type]));
    expect(await types(`SELECT * FROM AI.GENERATE_TEXT(MODEL ${m}, TABLE ds.prompts)`)).toEqual({
      result: 'STRING',
      rai_result: 'JSON',
      grounding_result: 'JSON',
      statistics: 'JSON',
      full_response: 'JSON',
      status: 'STRING',
      prompt: 'STRING',
    });
    expect(
      await types(
        `SELECT * FROM ML.EVALUATE(MODEL ${m}, (SELECT 'a. b.' AS input_text, 'a.' AS output_text), STRUCT('question_answering' AS task_type))`,
      ),
    ).toEqual({ exact_match: 'FLOAT', evaluation_status: 'STRING' });
    expect(
      await types(
        `SELECT * FROM ML.EVALUATE(MODEL ${m}, (SELECT 'Pos. x' AS input_text, 'Pos.' AS output_text), STRUCT('classification' AS task_type))`,
      ),
    ).toEqual({
      precision: 'FLOAT',
      recall: 'FLOAT',
      f1: 'FLOAT',
      label: 'STRING',
      evaluation_status: 'STRING',
    });
  });

  test('ML.EVALUATE through SQL: each task type its own columns and values', async () => {
    // The base model answers with the input's first sentence: 'Paris.' for row 1, 'Rome.' for row 2.
    const input =
      "(SELECT 'Paris. Capital.' AS input_text, 'Paris.' AS output_text UNION ALL SELECT 'Rome. x', 'Milan.')";
    const evaluate = async (task: string) =>
      (await q(`SELECT * FROM ML.EVALUATE(MODEL ${m}, ${input}, STRUCT('${task}' AS task_type))`)).rows;
    const status = JSON.stringify({ num_successful_rows: 2, num_total_rows: 2 });
    // exact match: 1 of 2 answers equals its reference.
    expect(await evaluate('QUESTION_ANSWERING')).toEqual([{ exact_match: 0.5, evaluation_status: status }]);
    // ROUGE-L of one-token texts: 1 when equal, 0 when not; the means are 0.5.
    expect(await evaluate('summarization')).toEqual([
      { 'rouge-l_precision': 0.5, 'rouge-l_recall': 0.5, 'rouge-l_f1': 0.5, evaluation_status: status },
    ]);
    // Labels Paris (answered Paris) and Milan (answered Rome): Paris P = R = F1 = 1, Milan all 0.
    expect(await evaluate('CLASSIFICATION')).toEqual([
      { precision: 0, recall: 0, f1: 0, label: 'Milan.', evaluation_status: status },
      { precision: 1, recall: 1, f1: 1, label: 'Paris.', evaluation_status: status },
    ]);
  });
});

describe('settings fields and their types', () => {
  test.each([
    [
      'AI.GENERATE_TEXT',
      { ground_with_google_search: 'yes' },
      'ground_with_google_search must be a BOOL; got "yes"',
    ],
    ['AI.GENERATE_TEXT', { stop_sequences: 'end' }, 'stop_sequences must be an ARRAY<STRING>; got "end"'],
    [
      'AI.GENERATE_TEXT',
      { stop_sequences: ['end', 1] },
      'stop_sequences must be an ARRAY<STRING>; got ["end",1]',
    ],
    ['AI.GENERATE_TEXT', { model_params: 5 }, 'model_params must be a STRING; got 5'],
    ['AI.GENERATE_TEXT', { request_type: 1 }, 'request_type must be a STRING; got 1'],
    [
      'AI.GENERATE_TEXT',
      { max_output_tokens: '5' },
      'max_output_tokens must be an INT64 in [1, 8192]; got "5"',
    ],
    ['AI.GENERATE_TEXT', { top_p: -0.01 }, 'top_p must be a FLOAT64 in [0, 1]; got -0.01'],
    ['AI.GENERATE_TEXT', { temperature: 1.01 }, 'temperature must be a FLOAT64 in [0, 1]; got 1.01'],
    [
      'ML.EVALUATE',
      { task_type: 'RANKING' },
      'task_type must be one of TEXT_GENERATION, CLASSIFICATION, SUMMARIZATION, QUESTION_ANSWERING; got "RANKING"',
    ],
    ['ML.EVALUATE', { max_output_tokens: 8193 }, 'max_output_tokens must be an INT64 in [1, 8192]; got 8193'],
    ['ML.EVALUATE', { top_p: 1.5 }, 'top_p must be a FLOAT64 in [0, 1]; got 1.5'],
    [
      'ML.EVALUATE',
      { flatten_json_output: true },
      'unsupported field flatten_json_output in the settings STRUCT',
    ],
    ['ML.EVALUATE', { safety_settings: [] }, 'unsupported field safety_settings in the settings STRUCT'],
    [
      'ML.GENERATE_TEXT',
      { MODEL_PARAMS: '{}', Stop_Sequences: ['x'] },
      'stop_sequences cannot be set together with model_params; give it inside model_params',
    ],
    ...[
      'max_output_tokens',
      'top_p',
      'temperature',
      'stop_sequences',
      'ground_with_google_search',
      'safety_settings',
    ].map((field): [string, Record<string, unknown>, string] => [
      'AI.GENERATE_TEXT',
      {
        model_params: '{}',
        [field]:
          field === 'max_output_tokens'
            ? 5
            : field === 'top_p' || field === 'temperature'
              ? 0.5
              : field === 'stop_sequences'
                ? ['x']
                : true,
      },
      `${field} cannot be set together with model_params; give it inside model_params`,
    ]),
  ])('%s refuses %j', (fn, values, message) => {
    expect(() => readSettings(fn as 'AI.GENERATE_TEXT', values)).toThrow(`${fn}: ${message}`);
  });

  test('what each function accepts, and the settings it hands on', () => {
    expect(readSettings('AI.GENERATE_TEXT', {})).toEqual({
      maxOutputTokens: 1024,
      flattenJsonOutput: false,
      taskType: undefined,
      safetySettings: false,
    });
    expect(
      readSettings('ML.GENERATE_TEXT', {
        max_output_tokens: BigInt(8192),
        top_p: 0,
        temperature: 1,
        stop_sequences: [],
        ground_with_google_search: false,
        safety_settings: [{ category: 'x' }],
        request_type: 'dedicated',
        flatten_json_output: true,
      }),
    ).toEqual({ maxOutputTokens: 8192, flattenJsonOutput: true, taskType: undefined, safetySettings: true });
    // NULL fields count as absent: no range check, no clash with model_params, no safety settings.
    expect(
      readSettings('AI.GENERATE_TEXT', {
        model_params: '{}',
        temperature: null,
        safety_settings: null,
        max_output_tokens: null,
      }),
    ).toEqual({
      maxOutputTokens: 1024,
      flattenJsonOutput: false,
      taskType: undefined,
      safetySettings: false,
    });
    expect(readSettings('ML.GENERATE_TEXT', { model_params: null, temperature: 0.5 }).maxOutputTokens).toBe(
      1024,
    );
    expect(
      readSettings('ML.EVALUATE', { task_type: 'Summarization', max_output_tokens: 1, temperature: 0 }),
    ).toEqual({
      maxOutputTokens: 1,
      flattenJsonOutput: false,
      taskType: 'SUMMARIZATION',
      safetySettings: false,
    });
    expect(readSettings('ML.EVALUATE', { task_type: null }).taskType).toBeUndefined();
    // A field given without a value (undefined) is absent too.
    expect(
      readSettings('AI.GENERATE_TEXT', { temperature: undefined, max_output_tokens: undefined })
        .maxOutputTokens,
    ).toBe(1024);
    // request_type alone is no generation parameter: it may go with model_params.
    expect(
      readSettings('AI.GENERATE_TEXT', { model_params: '{}', request_type: 'SHARED' }).maxOutputTokens,
    ).toBe(1024);
  });
});
