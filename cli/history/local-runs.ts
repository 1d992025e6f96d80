import fs from 'node:fs';
import path from 'node:path';
import type { RunSummary } from '../../schemas/types.generated';
import { validateRunSummary } from '../../schemas/validate';

export interface LocalRun {
  id: string;
  dir: string;
  summary: RunSummary;
}

/** The local runs of a state folder with a summary.json, newest first; a folder without one is skipped. */
export function listLocalRuns(stateDir: string): LocalRun[] {
  const runsDir = path.join(stateDir, 'runs');
  if (!fs.existsSync(runsDir)) return [];
  return fs
    .readdirSync(runsDir)
    .filter((id) => fs.existsSync(path.join(runsDir, id, 'summary.json')))
    .map((id) => readLocalRun(stateDir, id))
    .sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt) || b.id.localeCompare(a.id));
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
  } catch {
    throw new Error(`${file} is not JSON`);
  }
  return { id: path.basename(dir), dir, summary: validateRunSummary(parsed, file) };
}
