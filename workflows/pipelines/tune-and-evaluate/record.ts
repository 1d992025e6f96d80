import { assign, call, fn, forIn, returnStep, subworkflow, v, type Step, type ValueInput } from '../../dsl';
import { sharedContext } from './context';
import { runRecordFields } from '../../../bigquery';
import { runQuery, statementValue } from './bigquery';
import { statements } from './statements';

// The statement's parameters are @run_id, @execution and one STRING per run field; a builder that changes
// them fails the compile here instead of sending a row with a field missing.
const declared = statements.recordRun.params.map((p) => `${p.name}:${p.parameterType.type}`).sort();
const expected = ['run_id', 'execution', ...runRecordFields].map((name) => `${name}:STRING`).sort();
if (declared.join() !== expected.join())
  throw new Error(
    `record_run: recordRunStatement's parameters are not @run_id, @execution and runRecordFields`,
  );

const stringParam = (name: ValueInput, value: ValueInput) => ({
  name,
  parameterType: { type: 'STRING' },
  parameterValue: { value },
});

/**
 * Steps that insert one runs row from `fields` (text values; a missing one is sent as '', stored as NULL).
 * The fields' parameters are built by a loop over runRecordFields in the workflow, not written out once per
 * field and per caller: one list, and about 2 KB less of the compiled source per copy. Every row names the
 * pipeline that wrote it, from the context rather than the caller.
 */
function insertRunRow(step: string, jobKey?: string): Step[] {
  return [
    assign(`${step}_fields`, {
      row: fn('map.merge', v('fields'), { pipeline: sharedContext.pipeline }),
      params: [
        stringParam('run_id', sharedContext.run_id),
        stringParam('execution', sharedContext.execution),
      ],
    }),
    forIn(`${step}_params`, { value: 'field', in: [...runRecordFields] }, [
      assign(`${step}_param`, {
        params: fn(
          'list.concat',
          v('params'),
          stringParam(v('field'), fn('default', fn('map.get', v('row'), v('field')), '')),
        ),
      }),
    ]),
    call(step, runQuery, {
      args: {
        ctx: v('ctx'),
        statement: statementValue(statements.recordRun),
        values: v('ctx').get('values'),
        params: v('params'),
        step,
        ...(jobKey ? { job_key: jobKey } : {}),
      },
      result: `${step}_job`,
    }),
  ];
}

/** Appends one state of this run to the runs table; `fields` holds text values, missing ones are NULL. */
export const recordRun = subworkflow(
  'record_run',
  ['ctx', 'fields'],
  [...insertRunRow('insert_run_row'), returnStep('recorded', true)],
);

/**
 * Claims the run id by recording the run's first state under the fixed job id `bqtune_<run id>_claim`. Job ids
 * are unique in a project, so a second execution with the same run id gets `duplicate` for another
 * execution's job and is refused (RunIdInUseError) before it loads or tunes anything.
 */
export const claimRun = subworkflow(
  'claim_run',
  ['ctx', 'fields'],
  [...insertRunRow('insert_claim_row', 'claim'), returnStep('claimed', true)],
);

/** JSON text of any value: the JSON columns, and 'true' / 'false' for the boolean ones. */
export const asJson = (value: ValueInput) => fn('json.encode_to_string', value);
