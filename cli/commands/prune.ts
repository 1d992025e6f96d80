import path from 'node:path';
import type { Register } from './index';
import { load } from './lazy';
import type * as PruneModule from '../local/prune';

/** A non-negative integer flag, or an error naming the flag. */
export function count(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new Error(`${flag} must be a non-negative integer, got ${value}`);
    return Number(value);
  };
}

export const register: Register = (program) => {
  program
    .command('prune')
    .description(
      'Remove old local runs: their folders, staging tables and uploaded data (history and models stay)',
    )
    .option('--state-dir <dir>', 'local state (see `bqtune run`)', '.bqtune')
    .option('--keep <n>', 'keep the n newest runs', count('--keep'))
    .option(
      '--older-than <days>',
      'remove only runs that started more than this many days ago',
      count('--older-than'),
    )
    .option('--dry-run', 'list what would be removed, remove nothing')
    .addHelpText(
      'after',
      [
        '',
        'With both --keep and --older-than, a run goes only if both say so. `bqtune run --keep-runs N`',
        'prunes the same way after each run.',
        '',
        'Examples:',
        '  $ bqtune prune --keep 2 --dry-run',
        '  $ bqtune prune --keep 20 --older-than 30',
      ].join('\n'),
    )
    .action(async (opts: { stateDir: string; keep?: number; olderThan?: number; dryRun?: boolean }) => {
      const { pruneRuns } = load<typeof PruneModule>('../local/prune');
      const pruned = await pruneRuns(path.resolve(opts.stateDir), {
        keep: opts.keep,
        olderThanDays: opts.olderThan,
        dryRun: opts.dryRun,
      });
      const verb = opts.dryRun ? 'would remove' : 'removed';
      for (const run of pruned) {
        process.stdout.write(`${verb} ${run.id} (${(run.bytes / 1024 / 1024).toFixed(1)} MB)\n`);
      }
      if (pruned.length === 0) process.stdout.write('nothing to prune\n');
    });
};
