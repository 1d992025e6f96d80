import {
  assign,
  fn,
  forIn,
  raiseStep,
  returnStep,
  subworkflow,
  switchStep,
  tpl,
  v,
  when,
  type Expr,
  type ValueInput,
} from '../../dsl';
import {
  dataChecks,
  placeholderPatterns,
  retiredModels,
  taskTypeNames,
  taskTypes,
  tunableBaseModels,
  type PlaceholderKind,
} from '../../../bigquery';
import { re2Pattern } from '../../re2';
import { defaultMinLabelSupport } from './gate';
import { Tag } from '../../facts/error-tags';

/** A run-argument value by path; missing keys read as null so one bad argument cannot hide the others. */
export const arg = (...path: string[]): Expr => fn('map.get', v('args'), path);

/** True when the value is a string matching the pattern (never raises, whatever the value is). */
export const isText = subworkflow(
  'is_text',
  ['value', 'pattern'],
  [
    switchStep('text_type', [when(fn('get_type', v('value')).ne('string'), { return: false })]),
    returnStep('text_matches', fn('text.match_regex', v('value'), v('pattern'))),
  ],
);

/** True when the value is a number whose decimal form matches the pattern. */
export const isNumber = subworkflow(
  'is_number',
  ['value', 'pattern'],
  [
    switchStep('number_type', [
      when(fn('get_type', v('value')).in(['integer', 'double']).not(), { return: false }),
    ]),
    returnStep('number_matches', fn('text.match_regex', fn('string', v('value')), v('pattern'))),
  ],
);

/** True when the value is a list of at least two non-empty strings. */
export const isLabelList = subworkflow(
  'is_label_list',
  ['value'],
  [
    switchStep('list_type', [when(fn('get_type', v('value')).ne('list'), { return: false })]),
    switchStep('list_size', [when(fn('len', v('value')).lt(2), { return: false })]),
    forIn('each_label', { value: 'label', in: v('value') }, [
      switchStep('label_type', [
        when(fn('get_type', v('label')).ne('string'), { return: false }),
        when(fn('len', v('label')).eq(0), { return: false }),
      ]),
    ]),
    returnStep('labels_ok', true),
  ],
);

const text = (value: Expr, kind: PlaceholderKind | 'runId' | 'servingName'): Expr =>
  fn('is_text', value, v('patterns').get(typeof kind === 'string' ? kind : 'enum'));
const oneOf = (value: Expr, allowed: readonly string[]): Expr => value.in([...allowed]);
const number = (value: Expr, kind: PlaceholderKind): Expr =>
  fn('is_number', value, v('patterns').get(kind as string));
const unit = (value: Expr): Expr => number(value, 'unitInterval');

const checkLevels = ['fail', 'warn'];
/** Every `checks.*` option that sets a data check's severity. */
const checkNames = Object.values(dataChecks).flatMap((c) => (c.setting === null ? [] : [c.setting]));

/** A rule a run argument must meet, with the message a user sees when it does not. */
interface Rule {
  ok: Expr;
  message: string;
}

/** Where the run goes and what it reads: the run id, project, location, dataset, connection, data URIs. */
function targetRules(): Rule[] {
  return [
    {
      ok: text(v('run_id'), 'runId'),
      message: 'runId must be a lower-case letter, then up to 62 of a-z, 0-9, _',
    },
    { ok: text(v('project'), 'projectId'), message: 'project must be a Google Cloud project id' },
    {
      ok: text(v('location'), 'location'),
      message: 'location must be US, EU or a region such as us-central1',
    },
    { ok: text(v('dataset'), 'datasetId'), message: 'dataset must be a BigQuery dataset id' },
    {
      ok: fn('len', v('connection_parts')).eq(3),
      message: 'connection must be project.location.connection_id',
    },
    { ok: text(arg('data', 'train'), 'gcsUri'), message: 'data.train must be a gs://bucket/path URI' },
    { ok: text(arg('data', 'eval'), 'gcsUri'), message: 'data.eval must be a gs://bucket/path URI' },
  ];
}

/** The task: its type, labels and prompt template. */
function taskRules(): Rule[] {
  return [
    {
      ok: fn('len', v('task_metrics')).gt(0),
      message: `task.type must be ${taskTypeNames.join(', ')}`,
    },
    {
      ok: fn(
        'if',
        arg('task', 'type').eq('classification'),
        fn('is_label_list', arg('task', 'labels')),
        arg('task', 'labels').eq(null),
      ),
      message: 'task.labels must list at least two labels for classification, and be absent for other tasks',
    },
    {
      ok: fn('get_type', arg('task', 'promptTemplate', 'prefix')).eq('string'),
      message: 'task.promptTemplate.prefix must be text',
    },
    {
      ok: fn('get_type', fn('default', arg('task', 'promptTemplate', 'suffix'), '')).eq('string'),
      message: 'task.promptTemplate.suffix must be text',
    },
  ];
}

/** The base model, its tuning, generation and retry options. */
function modelRules(): Rule[] {
  return [
    {
      ok: oneOf(arg('model', 'baseEndpoint'), tunableBaseModels),
      message: `model.baseEndpoint must be a tunable base model: ${tunableBaseModels.join(', ')}`,
    },
    {
      ok: number(arg('model', 'tuning', 'maxIterations'), 'positiveInteger'),
      message: 'model.tuning.maxIterations must be a whole number >= 1',
    },
    {
      ok: number(arg('model', 'tuning', 'learningRateMultiplier'), 'positiveDecimal'),
      message: 'model.tuning.learningRateMultiplier must be a number > 0 with at most 6 decimals',
    },
    {
      ok: oneOf(arg('model', 'tuning', 'dataSplitMethod'), ['AUTO_SPLIT', 'NO_SPLIT', 'RANDOM']),
      message: 'model.tuning.dataSplitMethod must be NO_SPLIT, AUTO_SPLIT or RANDOM',
    },
    {
      ok: number(fn('default', arg('model', 'tuning', 'dataSplitEvalFraction'), 0.2), 'evalFraction'),
      message: 'model.tuning.dataSplitEvalFraction must be in [0, 1] with at most two decimals',
    },
    {
      ok: oneOf(arg('model', 'tuning', 'evaluationTask'), [
        'TEXT_GENERATION',
        'CLASSIFICATION',
        'SUMMARIZATION',
        'QUESTION_ANSWERING',
        'UNSPECIFIED',
      ]),
      message: 'model.tuning.evaluationTask is not a documented evaluation task',
    },
    {
      ok: oneOf(arg('model', 'generation', 'function'), ['AI.GENERATE_TEXT', 'ML.GENERATE_TEXT']),
      message: 'model.generation.function must be AI.GENERATE_TEXT or ML.GENERATE_TEXT',
    },
    {
      ok: number(arg('model', 'generation', 'maxOutputTokens'), 'maxOutputTokens'),
      message: 'model.generation.maxOutputTokens must be a whole number from 1 to 8192',
    },
    {
      ok: unit(arg('model', 'generation', 'temperature')),
      message: 'model.generation.temperature must be in [0, 1]',
    },
    { ok: unit(arg('model', 'generation', 'topP')), message: 'model.generation.topP must be in [0, 1]' },
    {
      ok: number(arg('model', 'retries', 'maxPasses'), 'positiveInteger'),
      message: 'model.retries.maxPasses must be a whole number >= 1',
    },
  ];
}

/** The data checks, the gate and the serving name. */
function checkAndGateRules(): Rule[] {
  return [
    {
      ok: number(arg('checks', 'minTrainRows'), 'positiveInteger'),
      message: 'checks.minTrainRows must be a whole number (BigQuery needs at least 10 training rows)',
    },
    {
      ok: number(arg('checks', 'minEvalRows'), 'positiveInteger'),
      message: 'checks.minEvalRows must be a whole number >= 1',
    },
    {
      ok: arg('gate', 'metric').in(v('task_metrics')),
      message: `gate.metric must fit task.type: ${taskTypeNames.map((t) => `${t} ${taskTypes[t].gateMetrics.join('|')}`).join('; ')}`,
    },
    ...[
      'minImprovementOverBaseline',
      'minImprovementOverChampion',
      'maxLabelRegression',
      'minSuccessRate',
    ].map((key) => ({ ok: unit(arg('gate', key)), message: `gate.${key} must be a number in [0, 1]` })),
    {
      ok: number(fn('default', arg('gate', 'minLabelSupport'), defaultMinLabelSupport), 'positiveInteger'),
      message: 'gate.minLabelSupport must be a whole number >= 1',
    },
    {
      ok: arg('gate', 'minServingDays')
        .eq(null)
        .or(number(arg('gate', 'minServingDays'), 'positiveInteger')),
      message: 'gate.minServingDays must be a whole number >= 1',
    },
    {
      ok: text(arg('deploy', 'servingName'), 'servingName'),
      message: 'deploy.servingName must be a letter, then up to 63 letters, digits or _',
    },
    ...checkNames.map((key) => ({
      ok: oneOf(arg('checks', key), checkLevels),
      message: `checks.${key} must be fail or warn`,
    })),
  ];
}

/** Every rule a run argument must meet, in the order the workflow checks them. */
function rules(): Rule[] {
  return [...targetRules(), ...taskRules(), ...modelRules(), ...checkAndGateRules()];
}

/** The patterns the rules use, as one literal map (so no expression repeats a long regex). */
function patterns(): ValueInput {
  return {
    ...placeholderPatterns,
    runId: re2Pattern('^[a-z][a-z0-9_]{0,62}$'),
    servingName: re2Pattern('^[A-Za-z][A-Za-z0-9_]{0,63}$'),
  };
}

/**
 * Checks every run argument before anything costs money and raises one ValueError listing all problems.
 * The same rules as the JSON Schema, restated here because a scheduled or event-started execution never
 * passes through the CLI's validation.
 */
export const validateArguments = subworkflow(
  'validate_arguments',
  ['args', 'run_id', 'project', 'location', 'dataset', 'connection'],
  [
    assign('prepare', {
      patterns: patterns(),
      connection_parts: fn('text.split', fn('default', v('connection'), ''), '.'),
      retired: Object.fromEntries(
        retiredModels.map((r) => [r.prefix, `${r.prefix} is retired (${r.why}); use ${r.forTuning} instead`]),
      ),
      problems: [],
      task_table: Object.fromEntries(taskTypeNames.map((t) => [t, [...taskTypes[t].gateMetrics]])),
      task_metrics: [],
    }),
    // The gate metrics of a known task type, none for any other value (so task.type is known when some).
    switchStep('known_task', [
      when(arg('task', 'type').in(fn('keys', v('task_table'))), {
        steps: [
          assign('task_fit', {
            task_metrics: v('task_table').at(arg('task', 'type')),
          }),
        ],
      }),
    ]),
    assign('evaluate_rules', {
      rules: rules().map((r) => ({ ok: r.ok, message: r.message })),
    }),
    forIn('collect', { value: 'rule', in: v('rules') }, [
      switchStep('failed', [
        when(v('rule').get('ok').eq(true).not(), {
          steps: [
            assign('add_problem', { problems: fn('list.concat', v('problems'), v('rule').get('message')) }),
          ],
        }),
      ]),
    ]),
    forIn('retired_endpoints', { value: 'prefix', in: fn('keys', v('retired')) }, [
      switchStep('is_retired', [
        when(fn('is_text', arg('model', 'baseEndpoint'), tpl`^${v('prefix')}([-@].*)?$`), {
          steps: [
            assign('add_retired', {
              problems: fn(
                'list.concat',
                v('problems'),
                tpl`model.baseEndpoint: ${v('retired').at(v('prefix'))}`,
              ),
            }),
          ],
        }),
      ]),
    ]),
    switchStep('any_problems', [when(fn('len', v('problems')).eq(0), { return: true })]),
    assign('start_message', { message: 'invalid run arguments:' }),
    forIn('join_problems', { value: 'problem', in: v('problems') }, [
      assign('append_problem', { message: tpl`${v('message')}\n- ${v('problem')}` }),
    ]),
    raiseStep('invalid_arguments', {
      tags: [Tag.ValueError],
      message: v('message'),
      problems: v('problems'),
    }),
  ],
);

export const validationSubworkflows = [isText, isNumber, isLabelList, validateArguments];
