import { register } from '../../../cli/commands/runs';
import { listRecordedRuns, readRecordedRun } from '../../../cli/history/recorded-runs';
import { openLocalWarehouse } from '../../../cli/history/warehouse';
import { runLocally } from '../../../cli/local/run-locally';
import type { RunSummary } from '../../../schemas/types.generated';
import { exampleVariant, tempDir } from '../local/fixtures';
import { runCommand } from '../command';

let state: string;
let passed: RunSummary;
let rejected: RunSummary;

beforeAll(async () => {
  state = tempDir('runs-state');
  const configDir = tempDir('runs-config');
  passed = (await runLocally({ configFile: exampleVariant(configDir), stateDir: state, runId: 'run_ok' }))
    .summary;
  const strict = exampleVariant(tempDir('runs-strict'), { gate: { minImprovementOverBaseline: 0.95 } });
  rejected = (await runLocally({ configFile: strict, stateDir: state, runId: 'run_strict' })).summary;
});

test('`bqtune runs` lists the local runs, newest first, with their gate metric and decision', async () => {
  expect([passed.status, rejected.status]).toEqual(['succeeded', 'rejected']);
  const { stdout } = await runCommand(register, ['runs', '--state-dir', state]);
  const lines = stdout.split('\n');
  const strict = lines.findIndex((l) => l.includes('run_strict'));
  const ok = lines.findIndex((l) => l.includes('run_ok'));
  expect(strict).toBeGreaterThan(0);
  expect(ok).toBeGreaterThan(strict);
  expect(lines[ok]).toMatch(
    new RegExp(
      `succeeded.*macro_f1.*${passed.baseline?.macroF1.toFixed(3)}.*${passed.tuned?.macroF1.toFixed(3)}.*passed.*yes`,
    ),
  );
  expect(lines[strict]).toMatch(/rejected.*macro_f1.*rejected.*no/);

  const show = await runCommand(register, ['runs', 'show', 'run_strict', '--state-dir', state]);
  expect(show.stdout).toMatch(/gate \(macro_f1\): rejected/);
  expect(show.stdout).toMatch(/deployed: nothing/);

  await expect(runCommand(register, ['runs', 'show', 'run_none', '--state-dir', state])).rejects.toThrow(
    /no run run_none in .*runs/,
  );
});

test('the runs table gives the same runs, metrics and decisions (what `runs --stack` reads)', async () => {
  const warehouse = await openLocalWarehouse(state);
  try {
    const runs = await listRecordedRuns(warehouse);
    expect(runs.map((r) => [r.runId, r.status, r.gatePassed, r.deployed])).toEqual([
      ['run_strict', 'rejected', false, false],
      ['run_ok', 'succeeded', true, true],
    ]);
    const ok = await readRecordedRun(warehouse, 'run_ok');
    expect(ok.gateMetric).toBe('macro_f1');
    expect(ok.baselineMetric).toBeCloseTo(passed.baseline?.macroF1 ?? -1, 9);
    expect(ok.tunedMetric).toBeCloseTo(passed.tuned?.macroF1 ?? -1, 9);
    expect(ok.gateReasons).toEqual(passed.gate?.reasons);
    expect(ok.tunedModel).toBe(passed.tuned?.model);
    await expect(readRecordedRun(warehouse, 'run_none')).rejects.toThrow(
      'no run run_none in bqtune-local.bqtune.runs',
    );
  } finally {
    await warehouse.close();
  }
});
