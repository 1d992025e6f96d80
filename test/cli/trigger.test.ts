import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bqtuneBin, repoRoot } from '../support/bin';
import { exampleVariant, tempDir } from './local/fixtures';

const bqtune = (args: string[]) =>
  spawnSync(process.execPath, [bqtuneBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

let emulator: ChildProcess;
let endpoint: string;
let state: string;
let emulatorOut = '';

/** `bqtune emulator` as a child process: the local Executions API over a state folder. */
async function startEmulator(): Promise<void> {
  emulator = spawn(process.execPath, [bqtuneBin, 'emulator', '--port', '0', '--state-dir', state], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  emulatorOut = '';
  endpoint = await new Promise<string>((resolve, reject) => {
    emulator.stdout?.on('data', (chunk: Buffer) => {
      emulatorOut += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(emulatorOut)?.[1];
      if (url && emulatorOut.split('\n').length > 2) resolve(url);
    });
    emulator.once('exit', (code) => reject(new Error(`bqtune emulator exited with ${code}: ${emulatorOut}`)));
  });
}

async function stopEmulator(): Promise<void> {
  if (emulator.exitCode !== null) return;
  const exited = new Promise((resolve) => emulator.once('exit', resolve));
  emulator.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  state = tempDir('trigger-state');
  await startEmulator();
});

afterAll(stopEmulator);

/** A raw request to the emulator, with the given headers only. */
async function raw(pathAndQuery: string, headers: Record<string, string>) {
  const response = await fetch(`${endpoint}${pathAndQuery}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const parent = '/v1/projects/bqtune-local/locations/us-central1/workflows/tune-and-evaluate/executions';

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

test('the emulator prints only where it listens and where its token is; the token file is owner-only', async () => {
  const tokenFile = path.join(state, 'emulator-token');
  expect(emulatorOut).toBe(
    `Workflows Executions API listening on ${endpoint} (workflows from ${path.join(repoRoot, 'workflows', 'dist')})\n` +
      `every request needs Authorization: Bearer <the token in ${tokenFile}>\n`,
  );
  expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
  const token = fs.readFileSync(tokenFile, 'utf8').trim();
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  expect((await raw(parent, {})).status).toBe(401);
  expect((await raw(parent, { authorization: 'Bearer 0000' })).status).toBe(401);
  expect(
    (await raw(parent, { authorization: `Bearer ${token}`, origin: 'http://evil.example' })).status,
  ).toBe(403);
  expect((await raw(parent, { authorization: `Bearer ${token}` })).status).toBe(200);
});

test('a run started through the emulator is a run like any: runs, runs show, report and champion read it while it serves', () => {
  const runs = bqtune(['runs', '--state-dir', state]);
  expect(runs.status).toBe(0);
  expect(runs.stdout).toMatch(/^run_t1 +succeeded +macro_f1 +0\.\d{3} +0\.\d{3} /m);
  const show = bqtune(['runs', 'show', 'run_t1', '--json', '--state-dir', state]);
  const summary = JSON.parse(show.stdout);
  expect(summary).toMatchObject({ runId: 'run_t1', status: 'succeeded', deployed: true });
  expect(summary.modelInvocations).toBe(300);
  expect(fs.readdirSync(path.join(state, 'runs', 'run_t1')).sort()).toEqual([
    'arguments.json',
    'findings.json',
    'report.html',
    'summary.json',
  ]);
  const report = bqtune(['report', 'run_t1', '--state-dir', state]);
  expect(report.stderr).toBe('');
  expect(report.status).toBe(0);
  expect(fs.readFileSync(path.join(state, 'runs', 'run_t1', 'report.html'), 'utf8')).toContain('run_t1');
  const champion = bqtune(['champion', '--json', '--state-dir', state]);
  expect(champion.status).toBe(0);
  expect(JSON.parse(champion.stdout).champion).toBe(summary.champion.after);
});

test('the emulator refuses a run id that is taken or invalid before starting anything', async () => {
  const token = fs.readFileSync(path.join(state, 'emulator-token'), 'utf8').trim();
  const before = (await raw(`${parent}?pageSize=1000`, { authorization: `Bearer ${token}` })).body.executions;
  const again = bqtune([
    'trigger',
    exampleVariant(tempDir('trigger-again')),
    '--endpoint',
    endpoint,
    '--state-dir',
    state,
    '--run-id',
    'run_t1',
  ]);
  expect(again.status).toBe(1);
  expect(again.stderr).toMatch(/argument\.runId: run run_t1 already exists in /);
  const response = await fetch(endpoint + parent, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ argument: JSON.stringify({ runId: '../../escape' }) }),
  });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
    /^argument\.runId: "\.\.\/\.\.\/escape" is not valid/,
  );
  const after = (await raw(`${parent}?pageSize=1000`, { authorization: `Bearer ${token}` })).body.executions;
  expect(after).toEqual(before);
  expect(fs.existsSync(path.join(state, '..', 'escape'))).toBe(false);
});

test('execution history survives an emulator restart', async () => {
  const token = fs.readFileSync(path.join(state, 'emulator-token'), 'utf8').trim();
  const auth = { authorization: `Bearer ${token}` };
  const before = (await raw(`${parent}?view=FULL`, auth)).body.executions as {
    name: string;
    state: string;
  }[];
  expect(before.length).toBeGreaterThanOrEqual(1);
  await stopEmulator();
  await startEmulator();
  const after = (await raw(`${parent}?view=FULL`, auth)).body.executions as { name: string; state: string }[];
  expect(after).toEqual(before);
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

test('`bqtune trigger --pipeline batch-predict` starts batch-predict with an arguments file', () => {
  // The first test promoted a champion in this state folder.
  const dir = tempDir('trigger-predict');
  fs.writeFileSync(
    path.join(dir, 'in.jsonl'),
    '{"id":"a","input_text":"Follow-up for chest pain and palpitations."}\n{"id":"b","input_text":"Rash on both forearms."}\n',
  );
  const file = path.join(dir, 'predict.json');
  fs.writeFileSync(file, JSON.stringify({ servingName: 'medical_specialty', source: { uri: 'in.jsonl' } }));
  const run = bqtune([
    'trigger',
    file,
    '--pipeline',
    'batch-predict',
    '--endpoint',
    endpoint,
    '--state-dir',
    state,
    '--run-id',
    'predict_t1',
    '--watch',
  ]);
  expect(run.stdout).toMatch(
    /^started projects\/bqtune-local\/locations\/us-central1\/workflows\/batch-predict\/executions\/\S+ \(run predict_t1\)$/m,
  );
  expect(run.stdout).toContain('✓ execution succeeded');
  expect(run.status).toBe(0);
  expect(fs.existsSync(path.join(state, 'gcs', 'bqtune-local-data', 'predict_t1', 'source.jsonl'))).toBe(
    true,
  );

  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify({ servingName: 'medical_specialty', source: { table: 'nope' } }));
  const refused = bqtune([
    'trigger',
    bad,
    '--pipeline',
    'batch-predict',
    '--endpoint',
    endpoint,
    '--state-dir',
    state,
  ]);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(`${bad} is invalid`);
  expect(refused.stderr).toContain('source.table must be a table as project.dataset.table');
});
