import { runWorkflow } from '../../../emulator/workflows';
import { compiledWorkflowSource } from '../../../workflows/compiled';
import type { ConnectorRegistry } from '../../../emulator/workflows';

const validArguments = {
  runId: 'run_1',
  project: 'my-project',
  location: 'US',
  dataset: 'bqtune',
  connection: 'my-project.us.vertex',
  name: 'x',
  task: {
    type: 'classification',
    labels: ['A', 'B'],
    promptTemplate: { prefix: 'Label this: ', suffix: '' },
  },
  data: { train: 'gs://bucket/train.jsonl', eval: 'gs://bucket/eval.jsonl' },
  model: {
    baseEndpoint: 'gemini-2.0-flash-001',
    tuning: {
      maxIterations: 300,
      learningRateMultiplier: 1,
      dataSplitMethod: 'NO_SPLIT',
      evaluationTask: 'CLASSIFICATION',
    },
    generation: { function: 'AI.GENERATE_TEXT', maxOutputTokens: 64, temperature: 0, topP: 0.95 },
    retries: { maxPasses: 3 },
  },
  checks: {
    minTrainRows: 10,
    minEvalRows: 10,
    emptyInputs: 'fail',
    unknownLabels: 'fail',
    duplicates: 'warn',
    leakage: 'fail',
    conflictingLabels: 'fail',
  },
  gate: {
    metric: 'macro_f1',
    minImprovementOverBaseline: 0.02,
    minImprovementOverChampion: 0,
    maxLabelRegression: 0.1,
    minSuccessRate: 0.95,
  },
  deploy: { servingName: 'specialty' },
};

/** Counts connector calls: validation must fail before the first one. */
function countingConnectors(): { registry: ConnectorRegistry; calls: string[] } {
  const calls: string[] = [];
  const registry: ConnectorRegistry = new Map();
  for (const name of ['jobs.insert', 'jobs.getQueryResults', 'models.get']) {
    registry.set(`googleapis.bigquery.v2.${name}`, async () => {
      calls.push(name);
      throw new Error('no BigQuery in this test');
    });
  }
  return { registry, calls };
}

async function run(argument: unknown) {
  const { registry, calls } = countingConnectors();
  const outcome = await runWorkflow(compiledWorkflowSource('tune-and-evaluate'), {
    argument,
    connectors: registry,
  });
  return { outcome, calls };
}

test('the compiled workflow rejects bad run arguments before running any BigQuery job, listing every problem', async () => {
  const { outcome, calls } = await run({
    ...validArguments,
    dataset: 'bad`dataset; DROP',
    data: { train: "gs://bucket/x'.jsonl", eval: 'gs://bucket/eval.jsonl' },
    model: { ...validArguments.model, baseEndpoint: 'text-bison@002' },
    gate: { ...validArguments.gate, minSuccessRate: 1.5 },
  });
  expect(calls).toEqual([]);
  expect(outcome.state).toBe('FAILED');
  const error = outcome.error as { tags: string[]; message: string; problems: string[] };
  expect(error.tags).toContain('ValueError');
  expect(error.problems).toEqual(
    expect.arrayContaining([
      'dataset must be a BigQuery dataset id',
      'data.train must be a gs://bucket/path URI',
      'gate.minSuccessRate must be a number in [0, 1]',
      expect.stringMatching(
        /^model\.baseEndpoint: text-bison is retired .* use gemini-2\.0-flash-001 instead$/,
      ),
    ]),
  );
  expect(error.problems).toHaveLength(5);
});

test('valid run arguments pass validation and reach BigQuery', async () => {
  const { outcome, calls } = await run(validArguments);
  expect(calls[0]).toBe('jobs.insert');
  expect(outcome.state).toBe('FAILED');
  expect(JSON.stringify(outcome.error)).not.toMatch(/invalid run arguments/);
});
