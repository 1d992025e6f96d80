import fs from 'node:fs';
import path from 'node:path';
import type { RunSummary } from '../../schemas/types.generated';
import { validateRunSummary } from '../../schemas/validate';

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
}

export type LocalRunEntry = LocalRun | UnreadableRun;

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
