import { classification, generationMetricValues } from '../../../emulator/bigquery/metrics';
import { evaluationColumns, type RowResult } from '../../../emulator/bigquery/table-functions';

/**
 * ML.EVALUATE's CLASSIFICATION metrics in the emulator against a small confusion matrix worked out by hand.
 *
 *   expected ↓ / answered →   Cardiology  Dermatology  Neurology  other answer
 *   Cardiology (5 rows)            3           1            0       1 ("unsure")
 *   Dermatology (3 rows)           1           2            0       0
 *   Neurology (3 rows)             0           1            1       1 ("")
 *   Urology (1 row)                0           0            0       1 ("kidney")
 *
 *   Cardiology   TP 3  FP 1  FN 2   P = 3/4   R = 3/5   F1 = 2·(3/4·3/5)/(3/4+3/5) = 2/3
 *   Dermatology  TP 2  FP 2  FN 1   P = 2/4   R = 2/3   F1 = 2·(1/2·2/3)/(1/2+2/3) = 4/7
 *   Neurology    TP 1  FP 0  FN 2   P = 1/1   R = 1/3   F1 = 2·(1·1/3)/(1+1/3)     = 1/2
 *   Urology      TP 0  FP 0  FN 1   P = 0 (nothing answered Urology)  R = 0   F1 = 0
 *
 * Answers are compared after the label normalisation (case, spacing), so " CARDIOLOGY" is Cardiology.
 */
const matrix: [expected: string, answer: string][] = [
  ['Cardiology', 'Cardiology'],
  ['Cardiology', ' CARDIOLOGY'],
  ['Cardiology', 'cardiology '],
  ['Cardiology', 'Dermatology'],
  ['Cardiology', 'unsure'],
  ['Dermatology', 'Cardiology'],
  ['Dermatology', 'dermatology'],
  ['Dermatology', 'Dermatology'],
  ['Neurology', 'Dermatology'],
  ['Neurology', 'Neurology'],
  ['Neurology', ''],
  ['Urology', 'kidney'],
];

const byHand = [
  { label: 'Cardiology', precision: 3 / 4, recall: 3 / 5, f1: 2 / 3 },
  { label: 'Dermatology', precision: 1 / 2, recall: 2 / 3, f1: 4 / 7 },
  { label: 'Neurology', precision: 1, recall: 1 / 3, f1: 1 / 2 },
  { label: 'Urology', precision: 0, recall: 0, f1: 0 },
];

const closeTo = (rows: typeof byHand) =>
  rows.map((r) => ({
    label: r.label,
    precision: expect.closeTo(r.precision, 12),
    recall: expect.closeTo(r.recall, 12),
    f1: expect.closeTo(r.f1, 12),
  }));

test('per-label precision, recall and F1 of a small confusion matrix, one row per expected label', () => {
  // Shuffled, to show the order of the rows does not matter.
  const pairs = [...matrix].reverse().map(([expected, generated]) => ({ expected, generated }));
  expect(classification(pairs)).toEqual(closeTo(byHand));
});

const ok = (text: string): RowResult => ({ text, status: '', promptTokens: 5, outputTokens: 1 });
const failed: RowResult = {
  text: null,
  status: 'A retryable error occurred: RESOURCE EXHAUSTED error from remote service/endpoint e',
  promptTokens: 0,
  outputTokens: 0,
};

test('ML.EVALUATE output for CLASSIFICATION: the documented columns, failed rows skipped and counted', () => {
  // Two more rows whose generation failed: they must not count as wrong answers.
  const expected = [...matrix.map(([e]) => e), 'Cardiology', 'Urology'];
  const rows = [...matrix.map(([, answer]) => ok(answer)), failed, failed];
  const columns = evaluationColumns('CLASSIFICATION', expected, rows);
  expect(columns.map((c) => c.name)).toEqual(['precision', 'recall', 'f1', 'label', 'evaluation_status']);
  const column = (name: string) => columns.find((c) => c.name === name)!.values;
  const got = column('label').map((label, i) => ({
    label: label as string,
    precision: column('precision')[i] as number,
    recall: column('recall')[i] as number,
    f1: column('f1')[i] as number,
  }));
  expect(got).toEqual(closeTo(byHand));
  for (const status of column('evaluation_status')) {
    expect(JSON.parse(status as string)).toEqual({ num_successful_rows: 12, num_total_rows: 14 });
  }
});

test('the free-text metrics of four pairs, each metric the mean of per-row values worked out by hand', () => {
  // Per row [BLEU-4, ROUGE-L P, R, F1, exact match]; an n-gram order the answer is too short for counts
  // (0+1)/(1+1) = 1/2 (the denominator at least 1, then add-one):
  // - "Sleep Medicine" / "sleep  medicine": the same two tokens: ROUGE-L 1; BLEU p1 = p2 = 1, p3 = p4 = 1/2,
  //   (1 · 1 · 1/2 · 1/2)^(1/4) = sqrt(1/2); equal labels.
  // - "Allergy / Immunology" / "allergy/immunology": the same, and equal after the label normalisation.
  // - "Urology" / "Nephrology": nothing in common, 0 everywhere.
  // - "the knee hurts today" / "the knee hurts": LCS 3, P 1, R 3/4, F1 6/7; BLEU p1 = 3/3, p2 = (2+1)/(2+1),
  //   p3 = (1+1)/(1+1), p4 = 1/2, brevity penalty exp(1 - 4/3); not an exact match.
  const values = generationMetricValues([
    { expected: 'Sleep Medicine', generated: 'sleep  medicine' },
    { expected: 'Allergy / Immunology', generated: 'allergy/immunology' },
    { expected: 'Urology', generated: 'Nephrology' },
    { expected: 'the knee hurts today', generated: 'the knee hurts' },
  ]);
  expect(Object.keys(values)).toEqual([
    'bleu4_score',
    'rouge-l_precision',
    'rouge-l_recall',
    'rouge-l_f1',
    'exact_match',
  ]);
  expect(values.bleu4_score).toBeCloseTo((2 * Math.SQRT1_2 + Math.exp(-1 / 3) * 0.5 ** 0.25) / 4, 15);
  expect(values['rouge-l_precision']).toBe(3 / 4);
  expect(values['rouge-l_recall']).toBe(11 / 16);
  expect(values['rouge-l_f1']).toBeCloseTo(5 / 7, 15);
  expect(values.exact_match).toBe(1 / 2);
});

test('free text with every row failed: each metric 0 (a mean over no rows), not NaN', () => {
  const columns = evaluationColumns('TEXT_GENERATION', ['a', 'b'], [failed, failed]);
  expect(Object.fromEntries(columns.map((c) => [c.name, c.values[0]]))).toEqual({
    bleu4_score: 0,
    'rouge-l_precision': 0,
    'rouge-l_recall': 0,
    'rouge-l_f1': 0,
    evaluation_status: JSON.stringify({ num_successful_rows: 0, num_total_rows: 2 }),
  });
});

test('a label spelled two ways is one label, shown as first spelled; precision equal to recall', () => {
  // "Ear, Nose" first, then " ear,  NOSE": one label. TP 1 (row 1), FP 1 (row 3), FN 1 (row 2):
  // P = R = 1/2, F1 = 1/2. "Skin": TP 0, FP 1 (row 2), FN 1 (row 3): 0, 0, 0.
  const pairs = [
    { expected: 'Ear, Nose', generated: 'ear, nose' },
    { expected: ' ear,  NOSE', generated: 'Skin' },
    { expected: 'Skin', generated: 'EAR, NOSE' },
  ];
  expect(classification(pairs)).toEqual([
    { label: 'Ear, Nose', precision: 0.5, recall: 0.5, f1: 0.5 },
    { label: 'Skin', precision: 0, recall: 0, f1: 0 },
  ]);
});

test('labels in code-unit order, also past the 64 labels where sorting merges runs', () => {
  // Labels L000..L099 in a scrambled order (37 is prime to 100, so i·37 mod 100 visits each once).
  const names = Array.from({ length: 100 }, (_, i) => `L${String((i * 37) % 100).padStart(3, '0')}`);
  const pairs = [...names, 'B', 'a'].map((label) => ({ expected: label, generated: label }));
  const order = classification(pairs).map((m) => m.label);
  // Upper-case letters sort before lower-case in code-unit order.
  expect(order).toEqual([
    'B',
    ...Array.from({ length: 100 }, (_, i) => `L${String(i).padStart(3, '0')}`),
    'a',
  ]);
});

test('ML.EVALUATE counts a row only when its status is empty and it has a text', () => {
  // Row 1 succeeded; row 2 has no text although no status (no request was answered); row 3 has a text
  // but a failure status. Only row 1 is scored: exact match 1 of 1.
  const rows: RowResult[] = [
    ok('Paris'),
    { text: null, status: '', promptTokens: 0, outputTokens: 0 },
    { text: 'Paris', status: 'INVALID_ARGUMENT (injected)', promptTokens: 0, outputTokens: 0 },
  ];
  const columns = evaluationColumns('QUESTION_ANSWERING', ['Paris', 'Paris', 'Paris'], rows);
  expect(columns).toEqual([
    { name: 'exact_match', type: 'DOUBLE', values: [1] },
    {
      name: 'evaluation_status',
      type: 'VARCHAR',
      values: [JSON.stringify({ num_successful_rows: 1, num_total_rows: 3 })],
    },
  ]);
  const labels = evaluationColumns(
    'CLASSIFICATION',
    ['Paris', 'Rome', 'Rome'],
    [ok('Paris'), rows[1], rows[2]],
  );
  expect(labels.map((c) => [c.name, c.type, c.values])).toEqual([
    ['precision', 'DOUBLE', [1]],
    ['recall', 'DOUBLE', [1]],
    ['f1', 'DOUBLE', [1]],
    ['label', 'VARCHAR', ['Paris']],
    ['evaluation_status', 'VARCHAR', [JSON.stringify({ num_successful_rows: 1, num_total_rows: 3 })]],
  ]);
});

test('ML.EVALUATE rejects a task type it does not know', () => {
  expect(() => evaluationColumns('RANKING', ['a'], [ok('a')])).toThrow(
    'ML.EVALUATE: task_type RANKING is not one of TEXT_GENERATION, CLASSIFICATION, SUMMARIZATION, QUESTION_ANSWERING',
  );
});

test("ML.EVALUATE for free text: the documented columns, per-row scores of the pipeline's text_scores", () => {
  // rouge-score's README pair (P 0.625, R 5/9, F1 10/17) and a failed row, which ML.EVALUATE skips.
  const expected = ['The quick brown fox jumps over the lazy dog', 'skipped'];
  const rows = [ok('The quick brown dog jumps on the log.'), failed];
  const columns = (task: string) =>
    Object.fromEntries(evaluationColumns(task, expected, rows).map((c) => [c.name, c.values[0]]));
  const bleu = Math.exp(1 - 9 / 8) * ((6 / 8) * (3 / 8) * (2 / 7) * (1 / 6)) ** 0.25;
  const status = JSON.stringify({ num_successful_rows: 1, num_total_rows: 2 });
  const text = columns('TEXT_GENERATION');
  expect(Object.keys(text)).toEqual([
    'bleu4_score',
    'rouge-l_precision',
    'rouge-l_recall',
    'rouge-l_f1',
    'evaluation_status',
  ]);
  expect(text.bleu4_score).toBeCloseTo(bleu, 15);
  expect(text['rouge-l_precision']).toBe(0.625);
  expect(text['rouge-l_recall']).toBeCloseTo(5 / 9, 15);
  expect(text['rouge-l_f1']).toBeCloseTo(10 / 17, 15);
  expect(text.evaluation_status).toBe(status);
  expect(Object.keys(columns('SUMMARIZATION'))).toEqual([
    'rouge-l_precision',
    'rouge-l_recall',
    'rouge-l_f1',
    'evaluation_status',
  ]);
  expect(columns('QUESTION_ANSWERING')).toEqual({ exact_match: 0, evaluation_status: status });
});
