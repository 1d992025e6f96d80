import fs from 'node:fs';
import path from 'node:path';
import { register } from '../../../cli/commands/runs';
import { listRecordedRuns, readRecordedRun } from '../../../cli/history/recorded-runs';
import { recordedRunDetails, recordedRunsTable } from '../../../cli/history/run-views';
import { openLocalWarehouse } from '../../../cli/history/warehouse';
import { runLocally } from '../../../cli/local/run-locally';
import { predictLocally } from '../../../cli/local/predict-locally';
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
  const input = path.join(configDir, 'new-notes.jsonl');
  fs.writeFileSync(input, '{"id": "a", "input_text": "Knee pain after a fall."}\n');
  const predicted = await predictLocally({ input, stateDir: state, runId: 'predict_r' });
  expect(predicted.state).toBe('SUCCEEDED');
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
      `^run_ok +succeeded +macro_f1 +${passed.baseline!.macroF1!.toFixed(3)} +${passed.tuned!.macroF1!.toFixed(3)} +${passed.startedAt.slice(0, 10)} ${passed.startedAt.slice(11, 16)}$`,
    ),
  );
  expect(lines[strict]).toMatch(/^run_strict +rejected +macro_f1 /);
  expect(lines[0]).toMatch(/^run +status +metric +base +tuned +started$/);
  // The batch-predict runs follow under their pipeline's name, with what they sent and what succeeded.
  expect(lines.slice(4, 7)).toEqual([
    'batch-predict runs:',
    expect.stringMatching(/^run +status +serving name +sent +ok +started$/),
    expect.stringMatching(/^predict_r +succeeded +medical_specialty +1 +1 +\d{4}-\d\d-\d\d \d\d:\d\d$/),
  ]);

  const show = await runCommand(register, ['runs', 'show', 'run_strict', '--state-dir', state]);
  expect(show.stdout).toMatch(/gate \(macro_f1\): rejected/);
  expect(show.stdout).toMatch(/deployed: nothing/);

  const showPredict = await runCommand(register, ['runs', 'show', 'predict_r', '--state-dir', state]);
  expect(showPredict.stdout.split('\n').slice(0, 4)).toEqual([
    expect.stringMatching(/^run predict_r: succeeded \(batch-predict, started \d{4}-\d\d-\d\d \d\d:\d\d\)$/),
    'serving name: medical_specialty',
    `champion: ${passed.tuned?.model}`,
    'rows: 1 in the source, 1 sent, 1 succeeded, 0 failed',
  ]);

  await expect(runCommand(register, ['runs', 'show', 'run_none', '--state-dir', state])).rejects.toThrow(
    /no run run_none in .*runs/,
  );
});

test('the runs table gives the same runs, metrics and decisions (what `runs --stack` reads)', async () => {
  const warehouse = await openLocalWarehouse(state);
  try {
    const runs = await listRecordedRuns(warehouse);
    expect(runs.map((r) => [r.runId, r.pipeline, r.status, r.gatePassed, r.deployed])).toEqual([
      ['predict_r', 'batch-predict', 'succeeded', null, null],
      ['run_strict', 'tune-and-evaluate', 'rejected', false, false],
      ['run_ok', 'tune-and-evaluate', 'succeeded', true, true],
    ]);
    const details = recordedRunDetails(await readRecordedRun(warehouse, 'predict_r'));
    expect(details.split('\n')[1]).toBe('pipeline: batch-predict');
    const listed = recordedRunsTable(runs).split('\n');
    expect(listed.slice(4, 7)).toEqual([
      'batch-predict runs:',
      expect.stringMatching(/^run +status +recorded$/),
      expect.stringMatching(/^predict_r +succeeded +\d{4}-\d\d-\d\d \d\d:\d\d$/),
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

test('`--json` on runs and runs show prints the summaries exactly as stored', async () => {
  const list = JSON.parse((await runCommand(register, ['runs', '--json', '--state-dir', state])).stdout);
  const stored = JSON.parse(
    fs.readFileSync(path.join(state, 'predictions', 'predict_r', 'summary.json'), 'utf8'),
  ) as Record<string, unknown>;
  expect(stored.pipeline).toBe('batch-predict');
  expect(list).toEqual([
    { pipeline: 'tune-and-evaluate', ...rejected },
    { pipeline: 'tune-and-evaluate', ...passed },
    stored,
  ]);
  const one = await runCommand(register, ['runs', 'show', 'run_ok', '--json', '--state-dir', state]);
  expect(JSON.parse(one.stdout)).toEqual({ pipeline: 'tune-and-evaluate', ...passed });
  const predictOne = await runCommand(register, [
    'runs',
    'show',
    'predict_r',
    '--json',
    '--state-dir',
    state,
  ]);
  expect(JSON.parse(predictOne.stdout)).toEqual(stored);
});

test('a garbled run folder is listed as unreadable, one without a summary as abandoned; the others still list', async () => {
  const copy = tempDir('runs-broken');
  fs.cpSync(state, copy, { recursive: true });
  fs.mkdirSync(path.join(copy, 'runs', 'run_empty'));
  fs.mkdirSync(path.join(copy, 'runs', 'run_garbled'));
  fs.writeFileSync(path.join(copy, 'runs', 'run_garbled', 'summary.json'), '{"runId": "run_garbled", ');
  // A run still being written is a hidden folder and is not listed at all.
  fs.mkdirSync(path.join(copy, 'runs', '.run_partial.partial'));
  const { stdout } = await runCommand(register, ['runs', '--state-dir', copy]);
  const lines = stdout.trimEnd().split('\n');
  expect(lines.slice(0, 5).map((l) => l.split(/ +/).slice(0, 2))).toEqual([
    ['run', 'status'],
    ['run_strict', 'rejected'],
    ['run_ok', 'succeeded'],
    ['run_empty', 'abandoned'],
    ['run_garbled', 'unreadable'],
  ]);
  expect(lines.slice(9)).toEqual([
    '',
    'run_empty: its run folder has no summary.json and no process is running it',
    'run_garbled: summary.json is not JSON',
  ]);
  const json = JSON.parse((await runCommand(register, ['runs', '--json', '--state-dir', copy])).stdout);
  expect(json.slice(2, 4)).toEqual([
    {
      id: 'run_empty',
      status: 'abandoned',
      reason: 'its run folder has no summary.json and no process is running it',
      startedAt: null,
      dir: path.join(copy, 'runs', 'run_empty'),
    },
    { id: 'run_garbled', unreadable: 'summary.json is not JSON' },
  ]);
});

test("the runs table and a run's summary fit 80 columns", async () => {
  const table = (await runCommand(register, ['runs', '--state-dir', state])).stdout;
  const show = (await runCommand(register, ['runs', 'show', 'run_ok', '--state-dir', state])).stdout;
  const tableLines = show.split('\n').filter((l) => / (P|R|F1)$/.test(l) || /^\S.* \d\.\d{3}$/.test(l));
  expect(tableLines.length).toBeGreaterThan(18);
  for (const line of [...table.split('\n'), ...tableLines]) expect(line.length).toBeLessThanOrEqual(80);
});
