import { runLocally } from '../../../cli/local/run-locally';
import { tuningSeconds } from '../../../emulator/bigquery/models';
import { exampleVariant, tempDir } from './fixtures';

/**
 * A first run whose tuning takes longer (in virtual time) than the one-hour timeout of the baseline
 * generation job running beside it. Each job is charged only its own virtual duration, so the baseline job
 * must not time out: before, the tuning's hours were charged to whichever statement DuckDB was running.
 */
describe('virtual time of a first local run with a large training set', () => {
  const trainRows = 3600;
  let run: Awaited<ReturnType<typeof runLocally>>;
  let tuningStarted = 0;
  let tuningEnded = 0;

  beforeAll(async () => {
    const config = exampleVariant(tempDir('config'), {}, { trainRows, evalRows: 150 });
    run = await runLocally({
      configFile: config,
      stateDir: tempDir('state'),
      runId: 'run_large',
      onEvent: (e) => {
        if (e.routine === 'main' && e.step === 'baseline_and_tuning' && e.type === 'step-start')
          tuningStarted = e.time;
        if (e.routine === 'main' && e.step === 'baseline_and_tuning' && e.type === 'step-end')
          tuningEnded = e.time;
      },
    });
  }, 120_000);

  test('the run succeeds although the tuning outlasts the generation timeout', () => {
    expect((run.summary as { error?: unknown }).error).toBeUndefined();
    expect(run.summary.status).toBe('succeeded');
    expect(run.summary.tuning!.reused).toBe(false);
  });

  test('the tuning took its modelled virtual time, longer than the one-hour generation timeout', () => {
    // One epoch over every training row at least: 300 s start-up + one second per step.
    expect(tuningSeconds(trainRows)).toBeGreaterThan(3600);
    expect(tuningEnded - tuningStarted).toBeGreaterThanOrEqual(tuningSeconds(trainRows));
  });
});
