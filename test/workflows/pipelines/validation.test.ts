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
