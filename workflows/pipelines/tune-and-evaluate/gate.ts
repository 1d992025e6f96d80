import {
  assign,
  fn,
  forIn,
  returnStep,
  subworkflow,
  switchStep,
  tpl,
  v,
  when,
  type Expr,
  type Step,
} from '../../dsl';
import { confirmed, modelCatalog, type CatalogEntry } from '../../../bigquery/model-catalog';

/**
 * Each catalog model's retirement (the start of its retirement date, UTC) as epoch seconds, for the gate;
 * models without a confirmed date have no entry. `catalog` is the model catalog unless a test gives its own.
 */
export function retirementEpochs(catalog: readonly CatalogEntry[] = modelCatalog): Record<string, number> {
  const epochs: Record<string, number> = {};
  for (const entry of catalog) {
    const retires = confirmed(entry.retires);
    if (retires !== undefined && retires !== 'none announced') {
      epochs[entry.model] = Date.parse(`${retires.date}T00:00:00Z`) / 1000;
    }
  }
  return epochs;
}

/** A metric as text with three decimals (Workflows has no rounding function; int() truncates). */
const num = (x: Expr) => fn('string', fn('int', x.mul(1000).add(0.5)).div(1000));

/** The default of `gate.minLabelSupport`: a label needs this many eval rows before its F1 can block a run. */
export const defaultMinLabelSupport = 10;

/**
 * The rule "the tuned model beats `reference` by the margin": the gain must be positive (a tie never
 * replaces anything) and at least the margin. Adds a reason either way; a failure clears `passed`.
 */
function beatsRule(name: string, reference: Expr, what: Expr, margin: Expr): Step {
  const gain = v('tuned_value').sub(reference);
  const said = tpl`tuned ${v('metric')} ${num(v('tuned_value'))}`;
  return switchStep(name, [
    when(gain.le(0).or(gain.lt(margin)), {
      steps: [
        assign(`${name}_fails`, {
          passed: false,
          reasons: fn(
            'list.concat',
            v('reasons'),
            tpl`${said} does not beat ${what} ${num(reference)} by more than 0 and at least ${num(margin)}`,
          ),
        }),
      ],
    }),
    when(true, {
      steps: [
        assign(`${name}_holds`, {
          reasons: fn(
            'list.concat',
            v('reasons'),
            tpl`${said} beats ${what} ${num(reference)} by at least ${num(margin)}`,
          ),
        }),
      ],
    }),
  ]);
}

/**
 * The deploy decision. Inputs: `gate` (the run's gate options), `baseline`, `tuned` and `champion` (the
 * evaluate_model results; `champion` null when there is none or it is the tuned model), `champion_model`
 * (the serving name's champion path or null) and `regressions` (rows of labelRegressionsQuery: label,
 * reference, reference_f1, tuned_f1, support). Rules, each adding a reason whether it holds or not:
 * - the tuned model beats the baseline, and the champion, by more than 0 and at least each margin;
 * - every evaluated model generated at least `minSuccessRate` of its rows;
 * - no label with at least `minLabelSupport` eval rows lost more than `maxLabelRegression` F1 against the
 *   baseline or the champion (classification only: `regressions` is null for free-text tasks);
 * - with gate.minServingDays, the base model does not retire sooner (`base_retires`: its retirement as
 *   epoch seconds, or null when the catalog has no date).
 * Returns { passed, metric, reasons }.
 */
export const decideGate = subworkflow(
  'decide_gate',
  ['gate', 'baseline', 'tuned', 'champion_model', 'champion', 'regressions', 'base_retires'],
  [
    assign('gate_init', {
      metric: v('gate').get('metric'),
      min_support: fn('default', fn('map.get', v('gate'), 'minLabelSupport'), defaultMinLabelSupport),
      passed: true,
      reasons: [],
      evaluated: [v('baseline'), v('tuned')],
    }),
    assign('gate_values', {
      baseline_value: fn('default', fn('map.get', v('baseline').get('metrics'), v('metric')), -1),
      tuned_value: fn('default', fn('map.get', v('tuned').get('metrics'), v('metric')), -1),
    }),
    beatsRule(
      'versus_baseline',
      v('baseline_value'),
      tpl`baseline`,
      v('gate').get('minImprovementOverBaseline'),
    ),
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
      when(true, {
        steps: [
          assign('champion_values', {
            champion_value: fn('default', fn('map.get', v('champion').get('metrics'), v('metric')), -1),
            evaluated: fn('list.concat', v('evaluated'), v('champion')),
          }),
          beatsRule(
            'champion_rule',
            v('champion_value'),
            tpl`champion ${v('champion').get('model')}`,
            v('gate').get('minImprovementOverChampion'),
          ),
        ],
      }),
    ]),
    forIn('each_model', { value: 'model', in: v('evaluated') }, [
      assign('model_success', {
        success: fn('default', fn('map.get', v('model').get('metrics'), 'success_share'), 0),
      }),
      switchStep('success_share', [
        when(v('success').lt(v('gate').get('minSuccessRate')), {
          steps: [
            assign('too_many_failed_rows', {
              passed: false,
              reasons: fn(
                'list.concat',
                v('reasons'),
                tpl`only ${num(v('success'))} of ${v('model').get('role')} predictions succeeded; at least ${num(v('gate').get('minSuccessRate'))} are required`,
              ),
            }),
          ],
        }),
        when(true, {
          steps: [
            assign('enough_rows', {
              reasons: fn(
                'list.concat',
                v('reasons'),
                tpl`${num(v('success'))} of ${v('model').get('role')} predictions succeeded, at least ${num(v('gate').get('minSuccessRate'))} are required`,
              ),
            }),
          ],
        }),
      ]),
    ]),
    // Free-text tasks have no labels to regress (`regressions` is null): skip to the next rule.
    switchStep('label_rule', [when(v('regressions').eq(null), { next: 'serving_rule' })]),
    forIn('each_regression', { value: 'r', in: v('regressions') }, [
      assign('label_regressed', {
        passed: false,
        reasons: fn(
          'list.concat',
          v('reasons'),
          tpl`label ${v('r').get('label')}: F1 fell from ${num(fn('double', v('r').get('reference_f1')))} (${v('r').get('reference')}) to ${num(fn('double', v('r').get('tuned_f1')))}, more than ${num(v('gate').get('maxLabelRegression'))} (${fn('string', fn('int', v('r').get('support')))} eval rows)`,
        ),
      }),
    ]),
    switchStep('no_regression', [
      when(fn('len', v('regressions')).eq(0), {
        steps: [
          assign('labels_hold', {
            reasons: fn(
              'list.concat',
              v('reasons'),
              tpl`no label with at least ${fn('string', v('min_support'))} eval rows lost more than ${num(v('gate').get('maxLabelRegression'))} F1 against the baseline or the champion`,
            ),
          }),
        ],
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
