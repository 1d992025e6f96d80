import { runLocally } from '../../../cli/local/run-locally';
import { exampleVariant, queryState, table, tempDir } from './fixtures';

const championOf = async (stateDir: string) =>
  (
    await queryState(
      stateDir,
      `SELECT model_name FROM ${table('model_registry')} ORDER BY recorded_at DESC LIMIT 1`,
    )
  )[0]?.model_name ?? null;

const runRow = async (stateDir: string, runId: string) =>
  (
    await queryState(
      stateDir,
      `SELECT status, gate_passed, deployed, TO_JSON_STRING(gate_reasons) AS reasons, TO_JSON_STRING(error) AS error FROM ${table('runs')} WHERE run_id = @run AND status <> 'running'`,
      { run: runId },
    )
  )[0];

test('transient job failures, quota-limited rows and IAM propagation are retried and the run succeeds', async () => {
  const stateDir = tempDir('faults');
  const { summary } = await runLocally({
    configFile: exampleVariant(tempDir('config')),
    stateDir,
    runId: 'run_flaky',
    faults: {
      jobFailures: { count: 3, reason: 'backendError' },
      rowResourceExhausted: { rate: 0.2, maxPerRow: 1 },
      iamPropagationFailures: 2,
    },
  });
  expect(summary.status).toBe('succeeded');
  expect(summary.tuned!.successRate).toBe(1);
  expect(summary.baseline!.successRate).toBe(1);
  // Failed rows are generated again, and only they: more calls than rows, fewer than two full passes.
  expect(summary.modelInvocations).toBeGreaterThan(300);
  expect(summary.modelInvocations).toBeLessThan(600);
  const retried = await queryState(
    stateDir,
    `SELECT COUNT(*) AS n FROM ${table('predictions')} WHERE attempt = 2`,
  );
  expect(Number(retried[0].n)).toBe(summary.modelInvocations - 300);
});

describe('with a champion in place', () => {
  const stateDir = tempDir('champion');
  let champion: string;

  beforeAll(async () => {
    const { summary } = await runLocally({
      configFile: exampleVariant(tempDir('config')),
      stateDir,
      runId: 'run_champion',
    });
    champion = summary.tuned!.model;
  });

  test('a new tuned model is compared with the champion, reusing every stored prediction', async () => {
    const { summary } = await runLocally({
      configFile: exampleVariant(tempDir('config'), { model: { tuning: { maxIterations: 600 } } }),
      stateDir,
      runId: 'run_challenger',
    });
    expect(summary.tuned!.model).not.toBe(champion);
    expect(summary.gate!.reasons.join('\n')).toContain(`champion ${champion}`);
    // Only the new model generated: the baseline's and the champion's predictions were stored already.
    expect(summary.modelInvocations).toBe(150);
    const expected = summary.deployed ? summary.tuned!.model : champion;
    expect(await championOf(stateDir)).toBe(expected);
    champion = expected;
  });

  test('a failed tuning job fails the run, records why, and leaves the champion untouched', async () => {
    const { summary } = await runLocally({
      configFile: exampleVariant(tempDir('config'), { model: { tuning: { maxIterations: 700 } } }),
      stateDir,
      runId: 'run_tuning_fails',
      faults: { tuningFailures: 1 },
    });
    expect(summary.status).toBe('failed');
    expect(summary.deployed).toBe(false);
    // The tuning runs in a parallel branch: the step's UnhandledBranchError names the branch and its cause.
    expect(summary.error!.message).toMatch(/\(lora_tune: .*tuning job failed/i);
    expect(await championOf(stateDir)).toBe(champion);
    const row = await runRow(stateDir, 'run_tuning_fails');
    expect(row.status).toBe('failed');
    expect(String(row.error)).toMatch(/tun/i);
  });

  test('a tuned model that misses the gate is recorded as rejected and deploys nothing', async () => {
    const { summary } = await runLocally({
      configFile: exampleVariant(tempDir('config'), {
        model: { tuning: { maxIterations: 900 } },
        gate: { minImprovementOverBaseline: 0.9 },
      }),
      stateDir,
      runId: 'run_rejected',
    });
    expect(summary.status).toBe('rejected');
    expect(summary.gate!.passed).toBe(false);
    expect(summary.gate!.reasons.join('\n')).toMatch(
      /does not beat baseline .* by more than 0 and at least 0\.9/,
    );
    expect(summary.deployed).toBe(false);
    expect(summary.champion).toEqual({ before: champion, after: champion });
    expect(await championOf(stateDir)).toBe(champion);
    const row = await runRow(stateDir, 'run_rejected');
    expect(row).toMatchObject({ status: 'rejected', gate_passed: false, deployed: false });
  });

  test('leaking eval rows fail the data checks before any model is called', async () => {
    const { summary } = await runLocally({
      configFile: exampleVariant(tempDir('config'), {}, { inject: { leakage: 3 } }),
      stateDir,
      runId: 'run_leaky',
    });
    expect(summary.status).toBe('failed');
    expect(summary.modelInvocations).toBe(0);
    expect(summary.error!.message).toMatch(/data checks failed/);
    expect(summary.dataChecks).toEqual([
      expect.objectContaining({ check: 'leakage', split: 'eval', severity: 'fail', count: 3 }),
    ]);
    expect(await championOf(stateDir)).toBe(champion);
  });
});
