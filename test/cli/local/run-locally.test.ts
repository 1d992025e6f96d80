import fs from 'node:fs';
import path from 'node:path';
import { runLocally } from '../../../cli/local/run-locally';
import { stages } from '../../../cli/local/progress';
import { baseModelId, defaultBaseEndpoint } from '../../../bigquery';
import { exampleVariant, queryState, table, tempDir } from './fixtures';

/** The example pipeline, end to end on the embedded emulator, twice on the same state. */
describe('the example pipeline on the local emulator', () => {
  const stateDir = tempDir('state');
  const config = exampleVariant(tempDir('config'));
  const mainSteps: string[] = [];
  let first: Awaited<ReturnType<typeof runLocally>>;
  let second: Awaited<ReturnType<typeof runLocally>>;

  beforeAll(async () => {
    first = await runLocally({
      configFile: config,
      stateDir,
      runId: 'run_first',
      onEvent: (e) => {
        if (e.routine === 'main' && e.type === 'step-start') mainSteps.push(e.step);
      },
    });
    second = await runLocally({ configFile: config, stateDir, runId: 'run_second', snapshot: true });
  });

  test('every stage ran, in order', () => {
    const seen = Object.keys(stages).map((step) => mainSteps.indexOf(step));
    expect(seen.every((i) => i >= 0)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  test('the tuned model beats the baseline, passes the gate and becomes champion', () => {
    const s = first.summary;
    expect(s.status).toBe('succeeded');
    expect(s.tuned!.macroF1).toBeGreaterThan(s.baseline!.macroF1!);
    expect(s.gate!.passed).toBe(true);
    expect(s.deployed).toBe(true);
    expect(s.champion).toEqual({ before: null, after: s.tuned!.model });
    expect(s.tuning!.reused).toBe(false);
    // The pipeline computes the base model's id the way Pulumi names the model it provisions.
    expect(s.baseline!.model).toBe(`bqtune-local.bqtune.${baseModelId(defaultBaseEndpoint)}`);
    // 150 eval rows, generated once by each model: the minimum.
    expect(s.modelInvocations).toBe(300);
    expect(Object.keys(s.tuned!.perLabel)).toHaveLength(18);
  });

  test('writes summary.json, arguments and the report into the run folder; a snapshot only on request', () => {
    const files = fs.readdirSync(first.runDir).sort();
    expect(files).toEqual(['arguments.json', 'findings.json', 'report.html', 'summary.json']);
    const stored = JSON.parse(fs.readFileSync(path.join(first.runDir, 'summary.json'), 'utf8'));
    expect(stored).toEqual(first.summary);
    expect(fs.readdirSync(second.runDir).sort()).toEqual([
      'arguments.json',
      'findings.json',
      'report.html',
      'summary.json',
      'warehouse.duckdb',
    ]);
    // The snapshot is a whole database: it opens and holds this run's row.
    expect(fs.statSync(path.join(second.runDir, 'warehouse.duckdb')).size).toBeGreaterThan(0);
  });

  test('a second run reuses the tuning and the stored predictions: no model calls, no tuning', () => {
    const s = second.summary;
    expect(s.status).toBe('succeeded');
    expect(s.tuning).toEqual({ model: first.summary.tuning!.model, reused: true });
    expect(s.modelInvocations).toBe(0);
    expect(s.deployed).toBe(false);
    expect(s.gate!.reasons).toContain('the tuned model is already the champion');
    expect(s.tuned!.macroF1).toBe(first.summary.tuned!.macroF1);
  });

  test('the tables hold the predictions, metrics, run states and one promotion', async () => {
    const predictions = await queryState(
      stateDir,
      `SELECT run_id, model_name, COUNT(*) AS n, COUNTIF(status = '') AS ok FROM ${table('predictions')} GROUP BY run_id, model_name ORDER BY model_name`,
    );
    expect(predictions.map((r) => [r.run_id, Number(r.n), Number(r.ok)])).toEqual([
      ['run_first', 150, 150],
      ['run_first', 150, 150],
    ]);
    const runs = await queryState(
      stateDir,
      `SELECT run_id, status, tuning_reused, deployed FROM ${table('runs')} ORDER BY recorded_at, status`,
    );
    expect(runs.map((r) => [r.run_id, r.status])).toEqual([
      ['run_first', 'running'],
      ['run_first', 'succeeded'],
      ['run_second', 'running'],
      ['run_second', 'succeeded'],
    ]);
    expect(runs[3]).toMatchObject({ tuning_reused: true, deployed: false });
    const registry = await queryState(
      stateDir,
      `SELECT event, model_name, previous_model, run_id FROM ${table('model_registry')}`,
    );
    expect(registry).toEqual([
      { event: 'promote', model_name: first.summary.tuned!.model, previous_model: null, run_id: 'run_first' },
    ]);
    const evaluations = await queryState(
      stateDir,
      `SELECT model_role, scope, COUNT(*) AS n FROM ${table('evaluations')} WHERE run_id = @run GROUP BY model_role, scope ORDER BY model_role, scope`,
      { run: 'run_first' },
    );
    const counts = Object.fromEntries(evaluations.map((r) => [`${r.model_role}/${r.scope}`, Number(r.n)]));
    expect(counts['baseline/label']).toBe(18 * 4);
    expect(counts['tuned/label']).toBe(18 * 4);
    expect(counts['tuned/overall']).toBeGreaterThanOrEqual(6);
    expect(counts['tuned/confusion']).toBeGreaterThanOrEqual(18);
  });
});
