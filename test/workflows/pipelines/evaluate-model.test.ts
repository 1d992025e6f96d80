import { call, v } from '../../../workflows/dsl';
import { evaluateModel, predictionStatus } from '../../../workflows/pipelines/tune-and-evaluate/evaluate';
import { runStatement } from '../../../workflows/pipelines/tune-and-evaluate/bigquery';
import { statements } from '../../../workflows/pipelines/tune-and-evaluate/statements';
import type { ExecutionEvent } from '../../../emulator/workflows';
import { localProject, localDataset } from '../../../cli/local/environment';
import { generationMetricValues } from '../../../emulator/bigquery/metrics';
import { normalizeLabel, overallMetricNames } from '../../../bigquery';
import { context, emulated, modelPath, stepsWorkflow, type Emulated } from './steps-in-emulator';

/**
 * The evaluate_model subworkflow alone, compiled from its definition in this process and run in the Workflows
 * interpreter against the BigQuery emulator. Every generation request fails twice with RESOURCE_EXHAUSTED
 * before it goes through (a retryable row status), and a prompt containing REFUSED is always refused with
 * INVALID_ARGUMENT (not retryable), so the number of passes each case needs is known in advance: three for
 * every retryable row to succeed. Metrics are checked against the stored predictions, scored here.
 */
const source = stepsWorkflow(
  ['ctx', 'role', 'eval_key'],
  [
    ...runStatement('create_base_model', statements.baseModel),
    call('evaluate', evaluateModel, {
      args: { ctx: v('ctx'), model_id: 'base', role: v('role'), eval_key: v('eval_key') },
      result: 'evaluated',
    }),
  ],
  ['evaluated'],
  [predictionStatus, evaluateModel],
);

const MODEL = modelPath('base');
const labels = ['Cardiology', 'Dermatology', 'Neurology'];

interface Case {
  runId: string;
  role: 'baseline' | 'tuned' | 'champion';
  /** The prompts table and eval key of this case: each case has prompts of its own. */
  prompts: string;
  generate: 'ai' | 'ml';
  maxPasses: number;
  task: 'classification' | 'summarization';
}

interface Evaluated {
  model: string;
  model_id: string;
  role: string;
  generated: boolean;
  passes: number;
  prompts: number;
  succeeded: number;
  retryable: number;
  metrics: Record<string, number>;
}

let e: Emulated;
beforeAll(async () => {
  e = await emulated('evaluate-model', {
    rowResourceExhausted: { rate: 1, maxPerRow: 2 },
    rowInvalidArgument: { promptContains: 'REFUSED' },
  });
  const rows: Record<string, [string, string][]> = {
    // Three answerable prompts and one the endpoint always refuses.
    prompts_a: [
      ['Chest pain on exertion (a1)', 'Cardiology'],
      ['Itchy rash on both arms (a2)', 'Dermatology'],
      ['Sudden severe headache (a3)', 'Neurology'],
      ['REFUSED: an over-long note (a4)', 'Cardiology'],
    ],
    prompts_b: [
      ['Palpitations at rest (b1)', 'Cardiology'],
      ['Numbness in the left hand (b2)', 'Neurology'],
    ],
    prompts_c: [
      ['Summarize: the knee hurts after running (c1)', 'knee pain after running'],
      ['Summarize: a dry cough for two weeks (c2)', 'two weeks of dry cough'],
      ['Summarize: fever and chills since Monday (c3)', 'fever and chills'],
    ],
  };
  for (const [table, examples] of Object.entries(rows)) {
    await e.env.bigquery.query(
      `CREATE TABLE \`${localProject}.${localDataset}.${table}\` (example_id STRING NOT NULL, prompt STRING NOT NULL, label STRING NOT NULL)`,
    );
    for (const [i, [prompt, label]] of examples.entries())
      await e.env.bigquery.query(
        `INSERT INTO \`${localProject}.${localDataset}.${table}\` VALUES (@id, @prompt, @label)`,
        { id: `${table}_${i}`, prompt, label },
      );
  }
});
afterAll(() => e.env.close());

async function evaluate(c: Case): Promise<{ result: Evaluated; steps: string[]; calls: number }> {
  const calls = e.env.bigquery.stats.modelInvocations;
  const steps: string[] = [];
  const base = context(c.runId);
  const run = await e.run(
    source,
    {
      role: c.role,
      eval_key: `key_${c.prompts}`,
      ctx: {
        ...base,
        generate: c.generate,
        max_passes: c.maxPasses,
        labels_param: labels.map((value) => ({ value })),
        classify: c.task === 'classification',
        values: {
          ...(base.values as Record<string, string>),
          conn_project: localProject,
          conn_location: 'us',
          conn_id: 'vertex',
          base_model: 'base',
          generation_endpoint: 'gemini-2.0-flash-001',
          eval_prompts: c.prompts,
          task_type: c.task.toUpperCase(),
        },
      },
    },
    (event: ExecutionEvent) => {
      if (event.type === 'step-start' && event.routine === 'evaluate_model') steps.push(event.step);
    },
  );
  if (run.state !== 'SUCCEEDED') throw new Error(`evaluate_model failed: ${JSON.stringify(run.error)}`);
  return {
    result: (run.result as { evaluated: Evaluated }).evaluated,
    steps,
    calls: e.env.bigquery.stats.modelInvocations - calls,
  };
}

/** The latest stored attempt of each example of this case, read straight from the predictions table. */
async function latest(prompts: string) {
  const { rows } = await e.env.bigquery.query(
    `SELECT example_id, label, generated_text, predicted_label, status, attempt FROM \`${localProject}.${localDataset}.predictions\` WHERE model_name = @model AND eval_fingerprint = @key`,
    { model: MODEL, key: `key_${prompts}` },
  );
  const byExample = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = byExample.get(String(r.example_id));
    if (seen === undefined || Number(r.attempt) > Number(seen.attempt))
      byExample.set(String(r.example_id), r);
  }
  return [...byExample.values()];
}

const generationSteps = (steps: string[]) =>
  steps.filter((s) => /^generate_(all|retryable)_(ai|ml)$/.test(s));

describe('classification, every retryable row recovered on the third pass', () => {
  const c: Case = {
    runId: 'run_a',
    role: 'baseline',
    prompts: 'prompts_a',
    generate: 'ml',
    maxPasses: 5,
    task: 'classification',
  };
  let first: Awaited<ReturnType<typeof evaluate>>;
  beforeAll(async () => {
    first = await evaluate(c);
  });

  test('three passes of ML.GENERATE_TEXT (all, then the retryable rows twice), then no fourth', () => {
    expect(first.result).toMatchObject({
      model: MODEL,
      model_id: 'base',
      role: 'baseline',
      generated: true,
      passes: 3,
      prompts: 4,
      succeeded: 3,
      retryable: 0,
    });
    expect(generationSteps(first.steps)).toEqual([
      'generate_all_ml',
      'generate_retryable_ml',
      'generate_retryable_ml',
    ]);
    // 4 prompts, then the 3 retryable ones twice; the refused row is not sent again.
    expect(first.calls).toBe(4 + 3 + 3);
    expect(first.steps).toContain('label_metrics');
    expect(first.steps).not.toContain('text_metrics');
  });

  test('the classification metrics of the stored predictions, as numbers', async () => {
    const rows = await latest(c.prompts);
    expect(rows.map((r) => Number(r.attempt)).sort()).toEqual([1, 3, 3, 3]);
    const right = rows.filter(
      (r) => r.status === '' && r.predicted_label === normalizeLabel(String(r.label)),
    ).length;
    expect(Object.keys(first.result.metrics).sort()).toEqual([...overallMetricNames].sort());
    expect(first.result.metrics).toMatchObject({
      accuracy: right / 4,
      success_share: 3 / 4,
      num_rows: 4,
      num_successful_rows: 3,
    });
    for (const value of Object.values(first.result.metrics)) expect(typeof value).toBe('number');
  });

  test('evaluated again with the same eval key: nothing generated, no model call, the same metrics', async () => {
    const again = await evaluate({ ...c, runId: 'run_a2' });
    expect(again.result).toMatchObject({
      generated: false,
      passes: 0,
      prompts: 4,
      succeeded: 3,
      retryable: 0,
    });
    expect(generationSteps(again.steps)).toEqual([]);
    expect(again.calls).toBe(0);
    expect(again.result.metrics).toEqual(first.result.metrics);
  });
});

test('passes run out: with at most 2 passes the rows are still retryable, and every answer counts as wrong', async () => {
  const { result, steps, calls } = await evaluate({
    runId: 'run_b',
    role: 'champion',
    prompts: 'prompts_b',
    generate: 'ai',
    maxPasses: 2,
    task: 'classification',
  });
  expect(result).toMatchObject({
    role: 'champion',
    generated: true,
    passes: 2,
    prompts: 2,
    succeeded: 0,
    retryable: 2,
  });
  expect(generationSteps(steps)).toEqual(['generate_all_ai', 'generate_retryable_ai']);
  expect(calls).toBe(4);
  expect(result.metrics).toMatchObject({
    accuracy: 0,
    success_share: 0,
    num_rows: 2,
    num_successful_rows: 0,
  });
});

test('a free-text task with one pass, then three: the text metrics of the stored answers, not the per-label ones', async () => {
  const c: Case = {
    runId: 'run_c',
    role: 'tuned',
    prompts: 'prompts_c',
    generate: 'ai',
    maxPasses: 1,
    task: 'summarization',
  };
  const { result, steps } = await evaluate(c);
  expect(result).toMatchObject({ generated: true, passes: 1, prompts: 3, succeeded: 0, retryable: 3 });
  expect(steps).toContain('text_metrics');
  expect(steps).not.toContain('label_metrics');
  const more = await evaluate({ ...c, runId: 'run_c2', maxPasses: 3 });
  // Stored rows: no first pass, two retry passes (numbered 2 and 3) recover every row.
  expect(more.result).toMatchObject({ generated: true, passes: 3, prompts: 3, succeeded: 3, retryable: 0 });
  expect(generationSteps(more.steps)).toEqual(['generate_retryable_ai', 'generate_retryable_ai']);
  const rows = await latest(c.prompts);
  const values = generationMetricValues(
    rows.map((r) => ({ expected: String(r.label), generated: String(r.generated_text) })),
  );
  expect(Object.keys(more.result.metrics).sort()).toEqual(
    [
      'rouge-l_precision',
      'rouge-l_recall',
      'rouge-l_f1',
      'success_share',
      'num_rows',
      'num_successful_rows',
    ].sort(),
  );
  for (const m of ['rouge-l_precision', 'rouge-l_recall', 'rouge-l_f1'] as const)
    expect(more.result.metrics[m]).toBeCloseTo(values[m], 12);
  expect(more.result.metrics['rouge-l_f1']).toBeGreaterThan(0);
  expect(more.result.metrics).toMatchObject({ success_share: 1, num_rows: 3, num_successful_rows: 3 });
});
