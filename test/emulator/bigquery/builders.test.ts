import {
  championQuery,
  classificationMetrics,
  contentKeysQuery,
  createTableDdl,
  dataChecksQuery,
  labelRegressionsQuery,
  predictionStatusQuery,
  changeChampionScript,
  currentChampionsSql,
  championChangeQuery,
  recordRunStatement,
  createPromptsTable,
  createRemoteModel,
  createTunedModel,
  evaluate,
  fingerprintQuery,
  generatePredictions,
  insertPrompts,
  loadData,
  overallMetricsQuery,
  exampleColumns,
  pipelineTables,
  readEvaluateResult,
  tunedModelEvalColumns,
  remoteModelEvalColumns,
  type Sql,
} from '../../../bigquery';
import { ConnectorError } from '../../../emulator/workflows/connector-types';
import { classificationPrompt, syntheticLabels, syntheticRows } from '../model/synthetic';
import { connection, harness, project, type Harness, type Resource } from './harness';

/** The pipeline's own statement builders, run through the emulator as a workflow step would send them. */
const ds = { project, dataset: 'ds' };
const table = (name: string): { project: string; dataset: string; table: string } => ({ ...ds, table: name });
const model = (name: string): { project: string; dataset: string; model: string } => ({ ...ds, model: name });
const prefix = classificationPrompt('').replace(/ $/, ' ');

describe('statements from bigquery/', () => {
  let h: Harness;
  const run = (sql: Sql): Promise<unknown> =>
    h.call('googleapis.bigquery.v2.jobs.insert', {
      projectId: project,
      body: {
        configuration: {
          query: {
            query: sql.text,
            useLegacySql: false,
            parameterMode: 'NAMED',
            queryParameters: sql.params,
          },
        },
      },
    });
  const query = async (sql: Sql): Promise<Resource> =>
    (await h.call('googleapis.bigquery.v2.jobs.query', {
      projectId: project,
      body: { query: sql.text, useLegacySql: false, parameterMode: 'NAMED', queryParameters: sql.params },
    })) as Resource;

  beforeAll(async () => {
    h = await harness({ faults: { rowResourceExhausted: { rate: 0.2, maxPerRow: 1 } } });
    for (const def of pipelineTables) await run(createTableDdl(def, ds));
    h.writeObject(
      'gs://bkt/train.jsonl',
      syntheticRows(60, 21)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    h.writeObject(
      'gs://bkt/eval.jsonl',
      syntheticRows(30, 22)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
  });
  afterAll(() => h.emulator.close());

  /** The workflow fills the parameters' values at run time; the tests do it here. */
  const withParams = (sql: Sql, values: Record<string, string>): Sql => ({
    ...sql,
    params: sql.params.map((p) =>
      p.name in values ? { ...p, parameterValue: { value: values[p.name] } } : p,
    ),
  });
  const rowsOf = (page: Resource): Record<string, unknown>[] =>
    (page.rows ?? []).map((row: Resource) =>
      Object.fromEntries(page.schema.fields.map((f: { name: string }, i: number) => [f.name, row.f[i].v])),
    );

  it('runs the whole statement sequence of a pipeline run', async () => {
    for (const split of ['train', 'eval']) {
      await run(
        loadData({
          mode: 'OVERWRITE',
          table: table(split),
          columns: exampleColumns,
          uris: [`gs://bkt/${split}.jsonl`],
        }),
      );
      await run(createPromptsTable(table(`${split}_prompts`)));
      await run(
        insertPrompts({ source: table(split), target: table(`${split}_prompts`), promptPrefix: prefix }),
      );
    }
    const fingerprint = await query(fingerprintQuery(table('eval'), ['input_text', 'output_text']));
    expect(fingerprint.rows[0].f[0].v).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint.rows[0].f[1].v).toBe('30');

    await run(
      createRemoteModel({
        model: model('base'),
        create: 'IF_NOT_EXISTS',
        connection,
        endpoint: 'gemini-2.0-flash-001',
      }),
    );
    const tuneJob = (await run(
      createTunedModel({
        model: model('tuned'),
        create: 'IF_NOT_EXISTS',
        connection,
        endpoint: 'gemini-2.0-flash-001',
        training: { table: table('train_prompts'), promptColumn: 'prompt', labelColumn: 'label' },
        maxIterations: 180,
        learningRateMultiplier: 1,
        dataSplitMethod: 'NO_SPLIT',
        evaluationTask: 'CLASSIFICATION',
      }),
    )) as Resource;
    expect(tuneJob.statistics.query.ddlOperationPerformed).toBe('CREATE');

    const common = {
      prompts: table('eval_prompts'),
      predictions: table('predictions'),
      runId: 'run-1',
      evalFingerprint: fingerprint.rows[0].f[0].v,
    };
    for (const [fn, name] of [
      ['AI.GENERATE_TEXT', 'base'],
      ['ML.GENERATE_TEXT', 'tuned'],
    ] as const) {
      const before = h.emulator.stats.modelInvocations;
      await run(
        generatePredictions({
          ...common,
          function: fn,
          model: model(name),
          mode: 'all',
          settings: { maxOutputTokens: 64, temperature: 0 },
        }),
      );
      await run(generatePredictions({ ...common, function: fn, model: model(name), mode: 'retryable' }));
      const failedFirst = h.emulator.stats.modelInvocations - before - 30;
      expect(failedFirst).toBeGreaterThan(0);
      for (const role of [name === 'base' ? 'baseline' : 'tuned'] as const) {
        await run(
          classificationMetrics({
            ...common,
            evaluations: table('evaluations'),
            model: model(name),
            role,
            labels: [...syntheticLabels],
          }),
        );
      }
    }
    const overall = async (name: string, role: 'baseline' | 'tuned'): Promise<Record<string, string>> => {
      const page = await query(
        overallMetricsQuery({ evaluations: table('evaluations'), model: model(name), role, runId: 'run-1' }),
      );
      return Object.fromEntries(page.rows.map((r: { f: { v: string }[] }) => [r.f[0].v, r.f[1].v]));
    };
    const base = await overall('base', 'baseline');
    const tuned = await overall('tuned', 'tuned');
    expect(Number(base.num_successful_rows)).toBe(30);
    expect(Number(tuned.num_successful_rows)).toBe(30);
    expect(Number(tuned.accuracy)).toBeGreaterThan(Number(base.accuracy) + 0.2);

    const evalPage = await query(
      evaluate({
        model: model('tuned'),
        taskType: 'CLASSIFICATION',
        input: {
          table: table('eval_prompts'),
          promptColumn: 'prompt',
          labelColumn: 'label',
          modelColumns: tunedModelEvalColumns,
        },
      }),
    );
    const metrics = readEvaluateResult('CLASSIFICATION', evalPage as never);
    expect(new Set(metrics.map((m) => m.label))).toEqual(new Set(syntheticLabels));
    const basePage = await query(
      evaluate({
        model: model('base'),
        taskType: 'TEXT_GENERATION',
        input: {
          table: table('eval_prompts'),
          promptColumn: 'prompt',
          labelColumn: 'label',
          modelColumns: remoteModelEvalColumns,
        },
      }),
    );
    expect(readEvaluateResult('TEXT_GENERATION', basePage as never).length).toBeGreaterThan(0);
  });

  it('surfaces a missing model as an OperationError carrying notFound', async () => {
    const error = await run(
      generatePredictions({
        function: 'AI.GENERATE_TEXT',
        model: model('absent'),
        prompts: table('eval_prompts'),
        predictions: table('predictions'),
        runId: 'run-2',
        evalFingerprint: 'x',
        mode: 'all',
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(((error as ConnectorError).value.operation as Resource).status.errorResult.reason).toBe(
      'notFound',
    );
  });

  it('runs the data checks, bookkeeping and registry statements', async () => {
    const checks = rowsOf(
      await query(
        dataChecksQuery({
          train: table('train'),
          eval: table('eval'),
          labels: syntheticLabels,
          sampleSize: 3,
        }),
      ),
    );
    expect(checks).toContainEqual({
      check_name: 'row_count',
      split: 'train',
      violations: '60',
      samples: '[]',
    });
    const narrow = rowsOf(
      await query(
        dataChecksQuery({
          train: table('train'),
          eval: table('eval'),
          labels: syntheticLabels.slice(1),
          sampleSize: 2,
        }),
      ),
    );
    const unknown = narrow.filter((r) => r.check_name === 'unknown_labels');
    expect(unknown.map((r) => r.split).sort()).toEqual(['eval', 'train']);
    expect(JSON.parse(String(unknown[0].samples))).toHaveLength(2);

    const keys = rowsOf(
      await query(
        withParams(contentKeysQuery(), {
          tuning_key: 'a',
          train_fingerprint: 'b',
          prompt_key: 'c',
          eval_fingerprint: 'd',
        }),
      ),
    );
    expect(keys[0].tuned_key).toMatch(/^[0-9a-f]{64}$/);

    const status = rowsOf(
      await query(
        withParams(predictionStatusQuery(table('predictions'), table('eval_prompts'), model('base')), {
          eval_fingerprint: 'none',
        }),
      ),
    );
    expect(status[0]).toEqual({ prompts: '30', predicted: '0', succeeded: '0', retryable: '0' });

    const regressions = await query(
      withParams(labelRegressionsQuery(table('evaluations')), {
        run_id: 'run-1',
        max_regression: '0.5',
        min_support: '10',
      }),
    );
    expect(regressions.totalRows).toBe('0');

    const record = (values: Record<string, string>): Promise<unknown> =>
      run(withParams(recordRunStatement(table('runs')), values));
    await record({ run_id: 'run-1', status: 'running', config: '{"a": 1}' });
    await record({ run_id: 'run-1', status: 'succeeded', gate_passed: 'true', gate_reasons: '["ok"]' });
    const runs = rowsOf(
      (await h.call('googleapis.bigquery.v2.jobs.query', {
        projectId: project,
        body: {
          query:
            'SELECT status, gate_passed, TO_JSON_STRING(config) AS config FROM `test-proj.ds.runs` ORDER BY recorded_at',
          useLegacySql: false,
        },
      })) as Resource,
    );
    expect(runs).toEqual([
      { status: 'running', gate_passed: null, config: '{"a":1}' },
      { status: 'succeeded', gate_passed: 'true', config: 'null' },
    ]);

    const tables = { champions: table('champions'), registry: table('model_registry') };
    let changes = 0;
    const promote = async (values: Record<string, string>): Promise<string> => {
      const eventId = `change_${++changes}`;
      await run(
        withParams(changeChampionScript(tables), {
          serving_name: 'svc',
          event: 'promote',
          event_id: eventId,
          run_id: 'run-1',
          metric: 'macro_f1',
          metric_value: '0.9',
          ...values,
        }),
      );
      return String(
        rowsOf(await query(withParams(championChangeQuery(tables.registry), { event_id: eventId })))[0]
          .changed,
      );
    };
    expect(await promote({ model_name: 'm1', expected_previous: '' })).toBe('1');
    expect(await promote({ model_name: 'm2', expected_previous: 'stale' })).toBe('0');
    expect(await promote({ model_name: 'm2', expected_previous: 'm1' })).toBe('1');
    const champion = rowsOf(await query(withParams(championQuery(tables), { serving_name: 'svc' })));
    expect(champion).toHaveLength(1);
    expect(champion[0]).toMatchObject({ model_name: 'm2', previous_model: 'm1' });
    const history = (
      await h.emulator.query(
        'SELECT model_name, previous_model, event_id FROM `test-proj.ds.model_registry` ORDER BY recorded_at, event_id',
      )
    ).rows;
    // The view resolves every serving name the same way: the pointer, or a registry written before it.
    await h.emulator.query(
      "INSERT INTO `test-proj.ds.model_registry` (serving_name, event, model_name, recorded_at) VALUES ('old', 'promote', 'm0', CURRENT_TIMESTAMP)",
    );
    const view = await h.emulator.query(`${currentChampionsSql(tables)} ORDER BY serving_name`);
    expect(view.rows.map((r) => [r.serving_name, r.model_name])).toEqual([
      ['old', 'm0'],
      ['svc', 'm2'],
    ]);
    await h.emulator.query("DELETE FROM `test-proj.ds.model_registry` WHERE serving_name = 'old'");
    // The compare that failed appended nothing.
    expect(history).toEqual([
      { model_name: 'm1', previous_model: null, event_id: 'change_1' },
      { model_name: 'm2', previous_model: 'm1', event_id: 'change_3' },
    ]);
  });
});
