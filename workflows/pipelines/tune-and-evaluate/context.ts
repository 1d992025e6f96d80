import { assign, call, fn, forIn, switchStep, tpl, v, when, type Expr, type Step } from '../../dsl';
import { contextFields } from '../context-fields';
import { placeholders } from './placeholders';
import { arg, validateArguments } from './validate';

const env = (name: string, fallback: ReturnType<typeof fn> | null = null) =>
  fallback === null ? fn('sys.get_env', name) : fn('sys.get_env', name, fallback);

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
export function executionIdentity() {
  return {
    // Labels every job of this execution, so a job id taken by another execution is told apart.
    // (a label value: lower-case letters, digits, `-` and `_`, at most 63 characters).
    execution_token: fn('text.to_lower', fn('uuid.generate')),
    // Recorded with every runs row, so a run left `running` can be reconciled from its execution.
    execution: tpl`projects/${env('GOOGLE_CLOUD_PROJECT_ID')}/locations/${env('GOOGLE_CLOUD_LOCATION')}/workflows/${env('GOOGLE_CLOUD_WORKFLOW_ID')}/executions/${env('GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID')}`,
  };
}

/**
 * The context fields every pipeline's context starts with, in this order: the pipeline's name, where the
 * run executes (from the `read_arguments` step's variables) and the execution's identity. The job
 * submission (`bigquery.ts`) and the run rows (`record.ts`) read them for either pipeline.
 */
export function identityFields(pipeline: string) {
  return {
    pipeline,
    run_id: v('run_id'),
    ...executionIdentity(),
    project: v('project'),
    location: v('location'),
    dataset: v('dataset'),
  };
}

/**
 * The fields every pipeline's context holds (its identity, `patterns` and `values`), for the subworkflows
 * both pipelines call with their own `ctx`.
 */
export const sharedContext = contextFields({ ...identityFields(''), patterns: {}, values: {} });

/**
 * tune-and-evaluate's context map (`ctx`), built by the last of `contextSteps` from the variables of the
 * steps before it.
 */
const contextMap = {
  ...identityFields('tune-and-evaluate'),
  serving_name: v('args').get('deploy').get('servingName'),
  generate: fn('if', v('generation').get('function').eq('AI.GENERATE_TEXT'), 'ai', 'ml'),
  max_passes: v('args').get('model').get('retries').get('maxPasses'),
  labels_param: v('labels_param'),
  // Classification is scored per label; the other task types on free text (bigquery/task-types.ts).
  classify: v('args').get('task').get('type').eq('classification'),
  // The pattern of every placeholder and the run-wide values, both declared in placeholders.ts.
  patterns: placeholders.patterns,
  values: placeholders.contextValues,
};

/** tune-and-evaluate's context fields by name: `ctx.run_id` reads the run id. */
export const ctx = contextFields(contextMap);

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
    assign('context', { ctx: contextMap }),
  ];
}
