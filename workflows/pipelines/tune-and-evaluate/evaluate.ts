import {
  assign,
  call,
  fn,
  forIn,
  forRange,
  jump,
  returnStep,
  subworkflow,
  switchStep,
  tpl,
  v,
  when,
  type Step,
} from '../../dsl';
import { ctx } from './context';
import { runStatement, storedParams } from './bigquery';
import { contextValues } from './placeholders';
import { statements } from './statements';

/** The values of one model's evaluation: the run's, the model and its role; kept in the variable `values`. */
const modelValues = contextValues.with({ model: v('model_id'), role: v('role') });
const values = modelValues.storedAt(v('values'));

const withRun = { run_id: ctx.run_id, eval_fingerprint: v('eval_key') };
/** @run_id and @eval_fingerprint, stored once: the four generation statements and the text metrics read them. */
const runParams = storedParams('run_params', statements.writeMetrics.generation, withRun);

/** One generation pass with the run's generate function: every prompt, or only the retryable rows. */
function generatePass(name: string, mode: 'all' | 'retry'): Step[] {
  return [
    switchStep(name, [
      when(ctx.generate.eq('ai'), {
        steps: runStatement(`${name}_ai`, statements.generate.ai[mode], {
          values,
          params: runParams,
        }),
      }),
      when(true, {
        steps: runStatement(`${name}_ml`, statements.generate.ml[mode], {
          values,
          params: runParams,
        }),
      }),
    ]),
  ];
}

/** How far generation got for one model over the eval prompts (see predictionStatusQuery). */
export const predictionStatus = subworkflow(
  'prediction_status',
  ['ctx', 'values', 'eval_key'],
  [
    ...runStatement('status_query', statements.predictionStatus, {
      values,
      params: { eval_fingerprint: v('eval_key') },
      rows: 'status_rows',
    }),
    returnStep('status', v('status_rows').at(0)),
  ],
);

function status(name: string): Step {
  return call(name, predictionStatus, {
    args: { ctx: v('ctx'), values: values.expr, eval_key: v('eval_key') },
    result: `${name}_status`,
  });
}

/**
 * Batch-generates predictions of one model over the eval prompts and computes its metrics from them.
 * Generation happens only when nothing is stored yet for this model and eval key (so a re-run with the same
 * data costs no model calls), then re-generates only rows whose status is retryable, up to `max_passes`.
 */
export const evaluateModel = subworkflow(
  'evaluate_model',
  ['ctx', 'model_id', 'role', 'eval_key'],
  [
    assign('model_values', {
      values: modelValues.expr,
      model_path: tpl`${ctx.project}.${ctx.dataset}.${v('model_id')}`,
      generated: false,
      passes: 0,
      [runParams.variable]: runParams.list,
    }),
    status('stored'),
    switchStep('need_generation', [
      when(fn('int', v('stored_status').get('predicted')).eq(0), {
        steps: [
          ...generatePass('generate_all', 'all'),
          assign('did_generate', { generated: true, passes: 1 }),
        ],
      }),
    ]),
    forRange('retry_passes', { value: 'pass', range: [2, ctx.max_passes] }, [
      status('before_retry'),
      switchStep('anything_to_retry', [
        when(fn('int', v('before_retry_status').get('retryable')).eq(0), { next: 'break' }),
      ]),
      ...generatePass('generate_retryable', 'retry'),
      assign('did_retry', { generated: true, passes: v('pass') }),
    ]),
    status('final'),
    // Per-label metrics for classification, the task's text metrics for the others (bigquery/task-types.ts).
    // Jumps rather than nested steps: the statements' lines are embedded once, at shallow indentation.
    switchStep('metrics_kind', [when(ctx.classify.not(), { next: 'text_metrics' })]),
    ...runStatement('label_metrics', statements.writeMetrics.classification, {
      values,
      params: { ...withRun, labels: ctx.labels_param },
    }),
    jump('label_metrics_written', 'read_metrics'),
    ...runStatement('text_metrics', statements.writeMetrics.generation, {
      values,
      params: runParams,
    }),
    ...runStatement('read_metrics', statements.readMetrics, {
      values,
      params: { run_id: ctx.run_id },
      rows: 'metric_rows',
    }),
    assign('start_metrics', { metrics: {} }),
    forIn('each_metric', { value: 'r', in: v('metric_rows') }, [
      assign('put_metric', [[v('metrics').at(v('r').get('metric')), fn('double', v('r').get('value'))]]),
    ]),
    returnStep('evaluated', {
      model: v('model_path'),
      model_id: v('model_id'),
      role: v('role'),
      generated: v('generated'),
      passes: v('passes'),
      prompts: fn('int', v('final_status').get('prompts')),
      succeeded: fn('int', v('final_status').get('succeeded')),
      retryable: fn('int', v('final_status').get('retryable')),
      metrics: v('metrics'),
    }),
  ],
);
