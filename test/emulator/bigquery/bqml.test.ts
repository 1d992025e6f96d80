import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { classificationPrompt, syntheticLabels, syntheticRows } from '../model/synthetic';
import { connection, harness, type Harness } from './harness';

const jsonl = (rows: object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const labelList = syntheticLabels.join(', ');
const promptSql = (column: string): string =>
  `CONCAT('Please assign a label for the given medical transcript from among these labels [${labelList}]. TRANSCRIPT: ', ${column})`;

describe('LOAD DATA', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.emulator.close());

  const load = (mode: string, uris: string): Promise<unknown> =>
    h.emulator.query(
      `LOAD DATA ${mode} \`test-proj.ds.train\` (input_text STRING, output_text STRING) FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=[${uris}])`,
    );

  it('overwrites, appends, and expands one wildcard', async () => {
    h.writeObject('gs://bkt/a/part-1.jsonl', jsonl([{ input_text: 'x', output_text: 'A' }]));
    h.writeObject(
      'gs://bkt/a/part-2.jsonl',
      jsonl([
        { input_text: 'y', output_text: 'B' },
        { input_text: 'z', output_text: null },
      ]),
    );
    await load('OVERWRITE', "'gs://bkt/a/part-1.jsonl'");
    await load('INTO', "'gs://bkt/a/part-*.jsonl'");
    const { rows } = await h.emulator.query(
      'SELECT count(*) AS n, COUNTIF(output_text IS NULL) AS nulls FROM `test-proj.ds.train`',
    );
    expect(rows[0]).toEqual({ n: '4', nulls: '1' });
    await load('OVERWRITE', "'gs://bkt/a/part-1.jsonl'");
    expect((await h.emulator.query('SELECT count(*) AS n FROM `test-proj.ds.train`')).rows[0].n).toBe('1');
  });

  it('fails on a malformed line naming the file and line, leaving the table unchanged', async () => {
    h.writeObject('gs://bkt/bad.jsonl', '{"input_text": "ok", "output_text": "A"}\n{"input_text": oops}\n');
    await expect(load('OVERWRITE', "'gs://bkt/bad.jsonl'")).rejects.toMatchObject({
      reason: 'invalid',
      message: expect.stringContaining('line 2 of gs://bkt/bad.jsonl'),
    });
    expect((await h.emulator.query('SELECT count(*) AS n FROM `test-proj.ds.train`')).rows[0].n).toBe('1');
  });

  it('rejects unknown fields and missing objects', async () => {
    h.writeObject('gs://bkt/extra.jsonl', jsonl([{ input_text: 'x', output_text: 'A', extra: 1 }]));
    await expect(load('INTO', "'gs://bkt/extra.jsonl'")).rejects.toMatchObject({
      message: expect.stringContaining('No such field: extra'),
    });
    await expect(load('INTO', "'gs://bkt/missing.jsonl'")).rejects.toMatchObject({ reason: 'notFound' });
  });
});

describe('BigQuery ML', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    h.writeObject('gs://bkt/train.jsonl', jsonl(syntheticRows(120, 11)));
    h.writeObject('gs://bkt/eval.jsonl', jsonl(syntheticRows(60, 12)));
    for (const split of ['train', 'eval']) {
      await h.emulator.query(
        `LOAD DATA OVERWRITE \`test-proj.ds.${split}\` (input_text STRING, output_text STRING) FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=['gs://bkt/${split}.jsonl'])`,
      );
    }
    await h.emulator.query(
      `CREATE MODEL IF NOT EXISTS \`test-proj.ds.base\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
    );
  });
  afterAll(() => h.emulator.close());

  const tune = (name: string, extra = ''): Promise<{ ddlOperationPerformed?: string }> =>
    h.emulator.query(`
      CREATE MODEL IF NOT EXISTS \`test-proj.ds.${name}\`
      REMOTE WITH CONNECTION \`${connection}\`
      OPTIONS(endpoint='gemini-2.0-flash-001', max_iterations=360, learning_rate_multiplier=1.0,
              data_split_method='NO_SPLIT', prompt_col='prompt', input_label_cols=['label'], evaluation_task='CLASSIFICATION'${extra})
      AS SELECT ${promptSql('input_text')} AS prompt, output_text AS label FROM \`test-proj.ds.train\``);

  it('checks the connection and the endpoint', async () => {
    const create = (conn: string, endpoint: string): Promise<unknown> =>
      h.emulator.query(
        `CREATE MODEL \`test-proj.ds.m\` REMOTE WITH CONNECTION \`${conn}\` OPTIONS(endpoint='${endpoint}')`,
      );
    await expect(create('test-proj.us.nope', 'gemini-2.0-flash-001')).rejects.toMatchObject({
      reason: 'notFound',
    });
    await expect(create(connection, 'text-bison@002')).rejects.toMatchObject({
      reason: 'invalidQuery',
      message: expect.stringContaining('retired'),
    });
    await expect(
      h.emulator.query(
        `CREATE MODEL \`test-proj.ds.m\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001', max_iterations=10)`,
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining('only allowed with AS SELECT') });
    await expect(
      h.emulator.query(
        `CREATE MODEL \`test-proj.ds.base\` REMOTE WITH CONNECTION \`${connection}\` OPTIONS(endpoint='gemini-2.0-flash-001')`,
      ),
    ).rejects.toMatchObject({ reason: 'duplicate' });
  });

  it('generates text per row with AI.GENERATE_TEXT and ML.GENERATE_TEXT output columns', async () => {
    const before = h.emulator.stats.modelInvocations;
    const ai = await h.emulator.query(`
      SELECT * FROM AI.GENERATE_TEXT(MODEL \`test-proj.ds.base\`,
        (SELECT ${promptSql('input_text')} AS prompt, output_text FROM \`test-proj.ds.eval\` LIMIT 5),
        STRUCT(128 AS max_output_tokens, 0.0 AS temperature, 0.95 AS top_p))`);
    expect(ai.schema.map((f) => f.name)).toEqual([
      'result',
      'rai_result',
      'grounding_result',
      'statistics',
      'full_response',
      'status',
      'prompt',
      'output_text',
    ]);
    expect(ai.rows).toHaveLength(5);
    for (const row of ai.rows) {
      expect(syntheticLabels).toContain(row.result);
      expect(row.status).toBe('');
    }
    const ml = await h.emulator.query(`
      SELECT ml_generate_text_llm_result AS text, ml_generate_text_status AS status
      FROM ML.GENERATE_TEXT(MODEL \`test-proj.ds.base\`, (SELECT 'Summarise: one. two.' AS prompt), STRUCT(TRUE AS flatten_json_output))`);
    expect(ml.rows).toEqual([{ text: 'Summarise: one.', status: '' }]);
    const raw = await h.emulator.query(
      "SELECT * FROM ML.GENERATE_TEXT(MODEL `test-proj.ds.base`, (SELECT 'Hi there. More.' AS prompt), STRUCT(0.2 AS temperature))",
    );
    expect(raw.schema.map((f) => [f.name, f.type])).toEqual([
      ['ml_generate_text_result', 'JSON'],
      ['ml_generate_text_status', 'STRING'],
      ['prompt', 'STRING'],
    ]);
    expect(JSON.parse(String(raw.rows[0].ml_generate_text_result)).candidates[0].content.parts[0].text).toBe(
      'Hi there.',
    );
    expect(h.emulator.stats.modelInvocations - before).toBe(7);
    await expect(
      h.emulator.query("SELECT * FROM AI.GENERATE_TEXT(MODEL `test-proj.ds.base`, (SELECT 'x' AS p))"),
    ).rejects.toMatchObject({ message: expect.stringContaining('no column named prompt') });
  });

  it('tunes once, reuses with IF NOT EXISTS, and the tuned model beats its base on held-out rows', async () => {
    expect((await tune('tuned')).ddlOperationPerformed).toBe('CREATE');
    expect((await tune('tuned')).ddlOperationPerformed).toBe('SKIP');
    const evaluate = (
      model: string,
      prompt: string,
      label: string,
    ): Promise<{ rows: Record<string, unknown>[] }> =>
      h.emulator.query(`
        SELECT * FROM ML.EVALUATE(MODEL \`test-proj.ds.${model}\`,
          (SELECT ${promptSql('input_text')} AS ${prompt}, output_text AS ${label} FROM \`test-proj.ds.eval\`),
          STRUCT('classification' AS task_type))`);
    const base = await evaluate('base', 'input_text', 'output_text');
    const tuned = await evaluate('tuned', 'prompt', 'label');
    expect(tuned.rows.map((r) => r.label)).toEqual([...syntheticLabels].sort());
    expect(Object.keys(tuned.rows[0])).toEqual(['precision', 'recall', 'f1', 'label', 'evaluation_status']);
    expect(JSON.parse(String(tuned.rows[0].evaluation_status))).toEqual({
      num_successful_rows: 60,
      num_total_rows: 60,
    });
    const macroF1 = (rows: Record<string, unknown>[]): number =>
      rows.reduce((s, r) => s + Number(r.f1), 0) / rows.length;
    expect(macroF1(tuned.rows)).toBeGreaterThan(0.8);
    expect(macroF1(tuned.rows) - macroF1(base.rows)).toBeGreaterThan(0.25);
  });

  it('computes the documented columns for the other task types', async () => {
    const run = async (task: string): Promise<string[]> =>
      Object.keys(
        (
          await h.emulator.query(`SELECT * FROM ML.EVALUATE(MODEL \`test-proj.ds.base\`,
            (SELECT 'The knee hurts. More.' AS input_text, 'The knee hurts.' AS output_text), STRUCT('${task}' AS task_type))`)
        ).rows[0],
      );
    expect(await run('text_generation')).toEqual([
      'bleu4_score',
      'rouge-l_precision',
      'rouge-l_recall',
      'rouge-l_f1',
      'evaluation_status',
    ]);
    expect(await run('summarization')).toEqual([
      'rouge-l_precision',
      'rouge-l_recall',
      'rouge-l_f1',
      'evaluation_status',
    ]);
    expect(await run('question_answering')).toEqual(['exact_match', 'evaluation_status']);
    const { rows } = await h.emulator.query(`SELECT * FROM ML.EVALUATE(MODEL \`test-proj.ds.base\`,
      (SELECT 'The knee hurts. More.' AS input_text, 'The knee hurts.' AS output_text), STRUCT('text_generation' AS task_type))`);
    expect(rows[0]['rouge-l_f1']).toBeCloseTo(1);
  });

  it('evaluates a tuned model on its held-out split when given no input', async () => {
    const rows = syntheticRows(40, 13);
    h.writeObject('gs://bkt/split.jsonl', jsonl(rows));
    await h.emulator.query(
      "LOAD DATA OVERWRITE `test-proj.ds.split` FROM FILES(format='JSON', uris=['gs://bkt/split.jsonl'])",
    );
    await h.emulator.query(`
      CREATE OR REPLACE MODEL \`test-proj.ds.split_model\` REMOTE WITH CONNECTION \`${connection}\`
      OPTIONS(endpoint='gemini-2.0-flash-001', data_split_method='RANDOM', data_split_eval_fraction=0.25)
      AS SELECT ${promptSql('input_text')} AS prompt, output_text AS label FROM \`test-proj.ds.split\``);
    const result = await h.emulator.query('SELECT * FROM ML.EVALUATE(MODEL `test-proj.ds.split_model`)');
    const status = JSON.parse(String(result.rows[0].evaluation_status));
    expect(status.num_total_rows).toBeGreaterThan(0);
    expect(status.num_total_rows).toBeLessThan(40);
  });

  it('refuses to tune on fewer than 10 rows', async () => {
    await expect(
      h.emulator.query(`CREATE MODEL \`test-proj.ds.small\` REMOTE WITH CONNECTION \`${connection}\`
        OPTIONS(endpoint='gemini-2.0-flash-001') AS SELECT 'p' AS prompt, 'l' AS label`),
    ).rejects.toMatchObject({ message: expect.stringContaining('at least 10 training rows') });
  });
});

describe('persistence', () => {
  it('keeps tables and tuned models in the run directory for a later process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bq-persist-'));
    const first = await harness({}, dir);
    first.writeObject('gs://bkt/t.jsonl', jsonl(syntheticRows(20, 3)));
    await first.emulator.query(
      "LOAD DATA OVERWRITE `test-proj.ds.t` (input_text STRING, output_text STRING) FROM FILES(format='NEWLINE_DELIMITED_JSON', uris=['gs://bkt/t.jsonl'])",
    );
    const create = `CREATE MODEL IF NOT EXISTS \`test-proj.ds.m\` REMOTE WITH CONNECTION \`${connection}\`
      OPTIONS(endpoint='gemini-2.0-flash-001', max_iterations=20) AS SELECT input_text AS prompt, output_text AS label FROM \`test-proj.ds.t\``;
    expect((await first.emulator.query(create)).ddlOperationPerformed).toBe('CREATE');
    const prompt = classificationPrompt(syntheticRows(1, 99)[0].input_text);
    const sql = `SELECT result FROM AI.GENERATE_TEXT(MODEL \`test-proj.ds.m\`, (SELECT @p AS prompt), STRUCT(16 AS max_output_tokens))`;
    const before = (await first.emulator.query(sql, { p: prompt })).rows;
    await first.emulator.close();
    const second = await harness({}, dir);
    expect((await second.emulator.query(create)).ddlOperationPerformed).toBe('SKIP');
    expect((await second.emulator.query('SELECT count(*) AS n FROM `test-proj.ds.t`')).rows[0].n).toBe('20');
    expect((await second.emulator.query(sql, { p: prompt })).rows).toEqual(before);
    await second.emulator.close();
  });
});
