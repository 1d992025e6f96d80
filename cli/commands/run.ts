import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import { exampleConfig } from '../local/example-config';
import type * as FaultsOption from '../local/faults-option';
import type * as ProgressModule from '../local/progress';
import type * as Prune from '../local/prune';
import type * as RunLocally from '../local/run-locally';
import type * as ReportModule from '../report';
import type * as SummaryTable from '../report/summary-table';

/** Exit code of a run the gate rejected: it worked, but nothing was deployed. */
export const rejectedExitCode = 3;

export const register: Register = (program) => {
  program
    .command('run')
    .description(
      'Run the tune-and-evaluate pipeline on the embedded local emulator: the compiled Workflows YAML and its SQL, offline',
    )
    .argument('[config]', 'pipeline config (JSON or YAML)', path.relative(process.cwd(), exampleConfig))
    .option('--state-dir <dir>', 'local warehouse and run folders', '.bqtune')
    .option('--run-id <id>', 'run id (default: run_<timestamp>_<random>)')
    .option(
      '--faults <json|file>',
      'inject emulator faults, e.g. {"rowResourceExhausted":{"rate":0.1,"maxPerRow":1}}',
    )
    .option('--snapshot', 'also copy the warehouse as the run left it into the run folder')
    .option(
      '--keep-runs <n>',
      'afterwards, prune all but the n newest runs (see `bqtune prune`)',
      (v: string) => {
        if (!/^[1-9]\d*$/.test(v)) throw new Error(`--keep-runs must be a positive integer, got ${v}`);
        return Number(v);
      },
    )
    .option('--json', 'print summary.json instead of the table')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 deployed (or already champion), 1 failed, 3 rejected by the gate.',
        '',
        'Examples:',
        '  $ bqtune run                                   # the medical-specialty example',
        `  $ bqtune run --snapshot --faults '{"jobFailures":{"count":2,"reason":"backendError"}}'`,
        '  $ bqtune run my-task/pipeline.yaml --run-id run_001',
      ].join('\n'),
    )
    .action(
      async (
        config: string,
        opts: {
          stateDir: string;
          runId?: string;
          faults?: string;
          json?: boolean;
          snapshot?: boolean;
          keepRuns?: number;
        },
      ) => {
        const { readFaults } = load<typeof FaultsOption>('../local/faults-option');
        const faults = opts.faults === undefined ? undefined : readFaults(opts.faults);
        const { Progress } = load<typeof ProgressModule>('../local/progress');
        const { runLocally } = load<typeof RunLocally>('../local/run-locally');
        const { renderSummary } = load<typeof SummaryTable>('../report/summary-table');
        let invocations = { modelInvocations: 0 };
        const progress = opts.json
          ? undefined
          : new Progress({ stream: process.stderr, rowsProcessed: () => invocations.modelInvocations });
        let result;
        try {
          result = await runLocally({
            configFile: path.resolve(config),
            stateDir: path.resolve(opts.stateDir),
            runId: opts.runId,
            faults,
            snapshot: opts.snapshot,
            onEvent: progress?.onEvent,
            onStart: (stats) => (invocations = stats),
          });
        } catch (err) {
          progress?.stop('failed');
          throw err;
        }
        progress?.stop(result.summary.status === 'failed' ? 'failed' : 'done');
        const report = path.join(result.runDir, load<typeof ReportModule>('../report').reportFileName);
        const runDir = path.relative(process.cwd(), result.runDir) || '.';
        process.stdout.write(
          opts.json
            ? JSON.stringify(result.summary, null, 2) + '\n'
            : renderSummary(result.summary, runDir, { snapshot: opts.snapshot }) +
                `report: ${path.relative(process.cwd(), report) || report}\n`,
        );
        if (opts.keepRuns !== undefined) {
          const { pruneRuns } = load<typeof Prune>('../local/prune');
          for (const run of await pruneRuns(path.resolve(opts.stateDir), { keep: opts.keepRuns }))
            process.stderr.write(`pruned ${run.id}\n`);
        }
        if (result.summary.status === 'failed') process.exitCode = 1;
        else if (result.summary.status === 'rejected') process.exitCode = rejectedExitCode;
      },
    );
};
