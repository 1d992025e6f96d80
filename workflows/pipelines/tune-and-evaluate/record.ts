import { fn, returnStep, subworkflow, v, type Value } from '../../dsl';
import { runRecordFields } from '../../../bigquery';
import { runStatement } from './bigquery';
import { statements } from './statements';

/**
 * Appends one state of this run to the runs table; `fields` holds text values, missing ones are NULL. The
 * `pipeline` column comes from the context, so every row of a run names the pipeline that wrote it.
 */
export const recordRun = subworkflow(
  'record_run',
  ['ctx', 'fields'],
  [
    ...runStatement('insert_run_row', statements.recordRun, {
      params: {
        run_id: v('ctx').get('run_id'),
        ...Object.fromEntries(
          runRecordFields.map((f) => [
            f,
            f === 'pipeline' ? v('ctx').get('pipeline') : fn('default', fn('map.get', v('fields'), f), ''),
          ]),
        ),
      },
    }),
    returnStep('recorded', true),
  ],
);

/** JSON text of any value: the JSON columns, and 'true' / 'false' for the boolean ones. */
export const asJson = (value: Value) => fn('json.encode_to_string', value);
