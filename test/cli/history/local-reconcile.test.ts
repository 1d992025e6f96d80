import { reconcileLocalRuns } from '../../../cli/history/local-reconcile';
import type { LocalRunEntry } from '../../../cli/history/local-runs';
import type { RecordedRun } from '../../../cli/history/recorded-runs';
import { recordedRun } from './recorded-run';
import type { RunHolder } from '../../../cli/local/state-holder';
import type { RunSummary } from '../../../schemas/types.generated';

/* Every outcome of the local reconciliation, with the evidence each one rests on. */

const row = (runId: string, status: string, over: Partial<RecordedRun> = {}): RecordedRun =>
  recordedRun(runId, status, { gateMetric: 'macro_f1', execution: runId, ...over });

const holder = (runId: string, pid: number, since = '2026-11-30T09:00:00.000Z'): RunHolder => ({
  runId,
  pid,
  command: 'bqtune run',
  since,
});

const finished = (id: string, startedAt: string): LocalRunEntry => ({
  id,
  dir: `/s/runs/${id}`,
  summary: { runId: id, startedAt, status: 'succeeded' } as RunSummary,
});

const noSummary = (id: string): LocalRunEntry => ({
  id,
  dir: `/s/runs/${id}`,
  problem: 'summary.json not found',
  noSummary: true,
});

const live = new Set([100]);
const isLive = (pid: number) => live.has(pid);
const statusOf = (runs: ReturnType<typeof reconcileLocalRuns>) =>
  runs.map((r) => [r.id, 'summary' in r ? r.summary.status : 'reason' in r ? r.status : 'unreadable']);

test('a run whose process still exists is running, whatever its row says', () => {
  const [run] = reconcileLocalRuns([], [holder('run_a', 100)], [row('run_a', 'running')], isLive);
  expect(run).toEqual({
    id: 'run_a',
    status: 'running',
    reason: 'its process `bqtune run` (pid 100, since 2026-11-30T09:00:00Z) is still running',
    startedAt: '2026-11-30T09:00:00.000Z',
    recorded: row('run_a', 'running'),
  });
  // The warehouse held by that process: the table was not read, the holder is enough.
  const { recorded: _, ...withoutRow } = run as { recorded?: unknown };
  expect(reconcileLocalRuns([], [holder('run_a', 100)], undefined, isLive)).toEqual([withoutRow]);
});

test('a run whose process is gone is abandoned, naming that process', () => {
  for (const recorded of [[row('run_k', 'running')], [], undefined]) {
    const [run] = reconcileLocalRuns([], [holder('run_k', 200)], recorded, isLive);
    expect(run).toMatchObject({
      id: 'run_k',
      status: 'abandoned',
      reason:
        'its process `bqtune run` (pid 200, since 2026-11-30T09:00:00Z) ended without recording an outcome',
    });
  }
});

test('a run whose process ended after the workflow recorded an outcome shows that outcome', () => {
  const failed = row('run_f', 'failed', { error: 'boom' });
  expect(reconcileLocalRuns([], [holder('run_f', 200)], [failed], isLive)).toEqual([
    {
      id: 'run_f',
      status: 'failed',
      reason:
        'recorded failed in the runs table, but its process `bqtune run` (pid 200, since 2026-11-30T09:00:00Z) ended before writing its run folder',
      startedAt: '2026-11-30T09:00:00.000Z',
      recorded: failed,
    },
  ]);
  // A folder without a summary and an outcome row: the same, without a process to name.
  const [run] = reconcileLocalRuns([noSummary('run_f')], [], [failed], isLive);
  expect(run).toMatchObject({
    status: 'failed',
    reason: 'recorded failed in the runs table, but its process ended before writing its run folder',
    dir: '/s/runs/run_f',
  });
});

test('a run folder without a summary and without a process is abandoned; a live process makes it running', () => {
  expect(reconcileLocalRuns([noSummary('run_e')], [], undefined, isLive)).toEqual([
    {
      id: 'run_e',
      status: 'abandoned',
      reason: 'its run folder has no summary.json and no process is running it',
      startedAt: null,
      dir: '/s/runs/run_e',
    },
  ]);
  expect(statusOf(reconcileLocalRuns([noSummary('run_e')], [holder('run_e', 100)], [], isLive))).toEqual([
    ['run_e', 'running'],
  ]);
});

test('a `running` row with no folder and no process is abandoned', () => {
  expect(reconcileLocalRuns([], [], [row('run_old', 'running')], isLive)).toEqual([
    {
      id: 'run_old',
      status: 'abandoned',
      reason: 'the runs table says running, but no process is running it',
      startedAt: '2026-11-30T10:00:00.000Z',
      recorded: row('run_old', 'running'),
    },
  ]);
});

test('not listed: finished runs whose folder was pruned, batch-predict runs; a summary outranks a stale holder', () => {
  const runs = reconcileLocalRuns(
    [finished('run_done', '2026-11-30T08:00:00.000Z')],
    [holder('run_done', 200)],
    [
      row('run_pruned', 'succeeded'),
      row('predict_x', 'running', { pipeline: 'batch-predict' }),
      row('run_done', 'succeeded'),
    ],
    isLive,
  );
  expect(statusOf(runs)).toEqual([['run_done', 'succeeded']]);
});

test("newest first across folders and reconciled runs (the warehouse's timestamps read as UTC); unreadable folders last, by id", () => {
  const garbled: LocalRunEntry = {
    id: 'run_bad',
    dir: '/s/runs/run_bad',
    problem: 'summary.json is not JSON',
  };
  const runs = reconcileLocalRuns(
    [garbled, finished('run_1', '2026-11-30T08:00:00.000Z'), finished('run_3', '2026-11-30T10:00:00.000Z')],
    [holder('run_2', 200, '2026-11-30T09:00:00.000Z'), holder('run_4', 100, '2026-11-30T11:00:00.000Z')],
    [
      row('run_5', 'running', { recordedAt: '2026-11-30 10:30:00.25+00' }),
      row('run_0', 'running', { recordedAt: '2026-11-30 07:59:59' }),
    ],
    isLive,
  );
  expect(statusOf(runs)).toEqual([
    ['run_4', 'running'],
    ['run_5', 'abandoned'],
    ['run_3', 'succeeded'],
    ['run_2', 'abandoned'],
    ['run_1', 'succeeded'],
    ['run_0', 'abandoned'],
    ['run_bad', 'unreadable'],
  ]);
  expect(runs.find((r) => r.id === 'run_5')).toMatchObject({ startedAt: '2026-11-30T10:30:00.250Z' });
});
