import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { commands } from '../../cli/commands';
import { exampleConfig } from '../../cli/local/run-locally';
import { bqtuneBin, repoRoot } from '../support/bin';
import { tempDir } from './local/fixtures';

/*
 * Every `$ ...` line under "Examples:" in every command's --help is run, in that order, as a shell
 * command in one fresh folder (with `bqtune` on PATH and `examples/` beside it, as in a checkout).
 * An example ending in `# ... exit N` must exit N; others exit 0. Examples that address a deployed
 * stack (--stack, --outputs) cannot reach Google Cloud here: they must fail with one `bqtune:` line.
 */

/** The order examples run in: each may use what the ones before it made (run_001, the emulator). */
const commandOrder = [
  'init',
  'check',
  'run',
  'runs',
  'runs show',
  'report',
  'champion',
  'predict',
  'prune',
  'emulator',
  'trigger',
  'workflow',
  'workflow run',
  'compile',
  'schemas',
];

function commandPaths(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((c) => {
    const here = [...prefix, c.name()];
    return [here.join(' '), ...commandPaths(c, here)];
  });
}

let cwd: string;
let bin: string;
const sh = (line: string) =>
  spawnSync('bash', ['-c', line], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}` },
    timeout: 120_000,
  });

function examplesOf(commandPath: string): string[] {
  const help = sh(`bqtune ${commandPath} --help`);
  expect(help.status).toBe(0);
  const section = help.stdout.split('\nExamples:\n')[1] ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('  $ '))
    .map((l) => l.slice(4));
}

beforeAll(() => {
  cwd = tempDir('examples');
  bin = tempDir('examples-bin');
  fs.writeFileSync(path.join(bin, 'bqtune'), `#!/bin/sh\nexec "${process.execPath}" "${bqtuneBin}" "$@"\n`, {
    mode: 0o755,
  });
  fs.symlinkSync(path.join(repoRoot, 'examples'), path.join(cwd, 'examples'));
  // The user's own task of the examples: the example's data, tuned differently, so it deploys a second
  // champion (and `champion --rollback` has one to go back from).
  const config = JSON.parse(fs.readFileSync(exampleConfig, 'utf8'));
  delete config.$schema;
  config.model.tuning.maxIterations = 1000;
  config.data = {
    train: path.join(path.dirname(exampleConfig), 'data', 'train.jsonl'),
    eval: path.join(path.dirname(exampleConfig), 'data', 'eval.jsonl'),
  };
  fs.mkdirSync(path.join(cwd, 'my-task'));
  fs.writeFileSync(path.join(cwd, 'my-task', 'pipeline.yaml'), JSON.stringify(config, null, 2));
});

test('every command is covered, in an order where each example can run', () => {
  const program = new Command();
  for (const register of commands) register(program);
  expect(commandPaths(program).sort()).toEqual([...commandOrder].sort());
});

test('every --help example runs and does what it says', async () => {
  let emulator: ChildProcess | undefined;
  const ran: string[] = [];
  try {
    for (const commandPath of commandOrder) {
      for (const example of examplesOf(commandPath)) {
        ran.push(example);
        const line = example.replace(/\s+#.*$/, '');
        if (/^bqtune emulator\b/.test(line)) {
          emulator = spawn('bash', ['-c', `exec ${line}`], {
            cwd,
            env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          await new Promise<void>((resolve, reject) => {
            emulator?.stdout?.on('data', (c: Buffer) =>
              c.toString().includes('listening on') ? resolve() : undefined,
            );
            emulator?.once('exit', (code) => reject(new Error(`${example} exited with ${code}`)));
          });
          continue;
        }
        const result = sh(line);
        const context = `${example}\n${result.stdout}\n${result.stderr}`;
        if (/--stack |--outputs /.test(line)) {
          expect({ context, status: result.status }).toEqual({ context, status: 1 });
          expect(result.stderr).toMatch(/^bqtune: [^\n]+\n$/);
          continue;
        }
        const expected = Number(/# .*\bexit (\d+)/.exec(example)?.[1] ?? 0);
        expect({ context, status: result.status }).toEqual({ context, status: expected });
      }
    }
  } finally {
    if (emulator && emulator.exitCode === null) {
      const exited = new Promise((resolve) => emulator?.once('exit', resolve));
      emulator.kill('SIGTERM');
      await exited;
    }
  }
  // What the examples made is there: the named run with its report, a rollback, and five runs (three by
  // `bqtune run`, two through the emulator).
  expect(fs.existsSync(path.join(cwd, '.bqtune', 'runs', 'run_001', 'report.html'))).toBe(true);
  const runs = JSON.parse(sh('bqtune runs --json').stdout) as { runId: string; pipeline: string }[];
  expect(runs.filter((r) => r.pipeline === 'tune-and-evaluate').length).toBe(5);
  const champion = JSON.parse(sh('bqtune champion --json').stdout) as { history: { event: string }[] };
  expect(champion.history.map((e) => e.event)).toEqual(['promote', 'promote', 'rollback']);
  expect(ran.length).toBeGreaterThanOrEqual(20);
}, 400_000);
