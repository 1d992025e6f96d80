import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EmulatorSessions } from '../../../cli/local/emulator-session';
import { readRunHolders } from '../../../cli/local/state-holder';
import { bqtuneBin, repoRoot } from '../../support/bin';
import { tempDir } from '../local/fixtures';

/* A real `bqtune run`, stopped and then killed mid-run, as `runs`, `runs show` and `report` see it. */

const bqtune = (args: string[]) =>
  spawnSync(process.execPath, [bqtuneBin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

/** Starts `bqtune run` and resolves once it has recorded the run's first row (its progress says so). */
async function startRun(state: string, runId: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bqtuneBin, 'run', '--state-dir', state, '--run-id', runId], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('record run start')) resolve();
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code) =>
      reject(new Error(`bqtune run exited with ${code} before its first row:\n${out}`)),
    );
  });
  return child;
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

test('a run whose process is killed mid-run is listed as abandoned, naming the process; while it lives it is running', async () => {
  const state = tempDir('killed');
  const child = await startRun(state, 'run_killed');
  const pid = child.pid ?? -1;
  // Stopped, the process still exists and holds the warehouse: the run is running.
  child.kill('SIGSTOP');
  try {
    const during = bqtune(['runs', '--state-dir', state]);
    expect(during.status).toBe(0);
    expect(during.stdout).toMatch(/^run_killed +running +— +— +— +\d{4}-\d\d-\d\d \d\d:\d\d$/m);
    expect(during.stdout).toMatch(
      new RegExp(
        `^run_killed: its process \`bqtune run\` \\(pid ${pid}, since [0-9T:-]+Z\\) is still running$`,
        'm',
      ),
    );
    const runningShow = bqtune(['runs', 'show', 'run_killed', '--state-dir', state]);
    expect(runningShow.stdout).toMatch(
      new RegExp(
        `^run run_killed: running\nwhy: its process \`bqtune run\` \\(pid ${pid}, since [0-9T:-]+Z\\) is still running\n$`,
      ),
    );
    const runningReport = bqtune(['report', 'run_killed', '--state-dir', state]);
    expect(runningReport.status).toBe(1);
    expect(runningReport.stderr).toMatch(
      /^bqtune: run run_killed is running: its process .* is still running; a report needs its summary.json$/m,
    );
    // The warehouse is held, so the runs table is not read, and `runs` says so rather than waiting.
    expect(during.stderr).toMatch(
      /^bqtune: the runs table was not read: state folder .* is in use by `bqtune run` \(pid \d+/,
    );
  } finally {
    await killed(child);
  }
  expect(fs.existsSync(path.join(state, 'runs', 'run_killed'))).toBe(false);

  const after = bqtune(['runs', '--state-dir', state]);
  expect(after.stderr).toBe('');
  const reason = `its process \`bqtune run\` (pid ${pid}, since ${/since ([0-9T:-]+Z)/.exec(after.stdout)?.[1]}) ended without recording an outcome`;
  // The runs table is read now: its `running` row gives the gate metric the run was configured with.
  expect(after.stdout.split('\n')).toEqual([
    'run         status     metric    base  tuned  started',
    expect.stringMatching(/^run_killed {2}abandoned {2}macro_f1 +— +— +\d{4}-\d\d-\d\d \d\d:\d\d$/),
    '',
    `run_killed: ${reason}`,
    '',
  ]);

  const json = JSON.parse(bqtune(['runs', '--json', '--state-dir', state]).stdout);
  expect(json).toEqual([
    {
      id: 'run_killed',
      status: 'abandoned',
      reason,
      startedAt: expect.stringMatching(/Z$/),
      recorded: expect.objectContaining({
        runId: 'run_killed',
        status: 'running',
        pipeline: 'tune-and-evaluate',
      }),
    },
  ]);

  const show = bqtune(['runs', 'show', 'run_killed', '--state-dir', state]);
  expect(show.status).toBe(0);
  expect(show.stdout).toMatch(
    new RegExp(
      `^run run_killed: abandoned\nwhy: ${reason.replace(/[()]/g, '\\$&')}\nruns table, latest row:\n  run run_killed: running`,
    ),
  );

  const report = bqtune(['report', 'run_killed', '--state-dir', state]);
  expect(report.status).toBe(1);
  expect(report.stderr).toBe(
    `bqtune: run run_killed is abandoned: ${reason}; a report needs its summary.json\n`,
  );
  expect(fs.existsSync(path.join(state, 'runs', 'run_killed'))).toBe(false);
});

test('a run folder with garbage and no summary is abandoned; a garbled summary is unreadable; neither stops the list', () => {
  const state = tempDir('garbage');
  fs.mkdirSync(path.join(state, 'runs', 'run_garbage'), { recursive: true });
  fs.writeFileSync(path.join(state, 'runs', 'run_garbage', 'report.html'), '\u0000\u0001 not a report');
  fs.mkdirSync(path.join(state, 'runs', 'run_garbled'));
  fs.writeFileSync(path.join(state, 'runs', 'run_garbled', 'summary.json'), '{"runId": ');
  const listed = bqtune(['runs', '--state-dir', state]);
  expect(listed.status).toBe(0);
  expect(listed.stdout.split('\n')).toEqual([
    'run          status      metric  base  tuned  started',
    'run_garbage  abandoned   —          —      —  —',
    'run_garbled  unreadable  —          —      —  —',
    '',
    'run_garbage: its run folder has no summary.json and no process is running it',
    'run_garbled: summary.json is not JSON',
    '',
  ]);
  const report = bqtune(['report', 'run_garbage', '--state-dir', state]);
  expect(report.stderr).toBe(
    'bqtune: run run_garbage is abandoned: its run folder has no summary.json and no process is running it; a report needs its summary.json\n',
  );
  // Nothing was written: no warehouse was made for a listing, no report.
  expect(fs.readdirSync(state).sort()).toEqual(['runs']);
  expect(fs.readdirSync(path.join(state, 'runs', 'run_garbage'))).toEqual(['report.html']);
});

test('`bqtune emulator` records which process runs an admitted execution until it is recorded or withdrawn', () => {
  const state = tempDir('emulator-holder');
  const sessions = new EmulatorSessions(state, { command: 'bqtune emulator', url: 'http://127.0.0.1:1' });
  const withdraw = sessions.admit('tune-and-evaluate', { runId: 'run_admitted' });
  expect(readRunHolders(state)).toEqual([
    {
      runId: 'run_admitted',
      pid: process.pid,
      command: 'bqtune emulator',
      url: 'http://127.0.0.1:1',
      since: expect.stringMatching(/Z$/),
    },
  ]);
  withdraw?.();
  expect(readRunHolders(state)).toEqual([]);
  expect(sessions.admit('batch-predict', { runId: 'predict_1' })).toBeUndefined();
  expect(readRunHolders(state)).toEqual([]);
});
