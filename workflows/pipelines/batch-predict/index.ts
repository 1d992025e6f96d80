import {
  assign,
  call,
  fn,
  forIn,
  forRange,
  raiseStep,
  returnStep,
  subworkflow,
  switchStep,
  tpl,
  tryStep,
  v,
  when,
  workflow,
  type Step,
  type Workflow,
} from '../../dsl';
import { float64Text } from '../placeholders';
import { bigquerySubworkflows } from '../tune-and-evaluate/bigquery';
import { asJson, recordRun } from '../tune-and-evaluate/record';
import { contextSteps, contextSubworkflows, ctx } from './context';
import { contextValues, runStatement } from './placeholders';
import { statements } from './statements';
import { Tag } from '../../facts/error-tags';
import { PipelineTag } from '../error-tags';

/**
 * `ctx.values` grows as the run learns: these are the values it holds after each step that adds some (the
 * steps store `.expr` in `ctx.values`; later statements read them back from there).
 */
const storedInContext = ctx.values;
/** Once the champion is resolved: its model, its run and the generation settings it was evaluated with. */
const championFound = contextValues.with({
  model: v('champion_model_id'),
  serving_function: ctx.serving_name,
  champion_run: v('champion_runs').at(0).get('run_id'),
  max_output_tokens: v('max_output_tokens'),
  temperature: v('temperature'),
  top_p: v('top_p'),
});
const afterChampion = championFound.storedAt(storedInContext);
/** A file source: loaded into this run's staging table, with the columns `bqtune predict` writes. */
const fileSource = afterChampion.with({
  source_project: ctx.project,
  source_dataset: ctx.dataset,
  source_table: tpl`predict_source_${ctx.run_id}`,
  source_uri: v('args').get('source').get('uri'),
  key_column: 'id',
  input_column: 'input_text',
});
/** A table source: read where it is, with the configured columns. */
const tableSource = afterChampion.with({
  source_project: v('source_parts').at(0),
  source_dataset: v('source_parts').at(1),
  source_table: v('source_parts').at(2),
  key_column: fn('default', fn('map.get', v('args'), 'keyColumn'), 'id'),
  input_column: fn('default', fn('map.get', v('args'), 'inputColumn'), 'input_text'),
});
/** After either source: what both bind. */
const afterSource = tableSource.storedAt(storedInContext);

/** One generation pass with the champion's generate function: every pending prompt, or the retryable ones. */
function servePass(name: string, mode: 'all' | 'retry'): Step[] {
  const params = { serving_name: ctx.serving_name, run_id: ctx.run_id };
  return [
    switchStep(name, [
      when(ctx.generate.eq('ai'), {
        steps: runStatement(`${name}_ai`, statements.serve.ai[mode], { values: afterChampion, params }),
      }),
      when(true, {
        steps: runStatement(`${name}_ml`, statements.serve.ml[mode], { values: afterChampion, params }),
      }),
    ]),
  ];
}

/** Counts of this run's pending keys by the outcome of their latest row (see servedStatusQuery). */
const servedStatus = subworkflow(
  'served_status',
  ['ctx'],
  [
    ...runStatement('status_query', statements.status, {
      values: afterChampion,
      params: { serving_name: ctx.serving_name },
      rows: 'status_rows',
    }),
    assign('counts', { row: v('status_rows').at(0) }),
    returnStep('status', {
      pending: fn('int', v('row').get('pending')),
      succeeded: fn('int', fn('default', v('row').get('succeeded'), '0')),
      retryable: fn('int', fn('default', v('row').get('retryable'), '0')),
      failed: fn('int', fn('default', v('row').get('failed'), '0')),
    }),
  ],
);

/** Resolves the serving name's champion and the settings it was tuned and evaluated with. */
function championSteps(): Step[] {
  return [
    ...runStatement('find_champion', statements.champion, {
      params: { serving_name: ctx.serving_name },
      rows: 'champion_rows',
    }),
    switchStep('has_champion', [
      when(fn('len', v('champion_rows')).eq(0), {
        raise: {
          tags: [Tag.ValueError, PipelineTag.NoChampionError],
          message: tpl`serving name ${ctx.serving_name} has no champion yet: run tune-and-evaluate until a model is promoted; no model was called`,
        },
      }),
    ]),
    assign('champion_found', {
      champion_model: v('champion_rows').at(0).get('model_name'),
      champion_parts: fn('text.split', v('champion_rows').at(0).get('model_name'), '.'),
    }),
    ...runStatement('find_champion_run', statements.championRun, {
      params: { model_name: v('champion_model') },
      rows: 'champion_runs',
    }),
    switchStep('has_champion_run', [
      when(fn('len', v('champion_runs')).eq(0), {
        raise: {
          tags: [Tag.ValueError, PipelineTag.NoChampionError],
          message: tpl`no run in the runs table promoted ${v('champion_model')}, so its prompt template and generation settings are unknown; no model was called`,
        },
      }),
    ]),
    assign('champion_settings', {
      champion_config: fn('json.decode', v('champion_runs').at(0).get('config')),
      champion_eval_key: v('champion_runs').at(0).get('eval_key'),
    }),
    assign('champion_context', {
      generation: v('champion_config').get('model').get('generation'),
      template: v('champion_config').get('task').get('promptTemplate'),
    }),
    assign('champion_values', {
      champion_model_id: v('champion_parts').at(fn('len', v('champion_parts')).sub(1)),
      max_output_tokens: fn('string', v('generation').get('maxOutputTokens')),
      temperature: float64Text(v('generation').get('temperature')),
      top_p: float64Text(v('generation').get('topP')),
    }),
    assign('with_champion', {
      ctx: fn('map.merge', v('ctx'), {
        generate: fn('if', v('generation').get('function').eq('AI.GENERATE_TEXT'), 'ai', 'ml'),
        values: championFound.expr,
      }),
    }),
    // The stable name for ad-hoc SQL follows the champion: a promotion and a rollback switch it, and every
    // run points it at the champion it resolved again, which repairs a switch that failed after a promotion.
    ...runStatement('switch_serving_function', statements.servingFunction, { values: afterChampion }),
  ];
}

/** Loads source files into the run's staging table, or points the statements at the source table. */
function sourceSteps(): Step[] {
  return [
    switchStep('which_source', [
      when(fn('map.get', v('args'), ['source', 'uri']).ne(null), {
        steps: [
          assign('file_source', {
            ctx: fn('map.merge', v('ctx'), { values: fileSource.expr }),
          }),
          ...runStatement('load_source', statements.loadSource, {
            values: fileSource.storedAt(storedInContext),
          }),
        ],
      }),
      when(true, {
        steps: [
          assign('table_source', {
            source_parts: fn('text.split', v('args').get('source').get('table'), '.'),
          }),
          assign('table_source_values', {
            ctx: fn('map.merge', v('ctx'), { values: tableSource.expr }),
          }),
        ],
      }),
    ]),
    ...runStatement('check_keys', statements.keyCheck, { values: afterSource, rows: 'key_rows' }),
    assign('key_counts', {
      source_rows: fn('int', v('key_rows').at(0).get('source_rows')),
      null_keys: fn('int', v('key_rows').at(0).get('null_keys')),
      null_inputs: fn('int', v('key_rows').at(0).get('null_inputs')),
      duplicate_keys: fn('int', v('key_rows').at(0).get('duplicate_keys')),
    }),
    switchStep('keys_usable', [
      when(v('null_keys').gt(0).or(v('duplicate_keys').gt(0)), {
        raise: {
          tags: [Tag.ValueError, PipelineTag.DataCheckError],
          message: tpl`source key column ${afterSource.get('key_column')}: ${fn('string', v('null_keys'))} rows without a key and ${fn('string', v('duplicate_keys'))} repeated keys; every row needs its own key; no model was called`,
        },
      }),
    ]),
  ];
}

/** Generates for every pending key, then regenerates retryable rows, up to the configured passes. */
function generationSteps(): Step[] {
  const prompt = { serving_name: ctx.serving_name, model_name: v('champion_model') };
  return [
    ...runStatement('create_prompts', statements.createPrompts),
    ...runStatement('insert_prompts', statements.insertPrompts, {
      values: afterSource,
      params: {
        ...prompt,
        prompt_prefix: v('template').get('prefix'),
        prompt_suffix: fn('default', fn('map.get', v('template'), 'suffix'), ''),
      },
    }),
    call('pending', servedStatus, { args: { ctx: v('ctx') }, result: 'pending_status' }),
    assign('no_passes_yet', { passes: 0 }),
    switchStep('anything_pending', [
      when(v('pending_status').get('pending').gt(0), {
        steps: [...servePass('serve_all', 'all'), assign('first_pass', { passes: 1 })],
      }),
    ]),
    forRange('retry_passes', { value: 'pass', range: [2, ctx.max_passes] }, [
      call('before_retry', servedStatus, { args: { ctx: v('ctx') }, result: 'retry_status' }),
      switchStep('anything_to_retry', [when(v('retry_status').get('retryable').eq(0), { next: 'break' })]),
      ...servePass('serve_retryable', 'retry'),
      assign('did_retry', { passes: v('pass') }),
    ]),
    call('final', servedStatus, { args: { ctx: v('ctx') }, result: 'final_status' }),
  ];
}

/** The drift of this run's predictions against the champion's evaluation predictions (PSI). */
function driftSteps(): Step[] {
  return [
    assign('no_drift_yet', {
      drift: {
        computed: false,
        reason: 'no successful prediction in this run or no evaluation of the champion',
      },
    }),
    switchStep('drift_possible', [
      when(v('final_status').get('succeeded').gt(0).and(v('champion_eval_key').ne(null)), {
        steps: [
          ...runStatement('drift_query', statements.drift, {
            params: {
              run_id: ctx.run_id,
              serving_name: ctx.serving_name,
              model_name: v('champion_model'),
              eval_key: v('champion_eval_key'),
              by_label: fn(
                'if',
                v('champion_config').get('task').get('type').eq('classification'),
                'true',
                'false',
              ),
            },
            rows: 'drift_rows',
          }),
          switchStep('has_reference', [
            when(fn('len', v('drift_rows')).gt(0), {
              steps: [
                assign('start_categories', { categories: [] }),
                forIn('each_category', { value: 'row', in: v('drift_rows') }, [
                  assign('add_category', {
                    categories: fn('list.concat', v('categories'), {
                      category: v('row').get('category'),
                      reference: fn('double', v('row').get('reference_share')),
                      current: fn('double', v('row').get('current_share')),
                      contribution: fn('double', v('row').get('contribution')),
                    }),
                  }),
                ]),
                assign('psi', { psi: fn('double', v('drift_rows').at(0).get('psi')) }),
                assign('drift_result', {
                  drift: {
                    computed: true,
                    statistic: 'population stability index',
                    by: fn('if', ctx.by_label, 'predicted label', 'output length'),
                    psi: v('psi'),
                    threshold: ctx.warn_psi,
                    minRows: ctx.drift_min_rows,
                    rows: v('final_status').get('succeeded'),
                    // PSI grows on small samples: below minRows the statistic is recorded, not warned on.
                    warning: v('psi')
                      .gt(ctx.warn_psi)
                      .and(v('final_status').get('succeeded').ge(ctx.drift_min_rows)),
                    categories: v('categories'),
                  },
                }),
              ],
            }),
          ]),
        ],
      }),
    ]),
  ];
}

/**
 * Drops the run's staging tables: its pending prompts and, for a file source, the loaded files. The source
 * statement reads `afterSource`; after a failure that came before the source was known, `ctx.values` lacks
 * the source names, bind_sql refuses the drop, and the caller's best-effort try absorbs it (nothing was
 * loaded then).
 */
function dropStaging(name: string): Step[] {
  return [
    ...runStatement(`${name}_prompts`, statements.dropPrompts),
    switchStep(`${name}_source_loaded`, [
      when(fn('map.get', v('args'), ['source', 'uri']).ne(null), {
        steps: runStatement(`${name}_source`, statements.dropSource, { values: afterSource }),
      }),
    ]),
  ];
}

/** The part of the run after it is recorded as running; a failure is recorded too. */
function runSteps(): Step[] {
  return [
    ...championSteps(),
    assign('by_label', {
      ctx: fn('map.merge', v('ctx'), {
        by_label: v('champion_config').get('task').get('type').eq('classification'),
      }),
    }),
    ...sourceSteps(),
    ...generationSteps(),
    switchStep('anything_answered', [
      when(v('final_status').get('pending').gt(0).and(v('final_status').get('succeeded').eq(0)), {
        raise: {
          tags: [PipelineTag.GenerationError],
          message: tpl`none of the ${fn('string', v('final_status').get('pending'))} rows sent to the champion succeeded (${fn('string', v('final_status').get('failed'))} failed, ${fn('string', v('final_status').get('retryable'))} still retryable after ${fn('string', v('passes'))} passes); their statuses are in served_predictions`,
        },
      }),
    ]),
    ...driftSteps(),
    ...dropStaging('drop_staging'),
    assign('outcome', {
      status: 'succeeded',
      predictions: {
        servingName: ctx.serving_name,
        champion: v('champion_model'),
        sourceRows: v('source_rows'),
        withoutInput: v('null_inputs'),
        pending: v('final_status').get('pending'),
        succeeded: v('final_status').get('succeeded'),
        failed: v('final_status').get('failed'),
        retryable: v('final_status').get('retryable'),
        passes: v('passes'),
        drift: v('drift'),
      },
    }),
    call('record_outcome', recordRun, {
      args: {
        ctx: v('ctx'),
        fields: {
          status: v('status'),
          config: asJson(v('args')),
          predictions: asJson(v('predictions')),
        },
      },
    }),
  ];
}

/**
 * batch-predict: resolve the serving name's champion → load the source (files) or read it (a table) →
 * generate for the keys this champion has not answered yet, retrying retryable rows → drift against the
 * champion's evaluation → run row. No champion, or a source with missing or repeated keys, fails before any
 * model call.
 */
export function batchPredict(): Workflow {
  return workflow({
    params: ['args'],
    steps: [
      ...contextSteps(),
      call('record_start', recordRun, {
        args: {
          ctx: v('ctx'),
          fields: { status: 'running', config: asJson(v('args')) },
        },
      }),
      tryStep('run', runSteps(), {
        except: {
          as: 'e',
          steps: [
            // Best effort: a failure here must not hide the run's own error.
            tryStep('drop_staging_after_failure', dropStaging('drop_staging_failed'), {
              except: {
                as: 'drop_failure',
                steps: [assign('staging_left', { staging_error: v('drop_failure') })],
              },
            }),
            call('record_failure', recordRun, {
              args: {
                ctx: v('ctx'),
                fields: {
                  status: 'failed',
                  config: asJson(v('args')),
                  error: asJson(v('e')),
                },
              },
            }),
            raiseStep('fail', v('e')),
          ],
        },
      }),
      returnStep('result', {
        runId: ctx.run_id,
        status: v('status'),
        predictions: v('predictions'),
      }),
    ],
    subworkflows: [...contextSubworkflows, ...bigquerySubworkflows, servedStatus, recordRun],
  });
}
