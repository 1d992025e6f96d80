import { defaultBaseEndpoint, defaultGenerationEndpoint } from '../../bigquery/model-catalog';
import {
  normalizeLabelSql,
  sql as template,
  bindSql,
  createPromptsTable,
  createRemoteModel,
  createTableDdl,
  createTunedModel,
  evaluate,
  exampleColumns,
  generatePredictions,
  insertPrompts,
  isRetryableStatus,
  loadData,
  placeholder,
  predictionsTable,
  readEvaluateResult,
  remoteModelEvalColumns,
  tableSchemaJson,
  tunedModelEvalColumns,
  type TunedModelOptions,
} from '../../bigquery';

const ds = { project: 'my-proj', dataset: 'bqtune' };

describe('loadData', () => {
  test('renders LOAD DATA OVERWRITE with an explicit column list and FROM FILES', () => {
    const sql = loadData({
      mode: 'OVERWRITE',
      table: { ...ds, table: 'train' },
      columns: exampleColumns,
      uris: ['gs://my-bucket/train/*.jsonl', placeholder('extra_uri', 'gcsUri')],
      ignoreUnknownValues: true,
      maxBadRecords: 0,
    });
    expect(sql.text).toBe(
      [
        'LOAD DATA OVERWRITE `my-proj.bqtune.train` (input_text STRING, output_text STRING)',
        'FROM FILES(',
        "  format = 'NEWLINE_DELIMITED_JSON',",
        "  uris = ['gs://my-bucket/train/*.jsonl', '{{extra_uri}}'],",
        '  ignore_unknown_values = TRUE,',
        '  max_bad_records = 0',
        ')',
      ].join('\n'),
    );
    expect(sql.params).toEqual([]);
    expect(sql.placeholders.map((p) => p.name)).toEqual(['extra_uri']);
  });

  test('INTO appends; REQUIRED columns are NOT NULL', () => {
    const sql = loadData({
      mode: 'INTO',
      table: { dataset: 'd', table: 't' },
      columns: [{ name: 'id', type: 'STRING', mode: 'REQUIRED' }],
      uris: ['gs://b1b/x.jsonl.gz'],
      compression: 'GZIP',
    });
    expect(sql.text).toBe(
      "LOAD DATA INTO `d.t` (id STRING NOT NULL)\nFROM FILES(\n  format = 'NEWLINE_DELIMITED_JSON',\n  uris = ['gs://b1b/x.jsonl.gz'],\n  compression = 'GZIP'\n)",
    );
  });

  test.each([
    ['gs://bucket/a/*/b/*.jsonl', 'loadData.uris[0]'],
    ['https://bucket/a.jsonl', 'loadData.uris[0]'],
    ["gs://bucket/a'.jsonl", 'loadData.uris[0]'],
    ['gs://bucket/', 'loadData.uris[0]'],
  ])('refuses the URI %j', (uri, field) => {
    expect(() =>
      loadData({
        mode: 'OVERWRITE',
        table: { dataset: 'd', table: 't' },
        columns: exampleColumns,
        uris: [uri],
      }),
    ).toThrow(field);
  });

  test('refuses a placeholder of the wrong kind and an empty URI list', () => {
    const base = { mode: 'OVERWRITE' as const, table: { dataset: 'd', table: 't' }, columns: exampleColumns };
    expect(() => loadData({ ...base, uris: [placeholder('u', 'tableId')] })).toThrow(
      'loadData.uris[0]: placeholder {{u}} is a tableId',
    );
    expect(() => loadData({ ...base, uris: [] })).toThrow('loadData.uris');
  });
});

describe('createRemoteModel', () => {
  test('IF NOT EXISTS with a qualified connection', () => {
    const sql = createRemoteModel({
      model: { ...ds, model: 'base_model' },
      create: 'IF_NOT_EXISTS',
      connection: 'my-proj.us.bqtune_conn',
      endpoint: 'gemini-2.0-flash-001',
    });
    expect(sql.text).toBe(
      "CREATE MODEL IF NOT EXISTS `my-proj.bqtune.base_model`\nREMOTE WITH CONNECTION `my-proj.us.bqtune_conn`\nOPTIONS (ENDPOINT = 'gemini-2.0-flash-001')",
    );
  });

  test('OR REPLACE, DEFAULT connection, full endpoint URL', () => {
    const url =
      'https://europe-west4-aiplatform.googleapis.com/v1/projects/my-proj/locations/europe-west4/publishers/google/models/gemini-2.5-flash';
    const sql = createRemoteModel({
      model: { dataset: 'd', model: 'm' },
      create: 'OR_REPLACE',
      connection: 'DEFAULT',
      endpoint: url,
    });
    expect(sql.text).toBe(
      `CREATE OR REPLACE MODEL \`d.m\`\nREMOTE WITH CONNECTION DEFAULT\nOPTIONS (ENDPOINT = '${url}')`,
    );
  });

  test('plain CREATE with placeholders for the project, the connection parts and an enum endpoint', () => {
    const sql = createRemoteModel({
      model: {
        project: placeholder('project', 'projectId'),
        dataset: placeholder('dataset', 'datasetId'),
        model: 'm',
      },
      create: 'CREATE',
      connection: {
        project: placeholder('project', 'projectId'),
        location: placeholder('location', 'location'),
        connectionId: 'c',
      },
      endpoint: placeholder('endpoint', { enum: ['gemini-2.5-flash', 'gemini-2.5-pro'] }),
    });
    expect(sql.text).toBe(
      "CREATE MODEL `{{project}}.{{dataset}}.m`\nREMOTE WITH CONNECTION `{{project}}.{{location}}.c`\nOPTIONS (ENDPOINT = '{{endpoint}}')",
    );
    expect(sql.placeholders.map((p) => p.name)).toEqual(['project', 'dataset', 'location', 'endpoint']);
    const bound = bindSql(sql, {
      project: 'example.com:my-proj',
      dataset: 'ds',
      location: 'us-central1',
      endpoint: 'gemini-2.5-pro',
    });
    expect(bound.text).toBe(
      "CREATE MODEL `example.com:my-proj.ds.m`\nREMOTE WITH CONNECTION `example.com:my-proj.us-central1.c`\nOPTIONS (ENDPOINT = 'gemini-2.5-pro')",
    );
  });

  test('retired endpoints are refused with the replacement named', () => {
    const base = {
      model: { dataset: 'd', model: 'm' },
      create: 'CREATE' as const,
      connection: 'DEFAULT' as const,
    };
    expect(() => createRemoteModel({ ...base, endpoint: 'text-bison@002' })).toThrow(
      `createRemoteModel.endpoint: text-bison@002 is retired (PaLM 2 models were shut down on 2025-04-09 (no new tuning jobs since 2024-10-09)); use ${defaultGenerationEndpoint} instead`,
    );
    expect(() =>
      createRemoteModel({
        ...base,
        endpoint: placeholder('e', { enum: ['gemini-2.5-flash', 'gemini-1.5-pro-002'] }),
      }),
    ).toThrow('gemini-1.5-pro-002 is retired');
    expect(() => createRemoteModel({ ...base, endpoint: placeholder('e', 'modelId') })).toThrow(
      'must be an enum of endpoints',
    );
  });

  test('identifiers are checked and the error names the field', () => {
    const base = { create: 'CREATE' as const, connection: 'DEFAULT' as const, endpoint: 'gemini-2.5-flash' };
    expect(() => createRemoteModel({ ...base, model: { dataset: 'd', model: 'bad-name' } })).toThrow(
      'createRemoteModel.model.model',
    );
    expect(() =>
      createRemoteModel({ ...base, model: { project: 'Upper', dataset: 'd', model: 'm' } }),
    ).toThrow('createRemoteModel.model.project: "Upper" is not a valid projectId');
    expect(() =>
      createRemoteModel({ ...base, model: { dataset: 'd', model: 'm' }, connection: 'us.conn' }),
    ).toThrow('createRemoteModel.connection');
    expect(() =>
      createRemoteModel({ ...base, model: { dataset: 'd', model: 'm' }, connection: 'my-proj.moon.conn' }),
    ).toThrow('createRemoteModel.connection.location');
  });
});

describe('createTunedModel', () => {
  const base: TunedModelOptions = {
    model: { ...ds, model: placeholder('tuned_model', 'modelId') },
    create: 'IF_NOT_EXISTS',
    connection: 'my-proj.us.bqtune_conn',
    endpoint: 'gemini-2.0-flash-001',
    training: { table: { ...ds, table: 'train_prompts' }, promptColumn: 'prompt', labelColumn: 'label' },
  };

  test('every option, in the documented order', () => {
    const sql = createTunedModel({
      ...base,
      promptCol: 'prompt',
      labelCol: 'label',
      maxIterations: 500,
      learningRateMultiplier: 0.5,
      dataSplitMethod: 'SEQ',
      dataSplitEvalFraction: 0.25,
      dataSplitCol: 'seq',
      evaluationTask: 'CLASSIFICATION',
    });
    expect(sql.text).toBe(
      [
        'CREATE MODEL IF NOT EXISTS `my-proj.bqtune.{{tuned_model}}`',
        'REMOTE WITH CONNECTION `my-proj.us.bqtune_conn`',
        'OPTIONS (',
        "  ENDPOINT = 'gemini-2.0-flash-001',",
        "  PROMPT_COL = 'prompt',",
        "  INPUT_LABEL_COLS = ['label'],",
        '  MAX_ITERATIONS = 500,',
        '  LEARNING_RATE_MULTIPLIER = 0.5,',
        "  DATA_SPLIT_METHOD = 'SEQ',",
        '  DATA_SPLIT_EVAL_FRACTION = 0.25,',
        "  DATA_SPLIT_COL = 'seq',",
        "  EVALUATION_TASK = 'CLASSIFICATION'",
        ')',
        'AS SELECT `prompt` AS `prompt`, `label` AS `label`, `seq`',
        'FROM `my-proj.bqtune.train_prompts`',
      ].join('\n'),
    );
    expect(sql.params).toEqual([]);
  });

  test('the AS SELECT renames the source columns to PROMPT_COL and INPUT_LABEL_COLS; numbers may be placeholders', () => {
    const sql = createTunedModel({
      ...base,
      training: {
        table: { dataset: 'd', table: 't' },
        promptColumn: 'input_text',
        labelColumn: 'output_text',
      },
      promptCol: 'p',
      labelCol: 'y',
      maxIterations: placeholder('max_iterations', 'positiveInteger'),
      learningRateMultiplier: placeholder('lr', 'positiveDecimal'),
      dataSplitMethod: 'RANDOM',
      dataSplitEvalFraction: placeholder('eval_fraction', 'evalFraction'),
    });
    expect(sql.text).toContain("PROMPT_COL = 'p',\n  INPUT_LABEL_COLS = ['y'],");
    expect(sql.text).toContain('MAX_ITERATIONS = {{max_iterations}},\n  LEARNING_RATE_MULTIPLIER = {{lr}},');
    expect(sql.text).toContain('DATA_SPLIT_EVAL_FRACTION = {{eval_fraction}}');
    expect(sql.text).toContain('AS SELECT `input_text` AS `p`, `output_text` AS `y`\nFROM `d.t`');
    expect(() =>
      bindSql(sql, { tuned_model: 'm', max_iterations: '0', lr: '1', eval_fraction: '0.2' }),
    ).toThrow('bindSql: value for {{max_iterations}} is not a valid positiveInteger');
    expect(() =>
      bindSql(sql, { tuned_model: 'm', max_iterations: '10', lr: '0', eval_fraction: '0.2' }),
    ).toThrow('{{lr}}');
    expect(() =>
      bindSql(sql, { tuned_model: 'm', max_iterations: '10', lr: '1', eval_fraction: '0.125' }),
    ).toThrow('{{eval_fraction}}');
    expect(
      bindSql(sql, { tuned_model: 'm', max_iterations: '10', lr: '0.02', eval_fraction: '1.00' }).text,
    ).toContain('MAX_ITERATIONS = 10,\n  LEARNING_RATE_MULTIPLIER = 0.02,');
  });

  test.each<[Partial<TunedModelOptions>, string]>([
    [{ maxIterations: 0 }, 'createTunedModel.maxIterations: 0 must be an integer >= 1 (at most 999999999)'],
    [{ maxIterations: 1.5 }, 'createTunedModel.maxIterations'],
    [{ learningRateMultiplier: 0 }, 'createTunedModel.learningRateMultiplier: 0 must be a number > 0'],
    [{ learningRateMultiplier: Number.NaN }, 'createTunedModel.learningRateMultiplier'],
    [{ dataSplitMethod: 'RANDOM', dataSplitEvalFraction: 1.5 }, 'createTunedModel.dataSplitEvalFraction'],
    [{ dataSplitMethod: 'RANDOM', dataSplitEvalFraction: 0.333 }, 'with at most two decimals'],
    [
      { dataSplitMethod: 'RANDOM', dataSplitEvalFraction: 0.1 + 0.2 },
      'createTunedModel.dataSplitEvalFraction: 0.30000000000000004',
    ],
    [{ maxIterations: 1e9 }, 'createTunedModel.maxIterations'],
    [{ create: 'REPLACE' as never }, 'createTunedModel.create'],
    [
      { connection: { project: 'my-proj', location: 'us', connectionId: 'bad.id' } },
      'createTunedModel.connection.connectionId',
    ],
    [
      { dataSplitMethod: 'AUTO_SPLIT', dataSplitEvalFraction: 0.2 },
      'only allowed with dataSplitMethod RANDOM or SEQ',
    ],
    [{ dataSplitMethod: 'CUSTOM' }, 'createTunedModel.dataSplitCol: required with dataSplitMethod CUSTOM'],
    [{ dataSplitMethod: 'NO_SPLIT', dataSplitCol: 'x' }, 'only allowed with dataSplitMethod CUSTOM or SEQ'],
    [{ dataSplitMethod: 'CUSTOM', dataSplitCol: 'label' }, 'must differ from the prompt and label columns'],
    [{ dataSplitMethod: 'no_split' as never }, 'createTunedModel.dataSplitMethod: "no_split" must be one of'],
    [{ evaluationTask: 'REGRESSION' as never }, 'createTunedModel.evaluationTask'],
    [{ promptCol: 'x', labelCol: 'x' }, 'createTunedModel.labelCol: must differ from promptCol'],
    [{ promptCol: 'bad col' }, 'createTunedModel.promptCol'],
    [
      { endpoint: 'gemini-2.5-flash' },
      'createTunedModel.endpoint: "gemini-2.5-flash" is not a tunable base model',
    ],
    [
      { endpoint: 'text-bison' },
      `text-bison is retired (PaLM 2 models were shut down on 2025-04-09 (no new tuning jobs since 2024-10-09)); use ${defaultBaseEndpoint} instead`,
    ],
    [
      { maxIterations: placeholder('x', 'unitInterval') },
      'createTunedModel.maxIterations: placeholder {{x}} is a unitInterval, expected positiveInteger',
    ],
  ])('refuses %j', (override, message) => {
    expect(() => createTunedModel({ ...base, ...override })).toThrow(message);
  });
});

describe('generatePredictions', () => {
  const common = {
    model: { ...ds, model: 'base_model' },
    prompts: { ...ds, table: 'eval_prompts' },
    predictions: { ...ds, table: 'predictions' },
    runId: '${args.run_id}',
    evalFingerprint: 'f00d',
  };

  test('AI.GENERATE_TEXT over every prompt writes attempt 1 with result/status', () => {
    const sql = generatePredictions({
      ...common,
      function: 'AI.GENERATE_TEXT',
      mode: 'all',
      settings: { maxOutputTokens: 16, temperature: 0, topP: 0.95 },
    });
    expect(sql.text).toBe(
      [
        'INSERT INTO `my-proj.bqtune.predictions` (run_id, model_name, eval_fingerprint, example_id, label, generated_text, predicted_label, status, attempt, created_at)',
        'SELECT',
        '  @run_id,',
        "  'my-proj.bqtune.base_model',",
        '  @eval_fingerprint,',
        '  example_id,',
        '  label,',
        "  CASE WHEN COALESCE(status, '') = '' THEN result END,",
        `  CASE WHEN COALESCE(status, '') = '' THEN ${normalizeLabelSql(template`result`).text} END,`,
        "  COALESCE(status, ''),",
        '  previous_attempt + 1,',
        '  CURRENT_TIMESTAMP',
        'FROM AI.GENERATE_TEXT(',
        '  MODEL `my-proj.bqtune.base_model`,',
        '  (',
        '    SELECT example_id, label, prompt, 0 AS previous_attempt FROM `my-proj.bqtune.eval_prompts`',
        '  ),',
        '  STRUCT(16 AS max_output_tokens, 0.0 AS temperature, 0.95 AS top_p)',
        ')',
      ].join('\n'),
    );
    expect(sql.params).toEqual([
      { name: 'run_id', parameterType: { type: 'STRING' }, parameterValue: { value: '${args.run_id}' } },
      { name: 'eval_fingerprint', parameterType: { type: 'STRING' }, parameterValue: { value: 'f00d' } },
    ]);
  });

  test('ML.GENERATE_TEXT flattens and reads ml_generate_text_llm_result/ml_generate_text_status; no settings means only flatten', () => {
    const sql = generatePredictions({ ...common, function: 'ML.GENERATE_TEXT', mode: 'all' });
    expect(sql.text).toContain(
      "CASE WHEN COALESCE(ml_generate_text_status, '') = '' THEN ml_generate_text_llm_result END,",
    );
    expect(sql.text).toContain("  COALESCE(ml_generate_text_status, ''),");
    expect(sql.text).toContain('  STRUCT(TRUE AS flatten_json_output)\n)');
    const ai = generatePredictions({ ...common, function: 'AI.GENERATE_TEXT', mode: 'all' });
    expect(ai.text).toMatch(/eval_prompts`\n {2}\)\n\)$/);
  });

  test('retry mode regenerates only examples whose latest status is retryable, as the next attempt', () => {
    const sql = generatePredictions({
      ...common,
      function: 'AI.GENERATE_TEXT',
      mode: 'retryable',
      settings: { maxOutputTokens: placeholder('max_tokens', 'maxOutputTokens') },
    });
    expect(sql.text).toContain(
      [
        '    SELECT p.example_id, p.label, p.prompt, latest.attempt AS previous_attempt',
        '    FROM `my-proj.bqtune.eval_prompts` AS p',
        '    JOIN (',
        '      SELECT example_id, label, predicted_label, status, attempt, ROW_NUMBER() OVER (',
        '          PARTITION BY example_id ORDER BY attempt DESC, created_at DESC) AS row_rank',
        '        FROM `my-proj.bqtune.predictions`',
        "        WHERE model_name = 'my-proj.bqtune.base_model' AND eval_fingerprint = @eval_fingerprint",
        '    ) AS latest ON latest.example_id = p.example_id',
        "    WHERE latest.row_rank = 1 AND (latest.status <> '' AND (STRPOS(LOWER(latest.status), 'a retryable error occurred') > 0 OR STRPOS(LOWER(latest.status), 'resource exhausted') > 0 OR STRPOS(LOWER(latest.status), 'resource_exhausted') > 0))",
      ].join('\n'),
    );
    expect(sql.text).toContain('STRUCT({{max_tokens}} AS max_output_tokens)');
  });

  test('settings are checked against the documented ranges', () => {
    const run = (settings: object) => () =>
      generatePredictions({ ...common, function: 'AI.GENERATE_TEXT', mode: 'all', settings });
    expect(run({ maxOutputTokens: 8193 })).toThrow(
      'generatePredictions.settings.maxOutputTokens: 8193 must be an integer in [1, 8192]',
    );
    expect(run({ temperature: 1.1 })).toThrow('generatePredictions.settings.temperature');
    expect(run({ topP: -0.1 })).toThrow('generatePredictions.settings.topP');
    expect(run({ temperature: Infinity })).toThrow('generatePredictions.settings.temperature');
  });

  test('retryable statuses', () => {
    expect(isRetryableStatus('A retryable error occurred: RESOURCE EXHAUSTED error from https://x')).toBe(
      true,
    );
    expect(isRetryableStatus('RESOURCE_EXHAUSTED: quota')).toBe(true);
    expect(isRetryableStatus('')).toBe(false);
    expect(isRetryableStatus('INVALID_ARGUMENT: bad prompt')).toBe(false);
  });
});

describe('prompts table', () => {
  test('createPromptsTable is parameter-free DDL', () => {
    const sql = createPromptsTable({ ...ds, table: 'eval_prompts' });
    expect(sql.text).toBe(
      'CREATE OR REPLACE TABLE `my-proj.bqtune.eval_prompts` (example_id STRING NOT NULL, prompt STRING NOT NULL, label STRING NOT NULL)',
    );
    expect(sql.params).toEqual([]);
  });

  test('materialises prompts with the prefix as a query parameter', () => {
    const sql = insertPrompts({
      source: { ...ds, table: 'eval' },
      target: { ...ds, table: 'eval_prompts' },
      promptPrefix: "Classify 'this': ",
    });
    expect(sql.text).toContain('CONCAT(@prompt_prefix, input_value)');
    expect(sql.text).not.toContain('this');
    expect(sql.params).toEqual([
      {
        name: 'prompt_prefix',
        parameterType: { type: 'STRING' },
        parameterValue: { value: "Classify 'this': " },
      },
    ]);
  });
});

describe('evaluate', () => {
  test.each(['TEXT_GENERATION', 'CLASSIFICATION', 'SUMMARIZATION', 'QUESTION_ANSWERING'] as const)(
    '%s with input renamed for an untuned model',
    (taskType) => {
      const sql = evaluate({
        model: { ...ds, model: 'base_model' },
        taskType,
        input: {
          table: { ...ds, table: 'eval_prompts' },
          promptColumn: 'prompt',
          labelColumn: 'label',
          modelColumns: remoteModelEvalColumns,
        },
        settings: { maxOutputTokens: 128, temperature: 0, topP: 0.95 },
      });
      expect(sql.text).toBe(
        [
          'SELECT *',
          'FROM ML.EVALUATE(',
          '  MODEL `my-proj.bqtune.base_model`,',
          '  (SELECT `prompt` AS `input_text`, `label` AS `output_text` FROM `my-proj.bqtune.eval_prompts`),',
          `  STRUCT('${taskType}' AS task_type, 128 AS max_output_tokens, 0.0 AS temperature, 0.95 AS top_p)`,
          ')',
        ].join('\n'),
      );
    },
  );

  test('a tuned model without input reads its own eval split; bad task types are refused', () => {
    const sql = evaluate({ model: { dataset: 'd', model: 'tuned' }, taskType: 'CLASSIFICATION' });
    expect(sql.text).toBe(
      "SELECT *\nFROM ML.EVALUATE(\n  MODEL `d.tuned`,\n  STRUCT('CLASSIFICATION' AS task_type)\n)",
    );
    const tuned = evaluate({
      model: { dataset: 'd', model: 'tuned' },
      taskType: 'TEXT_GENERATION',
      input: {
        table: { dataset: 'd', table: 'p' },
        promptColumn: 'prompt',
        labelColumn: 'label',
        modelColumns: tunedModelEvalColumns,
      },
    });
    expect(tuned.text).toContain('(SELECT `prompt` AS `prompt`, `label` AS `label` FROM `d.p`)');
    expect(() => evaluate({ model: { dataset: 'd', model: 'm' }, taskType: 'UNSPECIFIED' as never })).toThrow(
      'evaluate.taskType',
    );
  });

  const page = (names: string[], rows: unknown[][]) => ({
    schema: { fields: names.map((name) => ({ name })) },
    rows: rows.map((r) => ({ f: r.map((v) => ({ v })) })),
  });
  const status = '{"num_successful_rows": 9, "num_total_rows": 10}';

  test('the reader accepts f1 and f1_score and writes f1', () => {
    for (const f1 of ['f1', 'f1_score']) {
      const metrics = readEvaluateResult(
        'CLASSIFICATION',
        page(
          ['label', 'precision', 'recall', f1, 'evaluation_status'],
          [
            ['billing', '0.5', '1', '0.6667', status],
            ['tech', '1', '0.5', '0.6667', status],
          ],
        ),
      );
      expect(metrics.filter((m) => m.metric === 'f1')).toEqual([
        { label: 'billing', metric: 'f1', value: 0.6667 },
        { label: 'tech', metric: 'f1', value: 0.6667 },
      ]);
      expect(metrics).toContainEqual({ label: 'tech', metric: 'num_successful_rows', value: 9 });
    }
  });

  test('the reader accepts rouge-l_f1 and rouge-l_f1_score and writes rouge-l_f1', () => {
    for (const f1 of ['rouge-l_f1', 'rouge-l_f1_score']) {
      const metrics = readEvaluateResult(
        'TEXT_GENERATION',
        page(
          ['bleu4_score', 'rouge-l_precision', 'rouge-l_recall', f1, 'evaluation_status'],
          [['0.233', '0.4', '0.42', '0.41', status]],
        ),
      );
      expect(metrics).toEqual([
        { label: null, metric: 'bleu4_score', value: 0.233 },
        { label: null, metric: 'rouge-l_precision', value: 0.4 },
        { label: null, metric: 'rouge-l_recall', value: 0.42 },
        { label: null, metric: 'rouge-l_f1', value: 0.41 },
        { label: null, metric: 'num_successful_rows', value: 9 },
        { label: null, metric: 'num_total_rows', value: 10 },
      ]);
    }
    expect(readEvaluateResult('QUESTION_ANSWERING', page(['exact_match'], [['0.75']]))).toEqual([
      { label: null, metric: 'exact_match', value: 0.75 },
    ]);
  });

  test('the reader names a missing column and a non-numeric value', () => {
    expect(() =>
      readEvaluateResult('SUMMARIZATION', page(['rouge-l_precision', 'rouge-l_recall'], [])),
    ).toThrow('SUMMARIZATION result has no rouge-l_f1 or rouge-l_f1_score column');
    expect(() => readEvaluateResult('QUESTION_ANSWERING', page(['exact_match'], [['abc']]))).toThrow(
      'row 0 exact_match is not a number',
    );
  });
});

describe('pipeline table helpers', () => {
  test('createTableDdl renders partitioning, clustering and escaped descriptions', () => {
    const sql = createTableDdl(predictionsTable, {
      project: placeholder('project', 'projectId'),
      dataset: 'bqtune',
    });
    const lines = sql.text.split('\n');
    expect(lines[0]).toBe('CREATE TABLE IF NOT EXISTS `{{project}}.bqtune.predictions` (');
    expect(lines[1]).toBe("  run_id STRING NOT NULL OPTIONS(description = 'Run that generated the row.'),");
    expect(lines).toContain(
      "  generated_text STRING OPTIONS(description = 'Raw model output; NULL when the row failed.'),",
    );
    expect(lines.slice(-3, -1)).toEqual([
      'PARTITION BY DATE(created_at)',
      'CLUSTER BY model_name, eval_fingerprint',
    ]);
  });

  test('tableSchemaJson is the REST TableSchema shape', () => {
    const schema = tableSchemaJson(predictionsTable);
    expect(schema.fields[0]).toEqual({
      name: 'run_id',
      type: 'STRING',
      mode: 'REQUIRED',
      description: 'Run that generated the row.',
    });
    expect(schema.fields).toHaveLength(predictionsTable.fields.length);
  });
});
