import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Register } from './index';
import { load } from './lazy';
import { addWarehouseOptions, isRemoteTarget, type WarehouseFlags } from '../history/warehouse-flags';
import type * as LocalRunsModule from '../history/local-runs';
import type * as PredictRunsModule from '../history/predict-runs';
import type * as LocalReconcileModule from '../history/local-reconcile';
import type * as RecordedRunsModule from '../history/recorded-runs';
import type * as ReconcileModule from '../history/reconcile';
import type * as ExecutionsModule from '../deployment/executions';
import type * as RunViewsModule from '../history/run-views';
import type * as WarehouseTargetModule from '../history/warehouse-target';
import type * as SummaryTableModule from '../report/summary-table';

type RunsFlags = WarehouseFlags & { json?: boolean };

const runViews = () => load<typeof RunViewsModule>('../history/run-views');

const printJson = (value: unknown) => process.stdout.write(JSON.stringify(value, null, 2) + '\n');

export const register: Register = (program) => {
  const runs = addWarehouseOptions(
    program
      .command('runs')
      .description(
        'List past runs (tuning and batch-predict) with their gate metric and decision: local run folders, or a stack’s runs table',
      ),
  )
    .option(
      '--json',
      'print the runs as JSON (local: each summary.json with its pipeline; {id, status, reason} for a run without one; {id, unreadable})',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ bqtune runs                          # runs under .bqtune/runs/',
        '  $ bqtune runs --json',
        '  $ bqtune runs --stack dev              # the runs table in BigQuery',
      ].join('\n'),
    )
    .action((opts: RunsFlags) => (isRemoteTarget(opts) ? listRecorded(opts) : listLocal(opts)));

  runs
    .command('show')
    .description('Show one run: metrics per label, data checks, the gate decision and what was deployed')
    .argument('<id>', 'run id')
    .option('--json', 'print the run as JSON (local: its summary.json)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ bqtune runs show run_001',
        '  $ bqtune runs show run_001 --json',
        '  $ bqtune runs --stack dev show run_001',
      ].join('\n'),
    )
    .action((id: string, _opts: unknown, command: Command) => {
      const opts = command.optsWithGlobals<RunsFlags>();
      return isRemoteTarget(opts) ? showRecorded(id, opts) : showLocal(id, opts);
    });
};

/** `bqtune runs` on the local state: tuning runs as they really ended, then batch-predict runs. */
async function listLocal(opts: RunsFlags): Promise<void> {
  const views = runViews();
  const { readLocalHistory } = load<typeof LocalReconcileModule>('../history/local-reconcile');
  const { listLocalPredictRuns, pipelineNames } = load<typeof PredictRunsModule>('../history/predict-runs');
  // A run without a summary is shown as it really ended: running, abandoned, or as recorded.
  const { runs: local, note } = await readLocalHistory(path.resolve(opts.stateDir));
  if (note) process.stderr.write(`bqtune: ${note}\n`);
  const predictRuns = listLocalPredictRuns(path.resolve(opts.stateDir));
  if (opts.json) {
    printJson([
      ...local.map((r) =>
        'summary' in r
          ? { pipeline: pipelineNames.tune, ...r.summary }
          : 'reason' in r
            ? r
            : { id: r.id, unreadable: r.problem },
      ),
      ...predictRuns.map((r) => r.summary),
    ]);
  } else if (local.length === 0 && predictRuns.length === 0) {
    process.stdout.write(`no runs in ${path.join(opts.stateDir, 'runs')}\n`);
  } else process.stdout.write(views.localRunsTable(local, predictRuns));
}

/** `bqtune runs` on a BigQuery runs table, each run still `running` reconciled with its execution. */
async function listRecorded(opts: RunsFlags): Promise<void> {
  const { withWarehouse } = load<typeof WarehouseTargetModule>('../history/warehouse-target');
  const { listRecordedRuns } = load<typeof RecordedRunsModule>('../history/recorded-runs');
  const { executionsLookup, reconcileRuns } = load<typeof ReconcileModule>('../history/reconcile');
  const { executionsClient } = load<typeof ExecutionsModule>('../deployment/executions');
  const listed = await withWarehouse(opts, listRecordedRuns);
  // A run still `running` is shown as its execution really ended (failed, cancelled, abandoned).
  const recorded = await reconcileRuns(listed, executionsLookup(executionsClient()));
  if (opts.json) printJson(recorded);
  else
    process.stdout.write(
      recorded.length === 0 ? 'no runs recorded\n' : runViews().recordedRunsTable(recorded),
    );
}

/**
 * `bqtune runs show` on the local state: a batch-predict run, a tuning run without a summary as it really
 * ended, or a tuning run's summary.
 */
async function showLocal(id: string, opts: RunsFlags): Promise<void> {
  const { readLocalRun } = load<typeof LocalRunsModule>('../history/local-runs');
  const { readPredictRun, pipelineNames } = load<typeof PredictRunsModule>('../history/predict-runs');
  const predictRun = readPredictRun(path.resolve(opts.stateDir, 'predictions', id));
  if (predictRun !== undefined) {
    if (opts.json) printJson(predictRun.summary);
    else process.stdout.write(runViews().localPredictRunDetails(predictRun));
    return;
  }
  const stateDir = path.resolve(opts.stateDir);
  if (!fs.existsSync(path.join(stateDir, 'runs', id, 'summary.json'))) {
    const { readLocalHistory } = load<typeof LocalReconcileModule>('../history/local-reconcile');
    const { runs: local, note } = await readLocalHistory(stateDir);
    const found = local.find((r) => r.id === id && 'reason' in r);
    if (found && 'reason' in found) {
      if (note) process.stderr.write(`bqtune: ${note}\n`);
      if (opts.json) printJson(found);
      else process.stdout.write(runViews().reconciledRunDetails(found));
      return;
    }
  }
  const run = readLocalRun(stateDir, id);
  if (opts.json) {
    printJson({ pipeline: pipelineNames.tune, ...run.summary });
    return;
  }
  const { renderSummary } = load<typeof SummaryTableModule>('../report/summary-table');
  const snapshot = fs.existsSync(path.join(run.dir, 'warehouse.duckdb'));
  process.stdout.write(
    renderSummary(run.summary, path.relative(process.cwd(), run.dir) || '.', { snapshot }),
  );
}

/** `bqtune runs show` on a BigQuery runs table, reconciled with its execution. */
async function showRecorded(id: string, opts: RunsFlags): Promise<void> {
  const { withWarehouse } = load<typeof WarehouseTargetModule>('../history/warehouse-target');
  const { readRecordedRun } = load<typeof RecordedRunsModule>('../history/recorded-runs');
  const { executionsLookup, reconcileRuns } = load<typeof ReconcileModule>('../history/reconcile');
  const { executionsClient } = load<typeof ExecutionsModule>('../deployment/executions');
  const read = await withWarehouse(opts, (w) => readRecordedRun(w, id));
  const [recorded] = await reconcileRuns([read], executionsLookup(executionsClient()));
  if (opts.json) printJson(recorded);
  else process.stdout.write(runViews().recordedRunDetails(recorded));
}
