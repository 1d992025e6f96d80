import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bqtuneBin } from '../support/bin';
import { exampleVariant, tempDir } from './local/fixtures';

const bqtune = (args: string[]) =>
  spawnSync(process.execPath, [bqtuneBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

let emulator: ChildProcess;
let endpoint: string;
let state: string;

/** `bqtune emulator` as a child process: the local Executions API over a fresh state folder. */
beforeAll(async () => {
  state = tempDir('trigger-state');
  emulator = spawn(process.execPath, [bqtuneBin, 'emulator', '--port', '0', '--state-dir', state], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    emulator.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    emulator.once('exit', (code) => reject(new Error(`bqtune emulator exited with ${code}: ${out}`)));
  });
});

afterAll(async () => {
  if (emulator.exitCode !== null) return;
  const exited = new Promise((resolve) => emulator.once('exit', resolve));
  emulator.kill('SIGTERM');
  await exited;
});

test('`bqtune trigger --endpoint --watch` runs the compiled pipeline on the local Executions API', () => {
  const config = exampleVariant(tempDir('trigger-config'));
  const run = bqtune([
    'trigger',
    config,
    '--endpoint',
    endpoint,
    '--state-dir',
    state,
    '--run-id',
    'run_t1',
    '--watch',
  ]);
  expect(run.stderr).toMatch(/^succeeded \d+s/m);
  expect(run.stderr).toMatch(/active \d+s · /);
  expect(run.stdout).toMatch(
    /^started projects\/bqtune-local\/locations\/us-central1\/workflows\/tune-and-evaluate\/executions\/\S+ \(run run_t1\)$/m,
  );
  expect(run.stdout).toContain('✓ execution succeeded');
  expect(run.stdout).toContain('run run_t1: succeeded');
  expect(run.stdout).toMatch(/macro_f1: baseline 0\.\d{3}, tuned 0\.\d{3}/);
  expect(run.stdout).toMatch(/deployed: bqtune-local\.bqtune\.tuned_[0-9a-f]{32} is now the champion/);
  expect(run.status).toBe(0);
  // Local data went into the emulator's stand-in bucket.
  expect(fs.existsSync(path.join(state, 'gcs', 'bqtune-local-data', 'run_t1', 'train.jsonl'))).toBe(true);
});

test('a failed execution exits 1 with its error, readably', () => {
  const outputs = path.join(tempDir('trigger-outputs'), 'outputs.json');
  fs.writeFileSync(
    outputs,
    JSON.stringify({
      project: 'bqtune-local',
      region: 'us-central1',
      location: 'US',
      workflowName: 'tune-and-evaluate',
      dataset: 'bqtune',
      connection: 'bqtune-local.us.vertex',
    }),
  );
  const config = exampleVariant(tempDir('trigger-config'));
  const run = bqtune([
    'trigger',
    config,
    '--endpoint',
    endpoint,
    '--outputs',
    outputs,
    '--state-dir',
    state,
    '--train',
    'gs://bqtune-local-data/nowhere/train.jsonl',
    '--eval',
    'gs://bqtune-local-data/nowhere/eval.jsonl',
    '--watch',
  ]);
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/✗ execution failed at \S+/);
  expect(run.stdout).toMatch(/nowhere\/(train|eval)\.jsonl/);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
});

test('an unreachable endpoint, a wrong flag or a missing stack output is one line and exit 1', () => {
  const unreachable = bqtune(['trigger', '--endpoint', 'http://127.0.0.1:9', '--state-dir', state]);
  expect(unreachable.status).toBe(1);
  expect(unreachable.stderr).toBe('bqtune: cannot reach http://127.0.0.1:9: ECONNREFUSED\n');

  const wrongFlag = bqtune(['trigger', '--wtach']);
  expect(wrongFlag.status).not.toBe(0);
  expect(wrongFlag.stderr.split('\n')[0]).toBe("error: unknown option '--wtach'");

  const outputs = path.join(tempDir('trigger-partial'), 'outputs.json');
  fs.writeFileSync(outputs, JSON.stringify({ project: 'my-project', dataset: 'bqtune' }));
  const missing = bqtune(['trigger', '--outputs', outputs]);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toBe(
    'bqtune: missing --region (stack output region), --workflow (stack output workflowName), ' +
      '--location (stack output location), --connection (stack output connection): ' +
      'pass --stack NAME, --outputs FILE or the flags\n',
  );
});
