import { register as champion } from '../../cli/commands/champion';
import { register as report } from '../../cli/commands/report';
import { register as runs } from '../../cli/commands/runs';
import { register as trigger } from '../../cli/commands/trigger';
import { tempDir } from './local/fixtures';
import { runCommand } from './command';

const commands = [
  ['trigger', trigger],
  ['runs', runs],
  ['champion', champion],
  ['report', report],
] as const;

test.each(commands)('`bqtune %s --help` shows usage and an example', async (name, register) => {
  const { stdout, exitCode } = await runCommand(register, [name, '--help']);
  expect(exitCode).toBe(0);
  expect(stdout).toContain(`Usage: bqtune ${name}`);
  expect(stdout).toMatch(new RegExp(`Examples:\\n  \\$ bqtune ${name}`));
});

test('`bqtune report` names a run that does not exist', async () => {
  const state = tempDir('report-missing');
  await expect(runCommand(report, ['report', 'run_none', '--state-dir', state])).rejects.toThrow(
    /^no run run_none: neither .*run_none nor run_none holds a summary\.json$/,
  );
});

test('`bqtune champion` on a fresh state says there is no champion', async () => {
  const state = tempDir('champion-none');
  const { stdout } = await runCommand(champion, ['champion', 'medical_specialty', '--state-dir', state]);
  expect(stdout).toBe('medical_specialty has no champion yet\n');
});
