import {
  parseWorkflowSource,
  runWorkflow,
  type ConnectorRegistry,
  type Program,
} from '../../../emulator/workflows';
import { compiledWorkflowSource } from '../../../workflows/compiled';
import { validateRunArguments } from '../../../schemas/validate';
import { exampleRunArguments } from '../../schemas/fixtures';

/**
 * Every rule of the compiled workflow's own argument check, forced both ways: each case changes one run
 * argument of the valid example and lists the problems the workflow must raise (none for a value at the
 * edge of what is allowed). The messages are the ones a user reads; the limits are the documented ones
 * restated by hand (runId a lower-case letter then up to 62 of a-z 0-9 _, maxOutputTokens 1..8192,
 * temperature and topP in [0, 1], an eval fraction with at most two decimals, ...).
 */

const valid = validateRunArguments(exampleRunArguments()) as unknown as Record<string, unknown>;

/** BigQuery is never reached in these runs: the first job fails, after validation has passed. */
const connectors: ConnectorRegistry = new Map([
  [
    'googleapis.bigquery.v2.jobs.insert',
    async () => {
      throw new Error('validation passed');
    },
  ],
]);

// Compiled and parsed once, before the tests: each case then costs one short interpreter run.
let program: Program;
beforeAll(() => {
  const parsed = parseWorkflowSource(compiledWorkflowSource('tune-and-evaluate'));
  if (!parsed.program) throw new Error(parsed.deployErrors.join('; '));
  program = parsed.program;
});

/** The problems the workflow lists for these arguments, or 'passed' when it gets past validation. */
async function problems(args: unknown): Promise<string[] | 'passed'> {
  const outcome = await runWorkflow(program, {
    argument: args,
    connectors,
    env: {},
  });
  expect(outcome.state).toBe('FAILED');
  const error = outcome.error as { tags?: string[]; message: string; problems?: string[] };
  if (error.problems === undefined) {
    expect(error.message).toMatch(/validation passed$/);
    return 'passed';
  }
  expect(error.tags).toEqual(['ValueError']);
  expect(error.message).toBe(['invalid run arguments:', ...error.problems.map((p) => `- ${p}`)].join('\n'));
  return error.problems;
}

/** The valid arguments with the value at `path` replaced (undefined removes it). */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(valid);
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[keys[keys.length - 1]];
  else node[keys[keys.length - 1]] = value;
  return copy;
}

const runId = 'runId must be a lower-case letter, then up to 62 of a-z, 0-9, _';
const unitRule = (key: string) => `model.generation.${key} must be in [0, 1]`;
const tunable =
  'model.baseEndpoint must be a tunable base model: gemini-3.5-flash, gemini-3.5-flash-lite, gemini-2.5-pro, gemini-2.5-flash-lite, gemini-2.0-flash-001, gemini-2.0-flash-lite-001';
const palm =
  'model.baseEndpoint: text-bison is retired (PaLM 2 models were shut down on 2025-04-09 (no new tuning jobs since 2024-10-09)); use gemini-3.5-flash instead';
const gemini15 = (prefix: string) =>
  `model.baseEndpoint: ${prefix} is retired (Gemini 1.5 models are retired); use gemini-3.5-flash instead`;
const positive = (path: string) => `${path} must be a whole number >= 1`;

const cases: [string, unknown, string[]][] = [
  ['runId', `a${'b'.repeat(62)}`, []],
  ['runId', `a${'b'.repeat(63)}`, [runId]],
  ['runId', 'Run_1', [runId]],
  ['runId', 7, [runId]],
  ['project', 'ab', ['project must be a Google Cloud project id']],
  ['location', 'us-central1', []],
  ['location', 'mars', ['location must be US, EU or a region such as us-central1']],
  ['dataset', 'bad-dataset', ['dataset must be a BigQuery dataset id']],
  ['connection', 'p.us', ['connection must be project.location.connection_id']],
  ['connection', 'p.us.c.d', ['connection must be project.location.connection_id']],
  ['connection', undefined, ['connection must be project.location.connection_id']],
  ['data.train', 'https://bucket/train.jsonl', ['data.train must be a gs://bucket/path URI']],
  ['data.eval', 'gs://bucket/', ['data.eval must be a gs://bucket/path URI']],
  // An unknown type fits no labels rule and no gate metric either: all three are named.
  [
    'task.type',
    'regression',
    [
      'task.type must be classification, text_generation, summarization, question_answering',
      'task.labels must list at least two labels for classification, and be absent for other tasks',
      'gate.metric must fit task.type: classification macro_f1|micro_f1|weighted_f1|accuracy; text_generation rouge-l_f1|bleu4_score; summarization rouge-l_f1|rouge-l_precision|rouge-l_recall; question_answering exact_match',
    ],
  ],
  ['task.labels', ['a', 'b'], []],
  [
    'task.labels',
    ['a'],
    ['task.labels must list at least two labels for classification, and be absent for other tasks'],
  ],
  [
    'task.labels',
    ['a', ''],
    ['task.labels must list at least two labels for classification, and be absent for other tasks'],
  ],
  [
    'task.labels',
    ['a', 2],
    ['task.labels must list at least two labels for classification, and be absent for other tasks'],
  ],
  [
    'task.labels',
    'a, b',
    ['task.labels must list at least two labels for classification, and be absent for other tasks'],
  ],
  ['task.promptTemplate.prefix', 5, ['task.promptTemplate.prefix must be text']],
  ['task.promptTemplate.suffix', undefined, []],
  ['task.promptTemplate.suffix', 5, ['task.promptTemplate.suffix must be text']],
  ['model.baseEndpoint', 'gemini-2.0-flash-lite-001', []],
  ['model.baseEndpoint', 'gemini-2.5-flash', [tunable]],
  ['model.baseEndpoint', 'text-bison@002', [tunable, palm]],
  ['model.baseEndpoint', 'gemini-1.5-flash-002', [tunable, gemini15('gemini-1.5-flash')]],
  // A name that only starts like a retired one is not that model.
  ['model.baseEndpoint', 'gemini-1.5-flashy', [tunable]],
  ['model.tuning.maxIterations', 1, []],
  ['model.tuning.maxIterations', 0, [positive('model.tuning.maxIterations')]],
  ['model.tuning.maxIterations', 1.5, [positive('model.tuning.maxIterations')]],
  ['model.tuning.maxIterations', '5', [positive('model.tuning.maxIterations')]],
  ['model.tuning.learningRateMultiplier', 0.000001, []],
  [
    'model.tuning.learningRateMultiplier',
    0,
    ['model.tuning.learningRateMultiplier must be a number > 0 with at most 6 decimals'],
  ],
  [
    'model.tuning.dataSplitMethod',
    'CUSTOM',
    ['model.tuning.dataSplitMethod must be NO_SPLIT, AUTO_SPLIT or RANDOM'],
  ],
  ['model.tuning.dataSplitMethod', 'RANDOM', []],
  ['model.tuning.dataSplitMethod', 'AUTO_SPLIT', []],
  ['model.tuning.dataSplitEvalFraction', 0.25, []],
  [
    'model.tuning.dataSplitEvalFraction',
    0.255,
    ['model.tuning.dataSplitEvalFraction must be in [0, 1] with at most two decimals'],
  ],
  ['model.tuning.evaluationTask', 'UNSPECIFIED', []],
  ['model.tuning.evaluationTask', 'TEXT_GENERATION', []],
  ['model.tuning.evaluationTask', 'SUMMARIZATION', []],
  ['model.tuning.evaluationTask', 'QUESTION_ANSWERING', []],
  [
    'model.tuning.evaluationTask',
    'RANKING',
    ['model.tuning.evaluationTask is not a documented evaluation task'],
  ],
  ['model.generation.function', 'ML.GENERATE_TEXT', []],
  [
    'model.generation.function',
    'ML.PREDICT',
    ['model.generation.function must be AI.GENERATE_TEXT or ML.GENERATE_TEXT'],
  ],
  ['model.generation.maxOutputTokens', 8192, []],
  [
    'model.generation.maxOutputTokens',
    8193,
    ['model.generation.maxOutputTokens must be a whole number from 1 to 8192'],
  ],
  ['model.generation.temperature', 1, []],
  ['model.generation.temperature', 1.01, [unitRule('temperature')]],
  ['model.generation.topP', -0.1, [unitRule('topP')]],
  ['model.retries.maxPasses', 0, [positive('model.retries.maxPasses')]],
  [
    'checks.minTrainRows',
    0,
    ['checks.minTrainRows must be a whole number (BigQuery needs at least 10 training rows)'],
  ],
  ['checks.minEvalRows', 0, [positive('checks.minEvalRows')]],
  ['gate.metric', 'accuracy', []],
  [
    'gate.metric',
    'f1',
    [
      'gate.metric must fit task.type: classification macro_f1|micro_f1|weighted_f1|accuracy; text_generation rouge-l_f1|bleu4_score; summarization rouge-l_f1|rouge-l_precision|rouge-l_recall; question_answering exact_match',
    ],
  ],
  ...['minImprovementOverBaseline', 'minImprovementOverChampion', 'maxLabelRegression', 'minSuccessRate'].map(
    (key): [string, unknown, string[]] => [`gate.${key}`, 1.5, [`gate.${key} must be a number in [0, 1]`]],
  ),
  ['gate.minLabelSupport', undefined, []],
  ['gate.minLabelSupport', 0, [positive('gate.minLabelSupport')]],
  ['gate.minServingDays', 3, []],
  ['gate.minServingDays', null, []],
  ['gate.minServingDays', 0, [positive('gate.minServingDays')]],
  ['deploy.servingName', `A${'b'.repeat(63)}`, []],
  ['deploy.servingName', '1st', ['deploy.servingName must be a letter, then up to 63 letters, digits or _']],
  ...['emptyInputs', 'missingOutputs', 'unknownLabels', 'duplicates', 'leakage', 'conflictingLabels'].flatMap(
    (key): [string, unknown, string[]][] => [
      [`checks.${key}`, 'warn', []],
      [`checks.${key}`, 'ignore', [`checks.${key} must be fail or warn`]],
    ],
  ),
];

test('the valid example passes', async () => {
  expect(await problems(valid)).toBe('passed');
});

test.each(cases)('%s = %j: %j', async (path, value, expected) => {
  expect(await problems(withValue(path, value))).toEqual(expected.length === 0 ? 'passed' : expected);
});

test('every problem is listed, in the order of the rules', async () => {
  const args = withValue('gate.metric', 'f1');
  (args.model as { generation: Record<string, unknown> }).generation.topP = 2;
  args.runId = 'X';
  expect(await problems(args)).toEqual([
    runId,
    unitRule('topP'),
    'gate.metric must fit task.type: classification macro_f1|micro_f1|weighted_f1|accuracy; text_generation rouge-l_f1|bleu4_score; summarization rouge-l_f1|rouge-l_precision|rouge-l_recall; question_answering exact_match',
  ]);
});
