import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bqtuneBin, repoRoot } from '../support/bin';
import { tempDir } from './local/fixtures';

/* One state folder, several processes: a second writer is told in one line who holds the folder. */

const bqtune = (args: string[]) =>
  spawnSync(process.execPath, [bqtuneBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

/** A process that opens the state folder's warehouse, as `bqtune emulator` does while it runs an execution. */
async function holdState(state: string): Promise<ChildProcess> {
  const environment = path.join(repoRoot, 'build', 'cli', 'local', 'environment.js');
  const script = `require(${JSON.stringify(environment)})
    .openLocalEnvironment(${JSON.stringify(state)}, undefined, { command: 'bqtune emulator', url: 'http://127.0.0.1:8787' })
    .then((env) => { globalThis.held = env; process.stdout.write('held\\n'); setInterval(() => undefined, 1000); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => (c.toString().includes('held') ? resolve() : undefined));
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

test('`bqtune run` on a held state folder says in one line which process holds it, and leaves no run folder', async () => {
  const state = tempDir('held');
  const holder = await holdState(state);
  try {
    const blocked = bqtune(['run', '--state-dir', state, '--run-id', 'run_blocked']);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toBe(
      `bqtune: state folder ${state} is in use by \`bqtune emulator\` (pid ${holder.pid}, since ` +
        `${blocked.stderr.match(/since (\S+)\)/)?.[1]}): run through it with ` +
        `\`bqtune trigger --endpoint http://127.0.0.1:8787 --state-dir ${state}\`, or stop it\n`,
    );
    expect(blocked.stderr).toMatch(/since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)/);
    expect(fs.existsSync(path.join(state, 'runs', 'run_blocked'))).toBe(false);
    expect(fs.existsSync(path.join(state, 'runs'))).toBe(false);

    // Without the record of who holds it, DuckDB's PID is all there is to say.
    fs.rmSync(path.join(state, 'in-use.json'));
    const anonymous = bqtune(['champion', '--state-dir', state]);
    expect(anonymous.status).toBe(1);
    expect(anonymous.stderr).toBe(
      `bqtune: state folder ${state} is in use by process ${holder.pid}; wait for it to end or stop it\n`,
    );

    // Reading run folders needs no warehouse: `runs` works while the folder is held.
    const runs = bqtune(['runs', '--state-dir', state]);
    expect(runs.status).toBe(0);
    expect(runs.stdout).toBe(`no runs in ${path.join(state, 'runs')}\n`);
  } finally {
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGTERM');
    await exited;
  }
});

test('a run id that is not one is refused before anything is written', () => {
  const state = tempDir('bad-run-id');
  for (const id of ['../../escape', 'Run_1', '1run', 'run/x', 'a'.repeat(64)]) {
    const refused = bqtune(['run', '--state-dir', state, '--run-id', id]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `bqtune: --run-id: ${JSON.stringify(id)} is not valid: a run id: a lowercase letter, then up to 62 lowercase letters, digits or underscores\n`,
    );
  }
  expect(fs.readdirSync(state)).toEqual([]);
  expect(fs.existsSync(path.join(state, '..', 'escape'))).toBe(false);
});

test('unknown --faults keys are an error naming the key, at any depth', () => {
  const state = tempDir('bad-faults');
  const top = bqtune(['run', '--state-dir', state, '--faults', '{"jobFailure":{"count":1}}']);
  expect(top.status).toBe(1);
  expect(top.stderr).toBe(
    'bqtune: --faults: unknown key jobFailure (known: jobFailures, httpFailures, rowInvalidArgument, rowResourceExhausted, tuningFailures, iamPropagationFailures, lostAnswers)\n',
  );
  const nested = bqtune([
    'run',
    '--state-dir',
    state,
    '--faults',
    '{"rowResourceExhausted":{"rate":0.1,"maxPerRw":1}}',
  ]);
  expect(nested.status).toBe(1);
  expect(nested.stderr).toBe(
    'bqtune: --faults: unknown key rowResourceExhausted.maxPerRw (known: rate, maxPerRow)\n',
  );
  const notObject = bqtune(['run', '--state-dir', state, '--faults', '[1]']);
  expect(notObject.stderr).toBe('bqtune: --faults: the value must be a JSON object\n');
  expect(fs.readdirSync(state)).toEqual([]);
});
