import { assign, fn, forIn, returnStep, subworkflow, switchStep, tpl, v, when } from '../../dsl';
import { confirmed, modelCatalog } from '../../../bigquery/model-catalog';

/** Each catalog model's retirement (the start of its retirement date, UTC) as epoch seconds, for the gate. */
export function retirementEpochs(): Record<string, number> {
  const epochs: Record<string, number> = {};
  for (const entry of modelCatalog) {
    const retires = confirmed(entry.retires);
    if (retires !== undefined && retires !== 'none announced') {
      epochs[entry.model] = Date.parse(`${retires.date}T00:00:00Z`) / 1000;
    }
  }
  return epochs;
}

/** A metric as text with three decimals (Workflows has no rounding function; int() truncates). */
const num = (x: ReturnType<typeof v>) => fn('string', fn('int', x.mul(1000).add(0.5)).div(1000));

/**
 * The deploy decision: the tuned model must beat the baseline and the current champion by the configured
 * margins on the configured metric, keep every label's F1 within the allowed drop, and have enough rows
 * generated successfully, and (with gate.minServingDays) not be tuned on a base model that retires sooner:
 * `base_retires` is the base model's retirement as epoch seconds, or null when the catalog has no date.
 * Every rule adds a reason, passed or not, so the record explains itself.
 */
export const decideGate = subworkflow(
  'decide_gate',
  ['gate', 'baseline', 'tuned', 'champion_model', 'champion', 'regressions', 'base_retires'],
  [
    assign('gate_init', {
      metric: v('gate').get('metric'),
      passed: true,
      reasons: [],
    }),
    assign('gate_values', {
      baseline_value: fn('default', fn('map.get', v('baseline').get('metrics'), v('metric')), -1),
      tuned_value: fn('default', fn('map.get', v('tuned').get('metrics'), v('metric')), -1),
      success: fn('default', fn('map.get', v('tuned').get('metrics'), 'success_share'), 0),
    }),
    switchStep('versus_baseline', [
      when(v('tuned_value').sub(v('baseline_value')).lt(v('gate').get('minImprovementOverBaseline')), {
        steps: [
          assign('below_baseline', {
            passed: false,
            reasons: fn(
              'list.concat',
              v('reasons'),
              tpl`tuned ${v('metric')} ${num(v('tuned_value'))} does not beat baseline ${num(v('baseline_value'))} by ${num(v('gate').get('minImprovementOverBaseline'))}`,
            ),
          }),
        ],
      }),
      when(true, {
        steps: [
          assign('above_baseline', {
            reasons: fn(
              'list.concat',
              v('reasons'),
              tpl`tuned ${v('metric')} ${num(v('tuned_value'))} beats baseline ${num(v('baseline_value'))} by at least ${num(v('gate').get('minImprovementOverBaseline'))}`,
            ),
          }),
        ],
      }),
    ]),
    switchStep('versus_champion', [
      when(v('champion_model').eq(null), {
        steps: [
          assign('no_champion', { reasons: fn('list.concat', v('reasons'), 'there is no champion yet') }),
        ],
      }),
      when(v('champion_model').eq(v('tuned').get('model')), {
        steps: [
          assign('same_model', {
            reasons: fn('list.concat', v('reasons'), 'the tuned model is already the champion'),
          }),
        ],
      }),
      when(
        v('tuned_value')
          .sub(fn('default', fn('map.get', v('champion').get('metrics'), v('metric')), -1))
          .lt(v('gate').get('minImprovementOverChampion')),
        {
          steps: [
            assign('below_champion', {
              passed: false,
              reasons: fn(
                'list.concat',
                v('reasons'),
                tpl`tuned ${v('metric')} ${num(v('tuned_value'))} does not beat champion ${v('champion').get('model')} (${num(fn('default', fn('map.get', v('champion').get('metrics'), v('metric')), -1))}) by ${num(v('gate').get('minImprovementOverChampion'))}`,
              ),
            }),
          ],
        },
      ),
      when(true, {
        steps: [
          assign('above_champion', {
            reasons: fn(
              'list.concat',
              v('reasons'),
              tpl`tuned ${v('metric')} ${num(v('tuned_value'))} beats champion ${v('champion').get('model')} (${num(fn('default', fn('map.get', v('champion').get('metrics'), v('metric')), -1))}) by at least ${num(v('gate').get('minImprovementOverChampion'))}`,
            ),
          }),
        ],
      }),
    ]),
    switchStep('success_share', [
      when(v('success').lt(v('gate').get('minSuccessRate')), {
        steps: [
          assign('too_many_failed_rows', {
            passed: false,
            reasons: fn(
              'list.concat',
              v('reasons'),
              tpl`only ${num(v('success'))} of tuned predictions succeeded; at least ${num(v('gate').get('minSuccessRate'))} are required`,
            ),
          }),
        ],
      }),
    ]),
    forIn('each_regression', { value: 'r', in: v('regressions') }, [
      assign('label_regressed', {
        passed: false,
        reasons: fn(
          'list.concat',
          v('reasons'),
          tpl`label ${v('r').get('label')}: F1 fell from ${num(fn('double', v('r').get('baseline_f1')))} to ${num(fn('double', v('r').get('tuned_f1')))}, more than ${num(v('gate').get('maxLabelRegression'))}`,
        ),
      }),
    ]),
    assign('serving_rule', { min_serving_days: fn('map.get', v('gate'), 'minServingDays') }),
    switchStep('base_retirement', [
      when(v('min_serving_days').ne(null).and(v('base_retires').ne(null)), {
        steps: [
          assign('serving_days', {
            serving_days: fn('int', v('base_retires').sub(fn('sys.now')).div(86400)),
          }),
          switchStep('serves_long_enough', [
            when(v('serving_days').lt(v('min_serving_days')), {
              steps: [
                assign('base_retires_soon', {
                  passed: false,
                  reasons: fn(
                    'list.concat',
                    v('reasons'),
                    tpl`the base model retires in ${fn('string', v('serving_days'))} days, fewer than gate.minServingDays ${fn('string', v('min_serving_days'))}: models tuned on it stop serving then`,
                  ),
                }),
              ],
            }),
            when(true, {
              steps: [
                assign('base_serves', {
                  reasons: fn(
                    'list.concat',
                    v('reasons'),
                    tpl`the base model serves ${fn('string', v('serving_days'))} more days, at least gate.minServingDays ${fn('string', v('min_serving_days'))}`,
                  ),
                }),
              ],
            }),
          ]),
        ],
      }),
    ]),
    returnStep('decided', { passed: v('passed'), metric: v('metric'), reasons: v('reasons') }),
  ],
);
