import { evaluationsTable, labelRegressionsQuery } from '../../bigquery';
import { openLocalEnvironment, type LocalEnvironment } from '../../cli/local/environment';
import { tempDir } from '../cli/local/fixtures';

const evaluations = { project: 'bqtune-local', dataset: 'bqtune', table: evaluationsTable.id };

/** [role, label, metric, value, second of the write] */
const rows: [string, string, string, number, number][] = [
  ['baseline', 'a', 'f1', 0.9, 1],
  ['baseline', 'b', 'f1', 0.9, 1],
  ['baseline', 'c', 'f1', 0.5, 1],
  ['baseline', 'd', 'f1', 0.8, 1],
  ['champion', 'a', 'f1', 0.5, 1],
  ['champion', 'c', 'f1', 0.9, 1],
  // An earlier tuned write for `a` that a later one replaces.
  ['tuned', 'a', 'f1', 0.95, 0],
  ['tuned', 'a', 'f1', 0.7, 2],
  ['tuned', 'b', 'f1', 0.7, 2],
  ['tuned', 'c', 'f1', 0.6, 2],
  // No tuned F1 row for `d`: it counts as 0.
  ['tuned', 'a', 'support', 10, 2],
  ['tuned', 'b', 'support', 9, 2],
  ['tuned', 'c', 'support', 10, 2],
  ['tuned', 'd', 'support', 20, 2],
];

/**
 * Another run, written later: read by run-1's query, its tuned F1 of `a` would clear a's regression and its
 * `e` rows would add two. In run-2 itself `e` regresses against both references (the champion row written
 * first, the result still ordered baseline, champion) and `a` has no reference.
 */
const run2: [string, string, string, number][] = [
  ['champion', 'e', 'f1', 0.95],
  ['baseline', 'e', 'f1', 0.9],
  ['tuned', 'e', 'f1', 0.5],
  ['tuned', 'e', 'support', 12],
  ['tuned', 'a', 'f1', 0.95],
  ['tuned', 'a', 'support', 10],
];

describe('label regressions against the baseline and the champion, with a minimum support', () => {
  let env: LocalEnvironment;
  const regressions = async (minSupport: number, runId = 'run-1') =>
    (
      await env.bigquery.query(labelRegressionsQuery(evaluations).text, {
        run_id: runId,
        max_regression: 0.1,
        min_support: minSupport,
      })
    ).rows.map((r) => [r.label, r.reference, Number(r.reference_f1), Number(r.tuned_f1), Number(r.support)]);

  beforeAll(async () => {
    env = await openLocalEnvironment(tempDir('regressions'));
    for (const [role, label, metric, value, second] of rows) {
      await env.bigquery.query(
        `INSERT INTO \`bqtune-local.bqtune.evaluations\` VALUES ('run-1', @role, 'm', 'label', @label, NULL, @metric, @value, TIMESTAMP_ADD(TIMESTAMP '2026-01-01 00:00:00', INTERVAL ${second} SECOND))`,
        { role, label, metric, value },
      );
    }
    for (const [role, label, metric, value] of run2) {
      await env.bigquery.query(
        `INSERT INTO \`bqtune-local.bqtune.evaluations\` VALUES ('run-2', @role, 'm', 'label', @label, NULL, @metric, @value, TIMESTAMP '2026-01-01 00:00:05')`,
        { role, label, metric, value },
      );
    }
  });
  afterAll(() => env.close());

  test('by hand: a lost 0.2 to the baseline, c lost 0.3 to the champion, d has no tuned F1; b has 9 rows', async () => {
    expect(await regressions(10)).toEqual([
      ['a', 'baseline', 0.9, 0.7, 10],
      ['c', 'champion', 0.9, 0.6, 10],
      ['d', 'baseline', 0.8, 0, 20],
    ]);
  });

  test('a label with exactly the minimum support counts, one row fewer does not', async () => {
    const nine = await regressions(9);
    expect(nine.map((r) => r[0])).toEqual(['a', 'b', 'c', 'd']);
    expect((await regressions(11)).map((r) => r[0])).toEqual(['d']);
  });

  test('another run is read on its own: e regresses against both references, in that order', async () => {
    expect(await regressions(10, 'run-2')).toEqual([
      ['e', 'baseline', 0.9, 0.5, 12],
      ['e', 'champion', 0.95, 0.5, 12],
    ]);
  });

  test('a bad table reference names the argument', () => {
    expect(() => labelRegressionsQuery({ ...evaluations, table: 'no such' })).toThrow(
      /^labelRegressionsQuery\.evaluations\.table: /,
    );
  });
});
