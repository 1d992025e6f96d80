import { Command } from 'commander';
import type { Register } from '../../cli/commands';

/**
 * Runs one sub-command in-process on a fresh program, capturing what it writes and its exit code (0 after
 * --help, which commander ends by throwing).
 */
export async function runCommand(
  register: Register,
  args: string[],
): Promise<{ stdout: string; exitCode: number | undefined }> {
  const program = new Command().name('bqtune').exitOverride();
  register(program);
  let stdout = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'bqtune', ...args]);
    return { stdout, exitCode: process.exitCode === before ? undefined : Number(process.exitCode) };
  } catch (err) {
    if ((err as { code?: string }).code === 'commander.helpDisplayed') return { stdout, exitCode: 0 };
    throw err;
  } finally {
    write.mockRestore();
    process.exitCode = before;
  }
}
