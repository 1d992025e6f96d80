import { deriveSettings, validateStackConfig } from '../../infra/config';
import stackConfigSchema from '../../schemas/stack-config.schema.json';
import { runProgram, stackConfig } from './harness';

/** The dev example stack as the program sees it, decoded: strings as they are, everything else from JSON. */
function devConfig(): Record<string, unknown> {
  const properties: Record<string, { type?: string }> = stackConfigSchema.properties;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stackConfig('dev'))) {
    if (!key.startsWith('bqtune:')) continue;
    const name = key.slice('bqtune:'.length);
    raw[name] = properties[name]?.type === 'string' ? value : JSON.parse(value);
  }
  return raw;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

test('the example stacks are valid', () => {
  expect(() => validateStackConfig(devConfig())).not.toThrow();
});

test('a bad value is reported with its key', () => {
  expect(errorOf(() => validateStackConfig({ ...devConfig(), environment: 'staging' }))).toBe(
    'Invalid stack configuration:\n  - bqtune:environment must be one of dev, prod',
  );
});

test('every bad key is reported at once, nested keys by their path', () => {
  const { location: _location, ...config } = devConfig();
  const message = errorOf(() =>
    validateStackConfig({
      ...config,
      namePrefix: 'Bad_Prefix',
      workflow: { callLogLevel: 'LOUD', executionHistoryLevel: 'EXECUTION_HISTORY_BASIC' },
      bucket: { create: false },
      extra: 1,
    }),
  );
  expect(message).toContain('bqtune:location is required');
  expect(message).toContain('bqtune:namePrefix must match');
  expect(message).toContain(
    'bqtune:workflow.callLogLevel must be one of LOG_ALL_CALLS, LOG_ERRORS_ONLY, LOG_NONE',
  );
  expect(message).toContain('bqtune:bucket.name is required');
  expect(message).toContain('bqtune:extra is not a known setting');
});

test('the project must be a project id', () => {
  const config = validateStackConfig(devConfig());
  expect(errorOf(() => deriveSettings('My Project', config))).toContain('gcp:project must be a project id');
});

test('scheduled run arguments must be valid run arguments once the environment is added', () => {
  const config = validateStackConfig({
    ...devConfig(),
    schedule: {
      cron: '0 3 * * 1',
      timeZone: 'Etc/UTC',
      runArguments: { name: 'x', task: { promptTemplate: {} } },
    },
  });
  const message = errorOf(() => deriveSettings('bqtune-dev-123456', config));
  expect(message).toContain('bqtune:schedule.runArguments.data is required');
  expect(message).toContain('bqtune:schedule.runArguments.task.promptTemplate.prefix is required');
});

test('scheduled run arguments may not fix what the environment provides', () => {
  const config = validateStackConfig({
    ...devConfig(),
    schedule: { cron: '0 3 * * 1', timeZone: 'Etc/UTC', runArguments: { runId: 'r1', dataset: 'other' } },
  });
  expect(errorOf(() => deriveSettings('bqtune-dev-123456', config))).toBe(
    'Invalid stack configuration:\n' +
      '  - bqtune:schedule.runArguments.runId comes from the stack or the execution; remove it\n' +
      '  - bqtune:schedule.runArguments.dataset comes from the stack or the execution; remove it',
  );
});

test('an event trigger needs run arguments, and they must fit in a workflow environment variable', () => {
  expect(
    errorOf(() => validateStackConfig({ ...devConfig(), eventTrigger: { prefix: 'training/' } })),
  ).toContain('eventTrigger.runArguments is required');
  const dev = devConfig() as { eventTrigger: { prefix: string; runArguments: { task: object } } };
  const huge = {
    ...dev.eventTrigger,
    runArguments: {
      ...dev.eventTrigger.runArguments,
      task: { ...dev.eventTrigger.runArguments.task, promptTemplate: { prefix: 'x'.repeat(5000) } },
    },
  };
  const config = validateStackConfig({ ...dev, eventTrigger: huge });
  expect(errorOf(() => deriveSettings('bqtune-dev-123456', config))).toContain(
    'bqtune:eventTrigger.runArguments must fit in 4096 bytes of JSON',
  );
});

test('the program refuses to start on bad config, naming the key', async () => {
  const config = { ...stackConfig('dev'), 'bqtune:environment': 'staging' };
  await expect(runProgram('dev', config)).rejects.toThrow('bqtune:environment must be one of dev, prod');
});

describe('the batch-predict schedule', () => {
  const schedule = (args: Record<string, unknown>) => ({
    ...devConfig(),
    predict: { schedule: { cron: '0 6 * * *', timeZone: 'Etc/UTC', arguments: args } },
  });
  const derive = (config: Record<string, unknown>) =>
    deriveSettings('bqtune-dev-123456', validateStackConfig(config));

  test('valid arguments pass', () => {
    expect(() =>
      derive(
        schedule({ servingName: 'medical_specialty', source: { table: 'bqtune-dev-123456.notes.new' } }),
      ),
    ).not.toThrow();
  });

  test('arguments the stack or the execution supply are refused by name', () => {
    expect(
      errorOf(() =>
        derive(schedule({ servingName: 'x', source: { uri: 'gs://bkt/a.jsonl' }, dataset: 'd' })),
      ),
    ).toBe(
      'Invalid stack configuration:\n  - bqtune:predict.schedule.arguments.dataset comes from the stack or the execution; remove it',
    );
  });

  test('invalid arguments fail the preview with their path', () => {
    const message = errorOf(() => derive(schedule({ servingName: 'x', source: { table: 'not a table' } })));
    expect(message).toContain(
      'bqtune:predict.schedule.arguments.source.table must be a table as project.dataset.table',
    );
  });
});
