import {
  assign,
  call,
  fn,
  returnStep,
  subworkflow,
  switchStep,
  tpl,
  tryStep,
  v,
  when,
  type Step,
} from '../../dsl';
import { ctx } from './context';
import { runStatement } from './bigquery';
import { evaluateModel } from './evaluate';
import { statements } from './statements';
import { contextValues } from './placeholders';
import { float64Text } from '../placeholders';
import { PipelineTag } from '../error-tags';

/** The serving name's champion row (championQuery): one statement, read before the gate and after a lost race. */
export const currentChampion = subworkflow(
  'current_champion',
  ['ctx'],
  [
    ...runStatement('champion_query', statements.champion, {
      params: { serving_name: ctx.serving_name },
      rows: 'rows',
    }),
    returnStep('found', v('rows')),
  ],
);

/** Finds the serving name's current champion and, when it is another model, evaluates it on this eval set. */
export function championSteps(): Step[] {
  return [
    call('find_champion', currentChampion, { args: { ctx: v('ctx') }, result: 'champion_rows' }),
    assign('no_champion_yet', { champion_before: null, champion: null }),
    switchStep('has_champion', [
      when(fn('len', v('champion_rows')).gt(0), {
        steps: [
          assign('champion_found', {
            champion_before: v('champion_rows').at(0).get('model_name'),
            champion_parts: fn('text.split', v('champion_rows').at(0).get('model_name'), '.'),
          }),
          switchStep('champion_is_other', [
            when(v('champion_before').ne(v('tuned').get('model')), {
              steps: [
                call('evaluate_champion', evaluateModel, {
                  args: {
                    ctx: v('ctx'),
                    model_id: v('champion_parts').at(fn('len', v('champion_parts')).sub(1)),
                    role: 'champion',
                    eval_key: v('eval_key'),
                  },
                  result: 'champion',
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
 * Points the serving name's table function (bigquery/serving-function.ts) at `model_id` with this run's
 * prompt template and generation settings; with `repair` (a re-run whose gate passed for the champion
 * itself) with those of the run that promoted it, as batch-predict and the CLI do (this run's may differ,
 * and were never compared with the champion's), or this run's when no run recorded that promotion.
 * BigQuery runs no DDL on a permanent function inside a multi-statement transaction
 * (https://cloud.google.com/bigquery/docs/transactions#statements_supported_in_transactions), so it is the
 * statement after the promotion's COMMIT. Returns null, or a ServingFunctionError map ({tags, message})
 * when the function could not be replaced: the pointer moved, the function did not.
 */
export const switchServingFunction = subworkflow(
  'switch_serving_function',
  ['ctx', 'model_id', { repair: false }],
  [
    assign('this_run', { run_values: ctx.values, champion_run: ctx.run_id }),
    switchStep('repairing', [
      when(v('repair'), {
        steps: [
          ...runStatement('find_promoter', statements.championRun, {
            params: { model_name: tpl`${ctx.project}.${ctx.dataset}.${v('model_id')}` },
            rows: 'promoter_rows',
          }),
          switchStep('has_promoter', [
            when(fn('len', v('promoter_rows')).gt(0), {
              steps: [
                assign('promoter', {
                  generation: fn('json.decode', v('promoter_rows').at(0).get('config'))
                    .get('model')
                    .get('generation'),
                  champion_run: v('promoter_rows').at(0).get('run_id'),
                }),
                assign('promoter_settings', {
                  run_values: fn('map.merge', v('run_values'), {
                    max_output_tokens: fn('string', v('generation').get('maxOutputTokens')),
                    temperature: float64Text(v('generation').get('temperature')),
                    top_p: float64Text(v('generation').get('topP')),
                  }),
                }),
              ],
            }),
          ]),
        ],
      }),
    ]),
    tryStep(
      'replace_function',
      runStatement('serving_function', statements.servingFunction, {
        values: contextValues.storedAt(v('run_values')),
        with: { model: v('model_id'), serving_function: ctx.serving_name, champion_run: v('champion_run') },
      }),
      {
        except: {
          as: 'e',
          steps: [
            returnStep('not_switched', {
              tags: [PipelineTag.ServingFunctionError],
              message: tpl`the table function ${ctx.serving_name} still serves the previous champion: ${fn('default', fn('map.get', v('e'), 'message'), '')}`,
            }),
          ],
        },
      },
    ),
    returnStep('switched', null),
  ],
);

/**
 * Promotes the tuned model when the gate passed: one transaction moves the serving name's pointer from the
 * champion the gate compared against to the tuned model and appends the registry event (see
 * bigquery/registry.ts); a concurrent-update cancellation is retried by run_query. If the champion moved
 * meanwhile the transaction changes nothing: nothing is deployed, nothing is switched, and the run records
 * why. Once the promotion landed, or when the gate passed for the model that already is the champion (a
 * re-run, which repairs a switch that failed), the serving name's table function is switched to it.
 */
export function deploySteps(): Step[] {
  const eventId = tpl`${ctx.run_id}_promote`;
  return [
    assign('deploy_init', {
      deployed: false,
      champion_after: v('champion_before'),
      deploy_error: null,
      serving_function_error: null,
    }),
    switchStep('deploy_if_passed', [
      when(
        v('gate_result')
          .get('passed')
          .and(v('champion_before').ne(v('tuned').get('model'))),
        {
          steps: [
            ...runStatement('promote', statements.changeChampion, {
              params: {
                serving_name: ctx.serving_name,
                event: 'promote',
                model_name: v('tuned').get('model'),
                expected_previous: fn('default', v('champion_before'), ''),
                event_id: eventId,
                run_id: ctx.run_id,
                metric: v('gate_result').get('metric'),
                metric_value: fn('string', v('tuned').get('metrics').at(v('gate_result').get('metric'))),
              },
              job: 'promote_job',
            }),
            ...runStatement('promotion_landed', statements.championChange, {
              params: { event_id: eventId },
              rows: 'promotion_rows',
            }),
            switchStep('promoted', [
              when(v('promotion_rows').at(0).get('changed').eq('1'), {
                steps: [assign('deployed_now', { deployed: true, champion_after: v('tuned').get('model') })],
              }),
              when(true, {
                steps: [
                  call('champion_now', currentChampion, {
                    args: { ctx: v('ctx') },
                    result: 'champion_now_rows',
                  }),
                  assign('champion_moved', { champion_after: null }),
                  switchStep('has_champion_now', [
                    when(fn('len', v('champion_now_rows')).gt(0), {
                      steps: [
                        assign('champion_now_found', {
                          champion_after: v('champion_now_rows').at(0).get('model_name'),
                        }),
                      ],
                    }),
                  ]),
                  assign('record_moved', {
                    deploy_error: {
                      tags: [PipelineTag.ChampionMovedError],
                      message: tpl`the champion of ${ctx.serving_name} moved from ${fn('default', v('champion_before'), 'none')} to ${fn('default', v('champion_after'), 'none')} while this run was deciding: deployed nothing`,
                    },
                  }),
                ],
              }),
            ]),
          ],
        },
      ),
    ]),
    switchStep('serving_follows', [
      when(
        v('deployed').or(
          v('gate_result')
            .get('passed')
            .and(v('champion_before').eq(v('tuned').get('model'))),
        ),
        {
          steps: [
            call('switch_serving', switchServingFunction, {
              args: { ctx: v('ctx'), model_id: v('tuned_model_id'), repair: v('deployed').not() },
              result: 'serving_function_error',
            }),
          ],
        },
      ),
    ]),
  ];
}
