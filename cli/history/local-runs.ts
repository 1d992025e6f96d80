import fs from 'node:fs';
import path from 'node:path';
import type { RunSummary } from '../../schemas/types.generated';
import { validateRunSummary } from '../../schemas/validate';
import type { RecordedRun } from './recorded-runs';

export interface LocalRun {
  id: string;
  dir: string;
  summary: RunSummary;
}

/** A run folder that cannot be read: listed with what is wrong instead of failing the whole list. */
export interface UnreadableRun {
  id: string;
  dir: string;
  problem: string;
  /** The folder has no summary.json at all (a run that did not finish, or not a run folder). */
  noSummary?: true;
}

/**
 * A run without a readable summary whose fate was read from its process and the runs table (see
 * `reconcileLocalRuns`): running, abandoned, or the outcome the runs table recorded.
 */
export interface ReconciledLocalRun {
  id: string;
  status: string;
  /** Why it has this status, in one line. */
  reason: string;
  /** When it started (its process took it, or its first row was recorded), ISO 8601; null when unknown. */
  startedAt: string | null;
  /** Its latest row in the runs table, when that could be read. */
  recorded?: RecordedRun;
  /** Its run folder, when one exists (without a summary). */
  dir?: string;
}

/** A run folder as read. */
export type LocalRunEntry = LocalRun | UnreadableRun;

/** What `bqtune runs` lists locally: run folders, and runs reconciled from their process and the runs table. */
export type ListedRun = LocalRunEntry | ReconciledLocalRun;

/**
 * The run folders of a state folder, newest first (unreadable ones last, by id). Folders starting with
 * `.` are runs still being written (see `recordRun`) and are skipped.
 */
export function listLocalRuns(stateDir: string): LocalRunEntry[] {
  const runsDir = path.join(stateDir, 'runs');
  if (!fs.existsSync(runsDir)) return [];
  const runs: LocalRun[] = [];
  const unreadable: UnreadableRun[] = [];
  for (const id of fs.readdirSync(runsDir).filter((name) => !name.startsWith('.'))) {
    const dir = path.join(runsDir, id);
    if (fs.statSync(dir).isDirectory() && !fs.existsSync(path.join(dir, 'summary.json'))) {
      unreadable.push({ id, dir, problem: 'summary.json not found', noSummary: true });
      continue;
    }
    try {
      runs.push(readRunFolder(dir));
    } catch (error) {
      const message = (error as Error).message.split('\n')[0];
      unreadable.push({ id, dir, problem: message.split(dir + path.sep).join('') });
    }
  }
  runs.sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt) || b.id.localeCompare(a.id));
  return [...runs, ...unreadable.sort((a, b) => a.id.localeCompare(b.id))];
}

export function readLocalRun(stateDir: string, id: string): LocalRun {
  const dir = path.join(stateDir, 'runs', id);
  if (!fs.existsSync(path.join(dir, 'summary.json'))) {
    throw new Error(`no run ${id} in ${path.join(stateDir, 'runs')}`);
  }
  return readRunFolder(dir);
}

/** A run folder (`<state-dir>/runs/<id>`) with its validated summary.json. */
export function readRunFolder(dir: string): LocalRun {
  const file = path.join(dir, 'summary.json');
  if (!fs.existsSync(file)) throw new Error(`${file} not found: is ${dir} a run folder?`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code ? `${file}: cannot read (${code})` : `${file} is not JSON`, { cause: error });
  }
  return { id: path.basename(dir), dir, summary: validateRunSummary(parsed, file) };
}
