import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `file` so that a reader sees either the old content or the whole new content, never a part:
 * the bytes go to a temporary file in the same folder (same filesystem), are flushed, then renamed over
 * `file` (rename(2) is atomic on POSIX). `mode` applies to the new file (default 0o644 minus umask).
 * Throws what `fs` throws; the temporary file is removed on failure.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode?: number): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
