import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The bearer token of a state folder's local Executions API: `<state-dir>/emulator-token`, created once
 * with owner-only permissions (0600). `bqtune emulator` checks it on every request; `bqtune trigger
 * --endpoint` reads it; any other client sends `Authorization: Bearer $(cat <state-dir>/emulator-token)`.
 */
export const emulatorTokenFile = (stateDir: string): string => path.join(stateDir, 'emulator-token');

/** Refuses a token file that others could read or replace: it would no longer say who is the owner. */
function checkOwnerOnly(file: string): void {
  const stat = fs.statSync(file);
  if ((stat.mode & 0o077) !== 0 || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) {
    throw new Error(
      `${file} is readable or writable by others (mode ${(stat.mode & 0o777).toString(8)}); ` +
        'delete it and a new owner-only token is created',
    );
  }
}

/** The state folder's token, created (0600, 256 random bits, hex) if it does not exist yet. */
export function ensureEmulatorToken(stateDir: string): string {
  const file = emulatorTokenFile(stateDir);
  fs.mkdirSync(stateDir, { recursive: true });
  try {
    // 'wx': never follow or overwrite something already there (a symlink planted by someone else).
    fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readEmulatorToken(stateDir);
}

/** The token `bqtune emulator --state-dir` serves with; an error naming the file when there is none. */
export function readEmulatorToken(stateDir: string): string {
  const file = emulatorTokenFile(stateDir);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} not found: start \`bqtune emulator --state-dir ${stateDir}\` first, or pass its --state-dir`,
    );
  }
  if (fs.lstatSync(file).isSymbolicLink()) throw new Error(`${file} is a symbolic link; delete it`);
  checkOwnerOnly(file);
  const token = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(token)) throw new Error(`${file} does not hold a token; delete it`);
  return token;
}
