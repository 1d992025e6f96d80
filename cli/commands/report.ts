import fs from 'node:fs';
import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import type * as Report from '../report';
import type * as LocalReconcile from '../history/local-reconcile';

/**
 * A run id under the state folder, or a run folder's path. A run that has no summary (running, abandoned,
 * or ended before writing its folder) has no report: the error says what became of it.
 */
async function runFolder(run: string, stateDir: string): Promise<string> {
  const byId = path.resolve(stateDir, 'runs', run);
  if (fs.existsSync(path.join(byId, 'summary.json'))) return byId;
  const byPath = path.resolve(run);
  if (fs.existsSync(path.join(byPath, 'summary.json'))) return byPath;
  const { readLocalHistory } = load<typeof LocalReconcile>('../history/local-reconcile');
  const found = (await readLocalHistory(path.resolve(stateDir))).runs.find((r) => r.id === run);
  if (found && 'reason' in found) {
    throw new Error(`run ${run} is ${found.status}: ${found.reason}; a report needs its summary.json`);
  }
  throw new Error(
    `no run ${run}: neither ${path.join(stateDir, 'runs', run)} nor ${run} holds a summary.json`,
  );
}

export const register: Register = (program) => {
  program
    .command('report')
    .description('Write the evaluation report of a local run: one self-contained HTML file')
    .argument('<run>', 'run id (under --state-dir) or run folder')
    .option('--state-dir <dir>', 'local state (see `bqtune run`)', '.bqtune')
    .addHelpText(
      'after',
      [
        '',
        'The report shows the configuration, the gate decision and its reasons, F1 per label (baseline vs',
        'tuned), the confusion matrices, the eval rows whose prediction changed, and the data-check findings.',
        '',
        'Examples:',
        '  $ bqtune report run_001',
        '  $ bqtune report .bqtune/runs/run_001    # then open .bqtune/runs/run_001/report.html',
      ].join('\n'),
    )
    .action(async (run: string, opts: { stateDir: string }) => {
      const { writeReport } = load<typeof Report>('../report');
      const file = await writeReport(await runFolder(run, opts.stateDir), {
        stateDir: path.resolve(opts.stateDir),
      });
      process.stdout.write(`${path.relative(process.cwd(), file) || file}\n`);
    });
};
