import {
  bindSql,
  distributionBuckets,
  evaluationsTable,
  generationBookkeepingMetrics,
  generationMetricNames,
  generationMetrics,
  generationPrimaryMetric,
  generationTaskTypes,
  normalizeLabel,
  placeholder,
  predictionsTable,
  type GenerationTaskType,
} from '../../bigquery';
import { openLocalEnvironment, type LocalEnvironment } from '../../cli/local/environment';
import { generationMetricValues } from '../../emulator/bigquery/metrics';
import { tempDir } from '../cli/local/fixtures';

const ds = { project: 'bqtune-local', dataset: 'bqtune' };
const model = { ...ds, model: 'base' };
const MODEL = 'bqtune-local.bqtune.base';
const FP = 'fp1';
const failed = 'A retryable error occurred: RESOURCE EXHAUSTED error from endpoint';
const table = (id: string) => ({ ...ds, table: id });

/** [example_id, reference, generated text (NULL when failed), status, attempt, model, eval fingerprint] */
type Row = [string, string, string | null, string, number, string, string];
const P = (id: string, label: string, text: string | null, status = '', attempt = 1): Row => [
  id,
  label,
  text,
  status,
  attempt,
  MODEL,
  FP,
];
const fox = 'The quick brown fox jumps over the lazy dog';
const rows: Row[] = [
  // rouge-score's README pair: P 5/8, R 5/9, F1 10/17 (text-metrics.test.ts has the BLEU by hand).
  P('e1', fox, 'The quick brown dog jumps on the log.'),
  // The same two words: ROUGE-L 1, BLEU sqrt(1/2); not an exact match (the normalisation keeps "," and "!").
  P('e2', 'hello world', 'Hello, world!'),
  // Succeeded first, still failing at its latest attempt: scores 0 everywhere, counts as a row.
  P('e3', 'a b c d', 'a b c d', '', 1),
  P('e3', 'a b c d', null, failed, 2),
  // Failed first, succeeded on the retry: the retry counts. One word: BLEU (1/8)^(1/4), exact match.
  P('e4', 'Paris', null, failed, 1),
  P('e4', 'Paris', ' PARIS ', '', 2),
  // Equal after the label normalisation (spaces around "/"): exact match, ROUGE-L 1, BLEU sqrt(1/2).
  P('e5', 'Allergy / Immunology', 'allergy/immunology'),
  // An empty answer: 0 everywhere.
  P('e6', 'x y', ''),
  // Another model and another eval set: ignored.
  ['e1', fox, fox, '', 1, 'bqtune-local.bqtune.other', FP],
  ['e1', fox, fox, '', 1, MODEL, 'fp2'],
];

const bleuFox = Math.exp(1 - 9 / 8) * ((6 / 8) * (3 / 8) * (2 / 7) * (1 / 6)) ** 0.25;
/** Means over the 6 latest rows (e3 failed: 0), worked out from the per-row values above. */
const expected: Record<string, number> = {
  bleu4_score: (bleuFox + Math.SQRT1_2 + 0 + (1 / 8) ** 0.25 + Math.SQRT1_2 + 0) / 6,
  'rouge-l_precision': (5 / 8 + 1 + 0 + 1 + 1 + 0) / 6,
  'rouge-l_recall': (5 / 9 + 1 + 0 + 1 + 1 + 0) / 6,
  'rouge-l_f1': (10 / 17 + 1 + 0 + 1 + 1 + 0) / 6,
  exact_match: 2 / 6,
  success_share: 5 / 6,
  num_rows: 6,
  num_successful_rows: 5,
};
/** Rows per bucket of the primary metric: ROUGE-L F1 10/17, 1, 0, 1, 1, 0 and exact match 0, 0, 0, 1, 1, 0. */
const expectedBuckets: Record<string, Record<string, number>> = {
  'rouge-l_f1': { '0.0-0.1': 2, '0.5-0.6': 1, '0.9-1.0': 3 },
  exact_match: { '0.0-0.1': 4, '0.9-1.0': 2 },
};

describe('generation metrics SQL on the BigQuery emulator, against hand-computed and published values', () => {
  let env: LocalEnvironment;
  const options = {
    predictions: table(predictionsTable.id),
    evaluations: table(evaluationsTable.id),
    model,
    role: 'tuned' as const,
    runId: '',
    evalFingerprint: '',
  };
  const written = async (runId: string) =>
    (
      await env.bigquery.query(
        `SELECT scope, label, predicted_label, metric, value FROM \`bqtune-local.bqtune.evaluations\` WHERE run_id = @run_id AND model_role = 'tuned' AND model_name = '${MODEL}'`,
        { run_id: runId },
      )
    ).rows;

  beforeAll(async () => {
    env = await openLocalEnvironment(tempDir('generation-metrics'));
    for (const [i, r] of rows.entries()) {
      // predicted_label as generatePredictions stores it: the output after the one label normalisation.
      await env.bigquery.query(
        `INSERT INTO \`bqtune-local.bqtune.${predictionsTable.id}\` VALUES ('r0', @model, @fp, @id, @label, @text, @predicted, @status, @attempt, TIMESTAMP_ADD(TIMESTAMP '2026-01-01 00:00:00', INTERVAL ${i} SECOND))`,
        {
          id: r[0],
          label: r[1],
          text: r[2],
          predicted: r[2] === null ? null : normalizeLabel(r[2]),
          status: r[3],
          attempt: r[4],
          model: r[5],
          fp: r[6],
        },
      );
    }
  });
  afterAll(() => env.close());

  const taskPlaceholder = placeholder('task_type', { enum: generationTaskTypes });

  describe.each(generationTaskTypes)('%s', (task: GenerationTaskType) => {
    const primary = generationPrimaryMetric[task];
    const check = async (runId: string) => {
      const got = await written(runId);
      const overall = got.filter((r) => r.scope === 'overall');
      expect(overall.map((r) => r.metric)).toEqual(
        expect.arrayContaining([...generationMetricNames(task), ...generationBookkeepingMetrics]),
      );
      expect(overall).toHaveLength(generationMetricNames(task).length + generationBookkeepingMetrics.length);
      for (const r of overall) {
        expect([r.label, r.predicted_label]).toEqual([null, null]);
        expect(Number(r.value)).toBeCloseTo(expected[String(r.metric)], 12);
      }
      const distribution = got.filter((r) => r.scope === 'distribution');
      expect(distribution.map((r) => r.label).sort()).toEqual([...distributionBuckets]);
      for (const r of distribution) {
        expect(r.metric).toBe(primary);
        expect(Number(r.value)).toBe(expectedBuckets[primary][String(r.label)] ?? 0);
      }
      expect(got).toHaveLength(overall.length + distribution.length);
    };

    test('the task known when the statement is built', async () => {
      const sql = generationMetrics({ ...options, taskType: task });
      expect(sql.placeholders).toEqual([]);
      // Only this task's metrics are written, so nothing is guarded by the task and no value is chosen by it.
      expect(sql.text).not.toMatch(/HAVING|CASE/);
      await env.bigquery.query(sql.text, { run_id: `known_${task}`, eval_fingerprint: FP });
      await check(`known_${task}`);
    });

    test('the task a placeholder, bound at run time: one compiled statement for all three', async () => {
      const sql = bindSql(generationMetrics({ ...options, taskType: taskPlaceholder }), { task_type: task });
      await env.bigquery.query(sql.text, { run_id: `bound_${task}`, eval_fingerprint: FP });
      await check(`bound_${task}`);
    });
  });

  test("the statement's means equal the emulator's ML.EVALUATE over the same pairs (one JavaScript source)", async () => {
    // The latest row per example, a failed one read as an empty answer (0 everywhere, as the statement scores it).
    const latest = new Map<string, { expected: string; generated: string }>();
    for (const r of rows.filter((x) => x[5] === MODEL && x[6] === FP))
      latest.set(r[0], { expected: r[1], generated: r[3] === '' ? (r[2] ?? '') : '' });
    const values = generationMetricValues([...latest.values()]);
    const sql = generationMetrics({ ...options, taskType: taskPlaceholder });
    for (const task of generationTaskTypes) {
      await env.bigquery.query(bindSql(sql, { task_type: task }).text, {
        run_id: `same_${task}`,
        eval_fingerprint: FP,
      });
      const overall = (await written(`same_${task}`)).filter((x) => x.scope === 'overall');
      const names = generationMetricNames(task);
      expect(overall.filter((r) => (names as string[]).includes(String(r.metric)))).toHaveLength(
        names.length,
      );
      for (const r of overall) {
        const metric = String(r.metric) as keyof typeof values;
        if (names.includes(metric)) expect(Number(r.value)).toBeCloseTo(values[metric], 12);
      }
    }
  });

  test('no rows for the eval set: every mean 0, counts 0, ten empty buckets', async () => {
    const sql = generationMetrics({ ...options, taskType: 'SUMMARIZATION' });
    await env.bigquery.query(sql.text, { run_id: 'empty', eval_fingerprint: 'no-such-fingerprint' });
    const got = await written('empty');
    expect(got.filter((r) => r.scope === 'overall').map((r) => [r.metric, Number(r.value)])).toEqual(
      expect.arrayContaining([
        ['rouge-l_f1', 0],
        ['num_rows', 0],
        ['success_share', 0],
      ]),
    );
    expect(got.filter((r) => r.scope === 'distribution').map((r) => Number(r.value))).toEqual(
      Array(10).fill(0),
    );
  });

  test('a bad role, table or model is refused naming its field', () => {
    expect(() =>
      generationMetrics({ ...options, taskType: 'SUMMARIZATION', role: 'boss' as 'tuned' }),
    ).toThrow('generationMetrics.role: "boss" must be one of baseline, tuned, champion');
    expect(() =>
      generationMetrics({ ...options, taskType: 'SUMMARIZATION', evaluations: table('a`b') }),
    ).toThrow(/^generationMetrics\.evaluations\.table: "a`b" is not a valid tableId/);
    expect(() =>
      generationMetrics({ ...options, taskType: 'SUMMARIZATION', predictions: table('a b') }),
    ).toThrow(/^generationMetrics\.predictions\.table: "a b" is not a valid tableId/);
    expect(() =>
      generationMetrics({ ...options, taskType: 'SUMMARIZATION', model: { ...ds, model: 'm-1' } }),
    ).toThrow(/^generationMetrics\.model\.model: "m-1" is not a valid modelId/);
  });

  test('a role or task outside the allowed values is refused when the statement is built', () => {
    expect(() => generationMetrics({ ...options, taskType: 'CLASSIFICATION' as GenerationTaskType })).toThrow(
      /generationMetrics.taskType: "CLASSIFICATION" must be one of TEXT_GENERATION, SUMMARIZATION, QUESTION_ANSWERING/,
    );
    expect(() =>
      generationMetrics({
        ...options,
        taskType: placeholder('task_type', { enum: ['TEXT_GENERATION', 'CLASSIFICATION'] }),
      }),
    ).toThrow(/must be an enum of TEXT_GENERATION, SUMMARIZATION, QUESTION_ANSWERING \(not CLASSIFICATION\)/);
  });
});
