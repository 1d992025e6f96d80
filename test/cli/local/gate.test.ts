import { runLocally } from '../../../cli/local/run-locally';
import { labels } from '../../../examples/medical-specialty/generate';
import { exampleVariant, queryState, table, tempDir } from './fixtures';
import { gateNumber, scoresOf, type Scores } from './independent';

/**
 * Each gate rule rejecting and passing through the compiled pipeline on the local emulator. The expected
 * decision and the numbers in each reason come from the raw predictions (independent.ts), not from the
 * pipeline's metrics.
 */

const small = { trainRows: 120, evalRows: 60 };
const base = {
  checks: { minTrainRows: 100, minEvalRows: 50 },
  gate: { minImprovementOverBaseline: 0, minImprovementOverChampion: 0 },
};
const variant = (iterations: number, gate: Record<string, unknown> = {}) =>
  exampleVariant(
    tempDir('gate'),
    { ...base, gate: { ...base.gate, ...gate }, model: { tuning: { maxIterations: iterations } } },
    small,
  );
const run = (
  stateDir: string,
  runId: string,
  configFile: string,
  extra: Partial<Parameters<typeof runLocally>[0]> = {},
) => runLocally({ configFile, stateDir, runId, ...extra });

const championOf = async (stateDir: string) =>
  (
    await queryState(
      stateDir,
      `SELECT model_name FROM ${table('model_registry')} ORDER BY recorded_at DESC LIMIT 1`,
    )
  )[0]?.model_name ?? null;

const scores = (stateDir: string, runId: string, model: string): Promise<Scores> =>
  scoresOf(stateDir, runId, model, labels);

describe('versus the champion, on one state', () => {
  const stateDir = tempDir('champion-gate');
  let weak: string;
  let weakF1: number;
  let strong: string;

  test('no champion yet: the first tuned model that beats the baseline is deployed', async () => {
    const { summary } = await run(stateDir, 'run_weak', variant(5));
    weak = summary.tuned!.model;
    const tuned = await scores(stateDir, 'run_weak', weak);
    const baseline = await scores(stateDir, 'run_weak', summary.baseline!.model);
    weakF1 = tuned.macroF1;
    expect(summary.tuned!.macroF1).toBeCloseTo(tuned.macroF1, 12);
    expect(summary.baseline!.macroF1).toBeCloseTo(baseline.macroF1, 12);
    expect(tuned.macroF1).toBeGreaterThan(baseline.macroF1);
    expect(summary.gate!.reasons).toContain(
      `tuned macro_f1 ${gateNumber(tuned.macroF1)} beats baseline ${gateNumber(baseline.macroF1)} by at least 0.0`,
    );
    expect(summary.gate!.reasons).toContain('there is no champion yet');
    expect(summary.deployed).toBe(true);
    expect(await championOf(stateDir)).toBe(weak);
  });

  test('a different model with the same score (a tie) does not replace the champion', async () => {
    const { summary } = await run(stateDir, 'run_tie', variant(20));
    expect(summary.tuned!.model).not.toBe(weak);
    const tuned = await scores(stateDir, 'run_tie', summary.tuned!.model);
    const champion = await scores(stateDir, 'run_tie', weak);
    expect(tuned.macroF1).toBe(champion.macroF1);
    expect(champion.macroF1).toBe(weakF1);
    expect(summary.championEvaluation!.model).toBe(weak);
    expect(summary.championEvaluation!.macroF1).toBeCloseTo(champion.macroF1, 12);
    expect(summary.status).toBe('rejected');
    expect(summary.gate!.reasons).toContain(
      `tuned macro_f1 ${gateNumber(tuned.macroF1)} does not beat champion ${weak} ${gateNumber(champion.macroF1)} by more than 0 and at least 0.0`,
    );
    expect(await championOf(stateDir)).toBe(weak);
  });

  test('a challenger that beats the champion replaces it', async () => {
    const { summary } = await run(stateDir, 'run_strong', variant(500));
    strong = summary.tuned!.model;
    const tuned = await scores(stateDir, 'run_strong', strong);
    const champion = await scores(stateDir, 'run_strong', weak);
    expect(tuned.macroF1).toBeGreaterThan(champion.macroF1);
    expect(summary.gate!.reasons).toContain(
      `tuned macro_f1 ${gateNumber(tuned.macroF1)} beats champion ${weak} ${gateNumber(champion.macroF1)} by at least 0.0`,
    );
    expect(summary.status).toBe('succeeded');
    expect(summary.deployed).toBe(true);
    expect(await championOf(stateDir)).toBe(strong);
  });

  test('a challenger worse than the champion is rejected, and its per-label losses to the champion count', async () => {
    const { summary } = await run(
      stateDir,
      'run_weaker',
      variant(100, { maxLabelRegression: 0, minLabelSupport: 1 }),
    );
    const tuned = await scores(stateDir, 'run_weaker', summary.tuned!.model);
    const champion = await scores(stateDir, 'run_weaker', strong);
    const baseline = await scores(stateDir, 'run_weaker', summary.baseline!.model);
    expect(tuned.macroF1).toBeLessThan(champion.macroF1);
    expect(summary.status).toBe('rejected');
    expect(summary.gate!.reasons).toContain(
      `tuned macro_f1 ${gateNumber(tuned.macroF1)} does not beat champion ${strong} ${gateNumber(champion.macroF1)} by more than 0 and at least 0.0`,
    );
    const expected: string[] = [];
    for (const [label, t] of tuned.perLabel) {
      for (const [reference, s] of [
        ['baseline', baseline],
        ['champion', champion],
      ] as const) {
        const r = s.perLabel.get(label)!;
        if (t.support >= 1 && r.f1 - t.f1 > 0) {
          expected.push(
            `label ${label}: F1 fell from ${gateNumber(r.f1)} (${reference}) to ${gateNumber(t.f1)}, more than 0.0 (${t.support} eval rows)`,
          );
        }
      }
    }
    expect(expected.some((r) => r.includes('(champion)'))).toBe(true);
    expect(summary.gate!.reasons.filter((r) => r.startsWith('label ')).sort()).toEqual(expected.sort());
    expect(await championOf(stateDir)).toBe(strong);
  });
});

describe('per-label regression against the baseline, and its minimum support', () => {
  const stateDir = tempDir('regression-gate');

  test('a label that lost F1 rejects a model that passes every other rule', async () => {
    const { summary } = await run(
      stateDir,
      'run_regressed',
      variant(5, { maxLabelRegression: 0, minLabelSupport: 1 }),
    );
    const tuned = await scores(stateDir, 'run_regressed', summary.tuned!.model);
    const baseline = await scores(stateDir, 'run_regressed', summary.baseline!.model);
    expect(tuned.macroF1).toBeGreaterThan(baseline.macroF1);
    const regressed = [...tuned.perLabel].filter(([label, t]) => baseline.perLabel.get(label)!.f1 > t.f1);
    expect(regressed.length).toBeGreaterThan(0);
    expect(summary.status).toBe('rejected');
    const reasons = summary.gate!.reasons;
    expect(reasons.filter((r) => !r.startsWith('label '))).toEqual([
      `tuned macro_f1 ${gateNumber(tuned.macroF1)} beats baseline ${gateNumber(baseline.macroF1)} by at least 0.0`,
      'there is no champion yet',
      '1.0 of baseline predictions succeeded, at least 0.95 are required',
      '1.0 of tuned predictions succeeded, at least 0.95 are required',
    ]);
    expect(reasons.filter((r) => r.startsWith('label ')).sort()).toEqual(
      regressed
        .map(
          ([label, t]) =>
            `label ${label}: F1 fell from ${gateNumber(baseline.perLabel.get(label)!.f1)} (baseline) to ${gateNumber(t.f1)}, more than 0.0 (${t.support} eval rows)`,
        )
        .sort(),
    );
    expect(summary.deployed).toBe(false);
  });

  test('labels with fewer eval rows than minLabelSupport (default 10) cannot reject alone', async () => {
    const { summary } = await run(stateDir, 'run_small_labels', variant(5, { maxLabelRegression: 0 }));
    const tuned = await scores(stateDir, 'run_small_labels', summary.tuned!.model);
    expect(Math.max(...[...tuned.perLabel.values()].map((s) => s.support))).toBeLessThan(10);
    expect(summary.gate!.reasons).toContain(
      'no label with at least 10 eval rows lost more than 0.0 F1 against the baseline or the champion',
    );
    expect(summary.status).toBe('succeeded');
    expect(summary.deployed).toBe(true);
  });
});

test('too few generated rows rejects, for each model, and failed rows score as wrong answers', async () => {
  const stateDir = tempDir('success-gate');
  const config = exampleVariant(tempDir('gate'), { ...base, model: { retries: { maxPasses: 1 } } }, small);
  const { summary } = await run(stateDir, 'run_failing_rows', config, {
    faults: { rowResourceExhausted: { rate: 0.3, maxPerRow: 5 } },
  });
  const tuned = await scores(stateDir, 'run_failing_rows', summary.tuned!.model);
  const baseline = await scores(stateDir, 'run_failing_rows', summary.baseline!.model);
  // The same eval rows for both models, each counted once.
  expect(tuned.rows).toBe(60);
  expect(baseline.rows).toBe(60);
  for (const [role, s] of [
    ['baseline', baseline],
    ['tuned', tuned],
  ] as const) {
    const share = s.succeeded / s.rows;
    expect(share).toBeLessThan(0.95);
    expect(summary.gate!.reasons).toContain(
      `only ${gateNumber(share)} of ${role} predictions succeeded; at least 0.95 are required`,
    );
  }
  expect(summary.tuned!.macroF1).toBeCloseTo(tuned.macroF1, 12);
  expect(summary.tuned!.failedRows).toBe(tuned.rows - tuned.succeeded);
  // Every other rule holds, so the success rate alone rejects.
  expect(tuned.macroF1).toBeGreaterThan(baseline.macroF1);
  expect(summary.gate!.reasons.filter((r) => r.includes('does not beat'))).toEqual([]);
  expect(summary.status).toBe('rejected');
  expect(summary.deployed).toBe(false);
});
