import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { register as registerEmulator } from '../../../cli/commands/emulator';
import { register as registerWorkflow } from '../../../cli/commands/workflow';
import { bqtuneBin } from '../../support/bin';

let dir: string;
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const GOOD =
  'main:\n  params: [a]\n  steps:\n    - l:\n        call: sys.log\n        args:\n          text: hi\n    - r:\n        return: ${a.x * 2}\n';
const FAILS = '- r:\n    raise:\n      message: nope\n      code: 3\n';
const INVALID = '- r:\n    retrun: 1\n';

/** Runs `workflow run` in-process with a fresh program, capturing what it writes and its exit code. */
async function inProcess(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const program = new Command().exitOverride();
  registerWorkflow(program);
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'bqtune', 'workflow', 'run', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout, stderr, code };
}

describe('bqtune workflow run (in process)', () => {
  test('success: the result as JSON on stdout, exit 0, sys.log only with --log and then on stderr', async () => {
    const quiet = await inProcess([file('good.yaml', GOOD), '--data', '{"x": 21}']);
    expect(quiet).toEqual({ stdout: '42\n', stderr: '', code: 0 });
    const logged = await inProcess([file('good.yaml', GOOD), '--data', '{"x": 1.5}', '--log']);
    expect(logged).toEqual({ stdout: '3.0\n', stderr: '[DEFAULT] hi\n', code: 0 });
  });

  test('failure: the error map as JSON on stderr, exit 1', async () => {
    const res = await inProcess([file('fails.yaml', FAILS)]);
    expect(res.stdout).toBe('');
    expect(JSON.parse(res.stderr)).toEqual({ message: 'nope', code: 3 });
    expect(res.code).toBe(1);
  });

  test('invalid source: deploy errors on stderr, exit 2', async () => {
    const res = await inProcess([file('invalid.yaml', INVALID)]);
    expect(res.stderr).toMatch(/deploy error: main > r: unknown step field 'retrun'/);
    expect(res.code).toBe(2);
  });

  test('invalid --data and a missing file exit 2 with the reason', async () => {
    expect(await inProcess([file('good.yaml', GOOD), '--data', '{x'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--data is not valid JSON/),
    });
    expect(
      await inProcess([file('good.yaml', GOOD), '--data', JSON.stringify({ x: 'y'.repeat(33 * 1024) })]),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/32 KB argument limit/),
    });
    expect(await inProcess([path.join(dir, 'absent.yaml')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/cannot read/),
    });
  });

  test('--virtual-time makes sleeps instant', async () => {
    const sleepy = file(
      'sleepy.yaml',
      '- s:\n    call: sys.sleep\n    args:\n      seconds: 3600\n- r:\n    return: awake\n',
    );
    const started = Date.now();
    expect(await inProcess([sleepy, '--virtual-time'])).toEqual({ stdout: '"awake"\n', stderr: '', code: 0 });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('bqtune emulator (in process)', () => {
  test('serves the folder, prints its address and stops on SIGTERM', async () => {
    const wfDir = fs.mkdtempSync(path.join(dir, 'serve-'));
    const stateDir = fs.mkdtempSync(path.join(dir, 'serve-state-'));
    fs.writeFileSync(path.join(wfDir, 'double.yaml'), GOOD);
    const program = new Command().exitOverride();
    registerEmulator(program);
    let stdout = '';
    let stderr = '';
    let listening: (url: string) => void = () => undefined;
    const address = new Promise<string>((resolve) => (listening = resolve));
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => {
      stdout += String(s);
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m) listening(m[1]);
      return true;
    });
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
    try {
      const running = program.parseAsync([
        'node',
        'bqtune',
        'emulator',
        '--port',
        '0',
        '--workflows',
        wfDir,
        '--state-dir',
        stateDir,
      ]);
      const url = await address;
      const token = fs.readFileSync(path.join(stateDir, 'emulator-token'), 'utf8').trim();
      const res = await fetch(`${url}/v1/projects/p/locations/l/workflows/double/executions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ argument: '{"x": 5}' }),
      });
      expect(res.status).toBe(200);
      process.emit('SIGTERM');
      await running;
      expect(stderr).toMatch(/emulator stopped/);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });

  test('a missing workflows folder is a clear error', async () => {
    const program = new Command().exitOverride();
    registerEmulator(program);
    await expect(
      program.parseAsync(['node', 'bqtune', 'emulator', '--workflows', path.join(dir, 'absent')]),
    ).rejects.toThrow(/does not exist/);
  });
});

/*
 * The same behaviour through the compiled CLI as a process. These run once `workflow` and `emulator`
 * are registered in cli/commands/index.ts and `npm run build` has produced build/cli/main.js.
 */
const registered =
  fs.existsSync(bqtuneBin) &&
  /\bworkflow\b/.test(execFileSync(process.execPath, [bqtuneBin, '--help'], { encoding: 'utf8' }));
const describeProcess = registered ? describe : describe.skip;

describeProcess('bqtune as a process', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [bqtuneBin, ...args], { encoding: 'utf8' });

  test('workflow run: exit 0 / 1 / 2 with stdout and stderr as documented', () => {
    const ok = cli(['workflow', 'run', file('good.yaml', GOOD), '--data', '{"x": 21}']);
    expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, '42\n', '']);
    const bad = cli(['workflow', 'run', file('fails.yaml', FAILS)]);
    expect([bad.status, bad.stdout, JSON.parse(bad.stderr)]).toEqual([1, '', { message: 'nope', code: 3 }]);
    const invalid = cli(['workflow', 'run', file('invalid.yaml', INVALID)]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/unknown step field 'retrun'/);
  });

  test('emulator: prints its address, serves executions, stops cleanly on SIGTERM', async () => {
    const wfDir = fs.mkdtempSync(path.join(dir, 'dist-'));
    const stateDir = fs.mkdtempSync(path.join(dir, 'dist-state-'));
    fs.writeFileSync(path.join(wfDir, 'double.yaml'), GOOD);
    const child = spawn(process.execPath, [
      bqtuneBin,
      'emulator',
      '--port',
      '0',
      '--workflows',
      wfDir,
      '--state-dir',
      stateDir,
    ]);
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', () => reject(new Error(`emulator exited early: ${out}`)));
    });
    const token = fs.readFileSync(path.join(stateDir, 'emulator-token'), 'utf8').trim();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const parent = `${url}/v1/projects/p/locations/l/workflows/double`;
    const created = (await (
      await fetch(`${parent}/executions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ argument: '{"x": 2}' }),
      })
    ).json()) as { name: string };
    let state = 'ACTIVE';
    let body: { state: string; result?: string } = { state };
    for (let i = 0; i < 100 && state === 'ACTIVE'; i++) {
      body = (await (await fetch(`${url}/v1/${created.name}`, { headers })).json()) as typeof body;
      state = body.state;
    }
    expect(body).toMatchObject({ state: 'SUCCEEDED', result: '4' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).toMatch(/emulator stopped/);
  });
});
