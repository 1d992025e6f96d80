import {
  assign,
  branch,
  call,
  fn,
  parallel,
  raiseStep,
  returnStep,
  switchStep,
  tryStep,
  v,
  when,
  workflow,
  type Workflow,
} from '../../dsl';
import { bigquerySubworkflows, runStatement } from './bigquery';
import { contextSteps, ctx } from './context';
import { dataSteps, dataSubworkflows } from './data';
import { championSteps, currentChampion, deploySteps, switchServingFunction } from './deploy';
import { evaluateModel, predictionStatus } from './evaluate';
import { decideGate, defaultMinLabelSupport, retirementEpochs } from './gate';
import { contextValues } from './placeholders';
import { asJson, claimRun, recordRun } from './record';
import { statements } from './statements';
import { tuneSteps } from './tune';
import { validationSubworkflows } from './validate';

/** The part of the run that can fail after the run is recorded as running; a failure is recorded too. */
function runSteps() {
  return [
    ...dataSteps(),
    assign('before_parallel', {
      baseline: null,
      tuning_reused: false,
    }),
    parallel(
      'baseline_and_tuning',
      [
        branch('baseline_eval', [
          ...runStatement('create_base_model', statements.baseModel),
          call('evaluate_baseline', evaluateModel, {
            args: {
              ctx: v('ctx'),
              model_id: contextValues.get('base_model'),
              role: 'baseline',
              eval_key: v('eval_key'),
            },
            result: 'baseline',
          }),
        ]),
        branch('lora_tune', tuneSteps()),
      ],
      { shared: ['baseline', 'tuning_reused'] },
    ),
    call('tuned_eval', evaluateModel, {
      args: { ctx: v('ctx'), model_id: v('tuned_model_id'), role: 'tuned', eval_key: v('eval_key') },
      result: 'tuned',
    }),
    ...championSteps(),
    // Per-label regressions exist only for classification; free-text tasks pass null (no label rule).
    assign('no_label_rule', { regressions: null }),
    switchStep('label_rule', [when(ctx.classify.not(), { next: 'gate' })]),
    ...runStatement('label_regressions', statements.labelRegressions, {
      params: {
        run_id: ctx.run_id,
        max_regression: fn('string', v('args').get('gate').get('maxLabelRegression')),
        min_support: fn(
          'string',
          fn('default', fn('map.get', v('args').get('gate'), 'minLabelSupport'), defaultMinLabelSupport),
        ),
      },
      rows: 'regressions',
    }),
    call('gate', decideGate, {
      args: {
        gate: v('args').get('gate'),
        baseline: v('baseline'),
        tuned: v('tuned'),
        champion_model: v('champion_before'),
        champion: v('champion'),
        regressions: v('regressions'),
        base_retires: fn('map.get', retirementEpochs(), fn('map.get', v('args'), ['model', 'baseEndpoint'])),
      },
      result: 'gate_result',
    }),
    ...deploySteps(),
    // A run whose gate passed but whose promotion found the champion moved is rejected too: nothing deployed.
    assign('outcome', {
      run_note: fn('default', v('deploy_error'), v('serving_function_error')),
      status: fn(
        'if',
        v('gate_result').get('passed').and(v('deploy_error').eq(null)),
        'succeeded',
        'rejected',
      ),
    }),
    call('record_outcome', recordRun, {
      args: {
        ctx: v('ctx'),
        fields: {
          status: v('status'),
          config: asJson(v('args')),
          base_model: v('baseline').get('model'),
          tuned_model: v('tuned').get('model'),
          train_fingerprint: v('train_fingerprint'),
          eval_fingerprint: v('eval_fingerprint'),
          eval_key: v('eval_key'),
          tuning_reused: asJson(v('tuning_reused')),
          gate_passed: asJson(v('gate_result').get('passed')),
          gate_reasons: asJson(v('gate_result').get('reasons')),
          deployed: asJson(v('deployed')),
          data_checks: asJson(v('findings')),
          // Why nothing was deployed, or why the serving function was not switched; '' when neither.
          error: fn('if', v('run_note').eq(null), '', asJson(v('run_note'))),
        },
      },
    }),
  ];
}

/**
 * validate → load train ∥ eval → check data → (baseline eval ∥ LoRA tune) → tuned eval → champion eval →
 * gate → deploy or record the rejection. Every run leaves a row in the runs table, failed ones included.
 */
export function tuneAndEvaluate(): Workflow {
  return workflow({
    params: ['args'],
    steps: [
      ...contextSteps(),
      call('record_start', claimRun, {
        args: { ctx: v('ctx'), fields: { status: 'running', config: asJson(v('args')) } },
      }),
      tryStep('run', runSteps(), {
        except: {
          as: 'e',
          steps: [
            call('record_failure', recordRun, {
              args: {
                ctx: v('ctx'),
                fields: { status: 'failed', config: asJson(v('args')), error: asJson(v('e')) },
              },
            }),
            raiseStep('fail', v('e')),
          ],
        },
      }),
      returnStep('result', {
        runId: ctx.run_id,
        status: v('status'),
        baseline: v('baseline'),
        tuned: v('tuned'),
        champion: { before: v('champion_before'), after: v('champion_after'), evaluation: v('champion') },
        tuning: { model: v('tuned').get('model'), reused: v('tuning_reused') },
        gate: v('gate_result'),
        deployed: v('deployed'),
        // Why a run whose gate passed deployed nothing (ChampionMovedError), else null.
        deployError: v('deploy_error'),
        // The promotion landed but the serving name's table function was not switched, else null.
        servingFunctionError: v('serving_function_error'),
        dataChecks: v('findings'),
        fingerprints: { train: v('train_fingerprint'), eval: v('eval_fingerprint'), evalKey: v('eval_key') },
      }),
    ],
    subworkflows: [
      ...validationSubworkflows,
      ...bigquerySubworkflows,
      ...dataSubworkflows,
      predictionStatus,
      evaluateModel,
      decideGate,
      currentChampion,
      switchServingFunction,
      claimRun,
      recordRun,
    ],
  });
}
