import { call, fn, renderWorkflow, returnStep, v, workflow } from '../../../workflows/dsl';
import { judgeDataChecks } from '../../../workflows/pipelines/tune-and-evaluate/data';
import { runWorkflow } from '../../../emulator/workflows';

/**
 * The subworkflow that turns the data-check rows into findings and decides whether the run stops, compiled
 * from its definition and run in the Workflows interpreter on rows shaped as BigQuery returns them (counts
 * as text). Each outcome is forced: a split at its minimum row count and one row below it, for train and
 * eval; a finding in `warn` and in `fail` severity; several failures in one error. Expected findings and
 * messages are written out by hand.
 */
const source = renderWorkflow(
  workflow({
    params: ['input'],
    steps: [
      call('judge', judgeDataChecks, {
        args: {
          checks: v('input').get('checks'),
          rows: v('input').get('rows'),
          classify: fn('default', fn('map.get', v('input'), 'classify'), true),
        },
        result: 'findings',
      }),
      returnStep('done', v('findings')),
    ],
    subworkflows: [judgeDataChecks],
  }),
);

const checks = {
  minTrainRows: 20,
  minEvalRows: 10,
  emptyInputs: 'fail',
  missingOutputs: 'fail',
  unknownLabels: 'warn',
  duplicates: 'warn',
  leakage: 'fail',
  conflictingLabels: 'warn',
};
const sample = { text: 'a cough', key: 'k', with_label: false, label: null, labels: null };
const row = (check: string, split: string, violations: number, samples: unknown[] = []) => ({
  check_name: check,
  split,
  violations: String(violations),
  samples: JSON.stringify(samples),
});

interface Outcome {
  findings?: unknown[];
  error?: { tags: string[]; message: string; findings: unknown[] };
}

async function judge(
  rows: unknown[],
  overrides: Record<string, unknown> = {},
  classify = true,
): Promise<Outcome> {
  const run = await runWorkflow(source, {
    argument: { checks: { ...checks, ...overrides }, rows, classify },
  });
  if (run.state === 'SUCCEEDED') return { findings: run.result as unknown[] };
  return { error: run.error as Outcome['error'] };
}

const enough = [row('row_count', 'eval', 10), row('row_count', 'train', 20)];

test('splits at their minimum row count and no other rows: no findings', async () => {
  expect(await judge(enough)).toEqual({ findings: [] });
});

test('one row below the minimum fails, for train and for eval, naming the setting', async () => {
  const below = (split: string, count: number, setting: string, needed: number) => ({
    check: setting,
    kind: 'row_count',
    split,
    count,
    unit: 'rows',
    severity: 'fail',
    message: `${split} has ${count} rows; at least ${needed} are needed`,
    examples: [],
  });
  const eval9 = await judge([row('row_count', 'eval', 9), row('row_count', 'train', 20)]);
  expect(eval9.error?.tags).toEqual(['ValueError', 'DataCheckError']);
  expect(eval9.error?.message).toBe('data checks failed:\n- eval has 9 rows; at least 10 are needed');
  expect(eval9.error?.findings).toEqual([below('eval', 9, 'minEvalRows', 10)]);

  const train19 = await judge([row('row_count', 'eval', 10), row('row_count', 'train', 19)]);
  expect(train19.error?.findings).toEqual([below('train', 19, 'minTrainRows', 20)]);

  // An empty file has no rows at all.
  const empty = await judge([row('row_count', 'eval', 0), row('row_count', 'train', 0)]);
  expect(empty.error?.message).toBe(
    'data checks failed:\n- eval has 0 rows; at least 10 are needed\n- train has 0 rows; at least 20 are needed',
  );
});

test('a warn finding is reported and the run goes on', async () => {
  expect(await judge([...enough, row('duplicates', 'train', 3, [sample])])).toEqual({
    findings: [
      {
        check: 'duplicates',
        kind: 'duplicates',
        split: 'train',
        count: 3,
        unit: 'rows',
        severity: 'warn',
        message: 'train: 3 rows repeating an input_text of the same split (duplicates)',
        examples: [sample],
      },
    ],
  });
});

test('the same finding in fail severity stops the run, with every finding and every failure listed', async () => {
  const rows = [
    ...enough,
    row('conflicting_labels', 'both', 1, [{ ...sample, labels: ['A', 'B'] }]),
    row('duplicates', 'train', 3, [sample]),
    row('leakage', 'eval', 2, [sample, sample]),
  ];
  const { error } = await judge(rows, { duplicates: 'fail' });
  expect(error?.tags).toEqual(['ValueError', 'DataCheckError']);
  expect(error?.message).toBe(
    [
      'data checks failed:',
      '- train: 3 rows repeating an input_text of the same split (duplicates)',
      '- eval: 2 distinct eval input texts that are also in train (leakage)',
    ].join('\n'),
  );
  expect(error?.findings).toEqual([
    {
      check: 'conflictingLabels',
      kind: 'conflicting_labels',
      split: 'both',
      count: 1,
      unit: 'texts',
      severity: 'warn',
      message: 'both: 1 distinct input texts with more than one label (conflicting_labels)',
      examples: [{ ...sample, labels: ['A', 'B'] }],
    },
    {
      check: 'duplicates',
      kind: 'duplicates',
      split: 'train',
      count: 3,
      unit: 'rows',
      severity: 'fail',
      message: 'train: 3 rows repeating an input_text of the same split (duplicates)',
      examples: [sample],
    },
    {
      check: 'leakage',
      kind: 'leakage',
      split: 'eval',
      count: 2,
      unit: 'texts',
      severity: 'fail',
      message: 'eval: 2 distinct eval input texts that are also in train (leakage)',
      examples: [sample, sample],
    },
  ]);
});

test('each check reads its own severity setting', async () => {
  const cases: [string, string, string][] = [
    ['empty_inputs', 'emptyInputs', 'rows with an empty input_text'],
    ['missing_outputs', 'missingOutputs', 'rows without an output_text'],
    ['unknown_labels', 'unknownLabels', 'rows whose output_text is not in task.labels'],
    ['duplicates', 'duplicates', 'rows repeating an input_text of the same split'],
    ['leakage', 'leakage', 'distinct eval input texts that are also in train'],
    ['conflicting_labels', 'conflictingLabels', 'distinct input texts with more than one label'],
  ];
  const allWarn = Object.fromEntries(cases.map(([, setting]) => [setting, 'warn']));
  for (const [kind, setting, what] of cases) {
    const { error } = await judge([...enough, row(kind, 'eval', 1)], { ...allWarn, [setting]: 'fail' });
    expect(error?.message).toBe(`data checks failed:\n- eval: 1 ${what} (${kind})`);
    expect(await judge([...enough, row(kind, 'eval', 1)], allWarn)).toMatchObject({
      findings: [{ check: setting, severity: 'warn' }],
    });
  }
});

test('a free-text task skips the label checks, even in fail severity; the other checks still apply', async () => {
  const rows = [
    ...enough,
    row('unknown_labels', 'eval', 2, [sample]),
    row('conflicting_labels', 'both', 1, [sample]),
    row('duplicates', 'train', 3, [sample]),
  ];
  const failing = { unknownLabels: 'fail', conflictingLabels: 'fail', duplicates: 'warn' };
  const classification = await judge(rows, failing);
  expect(classification.error?.message).toMatch(/^data checks failed:\n/);
  const freeText = await judge(rows, failing, false);
  expect(freeText.error).toBeUndefined();
  expect((freeText.findings as { kind: string }[]).map((f) => f.kind)).toEqual(['duplicates']);
});
