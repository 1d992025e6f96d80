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
