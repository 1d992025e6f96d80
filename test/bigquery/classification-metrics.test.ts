import type { DuckDBConnection } from '@duckdb/node-api';
import {
  classificationMetrics,
  evaluationsTable,
  normalizeLabel,
  overallMetricNames,
  overallMetricsQuery,
  predictionsTable,
  type TableDefinition,
} from '../../bigquery';
import { openDuckDb, runSql } from './duckdb';

const duckType = {
  STRING: 'VARCHAR',
  INT64: 'BIGINT',
  FLOAT64: 'DOUBLE',
  BOOL: 'BOOLEAN',
  TIMESTAMP: 'TIMESTAMP',
  JSON: 'JSON',
};
const createTable = (def: TableDefinition): string =>
  `CREATE TABLE "${def.id}" (${def.fields.map((f) => `${f.name} ${duckType[f.type]}${f.mode === 'REQUIRED' ? ' NOT NULL' : ''}`).join(', ')})`;

interface Prediction {
  model: string;
  fp: string;
  id: string;
  label: string;
  predicted: string | null;
  status: string;
  attempt: number;
}

const MODEL = 'proj-123.ds.base';
const FP = 'fp1';
const failed = 'A retryable error occurred: RESOURCE EXHAUSTED error from endpoint';
const P = (
  id: string,
  label: string,
  predicted: string | null,
  status = '',
  attempt = 1,
  model = MODEL,
  fp = FP,
): Prediction => ({
  model,
  fp,
  id,
  label,
  predicted,
  status,
  attempt,
});

const rows: Prediction[] = [
  P('e1', 'Billing', 'billing'),
  P('e2', 'Billing', ' BILLING '),
  P('e3', 'Billing', 'technical support'),
  P('e4', 'Technical Support', 'technical  support'),
  P('e5', 'Technical Support', 'billing'),
  P('e6', 'Account / Login', 'account/login'),
  P('e7', 'Account / Login', 'something else'),
  // Failed first, succeeded on the retry: the retry counts.
  P('e8', 'Account / Login', null, failed, 1),
  P('e8', 'Account / Login', 'account / login', '', 2),
  // Still failing at its latest attempt: counts only in success share.
  P('e9', 'Billing', 'billing', '', 1),
  P('e9', 'Billing', null, failed, 2),
  // Another model and another eval set: ignored.
  P('e1', 'Billing', 'wrong', '', 1, 'proj-123.ds.other'),
  P('e1', 'Billing', 'wrong', '', 1, MODEL, 'fp2'),
];

/** Independent reference: plain loops over the latest row per example. */
function reference(data: Prediction[]) {
  const latest = new Map<string, Prediction>();
  for (const r of data.filter((r) => r.model === MODEL && r.fp === FP)) {
    const seen = latest.get(r.id);
    if (!seen || r.attempt > seen.attempt) latest.set(r.id, r);
  }
  const all = [...latest.values()];
  const ok = all
    .filter((r) => r.status === '')
    .map((r) => ({ a: normalizeLabel(r.label), p: normalizeLabel(r.predicted ?? '') }));
  const labels = [...new Set(ok.map((r) => r.a))];
  const perLabel = new Map<string, { precision: number; recall: number; f1: number; support: number }>();
  for (const l of labels) {
    const tp = ok.filter((r) => r.a === l && r.p === l).length;
    const predicted = ok.filter((r) => r.p === l).length;
    const support = ok.filter((r) => r.a === l).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perLabel.set(l, {
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      support,
    });
  }
  const stats = [...perLabel.values()];
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const tpSum = labels.reduce((s, l) => s + ok.filter((r) => r.a === l && r.p === l).length, 0);
  const inSet = ok.filter((r) => labels.includes(r.p)).length;
  const microP = tpSum / inSet;
  const microR = tpSum / ok.length;
  const confusion = new Map<string, number>();
  for (const r of ok) confusion.set(`${r.a} -> ${r.p}`, (confusion.get(`${r.a} -> ${r.p}`) ?? 0) + 1);
  return {
    overall: {
      accuracy: ok.filter((r) => r.a === r.p).length / ok.length,
      macro_precision: mean(stats.map((s) => s.precision)),
      macro_recall: mean(stats.map((s) => s.recall)),
      macro_f1: mean(stats.map((s) => s.f1)),
      micro_f1: (2 * microP * microR) / (microP + microR),
      weighted_f1: stats.reduce((s, x) => s + x.f1 * x.support, 0) / ok.length,
      success_share: ok.length / all.length,
      num_rows: all.length,
      num_successful_rows: ok.length,
    },
    perLabel,
    confusion,
  };
}

describe('classification metrics SQL on DuckDB', () => {
  let db: DuckDBConnection;
  const ds = { project: 'proj-123', dataset: 'ds' };
  const model = { ...ds, model: 'base' };

  beforeAll(async () => {
    db = await openDuckDb();
    await db.run(createTable(predictionsTable));
    await db.run(createTable(evaluationsTable));
    for (const [i, r] of rows.entries()) {
      await db.run(
        `INSERT INTO predictions VALUES ('r0', $model, $fp, $id, $label, $predicted, $predicted, $status, $attempt, TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (${i}) SECOND)`,
        {
          model: r.model,
          fp: r.fp,
          id: r.id,
          label: r.label,
          predicted: r.predicted,
          status: r.status,
          attempt: r.attempt,
        },
      );
    }
    await runSql(
      db,
      classificationMetrics({
        predictions: { ...ds, table: 'predictions' },
        evaluations: { ...ds, table: 'evaluations' },
        model,
        role: 'baseline',
        runId: 'run-1',
        evalFingerprint: FP,
      }),
    );
  });

  afterAll(() => db.closeSync());

  const expected = reference(rows);

  test('the reference data exercises every branch', () => {
    expect(expected.overall.num_rows).toBe(9);
    expect(expected.overall.num_successful_rows).toBe(8);
    expect(expected.overall.accuracy).toBeCloseTo(5 / 8);
  });

  test('overall metrics match an independent computation, read back by overallMetricsQuery', async () => {
    const [row] = await runSql(
      db,
      overallMetricsQuery({
        evaluations: { ...ds, table: 'evaluations' },
        model,
        role: 'baseline',
        runId: 'run-1',
      }),
    );
    expect(Object.keys(row)).toEqual([...overallMetricNames]);
    for (const name of overallMetricNames) expect(row[name]).toBeCloseTo(expected.overall[name], 12);
  });

  test('per-label precision, recall, F1 and support', async () => {
    const got = await db.runAndReadAll(
      `SELECT label, metric, value, run_id, model_role, model_name FROM evaluations WHERE scope = 'label'`,
    );
    const rowsRead = got.getRowObjects();
    expect(rowsRead).toHaveLength(expected.perLabel.size * 4);
    for (const r of rowsRead) {
      expect([r.run_id, r.model_role, r.model_name]).toEqual(['run-1', 'baseline', MODEL]);
      const stats = expected.perLabel.get(r.label as string);
      expect(stats).toBeDefined();
      expect(r.value).toBeCloseTo(stats![r.metric as 'precision' | 'recall' | 'f1' | 'support'], 12);
    }
    expect([...expected.perLabel.keys()].sort()).toEqual(['account/login', 'billing', 'technical support']);
  });

  test('confusion matrix counts every succeeded row once, including predictions outside the label set', async () => {
    const got = (
      await db.runAndReadAll(
        `SELECT label, predicted_label, value FROM evaluations WHERE scope = 'confusion'`,
      )
    ).getRowObjects();
    const map = new Map(got.map((r) => [`${r.label} -> ${r.predicted_label}`, r.value]));
    expect(map).toEqual(expected.confusion);
    expect(map.get('account/login -> something else')).toBe(1);
  });

  test('a second write in the same run is what the read-back query returns', async () => {
    await db.run(
      `INSERT INTO evaluations VALUES ('run-1', 'baseline', '${MODEL}', 'overall', NULL, NULL, 'accuracy', 0.125, TIMESTAMP '2999-01-01 00:00:00')`,
    );
    const [row] = await runSql(
      db,
      overallMetricsQuery({
        evaluations: { ...ds, table: 'evaluations' },
        model,
        role: 'baseline',
        runId: 'run-1',
      }),
    );
    expect(row.accuracy).toBe(0.125);
    expect(row.macro_f1).toBeNull();
  });
});
