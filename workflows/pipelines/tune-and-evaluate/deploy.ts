import { assign, call, fn, raiseStep, switchStep, tpl, v, when, type Step } from '../../dsl';
import { runStatement } from './bigquery';
import { evaluateModel } from './evaluate';
import { statements } from './statements';

/** Finds the serving name's current champion and, when it is another model, evaluates it on this eval set. */
export function championSteps(): Step[] {
  return [
    ...runStatement('find_champion', statements.champion, {
      params: { serving_name: v('ctx').get('serving_name') },
      rows: 'champion_rows',
    }),
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
 * Promotes the tuned model when the gate passed, by one compare-and-set registry insert that only succeeds
 * if the champion is still the one the gate compared against; otherwise nothing is deployed.
 */
export function deploySteps(): Step[] {
  return [
    assign('deploy_init', { deployed: false, champion_after: v('champion_before') }),
    switchStep('deploy_if_passed', [
      when(
        v('gate_result')
          .get('passed')
          .and(v('champion_before').ne(v('tuned').get('model'))),
        {
          steps: [
            ...runStatement('promote', statements.promote, {
              params: {
                serving_name: v('ctx').get('serving_name'),
                event: 'promote',
                model_name: v('tuned').get('model'),
                expected_previous: fn('default', v('champion_before'), ''),
                run_id: v('ctx').get('run_id'),
                metric: v('gate_result').get('metric'),
                metric_value: fn('string', v('tuned').get('metrics').at(v('gate_result').get('metric'))),
              },
              job: 'promote_job',
            }),
            switchStep('promoted', [
              when(
                fn(
                  'default',
                  fn('map.get', v('promote_job'), ['statistics', 'query', 'numDmlAffectedRows']),
                  '0',
                ).ne('1'),
                {
                  steps: [
                    raiseStep('champion_changed', {
                      tags: ['ValueError', 'ChampionChangedError'],
                      message: tpl`the champion of ${v('ctx').get('serving_name')} changed while this run was deciding; nothing was deployed`,
                    }),
                  ],
                },
              ),
            ]),
            assign('deployed_now', { deployed: true, champion_after: v('tuned').get('model') }),
          ],
        },
      ),
    ]),
  ];
}
