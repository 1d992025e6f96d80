import { fn, returnStep, subworkflow, v, type Value } from '../../dsl';
import { sharedContext } from './context';
import { runRecordFields } from '../../../bigquery';
import { runStatement } from './bigquery';
import { statements } from './statements';

const runRowParams = {
  run_id: sharedContext.run_id,
  execution: sharedContext.execution,
  ...Object.fromEntries(
    runRecordFields.map((f) => [
      f,
      // Every row of a run names the pipeline that wrote it, from the context rather than the caller.
      f === 'pipeline' ? sharedContext.pipeline : fn('default', fn('map.get', v('fields'), f), ''),
    ]),
  ),
};

/** Appends one state of this run to the runs table; `fields` holds text values, missing ones are NULL. */
export const recordRun = subworkflow(
  'record_run',
  ['ctx', 'fields'],
  [
    ...runStatement('insert_run_row', statements.recordRun, { params: runRowParams }),
    returnStep('recorded', true),
  ],
);

/**
 * Claims the run id by recording the run's first state under the fixed job id `bqtune_<run id>_claim`. Job ids
 * are unique in a project, so a second execution with the same run id gets `duplicate` for another
 * execution's job and is refused (RunIdInUseError) before it loads or tunes anything.
 */
export const claimRun = subworkflow(
  'claim_run',
  ['ctx', 'fields'],
  [
    ...runStatement('insert_claim_row', statements.recordRun, { params: runRowParams, jobKey: 'claim' }),
    returnStep('claimed', true),
  ],
);

/** JSON text of any value: the JSON columns, and 'true' / 'false' for the boolean ones. */
export const asJson = (value: Value) => fn('json.encode_to_string', value);
