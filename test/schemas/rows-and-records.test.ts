import {
  parseExampleRows,
  validateEvaluationRecord,
  validateExampleRow,
  validateRunSummary,
} from '../../schemas';
import { errorLines } from './fixtures';

describe('example rows', () => {
  test('accepts the two walkthrough fields and keeps extra ones', () => {
    const row = { input_text: 'chest pain', output_text: 'Cardiovascular / Pulmonary', is_eval: false };
    expect(validateExampleRow(row)).toEqual(row);
  });

  test('names each bad field', () => {
    expect(errorLines(() => validateExampleRow({ input_text: '', output_text: 3 }))).toEqual([
      'input_text must NOT have fewer than 1 characters (got "")',
      'output_text must be a string (got 3)',
    ]);
    expect(errorLines(() => validateExampleRow({ input: 'x' }))).toEqual([
      'input_text is required',
      'output_text is required',
    ]);
  });

  test('parseExampleRows reports bad lines by number and skips blank ones', () => {
    const text = [
      '{"input_text":"a","output_text":"A"}',
      '',
      '{"input_text":"b"}',
      '{"input_text":',
      '{"input_text":"c","output_text":"C"}',
    ].join('\n');
    let message = '';
    try {
      parseExampleRows(text, 'data/train.jsonl');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split('\n').slice(0, 2)).toEqual([
      'data/train.jsonl is invalid:',
      '  line 3: output_text is required',
    ]);
    expect(message.split('\n')[2]).toMatch(/^ {2}line 4: is not JSON: /);
    expect(
      parseExampleRows(
        text
          .split('\n')
          .filter((_, i) => i !== 2 && i !== 3)
          .join('\n'),
        'ok',
      ),
    ).toEqual([
      { input_text: 'a', output_text: 'A' },
      { input_text: 'c', output_text: 'C' },
    ]);
  });

  test('parseExampleRows lists at most 20 bad lines', () => {
    const lines = errorLines(() => parseExampleRows('{}\n'.repeat(25), 'big.jsonl'));
    expect(lines).toHaveLength(41);
    expect(lines[40]).toBe('... and 5 more bad lines');
  });
});

describe('evaluation records', () => {
  const base = {
    run_id: 'run_1',
    model_role: 'tuned',
    model_name: 'tuned_3f2a',
    created_at: '2024-05-21T10:00:00Z',
  };

  test.each([
    { scope: 'overall', label: null, predicted_label: null, metric: 'macro_f1', value: 0.81 },
    { scope: 'label', label: 'Urology', predicted_label: null, metric: 'f1', value: 0.9 },
    { scope: 'confusion', label: 'Urology', predicted_label: 'Nephrology', metric: 'count', value: 2 },
    { scope: 'confusion', label: 'Urology', predicted_label: null, metric: 'count', value: 1 },
  ])('accepts a $scope row', (row) => {
    expect(validateEvaluationRecord({ ...base, ...row })).toEqual({ ...base, ...row });
  });

  test('checks the columns and how scope constrains label and metric', () => {
    expect(
      errorLines(() =>
        validateEvaluationRecord({
          ...base,
          model_role: 'candidate',
          created_at: 'yesterday',
          scope: 'overall',
          label: 'Urology',
          predicted_label: null,
          metric: 'f1_macro',
          value: '0.5',
        }),
      ),
    ).toEqual([
      'label must be null (got "Urology") when scope is overall',
      'model_role must be one of "baseline", "tuned", "champion" (got "candidate")',
      'metric must be one of "precision", "recall", "f1", "support", "accuracy", "macro_precision", "macro_recall", "macro_f1", "micro_f1", "weighted_f1", "success_share", "num_successful_rows", "num_rows", "count", "bleu4_score", "rouge-l_precision", "rouge-l_recall", "rouge-l_f1", "exact_match" (got "f1_macro")',
      'value must be a number (got "0.5")',
      'created_at must be a valid date-time (got "yesterday")',
    ]);
    expect(
      errorLines(() =>
        validateEvaluationRecord({
          ...base,
          scope: 'confusion',
          label: null,
          predicted_label: 'A',
          metric: 'f1',
          value: 1,
        }),
      ),
    ).toEqual([
      'label must be a string (got null) when scope is confusion',
      'metric must be "count" (got "f1") when scope is confusion',
    ]);
  });
});

describe('run summaries', () => {
  const evaluation = (macroF1: number) => ({
    model: 'm',
    metrics: { macro_f1: macroF1 },
    macroF1,
    microF1: 0.8,
    weightedF1: 0.79,
    accuracy: 0.8,
    successRate: 1,
    perLabel: { 'Allergy / Immunology': { precision: 0.9, recall: 0.8, f1: 0.85, support: 12 } },
  });
  const succeeded = {
    runId: 'run_1',
    status: 'succeeded',
    startedAt: '2024-05-21T10:00:00Z',
    finishedAt: '2024-05-21T10:05:00.123+02:00',
    baseline: evaluation(0.55),
    tuned: evaluation(0.81),
    tuning: { model: 'tuned_3f2a', reused: false },
    gate: { passed: true, metric: 'macro_f1', reasons: ['macro_f1 0.81 >= 0.55 + 0.02'] },
    deployed: true,
    champion: { before: null, after: 'tuned_3f2a' },
    modelInvocations: 300,
    dataChecks: [
      { check: 'duplicates', split: 'train', severity: 'warn', count: 2, message: '2 repeated rows' },
    ],
  };

  test('accepts a finished run and a failed one', () => {
    expect(validateRunSummary(succeeded)).toEqual(succeeded);
    const failed = {
      runId: 'run_2',
      status: 'failed',
      startedAt: succeeded.startedAt,
      finishedAt: succeeded.finishedAt,
      deployed: false,
      modelInvocations: 0,
      dataChecks: [],
      error: { message: 'leakage: 3 eval inputs are in train', step: 'check_data' },
    };
    expect(validateRunSummary(failed)).toEqual(failed);
  });

  test('names nested fields, quoting label keys that are not identifiers', () => {
    const { baseline: _baseline, ...rest } = succeeded;
    const bad = {
      ...rest,
      tuned: {
        ...succeeded.tuned,
        perLabel: { 'Allergy / Immunology': { precision: 1, recall: 1, f1: 1.2, support: -1 } },
      },
      gate: { passed: 'yes', metric: 'macro_f1' },
      modelInvocations: 1.5,
    };
    expect(errorLines(() => validateRunSummary(bad))).toEqual([
      'baseline is required when status is succeeded or rejected',
      'tuned.perLabel["Allergy / Immunology"].f1 must be <= 1 (got 1.2)',
      'tuned.perLabel["Allergy / Immunology"].support must be >= 0 (got -1)',
      'gate.reasons is required',
      'gate.passed must be a boolean (got "yes")',
      'modelInvocations must be an integer (got 1.5)',
    ]);
    expect(errorLines(() => validateRunSummary({ ...succeeded, status: 'failed' }))).toEqual([
      'error is required when status is failed',
    ]);
  });
});
