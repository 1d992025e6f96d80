import { v } from '../../../workflows/dsl';
import { runStatement, storedParams } from '../../../workflows/pipelines/tune-and-evaluate/bigquery';
import { contextValues } from '../../../workflows/pipelines/tune-and-evaluate/placeholders';
import { statements } from '../../../workflows/pipelines/tune-and-evaluate/statements';

/**
 * Query parameters stored once in a variable and shared by statements (storedParams): a statement reads the
 * variable only when its own parameters, with the same values, are exactly the stored list.
 */
const values = contextValues.with({ model: v('model_id'), role: v('role') }).storedAt(v('values'));
const shared = storedParams('run_params', statements.writeMetrics.generation, {
  run_id: v('ctx').get('run_id'),
  eval_fingerprint: v('eval_key'),
});

const paramsOf = (steps: ReturnType<typeof runStatement>) =>
  (steps[0] as unknown as { args: { params: unknown } }).args.params;

test('the list holds each parameter in the REST shape, and a statement with the same ones reads the variable', () => {
  expect(shared.list).toEqual([
    { name: 'run_id', parameterType: { type: 'STRING' }, parameterValue: { value: v('ctx').get('run_id') } },
    {
      name: 'eval_fingerprint',
      parameterType: { type: 'STRING' },
      parameterValue: { value: v('eval_key') },
    },
  ]);
  const steps = runStatement('generate_all_ai', statements.generate.ai.all, { values, params: shared });
  expect(paramsOf(steps)).toEqual(v('run_params'));
});

test('a statement with other parameters, or the same ones with other values, fails the compile', () => {
  // A stored value the statement does not declare, or a parameter it declares that is not stored.
  expect(() => runStatement('read_metrics', statements.readMetrics, { values, params: shared })).toThrow(
    'read_metrics: @eval_fingerprint is not a parameter of this statement',
  );
  expect(() =>
    runStatement('label_metrics', statements.writeMetrics.classification, { values, params: shared }),
  ).toThrow('label_metrics: no value for @labels');
  const otherValue = storedParams('run_params', statements.writeMetrics.generation, {
    run_id: 'another_run',
    eval_fingerprint: v('eval_key'),
  });
  expect(shared.list).not.toEqual(otherValue.list);
  expect(() =>
    runStatement('text_metrics', statements.writeMetrics.generation, {
      values,
      params: { ...otherValue, list: shared.list },
    }),
  ).toThrow('text_metrics: its query parameters are not the ones stored in run_params');
});
