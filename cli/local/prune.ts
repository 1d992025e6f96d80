import fs from 'node:fs';
import path from 'node:path';
import { listLocalRuns, type LocalRunEntry } from '../history/local-runs';
import { localBucket, localDataset, localProject, openLocalEnvironment } from './environment';

/**
 * The staging tables a run of the pipeline leaves, `<prefix><run id>`, as the pipeline names them
 * (workflows/pipelines/tune-and-evaluate/context.ts). The prune test runs the pipeline and fails if a
 * table named after the run is left, so a staging table added there cannot be missed here.
 */
export const runTablePrefixes = ['train_', 'eval_', 'train_prompts_', 'eval_prompts_'] as const;

/** What a prune keeps: at least one of `keep` and `olderThanDays` must be given (a run goes if both say so). */
export interface PruneOptions {
  /** Keep this many newest runs; absent: no limit on the count. */
  keep?: number;
  /** Keep runs that started less than this many days ago; absent: no limit on age. */
  olderThanDays?: number;
  /** Only say what would go; default false. */
  dryRun?: boolean;
  /** The time ages are measured from; default the current time. */
  now?: Date;
}

export interface PrunedRun {
  id: string;
  dir: string;
  /** Bytes of the run folder and of its uploaded data. */
  bytes: number;
}

function sizeOf(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.lstatSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

/** When the run started; for an unreadable folder, when the folder last changed. */
const startedAt = (run: LocalRunEntry): number =>
  'summary' in run ? Date.parse(run.summary.startedAt) : fs.statSync(run.dir).mtimeMs;

/** The runs a prune would remove: beyond the `keep` newest, or older than `olderThanDays`, or both. */
export function runsToPrune(stateDir: string, options: PruneOptions): LocalRunEntry[] {
  const { keep, olderThanDays } = options;
  if (keep === undefined && olderThanDays === undefined) {
    throw new Error('say what to keep: --keep N (newest runs) and/or --older-than DAYS');
  }
  const now = (options.now ?? new Date()).getTime();
  const newestFirst = listLocalRuns(stateDir).sort((a, b) => startedAt(b) - startedAt(a));
  return newestFirst.filter(
    (run, i) =>
      (keep === undefined || i >= keep) &&
      (olderThanDays === undefined || now - startedAt(run) > olderThanDays * 86_400_000),
  );
}

/**
 * Removes old runs: each one's folder, its staging tables in the local warehouse and the data files
 * uploaded for it to the local bucket. Shared state stays: the runs, evaluations, predictions and
 * registry tables (history, and the cache later runs reuse) and the tuned models (content-addressed,
 * possibly a champion). Tables go first, so a failure leaves the folder to try again; one the run already
 * dropped, or that expired (bigquery/table-expiration.ts), is skipped.
 */
export async function pruneRuns(stateDir: string, options: PruneOptions): Promise<PrunedRun[]> {
  const runs = runsToPrune(stateDir, options);
  const gcsDir = path.join(stateDir, 'gcs', localBucket);
  const pruned = runs.map((run) => ({
    id: run.id,
    dir: run.dir,
    bytes: sizeOf(run.dir) + sizeOf(path.join(gcsDir, run.id)),
  }));
  if (options.dryRun || runs.length === 0) return pruned;
  const env = await openLocalEnvironment(stateDir);
  try {
    for (const run of runs) {
      for (const prefix of runTablePrefixes) {
        await env.bigquery.query(
          `DROP TABLE IF EXISTS \`${localProject}.${localDataset}.${prefix}${run.id}\``,
        );
      }
    }
  } finally {
    await env.close();
  }
  for (const run of runs) {
    fs.rmSync(path.join(gcsDir, run.id), { recursive: true, force: true });
    fs.rmSync(run.dir, { recursive: true, force: true });
  }
  return pruned;
}
