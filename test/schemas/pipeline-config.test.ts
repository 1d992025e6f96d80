import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exampleConfig from '../../examples/medical-specialty/pipeline.json';
import {
  promptLabelWarnings,
  loadPipelineConfig,
  SchemaValidationError,
  validatePipelineConfig,
  validateRunArguments,
} from '../../schemas';
import { gateMetricNames, taskTypeNames, taskTypes } from '../../bigquery/task-types';
import {
  catalogEntry,
  catalogPages,
  confirmed,
  defaultBaseEndpoint,
  modelCatalog,
  type RetirementDate,
} from '../../bigquery/model-catalog';

const catalogReadDay = new Date(`${catalogPages.modelVersions.read}T00:00:00Z`);
import { errorLines, minimalConfig } from './fixtures';

describe('validatePipelineConfig', () => {
  test('accepts the example config unchanged, apart from filling in suffix', () => {
    const config = validatePipelineConfig(exampleConfig);
    expect(config).toEqual({
      ...exampleConfig,
      task: { ...exampleConfig.task, promptTemplate: { ...exampleConfig.task.promptTemplate, suffix: '' } },
    });
  });

  test('fills in every default without touching the caller’s object', () => {
    const input = structuredClone(minimalConfig);
    const config = validatePipelineConfig(input);
    expect(input).toEqual(minimalConfig);
    expect(config).toEqual({
      ...minimalConfig,
      task: {
        type: 'classification',
        labels: ['Billing', 'Outage'],
        promptTemplate: { prefix: 'Label this ticket: ', suffix: '' },
      },
      model: {
        baseEndpoint: 'gemini-2.0-flash-001',
        tuning: {
          maxIterations: 300,
          learningRateMultiplier: 1,
          dataSplitMethod: 'NO_SPLIT',
          evaluationTask: 'CLASSIFICATION',
        },
        generation: { function: 'AI.GENERATE_TEXT', maxOutputTokens: 1024, temperature: 0, topP: 0.95 },
        retries: { maxPasses: 3 },
      },
      checks: {
        minTrainRows: 10,
        minEvalRows: 10,
        emptyInputs: 'fail',
        missingOutputs: 'fail',
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
        minLabelSupport: 10,
        minSuccessRate: 0.95,
      },
    });
  });

  test('reports every error at once, one per line, naming the field and the source', () => {
    const bad = {
      ...minimalConfig,
      name: 'Tickets Pipeline',
      extra: true,
      task: { labels: ['Billing', 'Outage', 'Billing', ' Spam'], promptTemplate: { prefx: 'x' } },
      model: {
        baseEndpoint: "gemini'",
        tuning: { maxIterations: 0, learningRateMultiplier: 0, dataSplitMethod: 'SEQ' },
        generation: { function: 'GENERATE', temperature: 1.5, maxOutputTokens: 2.5 },
      },
      checks: { minTrainRows: 5, leakage: 'ignore' },
      gate: { metric: 'f1', minSuccessRate: 2 },
      deploy: { servingName: '1st' },
    };
    let error: unknown;
    try {
      validatePipelineConfig(bad, 'tickets/pipeline.yaml');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SchemaValidationError);
    const { message, source, issues } = error as SchemaValidationError;
    expect(source).toBe('tickets/pipeline.yaml');
    expect(message.split('\n')[0]).toBe('tickets/pipeline.yaml is invalid:');
    expect(errorLines(() => validatePipelineConfig(bad))).toEqual([
      'extra is not allowed',
      'name must be lowercase letters, digits and hyphens, starting with a letter, at most 63 characters (it names cloud resources) (got "Tickets Pipeline")',
      'task.labels[3] must be a label of 1 to 200 characters without control characters or leading/trailing spaces (got " Spam")',
      'task.labels[2] must be unique (same as task.labels[0])',
      'task.promptTemplate.prefix is required',
      'task.promptTemplate.prefx is not allowed (did you mean prefix?)',
      `model.baseEndpoint must be a Vertex AI model name from the model catalog (bigquery/model-catalog.ts) or https:// endpoint URL without quotes or spaces (got "gemini'")`,
      'model.tuning.maxIterations must be >= 1 (got 0)',
      'model.tuning.learningRateMultiplier must be > 0 (got 0)',
      'model.tuning.dataSplitMethod must be one of "AUTO_SPLIT", "RANDOM", "NO_SPLIT" (got "SEQ")',
      'model.generation.function must be one of "AI.GENERATE_TEXT", "ML.GENERATE_TEXT" (got "GENERATE")',
      'model.generation.maxOutputTokens must be an integer (got 2.5)',
      'model.generation.temperature must be <= 1 (got 1.5)',
      'checks.minTrainRows must be >= 10 (got 5)',
      'checks.leakage must be one of "fail", "warn" (got "ignore")',
      'gate.metric must be one of "macro_f1", "micro_f1", "weighted_f1", "accuracy", "rouge-l_f1", "bleu4_score", "rouge-l_precision", "rouge-l_recall", "exact_match" (got "f1")',
      'gate.minSuccessRate must be <= 1 (got 2)',
      'deploy.servingName must be an identifier: a letter, then up to 63 letters, digits or underscores (got "1st")',
    ]);
    expect(issues.map((issue) => issue.path)).toContain('model.tuning.maxIterations');
  });

  test('rejects labels that only differ by case or spacing around / and -', () => {
    const config = {
      ...minimalConfig,
      task: { ...minimalConfig.task, labels: ['Allergy / Immunology', 'Urology', 'allergy/immunology'] },
    };
    expect(errorLines(() => validatePipelineConfig(config))).toEqual([
      'task.labels[2] must differ from task.labels[0] by more than case and spacing around / and -',
    ]);
  });

  test.each([
    ['a single label', ['Only one'], 'task.labels must NOT have fewer than 2 items'],
    ['a control character', ['Tab\there', 'Other'], 'task.labels[0] must be a label'],
    ['an empty label', ['', 'Other'], 'task.labels[0] must NOT have fewer than 1 characters'],
    [
      'a 201-character label',
      ['x'.repeat(201), 'Other'],
      'task.labels[0] must NOT have more than 200 characters',
    ],
    [
      '201 labels',
      Array.from({ length: 201 }, (_, i) => `L${i}`),
      'task.labels must NOT have more than 200 items',
    ],
  ])('a label list with %s is rejected', (_what, labels, expected) => {
    const config = { ...minimalConfig, task: { ...minimalConfig.task, labels } };
    expect(errorLines(() => validatePipelineConfig(config)).join('\n')).toContain(expected);
  });

  test('labels are required for classification only', () => {
    const task = { promptTemplate: { prefix: 'Summarise: ' } };
    expect(errorLines(() => validatePipelineConfig({ ...minimalConfig, task }))).toEqual([
      'task.labels is required when type is classification',
    ]);
    const summary = validatePipelineConfig({ ...minimalConfig, task: { ...task, type: 'summarization' } });
    expect(summary.task.labels).toBeUndefined();
  });

  test('CUSTOM and SEQ splits are not offered; RANDOM takes an eval fraction', () => {
    const tuning = (t: object) => ({ ...minimalConfig, model: { ...minimalConfig.model, tuning: t } });
    for (const method of ['CUSTOM', 'SEQ']) {
      expect(errorLines(() => validatePipelineConfig(tuning({ dataSplitMethod: method })))).toEqual([
        `model.tuning.dataSplitMethod must be one of "AUTO_SPLIT", "RANDOM", "NO_SPLIT" (got "${method}")`,
      ]);
    }
    expect(
      errorLines(() => validatePipelineConfig(tuning({ dataSplitMethod: 'NO_SPLIT', dataSplitCol: 'x' }))),
    ).toEqual(['model.tuning.dataSplitCol is not allowed']);
    expect(
      validatePipelineConfig(tuning({ dataSplitMethod: 'RANDOM', dataSplitEvalFraction: 0.25 })).model.tuning,
    ).toMatchObject({ dataSplitEvalFraction: 0.25 });
    expect(errorLines(() => validatePipelineConfig(tuning({ dataSplitEvalFraction: 1.5 })))).toEqual([
      'model.tuning.dataSplitEvalFraction must be <= 1 (got 1.5)',
    ]);
  });

  test.each([
    'data/train.jsonl',
    '../shared/train.jsonl',
    '/abs/train.jsonl',
    'gs://my-bucket/train-*.jsonl',
  ])('data location %s is accepted', (train) => {
    expect(
      validatePipelineConfig({ ...minimalConfig, data: { ...minimalConfig.data, train } }).data.train,
    ).toBe(train);
  });

  test.each(['', 'https://example.com/train.jsonl', 's3://bucket/train.jsonl', 'gs://UPPER/train.jsonl'])(
    'data location %j is rejected',
    (train) => {
      expect(
        errorLines(() =>
          validatePipelineConfig({ ...minimalConfig, data: { ...minimalConfig.data, train } }),
        )[0],
      ).toMatch(/^data\.train must /);
    },
  );
});

describe('loadPipelineConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('reads YAML, resolves local data paths against the config folder and keeps gs:// URIs', () => {
    const file = path.join(dir, 'pipeline.yaml');
    fs.writeFileSync(
      file,
      [
        'name: tickets',
        'task:',
        '  labels: [Billing, Outage]',
        '  promptTemplate: { prefix: "Label this ticket: " }',
        'data: { train: data/train.jsonl, eval: "gs://my-bucket/eval.jsonl" }',
        `model: { baseEndpoint: ${defaultBaseEndpoint} }`,
        'deploy: { servingName: tickets }',
      ].join('\n'),
    );
    const config = loadPipelineConfig(file, { today: catalogReadDay });
    expect(config.data).toEqual({
      train: path.join(dir, 'data', 'train.jsonl'),
      eval: 'gs://my-bucket/eval.jsonl',
    });
    expect(config.gate.metric).toBe('macro_f1');
  });

  test('names the file in validation and syntax errors', () => {
    const json = path.join(dir, 'pipeline.json');
    fs.writeFileSync(json, JSON.stringify({ ...minimalConfig, name: 'Bad' }));
    expect(() => loadPipelineConfig(json)).toThrow(`${json} is invalid:\n  name must be`);
    fs.writeFileSync(json, '{ "name": ');
    expect(() => loadPipelineConfig(json)).toThrow(`${json} is not valid JSON`);
  });
});

describe('promptLabelWarnings', () => {
  const task = (prefix: string, labels: string[], suffix = '') => ({
    task: { type: 'classification' as const, labels, promptTemplate: { prefix, suffix } },
  });

  test('a list that names the same labels up to case, spacing and dash variants gives no warning', () => {
    expect(
      promptLabelWarnings(
        task('Pick one of [Consult \u2013 History and Phy., surgery , ENT\u2014Otolaryngology]: ', [
          'Consult - History and Phy.',
          'Surgery',
          'ENT - Otolaryngology',
        ]),
      ),
    ).toEqual([]);
  });

  test('a label in one list and not the other is a warning, each way, in the suffix too', () => {
    expect(
      promptLabelWarnings(
        task('Text: ', ['Billing', 'Technical Support'], ' Answer with one of [Billing, Refunds].'),
      ),
    ).toEqual([
      'task.promptTemplate lists "Refunds", which is not in task.labels',
      `task.labels has "Technical Support", which the prompt template's label list does not`,
    ]);
  });

  test('a prompt without a bracketed list is not checked', () => {
    expect(
      promptLabelWarnings(task('Classify the ticket as billing or support: ', ['Billing', 'Support'])),
    ).toEqual([]);
  });
});

describe('loadPipelineConfig checks the base model against the model catalog', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bqtune-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const retires = (confirmed(catalogEntry(defaultBaseEndpoint)!.retires) as RetirementDate).date;
  const daysBefore = (days: number) => {
    const d = new Date(`${retires}T06:00:00Z`);
    d.setUTCDate(d.getUTCDate() - days);
    return d;
  };
  const write = (baseEndpoint: string) => {
    const file = path.join(dir, 'pipeline.json');
    fs.writeFileSync(file, JSON.stringify({ ...minimalConfig, model: { baseEndpoint } }));
    return file;
  };

  test('400 days before retirement: loads without a word', () => {
    const warnings: string[] = [];
    loadPipelineConfig(write(defaultBaseEndpoint), { today: daysBefore(400), warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
  });

  test('40 days before: a warning naming the file, the field and the date; silent with a 30-day window', () => {
    const file = write(defaultBaseEndpoint);
    const warnings: string[] = [];
    loadPipelineConfig(file, { today: daysBefore(40), warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      `${file}: model.baseEndpoint: ${defaultBaseEndpoint} retires on ${retires} (in 40 days); models tuned on it stop serving then, so re-tune on a newer base`,
    ]);
    const none: string[] = [];
    loadPipelineConfig(file, { today: daysBefore(40), retirementWarningDays: 30, warn: (m) => none.push(m) });
    expect(none).toEqual([]);
  });

  test('10 days before: an error, inside the month Vertex AI blocks new tuning', () => {
    const file = write(defaultBaseEndpoint);
    expect(() => loadPipelineConfig(file, { today: daysBefore(10) })).toThrow(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: model\\.baseEndpoint: ${defaultBaseEndpoint.replace(/\./g, '\\.')} retires on ${retires} and Vertex AI blocks`,
      ),
    );
  });

  test('a retired base model: an error naming the replacement', () => {
    const retired = modelCatalog.find((e) => {
      const r = confirmed(e.retires);
      return (
        confirmed(e.bigqueryTuning) === true &&
        r !== undefined &&
        r !== 'none announced' &&
        new Date(`${r.date}T00:00:00Z`) < catalogReadDay
      );
    })!;
    expect(() => loadPipelineConfig(write(retired.model), { today: catalogReadDay })).toThrow(
      /model\.baseEndpoint: \S+ retired on \d{4}-\d{2}-\d{2}; use \S+ instead$/,
    );
  });
});

describe('task types', () => {
  const freeText = (type: string, extra: object = {}) => ({
    ...minimalConfig,
    task: { type, promptTemplate: { prefix: 'Answer: ' } },
    ...extra,
  });
  const gate = (metric: string) => ({ gate: { metric } });

  test.each([
    ['classification', 'macro_f1', 'CLASSIFICATION'],
    ['text_generation', 'rouge-l_f1', 'TEXT_GENERATION'],
    ['summarization', 'rouge-l_f1', 'SUMMARIZATION'],
    ['question_answering', 'exact_match', 'QUESTION_ANSWERING'],
  ])('%s defaults gate.metric to %s and the tuning job to %s', (type, metric, evaluationTask) => {
    const config = validatePipelineConfig(
      type === 'classification'
        ? { ...minimalConfig, task: { ...minimalConfig.task, type } }
        : freeText(type),
    );
    expect(config.gate.metric).toBe(metric);
    expect(config.model.tuning.evaluationTask).toBe(evaluationTask);
  });

  test('an evaluationTask the config sets is kept', () => {
    const config = validatePipelineConfig(
      freeText('summarization', {
        model: { ...minimalConfig.model, tuning: { evaluationTask: 'UNSPECIFIED' } },
      }),
    );
    expect(config.model.tuning.evaluationTask).toBe('UNSPECIFIED');
  });

  test.each([
    ['classification', ['macro_f1', 'micro_f1', 'weighted_f1', 'accuracy']],
    ['text_generation', ['rouge-l_f1', 'bleu4_score']],
    ['summarization', ['rouge-l_f1', 'rouge-l_precision', 'rouge-l_recall']],
    ['question_answering', ['exact_match']],
  ])('%s accepts exactly the gate metrics %j', (type, fitting) => {
    const all = ['macro_f1', 'micro_f1', 'weighted_f1', 'accuracy', 'rouge-l_f1', 'bleu4_score'];
    for (const metric of [...all, 'rouge-l_precision', 'rouge-l_recall', 'exact_match']) {
      const config =
        type === 'classification'
          ? { ...minimalConfig, task: { ...minimalConfig.task, type }, ...gate(metric) }
          : freeText(type, gate(metric));
      if (fitting.includes(metric)) {
        expect(validatePipelineConfig(config).gate.metric).toBe(metric);
      } else {
        expect(errorLines(() => validatePipelineConfig(config))).toEqual([
          `gate.metric ${metric} does not fit task.type ${type}: use ${fitting.join(' or ')}`,
        ]);
      }
    }
  });

  test('labels are refused for free-text tasks, with the reason', () => {
    const config = freeText('question_answering');
    (config.task as { labels?: string[] }).labels = ['yes', 'no'];
    expect(errorLines(() => validatePipelineConfig(config))).toEqual([
      'task.labels is only for classification: a question_answering task is scored on free text, remove the labels',
    ]);
  });

  test('the run arguments follow the same rules', () => {
    const args = {
      ...freeText('summarization', gate('exact_match')),
      data: { train: 'gs://bucket/train.jsonl', eval: 'gs://bucket/eval.jsonl' },
      runId: 'run_1',
      project: 'my-project',
      location: 'US',
      dataset: 'bqtune',
      connection: 'my-project.us.vertex',
    };
    expect(errorLines(() => validateRunArguments(args))).toEqual([
      'gate.metric exact_match does not fit task.type summarization: use rouge-l_f1 or rouge-l_precision or rouge-l_recall',
    ]);
  });

  test('the schema offers every gate metric of the task table, and no other', () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../../schemas/definitions.schema.json'), 'utf8'),
    ) as { $defs: { gateMetric: { enum: string[] }; task: { properties: { type: { enum: string[] } } } } };
    expect([...schema.$defs.gateMetric.enum].sort()).toEqual([...gateMetricNames].sort());
    expect(schema.$defs.task.properties.type.enum).toEqual(taskTypeNames);
    for (const type of taskTypeNames) {
      for (const metric of taskTypes[type].gateMetrics) expect(taskTypes[type].reported).toContain(metric);
    }
  });
});
