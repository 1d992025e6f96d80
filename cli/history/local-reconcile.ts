import { pipelineNames } from './predict-runs';
import fs from 'node:fs';
import path from 'node:path';
import { openLocalEnvironment } from '../local/environment';
import { isLockConflict, processExists, readRunHolders, type RunHolder } from '../local/state-holder';
import { listLocalRuns, type ListedRun, type LocalRunEntry, type ReconciledLocalRun } from './local-runs';
import { listRecordedRuns, type RecordedRun } from './recorded-runs';
import { localWarehouse } from './warehouse';

/**
 * Local runs as they really ended. A local run writes its run folder only once it has ended, so a run whose
 * process was killed leaves no folder, a `running` row in the runs table, and the record of the process
 * that ran it (`recordRunHolder`). Display-only, like `reconcileRuns` on Google: listing never writes the
 * warehouse, so it cannot race a run, and what it shows stays a reading of facts that may still change.
 */
export interface LocalHistory {
  runs: ListedRun[];
  /** Why the runs table could not be read (another process holds the warehouse), when it could not. */
  note?: string;
}

/** The pipeline whose runs this reconciles (rows written before the column existed read as it, see recorded-runs.ts). */
const listedPipeline = (run: RecordedRun) => run.pipeline === pipelineNames.tune;

/** A TIMESTAMP as the local warehouse returns it (`2026-11-30 10:00:00.5+00`, UTC) in ISO 8601, to sort and show with the rest. */
function isoTimestamp(text: string): string {
  const normal = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(/(Z|[+-]\d\d:\d\d)$/i.test(normal) ? normal : `${normal}Z`);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

const byWhom = (h: RunHolder) => `\`${h.command}\` (pid ${h.pid}, since ${h.since.slice(0, 19)}Z)`;

/**
 * Pure: the run folders, run holder records and runs-table rows of one state folder, merged into one
 * list. A folder with a summary is the run as recorded. For any other run id:
 * - its holder's process exists → `running`;
 * - else its latest row records an outcome → that outcome (the process ended before writing the folder);
 * - else → `abandoned`, saying which evidence shows it (a holder whose process is gone, a folder without a
 *   summary, a `running` row that no process runs).
 * Rows with an outcome and no folder or holder are runs whose folder `bqtune prune` removed: not listed.
 * `recorded` undefined means the runs table could not be read. Newest first; unreadable folders last.
 */
export function reconcileLocalRuns(
  folders: readonly LocalRunEntry[],
  holders: readonly RunHolder[],
  recorded: readonly RecordedRun[] | undefined,
  isLive: (pid: number) => boolean = processExists,
): ListedRun[] {
  const finished = folders.filter((f) => 'summary' in f);
  const broken = folders.filter((f) => 'problem' in f && !f.noSummary);
  const incomplete = new Map(folders.filter((f) => 'problem' in f && f.noSummary).map((f) => [f.id, f]));
  const holderOf = new Map(holders.map((h) => [h.runId, h]));
  const rowOf = new Map((recorded ?? []).filter(listedPipeline).map((r) => [r.runId, r]));
  const known = new Set([...finished, ...broken].map((f) => f.id));
  const ids = new Set([...incomplete.keys(), ...holderOf.keys()]);
  for (const row of rowOf.values()) if (row.status === 'running') ids.add(row.runId);

  const reconciled: ReconciledLocalRun[] = [];
  for (const id of [...ids].filter((i) => !known.has(i))) {
    const holder = holderOf.get(id);
    const row = rowOf.get(id);
    const folder = incomplete.get(id);
    const startedAt = holder?.since ?? (row ? isoTimestamp(row.recordedAt) : null);
    const entry = (status: string, reason: string): ReconciledLocalRun => ({
      id,
      status,
      reason,
      startedAt,
      ...(row ? { recorded: row } : {}),
      ...(folder ? { dir: folder.dir } : {}),
    });
    if (holder && isLive(holder.pid)) {
      reconciled.push(entry('running', `its process ${byWhom(holder)} is still running`));
    } else if (row && row.status !== 'running') {
      const ended = holder ? `its process ${byWhom(holder)}` : 'its process';
      reconciled.push(
        entry(
          row.status,
          `recorded ${row.status} in the runs table, but ${ended} ended before writing its run folder`,
        ),
      );
    } else if (holder) {
      reconciled.push(entry('abandoned', `its process ${byWhom(holder)} ended without recording an outcome`));
    } else if (folder) {
      reconciled.push(entry('abandoned', 'its run folder has no summary.json and no process is running it'));
    } else {
      reconciled.push(entry('abandoned', 'the runs table says running, but no process is running it'));
    }
  }
  const started = (e: ListedRun) =>
    ('summary' in e ? e.summary.startedAt : 'reason' in e ? e.startedAt : null) ?? '';
  const listed = [...finished, ...reconciled].sort(
    (a, b) => started(b).localeCompare(started(a)) || b.id.localeCompare(a.id),
  );
  return [...listed, ...broken.sort((a, b) => a.id.localeCompare(b.id))];
}

/**
 * Reads a state folder's run folders, run holders and (when no other process holds the warehouse) its
 * runs table, and reconciles them. Opens the warehouse only if it exists and does not wait for it: while
 * a run holds it, its holder record says enough, and `note` says the table was not read.
 */
export async function readLocalHistory(stateDir: string): Promise<LocalHistory> {
  const folders = listLocalRuns(stateDir);
  const holders = readRunHolders(stateDir);
  let recorded: RecordedRun[] | undefined;
  let note: string | undefined;
  if (fs.existsSync(path.join(stateDir, 'warehouse', 'warehouse.duckdb'))) {
    try {
      const warehouse = localWarehouse(await openLocalEnvironment(stateDir, undefined, undefined, 0));
      try {
        recorded = await listRecordedRuns(warehouse);
      } finally {
        await warehouse.close();
      }
    } catch (error) {
      if (!isLockConflict((error as Error).cause ?? error)) throw error;
      note = `the runs table was not read: ${(error as Error).message}`;
    }
  }
  return { runs: reconcileLocalRuns(folders, holders, recorded), ...(note ? { note } : {}) };
}
