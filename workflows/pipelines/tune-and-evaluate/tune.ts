import { assign, call, fn, raiseStep, switchStep, tryStep, v, when, type Step } from '../../dsl';
import { ctx } from './context';
import { isRetryableError, runStatement } from './bigquery';
import { contextValues } from './placeholders';
import { statements } from './statements';

/** The run's values and the tuned model's content-addressed name (data.ts), kept in `tune_values`. */
const tuneValues = contextValues.with({ tuned_model: v('tuned_model_id') });

/**
 * LoRA-tunes the base model under its content-addressed name unless a model of that name already exists:
 * the same endpoint, options, prompt template and training data were tuned before, so it is reused.
 * CREATE MODEL IF NOT EXISTS keeps a concurrent run from tuning it twice.
 */
export function tuneSteps(): Step[] {
  const values = tuneValues.storedAt(v('tune_values'));
  return [
    assign('tune_setup', { tune_values: tuneValues.expr }),
    tryStep(
      'find_tuned_model',
      [
        call('get_tuned_model', 'googleapis.bigquery.v2.models.get', {
          args: {
            projectId: ctx.project,
            datasetId: ctx.dataset,
            modelId: v('tuned_model_id'),
          },
          result: 'existing_model',
        }),
        assign('found', { tuning_reused: true }),
      ],
      {
        retry: {
          predicate: isRetryableError,
          maxRetries: 5,
          backoff: { initialDelay: 2, maxDelay: 60, multiplier: 2 },
        },
        except: {
          as: 'e',
          steps: [
            switchStep('not_found', [
              when(fn('map.get', v('e'), 'code').eq(404), {
                steps: [assign('absent', { tuning_reused: false })],
              }),
              when(true, { steps: [raiseStep('lookup_failed', v('e'))] }),
            ]),
          ],
        },
      },
    ),
    switchStep('tune_if_new', [
      when(
        v('tuning_reused')
          .not()
          .and(v('args').get('model').get('tuning').get('dataSplitMethod').eq('RANDOM')),
        {
          steps: runStatement('tune_random_split', statements.tuneRandomSplit, { values, long: true }),
        },
      ),
      when(v('tuning_reused').not(), {
        steps: runStatement('tune', statements.tuneNoSplit, { values, long: true }),
      }),
    ]),
  ];
}
