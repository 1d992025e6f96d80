import exampleConfig from '../../examples/medical-specialty/pipeline.json';

/** The smallest config the schema accepts: everything else has a default. */
export const minimalConfig = {
  name: 'tickets',
  task: { labels: ['Billing', 'Outage'], promptTemplate: { prefix: 'Label this ticket: ' } },
  data: { train: 'data/train.jsonl', eval: 'data/eval.jsonl' },
  model: { baseEndpoint: 'gemini-2.0-flash-001' },
  deploy: { servingName: 'tickets' },
};

/** Valid run arguments built from the example config, the way the CLI builds them. */
export function exampleRunArguments(): Record<string, unknown> {
  const { $schema: _schema, ...config } = exampleConfig;
  return {
    ...config,
    runId: 'run_20240521_1',
    project: 'my-project-123',
    location: 'US',
    dataset: 'bqtune_medical',
    connection: 'my-project-123.us.bqtune_vertex',
    data: { train: 'gs://my-bucket/medical/train.jsonl', eval: 'gs://my-bucket/medical/eval.jsonl' },
  };
}

/** The message lines of a SchemaValidationError thrown by `run`, without the heading. */
export function errorLines(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    return (err as Error).message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
  }
  throw new Error('expected a validation error');
}
