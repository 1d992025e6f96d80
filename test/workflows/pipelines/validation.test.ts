import { defaultBaseEndpoint } from '../../../bigquery/model-catalog';
import { runWorkflow } from '../../../emulator/workflows';
import { compiledWorkflowSource } from '../../../workflows/compiled';
import type { ConnectorRegistry } from '../../../emulator/workflows';
import { validateRunArguments } from '../../../schemas/validate';
import { exampleRunArguments } from '../../schemas/fixtures';

/** The example's run arguments with every default applied, as the CLI passes them. */
const validArguments = validateRunArguments(exampleRunArguments());

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

async function run(argument: unknown, env: Record<string, string> = {}) {
  const { registry, calls } = countingConnectors();
  const outcome = await runWorkflow(compiledWorkflowSource('tune-and-evaluate'), {
    argument,
    connectors: registry,
    env,
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
        new RegExp(
          `^model\\.baseEndpoint: text-bison is retired .* use ${defaultBaseEndpoint.replace(/\./g, '\\.')} instead$`,
        ),
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

test("an execution started by a storage event runs with the deployment's run arguments", async () => {
  const event = {
    type: 'google.cloud.audit.log.v1.written',
    data: { protoPayload: { methodName: 'storage.objects.create' } },
  };
  const { runId: _runId, project, location, dataset, connection, ...configured } = validArguments;
  const env = {
    BQTUNE_RUN_ARGUMENTS: JSON.stringify(configured),
    BQTUNE_PROJECT: project,
    BQTUNE_LOCATION: location,
    BQTUNE_DATASET: dataset,
    BQTUNE_CONNECTION: connection,
  };
  const started = await run(event, env);
  expect(started.calls[0]).toBe('jobs.insert');
  expect(JSON.stringify(started.outcome.error)).not.toMatch(/invalid run arguments/);

  const withoutDefaults = await run(event);
  expect(withoutDefaults.calls).toEqual([]);
  expect((withoutDefaults.outcome.error as { message: string }).message).toMatch(/invalid run arguments/);
});

describe('task types in the workflow’s own validation', () => {
  /** Free-text arguments the CLI would build (defaults filled for the task), before any override. */
  const freeText = (type: string, metric: string) => {
    const { labels: _labels, ...task } = validArguments.task;
    return {
      ...validArguments,
      task: { ...task, type },
      gate: { ...validArguments.gate, metric },
    };
  };
  const problems = (outcome: { error?: unknown }) =>
    (outcome.error as { problems?: string[] } | undefined)?.problems ?? [];
  const fit =
    'gate.metric must fit task.type: classification macro_f1|micro_f1|weighted_f1|accuracy; text_generation rouge-l_f1|bleu4_score; summarization rouge-l_f1|rouge-l_precision|rouge-l_recall; question_answering exact_match';

  test.each([
    ['text_generation', 'bleu4_score'],
    ['summarization', 'rouge-l_recall'],
    ['question_answering', 'exact_match'],
  ])('%s with gate metric %s passes and reaches BigQuery', async (type, metric) => {
    const { outcome, calls } = await run(freeText(type, metric));
    expect(problems(outcome)).toEqual([]);
    expect(calls[0]).toBe('jobs.insert');
  });

  test.each([
    ['classification', 'rouge-l_f1'],
    ['summarization', 'bleu4_score'],
    ['question_answering', 'rouge-l_f1'],
    ['text_generation', 'macro_f1'],
  ])('%s with gate metric %s is refused before any job', async (type, metric) => {
    const args =
      type === 'classification'
        ? { ...validArguments, gate: { ...validArguments.gate, metric } }
        : freeText(type, metric);
    const { outcome, calls } = await run(args);
    expect(calls).toEqual([]);
    expect(problems(outcome)).toEqual([fit]);
  });

  test('an unknown task type, labels on a free-text task and a label-less classification are refused', async () => {
    const unknown = await run({ ...validArguments, task: { ...validArguments.task, type: 'ranking' } });
    expect(unknown.calls).toEqual([]);
    // Labels belong to classification only, and the metric check needs a known task type: both fail too.
    expect(problems(unknown.outcome)).toEqual([
      'task.type must be classification, text_generation, summarization, question_answering',
      'task.labels must list at least two labels for classification, and be absent for other tasks',
      fit,
    ]);
    const labelled = await run({
      ...validArguments,
      task: { ...validArguments.task, type: 'summarization' },
      gate: { ...validArguments.gate, metric: 'rouge-l_f1' },
    });
    expect(problems(labelled.outcome)).toEqual([
      'task.labels must list at least two labels for classification, and be absent for other tasks',
    ]);
    const unlabelled = await run(freeText('classification', 'macro_f1'));
    expect(problems(unlabelled.outcome)).toEqual([
      'task.labels must list at least two labels for classification, and be absent for other tasks',
    ]);
  });

  test('a task type that is not text is refused, not a crash', async () => {
    const { outcome, calls } = await run({ ...validArguments, task: { ...validArguments.task, type: 5 } });
    expect(calls).toEqual([]);
    expect(problems(outcome)).toContain(
      'task.type must be classification, text_generation, summarization, question_answering',
    );
  });

  test.each(['CUSTOM', 'SEQ'])('dataSplitMethod %s is refused', async (method) => {
    const { outcome, calls } = await run({
      ...validArguments,
      model: { ...validArguments.model, tuning: { ...validArguments.model.tuning, dataSplitMethod: method } },
    });
    expect(calls).toEqual([]);
    expect(problems(outcome)).toEqual([
      'model.tuning.dataSplitMethod must be NO_SPLIT, AUTO_SPLIT or RANDOM',
    ]);
  });
});
