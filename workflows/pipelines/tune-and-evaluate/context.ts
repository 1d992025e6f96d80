import { assign, call, fn, forIn, switchStep, tpl, v, when, type Expr, type Step } from '../../dsl';
import { placeholderPatternsByName } from './statements';
import { arg, validateArguments } from './validate';

const env = (name: string, fallback: ReturnType<typeof fn> | null = null) =>
  fallback === null ? fn('sys.get_env', name) : fn('sys.get_env', name, fallback);

/**
 * A FLOAT64 value as SQL text with a decimal point, as the compile-time options are written: `string(0)` is
 * "0", which BigQuery would read as an INT64 literal (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#floating_point_literals).
 * Exponent forms are left as they are (the placeholder patterns refuse them).
 */
export const float64Text = (value: Expr): Expr =>
  fn(
    'if',
    fn('text.match_regex', fn('string', value), '[.eE]'),
    fn('string', value),
    tpl`${fn('string', value)}.0`,
  );

/**
 * Where a run executes, from its arguments or, for a scheduled or event-started execution, the environment
 * the deployment sets (BQTUNE_*): run_id (`<prefix>_<execution id>` when not given), project, location,
 * dataset. Every pipeline reads its identity this way.
 */
export function runIdentityArguments(prefix: string): Record<string, Expr> {
  return {
    run_id: fn(
      'default',
      arg('runId'),
      tpl`${prefix}_${fn('text.replace_all_regex', fn('text.to_lower', env('GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID')), '[^a-z0-9]', '_')}`,
    ),
    project: fn('default', arg('project'), env('BQTUNE_PROJECT', env('GOOGLE_CLOUD_PROJECT_ID'))),
    location: fn('default', arg('location'), env('BQTUNE_LOCATION')),
    dataset: fn('default', arg('dataset'), env('BQTUNE_DATASET')),
  };
}

/**
 * The context fields that name this execution, which the job submission (`bigquery.ts`) and the run rows
 * (`record.ts`) read; every pipeline's context carries them.
 */
export function executionIdentity(): Record<string, Expr> {
  return {
    // Labels every job of this execution, so a job id taken by another execution is told apart.
    // (a label value: lower-case letters, digits, `-` and `_`, at most 63 characters).
    execution_token: fn('text.to_lower', fn('uuid.generate')),
    // Recorded with every runs row, so a run left `running` can be reconciled from its execution.
    execution: tpl`projects/${env('GOOGLE_CLOUD_PROJECT_ID')}/locations/${env('GOOGLE_CLOUD_LOCATION')}/workflows/${env('GOOGLE_CLOUD_WORKFLOW_ID')}/executions/${env('GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID')}`,
  };
}

/**
 * Reads the run's identity from its arguments, falling back to the environment the deployment sets
 * (BQTUNE_*) so a scheduled execution with partial arguments still knows where to run, then validates.
 */
export function contextSteps(): Step[] {
  return [
    // An execution started by an Eventarc trigger receives the storage event, not run arguments: it runs
    // with the arguments the deployment configured for events (BQTUNE_RUN_ARGUMENTS), keeping the event.
    switchStep('event_started', [
      when(fn('get_type', v('args')).ne('map'), {
        steps: [assign('no_arguments', { args: { trigger_event: v('args') } })],
      }),
    ]),
    switchStep('use_deployed_arguments', [
      when(arg('task').eq(null).and(env('BQTUNE_RUN_ARGUMENTS').ne(null)), {
        steps: [
          assign('deployed_arguments', {
            args: fn('map.merge', fn('json.decode', env('BQTUNE_RUN_ARGUMENTS')), {
              trigger_event: v('args'),
            }),
          }),
        ],
      }),
    ]),
    assign('read_arguments', {
      ...runIdentityArguments('run'),
      connection: fn('default', arg('connection'), env('BQTUNE_CONNECTION')),
    }),
    call('validate_arguments', validateArguments, {
      args: {
        args: v('args'),
        run_id: v('run_id'),
        project: v('project'),
        location: v('location'),
        dataset: v('dataset'),
        connection: v('connection'),
      },
    }),
    assign('label_parameter', { labels_param: [] }),
    forIn('each_label', { value: 'label', in: fn('default', arg('task', 'labels'), []) }, [
      assign('add_label', { labels_param: fn('list.concat', v('labels_param'), { value: v('label') }) }),
    ]),
    assign('build_context', {
      conn: fn('text.split', v('connection'), '.'),
      tuning: v('args').get('model').get('tuning'),
      generation: v('args').get('model').get('generation'),
      // The same id as baseModelId() in bigquery/endpoints.ts, which Pulumi creates the model under.
      base_model_id: tpl`base_${fn('text.replace_all_regex', v('args').get('model').get('baseEndpoint'), '[^A-Za-z0-9]', '_')}`,
    }),
    assign('context', {
      ctx: {
        pipeline: 'tune-and-evaluate',
        run_id: v('run_id'),
        ...executionIdentity(),
        project: v('project'),
        location: v('location'),
        dataset: v('dataset'),
        serving_name: v('args').get('deploy').get('servingName'),
        generate: fn('if', v('generation').get('function').eq('AI.GENERATE_TEXT'), 'ai', 'ml'),
        max_passes: v('args').get('model').get('retries').get('maxPasses'),
        labels_param: v('labels_param'),
        // Classification is scored per label; the other task types on free text (bigquery/task-types.ts).
        classify: v('args').get('task').get('type').eq('classification'),
        patterns: placeholderPatternsByName,
        values: {
          project: v('project'),
          dataset: v('dataset'),
          conn_project: v('conn').at(0),
          conn_location: v('conn').at(1),
          conn_id: v('conn').at(2),
          train_uri: v('args').get('data').get('train'),
          eval_uri: v('args').get('data').get('eval'),
          train_table: tpl`train_${v('run_id')}`,
          eval_table: tpl`eval_${v('run_id')}`,
          train_prompts: tpl`train_prompts_${v('run_id')}`,
          eval_prompts: tpl`eval_prompts_${v('run_id')}`,
          base_model: v('base_model_id'),
          generation_endpoint: v('args').get('model').get('baseEndpoint'),
          tuning_endpoint: v('args').get('model').get('baseEndpoint'),
          max_iterations: fn('string', v('tuning').get('maxIterations')),
          learning_rate_multiplier: float64Text(v('tuning').get('learningRateMultiplier')),
          data_split_method: fn(
            'if',
            v('tuning').get('dataSplitMethod').eq('RANDOM'),
            'NO_SPLIT',
            v('tuning').get('dataSplitMethod'),
          ),
          data_split_eval_fraction: float64Text(
            fn('default', fn('map.get', v('tuning'), 'dataSplitEvalFraction'), 0.2),
          ),
          evaluation_task: v('tuning').get('evaluationTask'),
          // ML.EVALUATE's name of the task type, for the text metrics (unused by classification).
          task_type: fn('text.to_upper', v('args').get('task').get('type')),
          max_output_tokens: fn('string', v('generation').get('maxOutputTokens')),
          temperature: float64Text(v('generation').get('temperature')),
          top_p: float64Text(v('generation').get('topP')),
        },
      },
    }),
  ];
}
