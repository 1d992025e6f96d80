import {
  classificationMetrics,
  evaluationsTable,
  overallMetricNames,
  overallMetricsQuery,
  predictionsTable,
} from '../../bigquery';
import { openLocalEnvironment, type LocalEnvironment } from '../../cli/local/environment';
import { tempDir } from '../cli/local/fixtures';

const ds = { project: 'bqtune-local', dataset: 'bqtune' };
const model = { ...ds, model: 'base' };
const MODEL = 'bqtune-local.bqtune.base';
const FP = 'fp1';
const failed = 'A retryable error occurred: RESOURCE EXHAUSTED error from endpoint';
const labels = ['Billing', 'Technical Support', 'Account / Login', 'Shipping'];

/** [example_id, expected label, stored predicted label, status, attempt, model, eval fingerprint] */
type Row = [string, string, string | null, string, number, string, string];
const P = (id: string, label: string, predicted: string | null, status = '', attempt = 1): Row => [
  id,
  label,
  predicted,
  status,
  attempt,
  MODEL,
  FP,
];

const rows: Row[] = [
  P('e1', 'Billing', 'billing'),
  P('e2', 'Billing', ' BILLING '),
  P('e3', 'Billing', 'technical support'),
  P('e4', 'Technical Support', 'technical  support'),
  P('e5', 'Technical Support', 'billing'),
  P('e6', 'Account / Login', 'account/login'),
  // Outside the label set: an invalid answer.
  P('e7', 'Account / Login', 'something else'),
  // Failed first, succeeded on the retry: the retry counts.
  P('e8', 'Account / Login', null, failed, 1),
  P('e8', 'Account / Login', 'account / login', '', 2),
  // Still failing at its latest attempt: a wrong answer.
  P('e9', 'Billing', 'billing', '', 1),
  P('e9', 'Billing', null, failed, 2),
  // Another model and another eval set: ignored.
  ['e1', 'Billing', 'wrong', '', 1, 'bqtune-local.bqtune.other', FP],
  ['e1', 'Billing', 'wrong', '', 1, MODEL, 'fp2'],
];

/*
 * By hand, over the latest row of e1..e9 (9 rows, 8 succeeded; Shipping has no row):
 *   billing:           support 4 (e1 e2 e3 e9), TP 2 (e1 e2), predicted 3 (e1 e2 e5): P 2/3, R 1/2, F1 4/7
 *   technical support: support 2 (e4 e5),       TP 1 (e4),    predicted 2 (e3 e4):    P 1/2, R 1/2, F1 1/2
 *   account/login:     support 3 (e6 e7 e8),    TP 2 (e6 e8), predicted 2 (e6 e8):    P 1,   R 2/3, F1 4/5
 *   shipping:          support 0, nothing predicted: P 0, R 0, F1 0
 *   accuracy 5/9; macro P (2/3+1/2+1+0)/4 = 13/24, macro R (1/2+1/2+2/3+0)/4 = 5/12,
 *   macro F1 (4/7+1/2+4/5+0)/4 = 131/280; weighted F1 (4/7*4 + 1/2*2 + 4/5*3)/9 = 199/315;
 *   micro P 5/7 (answers inside the set: 3+2+2), micro R 5/9, micro F1 2PR/(P+R) = 5/8;
 *   success share 8/9, invalid answers 1 (e7).
 */
const expectedOverall: Record<(typeof overallMetricNames)[number], number> = {
  accuracy: 5 / 9,
  macro_precision: 13 / 24,
  macro_recall: 5 / 12,
  macro_f1: 131 / 280,
  micro_f1: 5 / 8,
  weighted_f1: 199 / 315,
  success_share: 8 / 9,
  num_rows: 9,
  num_successful_rows: 8,
  invalid_answers: 1,
};
const expectedPerLabel: Record<string, { precision: number; recall: number; f1: number; support: number }> = {
  billing: { precision: 2 / 3, recall: 1 / 2, f1: 4 / 7, support: 4 },
  'technical support': { precision: 1 / 2, recall: 1 / 2, f1: 1 / 2, support: 2 },
  'account/login': { precision: 1, recall: 2 / 3, f1: 4 / 5, support: 3 },
  shipping: { precision: 0, recall: 0, f1: 0, support: 0 },
};
const expectedConfusion = new Map([
  ['billing -> billing', 2],
  ['billing -> technical support', 1],
  ['billing -> ', 1],
  ['technical support -> technical support', 1],
  ['technical support -> billing', 1],
  ['account/login -> account/login', 2],
  ['account/login -> something else', 1],
]);

describe('classification metrics SQL on the BigQuery emulator, against a hand-computed confusion matrix', () => {
  let env: LocalEnvironment;
  const table = (id: string) => ({ ...ds, table: id });
  const query = async (sql: { text: string }, params: Record<string, unknown> = {}) =>
    (await env.bigquery.query(sql.text, params)).rows;

  beforeAll(async () => {
    env = await openLocalEnvironment(tempDir('metrics'));
    for (const [i, r] of rows.entries()) {
      await env.bigquery.query(
        `INSERT INTO \`bqtune-local.bqtune.${predictionsTable.id}\` VALUES ('r0', @model, @fp, @id, @label, @predicted, @predicted, @status, @attempt, TIMESTAMP_ADD(TIMESTAMP '2026-01-01 00:00:00', INTERVAL ${i} SECOND))`,
        { id: r[0], label: r[1], predicted: r[2], status: r[3], attempt: r[4], model: r[5], fp: r[6] },
      );
    }
    const sql = classificationMetrics({
      predictions: table(predictionsTable.id),
      evaluations: table(evaluationsTable.id),
      model,
      role: 'baseline',
      runId: '',
      evalFingerprint: '',
      labels: [],
    });
    await env.bigquery.query(sql.text, { run_id: 'run-1', eval_fingerprint: FP, labels });
  });

  afterAll(() => env.close());

  test('overall metrics, read back by overallMetricsQuery', async () => {
    const rows = await query(
      overallMetricsQuery({ evaluations: table(evaluationsTable.id), model, role: 'baseline', runId: '' }),
      { run_id: 'run-1' },
    );
    const row = Object.fromEntries(rows.map((r) => [String(r.metric), Number(r.value)]));
    expect(Object.keys(row).sort()).toEqual([...overallMetricNames].sort());
    for (const name of overallMetricNames) expect(row[name]).toBeCloseTo(expectedOverall[name], 12);
  });

  test('per-label precision, recall, F1 and support cover the whole label set, support 0 included', async () => {
    const got = await query({
      text: `SELECT label, metric, value FROM \`bqtune-local.bqtune.evaluations\` WHERE scope = 'label'`,
    });
    expect(got).toHaveLength(4 * 4);
    for (const r of got) {
      const stats = expectedPerLabel[String(r.label)];
      expect(stats).toBeDefined();
      expect(Number(r.value)).toBeCloseTo(stats[r.metric as keyof typeof stats], 12);
    }
  });

  test('the confusion matrix counts every row once, failed rows as no answer, invalid answers as given', async () => {
    const got = await query({
      text: `SELECT label, predicted_label, value FROM \`bqtune-local.bqtune.evaluations\` WHERE scope = 'confusion'`,
    });
    expect(new Map(got.map((r) => [`${r.label} -> ${r.predicted_label}`, Number(r.value)]))).toEqual(
      expectedConfusion,
    );
  });

  test('a later write in the same run is what the read-back query returns', async () => {
    await env.bigquery.query(
      `INSERT INTO \`bqtune-local.bqtune.evaluations\` VALUES ('run-1', 'baseline', '${MODEL}', 'overall', NULL, NULL, 'accuracy', 0.125, TIMESTAMP '2999-01-01 00:00:00')`,
    );
    const rows = await query(
      overallMetricsQuery({ evaluations: table(evaluationsTable.id), model, role: 'baseline', runId: '' }),
      { run_id: 'run-1' },
    );
    expect(rows.map((r) => [r.metric, Number(r.value)])).toEqual([['accuracy', 0.125]]);
  });
});

describe('bad input is refused with one line naming the builder and the field', () => {
  const options = {
    predictions: { ...ds, table: predictionsTable.id },
    evaluations: { ...ds, table: evaluationsTable.id },
    model,
    role: 'baseline' as const,
    runId: '',
    evalFingerprint: '',
    labels: [],
  };
  const judge = 'judge' as 'baseline';
  const cases: [string, () => unknown, string][] = [
    [
      'classificationMetrics, role',
      () => classificationMetrics({ ...options, role: judge }),
      'classificationMetrics.role: "judge" must be one of baseline, tuned, champion',
    ],
    [
      'classificationMetrics, evaluations',
      () => classificationMetrics({ ...options, evaluations: { ...ds, table: 'bad table' } }),
      'classificationMetrics.evaluations.table: "bad table" is not a valid tableId',
    ],
    [
      'classificationMetrics, predictions',
      () => classificationMetrics({ ...options, predictions: { ...ds, table: 'bad table' } }),
      'classificationMetrics.predictions.table: "bad table" is not a valid tableId',
    ],
    [
      'classificationMetrics, model',
      () => classificationMetrics({ ...options, model: { ...ds, model: 'a.b' } }),
      'classificationMetrics.model.model: "a.b" is not a valid modelId',
    ],
    [
      'overallMetricsQuery, role',
      () => overallMetricsQuery({ ...options, role: judge }),
      'overallMetricsQuery.role: "judge" must be one of baseline, tuned, champion',
    ],
    [
      'overallMetricsQuery, evaluations',
      () => overallMetricsQuery({ ...options, evaluations: { ...ds, table: 'bad table' } }),
      'overallMetricsQuery.evaluations.table: "bad table" is not a valid tableId',
    ],
    [
      'overallMetricsQuery, model',
      () => overallMetricsQuery({ ...options, model: { ...ds, model: 'a.b' } }),
      'overallMetricsQuery.model.model: "a.b" is not a valid modelId',
    ],
  ];
  test.each(cases)('%s', (_, build, message) => {
    expect(build).toThrow(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\n]*$`));
  });
});
