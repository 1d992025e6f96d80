import path from 'node:path';
import type { Command } from 'commander';
import type { Register } from './index';
import { listLocalRuns, readLocalRun } from '../history/local-runs';
import { executionsClient } from '../deployment/executions';
import { executionsLookup, reconcileRuns } from '../history/reconcile';
import { listRecordedRuns, readRecordedRun } from '../history/recorded-runs';
import { localRunsTable, recordedRunDetails, recordedRunsTable } from '../history/run-views';
import {
  addWarehouseOptions,
  isRemoteTarget,
  withWarehouse,
  type WarehouseFlags,
} from '../history/warehouse-target';
import { renderSummary } from '../report/summary-table';

export const register: Register = (program) => {
  const runs = addWarehouseOptions(
    program
      .command('runs')
      .description(
        'List past runs with their gate metric and decision: local run folders, or a stack’s runs table',
      ),
  )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ bqtune runs                          # runs under .bqtune/runs/',
        '  $ bqtune runs show run_20261125_071502_a1b2',
        '  $ bqtune runs --stack dev              # the runs table in BigQuery',
      ].join('\n'),
    )
    .action(async (opts: WarehouseFlags) => {
      if (!isRemoteTarget(opts)) {
        const local = listLocalRuns(path.resolve(opts.stateDir));
        if (local.length === 0) process.stdout.write(`no runs in ${path.join(opts.stateDir, 'runs')}\n`);
        else process.stdout.write(localRunsTable(local));
        return;
      }
      const listed = await withWarehouse(opts, listRecordedRuns);
      // A run still `running` is shown as its execution really ended (failed, cancelled, abandoned).
      const recorded = await reconcileRuns(listed, executionsLookup(executionsClient()));
      process.stdout.write(recorded.length === 0 ? 'no runs recorded\n' : recordedRunsTable(recorded));
    });

  runs
    .command('show')
    .description('Show one run: metrics per label, data checks, the gate decision and what was deployed')
    .argument('<id>', 'run id')
    .addHelpText(
      'after',
      '\nExamples:\n  $ bqtune runs show run_20261125_071502_a1b2\n  $ bqtune runs --stack dev show run_001',
    )
    .action(async (id: string, _opts: unknown, command: Command) => {
      const opts = command.optsWithGlobals<WarehouseFlags>();
      if (!isRemoteTarget(opts)) {
        const run = readLocalRun(path.resolve(opts.stateDir), id);
        process.stdout.write(renderSummary(run.summary, path.relative(process.cwd(), run.dir) || '.'));
        return;
      }
      const read = await withWarehouse(opts, (w) => readRecordedRun(w, id));
      const [recorded] = await reconcileRuns([read], executionsLookup(executionsClient()));
      process.stdout.write(recordedRunDetails(recorded));
    });
};
