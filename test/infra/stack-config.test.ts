import { deriveSettings, validateStackConfig } from '../../infra/config';
import stackConfigSchema from '../../schemas/stack-config.schema.json';
import { runProgram, stackConfig } from './harness';
import { generationModels, tunableBaseModels } from '../../bigquery/endpoints';
import {
  catalogEntry,
  confirmed,
  defaultBaseEndpoint,
  modelCatalog,
  type RetirementDate,
} from '../../bigquery/model-catalog';

/** A fixed day on which the catalog's default is far from retirement; the rules never read the clock. */
const today = new Date('2026-11-30T00:00:00Z');
const project = 'fresh-project-4821';

function dayBefore(date: string, days: number): Date {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d;
}

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
  expect(errorOf(() => deriveSettings('My Project', config, today))).toContain(
    'gcp:project must be a project id',
  );
});

test('scheduled run arguments must be valid run arguments once the environment is added', () => {
  const config = validateStackConfig({
    ...devConfig(),
    schedule: {
      cron: '0 3 * * 1',
      timeZone: 'Etc/UTC',
      data: { train: 'training/train.jsonl', eval: 'eval/eval.jsonl' },
      runArguments: { name: 'x', task: { promptTemplate: {} } },
    },
  });
  const message = errorOf(() => deriveSettings(project, config, today));
  expect(message).toContain('bqtune:schedule.runArguments.deploy is required');
  expect(message).toContain('bqtune:schedule.runArguments.task.promptTemplate.prefix is required');
});

test('scheduled run arguments may not fix what the environment provides', () => {
  const config = validateStackConfig({
    ...devConfig(),
    schedule: {
      cron: '0 3 * * 1',
      timeZone: 'Etc/UTC',
      data: { train: 't.jsonl', eval: 'e.jsonl' },
      runArguments: { runId: 'r1', dataset: 'other' },
    },
  });
  expect(errorOf(() => deriveSettings(project, config, today))).toBe(
    'Invalid stack configuration:\n' +
      '  - bqtune:schedule.runArguments.runId comes from the stack or the execution; remove it\n' +
      '  - bqtune:schedule.runArguments.dataset comes from the stack or the execution; remove it',
  );
});

test('an event trigger needs run arguments, and they must fit in a workflow environment variable', () => {
  expect(
    errorOf(() => validateStackConfig({ ...devConfig(), eventTrigger: { prefix: 'training/' } })),
  ).toMatch(
    /eventTrigger\.auditLogs is required[\s\S]*eventTrigger\.data is required[\s\S]*eventTrigger\.runArguments is required/,
  );
  const dev = devConfig() as { eventTrigger: { prefix: string; runArguments: { task: object } } };
  const huge = {
    ...dev.eventTrigger,
    runArguments: {
      ...dev.eventTrigger.runArguments,
      task: { ...dev.eventTrigger.runArguments.task, promptTemplate: { prefix: 'x'.repeat(5000) } },
    },
  };
  const config = validateStackConfig({ ...dev, eventTrigger: huge });
  expect(errorOf(() => deriveSettings(project, config, today))).toContain(
    'bqtune:eventTrigger.runArguments must fit in 4096 bytes of JSON',
  );
});

test('the program refuses to start on bad config, naming the key', async () => {
  const config = { ...stackConfig('dev'), 'gcp:project': project, 'bqtune:environment': 'staging' };
  await expect(runProgram('dev', config)).rejects.toThrow('bqtune:environment must be one of dev, prod');
});

describe('the batch-predict schedule', () => {
  const schedule = (args: Record<string, unknown>) => ({
    ...devConfig(),
    predict: { schedule: { cron: '0 6 * * *', timeZone: 'Etc/UTC', arguments: args } },
  });
  const derive = (config: Record<string, unknown>) =>
    deriveSettings(project, validateStackConfig(config), today);

  test("valid arguments pass; a dataset.table source is in the stack's own project", () => {
    const settings = derive(schedule({ servingName: 'medical_specialty', source: { table: 'notes.new' } }));
    expect(settings.predict?.schedule?.arguments).toEqual({
      servingName: 'medical_specialty',
      source: { table: `${project}.notes.new` },
    });
    const other = derive(
      schedule({ servingName: 'medical_specialty', source: { table: 'other-project-1.notes.new' } }),
    );
    expect(other.predict?.schedule?.arguments).toMatchObject({
      source: { table: 'other-project-1.notes.new' },
    });
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

test("trigger run arguments take their data from the stack's own bucket and its base endpoint", () => {
  const settings = deriveSettings(project, validateStackConfig(devConfig()), today);
  expect(settings.baseEndpoint).toBe(defaultBaseEndpoint);
  expect(settings.eventTrigger?.runArguments).toMatchObject({
    data: {
      train: `gs://${project}-bqtune-dev-data/training/*.jsonl`,
      eval: `gs://${project}-bqtune-dev-data/eval/eval.jsonl`,
    },
    model: { baseEndpoint: defaultBaseEndpoint },
  });
  const other = deriveSettings('another-project-1', validateStackConfig(devConfig()), today);
  expect(JSON.stringify(other.eventTrigger)).not.toContain(project);
});

test('a trigger may not name data URIs itself', () => {
  const dev = devConfig() as { eventTrigger: { runArguments: object } };
  const config = validateStackConfig({
    ...dev,
    eventTrigger: { ...dev.eventTrigger, runArguments: { ...dev.eventTrigger.runArguments, data: {} } },
  });
  expect(errorOf(() => deriveSettings(project, config, today))).toBe(
    'Invalid stack configuration:\n' +
      "  - bqtune:eventTrigger.runArguments.data comes from bqtune:eventTrigger.data (object names in the stack's bucket); remove it",
  );
});

describe('the base endpoint against the model catalog', () => {
  const entry = catalogEntry(defaultBaseEndpoint)!;
  const retires = (confirmed(entry.retires) as RetirementDate).date;

  test('400 days before retirement: no finding', () => {
    expect(
      deriveSettings(project, validateStackConfig(devConfig()), dayBefore(retires, 400)).warnings,
    ).toEqual([]);
  });

  test("40 days before retirement: a warning for the baseline and for the trigger's tuning base", () => {
    const settings = deriveSettings(project, validateStackConfig(devConfig()), dayBefore(retires, 40));
    expect(settings.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^bqtune:baseEndpoint: ${defaultBaseEndpoint} retires on ${retires} \\(in 40 days\\)`),
      ),
      expect.stringMatching(/^bqtune:eventTrigger\.runArguments\.model\.baseEndpoint: .* \(in 40 days\)/),
    ]);
  });

  test('the warning window is a setting: 50 days before retirement warns with 60 days, not with 45', () => {
    const wide = validateStackConfig({ ...devConfig(), retirementWarningDays: 60 });
    expect(deriveSettings(project, wide, dayBefore(retires, 50)).warnings).toHaveLength(2);
    const narrow = validateStackConfig({ ...devConfig(), retirementWarningDays: 45 });
    expect(deriveSettings(project, narrow, dayBefore(retires, 50)).warnings).toEqual([]);
  });

  test('10 days before retirement: the preview fails, naming another model as the replacement', () => {
    const message = errorOf(() =>
      deriveSettings(project, validateStackConfig(devConfig()), dayBefore(retires, 10)),
    );
    expect(message).toMatch(
      new RegExp(
        `bqtune:baseEndpoint: ${defaultBaseEndpoint} retires on ${retires} and Vertex AI blocks .*; use \\S+ instead`,
      ),
    );
    expect(message).not.toContain(`use ${defaultBaseEndpoint} instead`);
  });

  test('a retired model fails the preview', () => {
    const retired = modelCatalog.find((e) => {
      const r = confirmed(e.retires);
      return r !== undefined && r !== 'none announced' && Date.parse(r.date) < today.getTime();
    })!;
    const config = validateStackConfig({ ...devConfig(), baseEndpoint: retired.model });
    expect(errorOf(() => deriveSettings(project, config, today))).toMatch(
      new RegExp(`bqtune:baseEndpoint: ${retired.model} retired on .*; use \\S+ instead`),
    );
  });

  test('a generation-only base cannot be the tuning base of triggered runs', () => {
    const generationOnly = generationModels.find((m) => !tunableBaseModels.includes(m))!;
    const config = validateStackConfig({ ...devConfig(), baseEndpoint: generationOnly });
    expect(errorOf(() => deriveSettings(project, config, today))).toContain(
      `bqtune:eventTrigger.runArguments.model.baseEndpoint: "${generationOnly}" is not a tunable base model`,
    );
  });

  test('a model outside the catalog is refused by name', () => {
    const config = validateStackConfig({ ...devConfig(), baseEndpoint: 'not-a-model' });
    expect(errorOf(() => deriveSettings(project, config, today))).toContain(
      'bqtune:baseEndpoint: "not-a-model" is not a supported Gemini model',
    );
  });
});
