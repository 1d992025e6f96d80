import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../emulator/workflows/write-atomic';

/**
 * Who has a state folder's warehouse open. DuckDB lets one process at a time open the file for writing
 * and names only a PID when another tries; `<state-dir>/in-use.json` says which command that is.
 */
export interface StateHolder {
  /** The command, e.g. `bqtune emulator`. */
  command: string;
  /** Where that command serves the local Executions API, if it does. */
  url?: string;
}

interface HolderRecord extends StateHolder {
  pid: number;
  since: string;
}

const holderFile = (stateDir: string) => path.join(stateDir, 'in-use.json');

/** Records this process as the holder; the returned function removes the record if it is still ours. */
export function recordHolder(stateDir: string, holder: StateHolder): () => void {
  const record: HolderRecord = { ...holder, pid: process.pid, since: new Date().toISOString() };
  writeFileAtomic(holderFile(stateDir), JSON.stringify(record) + '\n');
  return () => {
    if (readHolder(stateDir)?.pid === process.pid) fs.rmSync(holderFile(stateDir), { force: true });
  };
}

function readHolder(stateDir: string): HolderRecord | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(holderFile(stateDir), 'utf8')) as HolderRecord;
    return Number.isInteger(value.pid) && typeof value.command === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** True for DuckDB's error when another process holds the database file. */
export const isLockConflict = (error: unknown): boolean =>
  /Could not set lock on file/.test(String((error as Error)?.message ?? error));

/** One line naming the process that holds the state folder and what to do about it. */
export function describeHolder(stateDir: string, error: unknown): string {
  const pid = Number(/\(PID (\d+)\)/.exec(String((error as Error)?.message ?? error))?.[1]);
  const holder = readHolder(stateDir);
  const where = `state folder ${stateDir} is in use`;
  if (!holder || (Number.isInteger(pid) && holder.pid !== pid)) {
    return `${where} by process ${Number.isInteger(pid) ? pid : '(unknown)'}; wait for it to end or stop it`;
  }
  const by = `${where} by \`${holder.command}\` (pid ${holder.pid}, since ${holder.since.slice(0, 19)}Z)`;
  return holder.url
    ? `${by}: run through it with \`bqtune trigger --endpoint ${holder.url} --state-dir ${stateDir}\`, or stop it`
    : `${by}; wait for it to end or stop it`;
}

/**
 * The process running one run, recorded from before the run's first row until its run folder is written:
 * `<state-dir>/running/<run-id>.json`. A record left behind names a process that ended without finishing
 * the run (killed, crashed); `bqtune runs` shows that run as abandoned.
 */
export interface RunHolder extends StateHolder {
  runId: string;
  pid: number;
  /** When the process took the run (ISO 8601). */
  since: string;
}

const runHoldersDir = (stateDir: string) => path.join(stateDir, 'running');

/** Records this process as the one running `runId` (a checked run id); the returned function removes it. */
export function recordRunHolder(stateDir: string, runId: string, holder: StateHolder): () => void {
  const file = path.join(runHoldersDir(stateDir), `${runId}.json`);
  const record: RunHolder = { ...holder, runId, pid: process.pid, since: new Date().toISOString() };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, JSON.stringify(record) + '\n');
  return () => fs.rmSync(file, { force: true });
}

/** The run holder records of a state folder; a record that cannot be read is skipped (it names no process). */
export function readRunHolders(stateDir: string): RunHolder[] {
  const dir = runHoldersDir(stateDir);
  if (!fs.existsSync(dir)) return [];
  const holders: RunHolder[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      const value = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as RunHolder;
      const fits =
        Number.isInteger(value.pid) &&
        value.pid > 0 &&
        typeof value.command === 'string' &&
        typeof value.since === 'string' &&
        value.runId === name.slice(0, -'.json'.length);
      if (fits) holders.push(value);
    } catch {
      // Half-written by a process killed mid-write (writes are atomic, so only by hand): not a holder.
    }
  }
  return holders;
}

/**
 * True while a process with this id exists (signal 0 checks without sending anything; EPERM means it
 * exists under another user). A process id can be reused after its process ended: a record naming a
 * reused id reads as live until that other process ends.
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
