import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bqtuneBin } from '../support/bin';
import { exampleVariant, tempDir } from './local/fixtures';

const bqtune = (args: string[]) =>
  spawnSync(process.execPath, [bqtuneBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

test('`bqtune run` runs the example, reports, and reuses the tuning on the next run', () => {
  const state = tempDir('cli-state');
  const first = bqtune(['run', '--state-dir', state, '--run-id', 'run_cli_1']);
  expect(first.stderr).toContain('✓ baseline eval ∥ LoRA tune');
  expect(first.status).toBe(0);
  expect(first.stdout).toMatch(/macro F1/);
  expect(first.stdout).toMatch(/gate \(macro_f1\): passed/);
  expect(first.stdout).toMatch(
    /deployed: bqtune-local\.bqtune\.tuned_[0-9a-f]{32} is now the champion \(was none\)/,
  );
  expect(fs.existsSync(path.join(state, 'runs', 'run_cli_1', 'summary.json'))).toBe(true);

  const second = bqtune(['run', '--state-dir', state, '--run-id', 'run_cli_2']);
  expect(second.status).toBe(0);
  expect(second.stdout).toMatch(/tuning: reused the finished tuning of .*; nothing was tuned this run/);
  expect(second.stdout).toMatch(/model invocations: 0/);
});

test('a rejected run exits 3 and says why; a bad config exits 1 naming the field', () => {
  const state = tempDir('cli-rejected');
  const config = exampleVariant(tempDir('cli-config'), { gate: { minImprovementOverBaseline: 0.95 } });
  const rejected = bqtune(['run', config, '--state-dir', state]);
  expect(rejected.status).toBe(3);
  expect(rejected.stdout).toMatch(/gate \(macro_f1\): rejected/);
  expect(rejected.stdout).toMatch(/deployed: nothing/);

  const bad = exampleVariant(tempDir('cli-bad'), { model: { tuning: { maxIterations: 0 } } });
  const invalid = bqtune(['run', bad, '--state-dir', state]);
  expect(invalid.status).toBe(1);
  expect(invalid.stderr).toMatch(/model\.tuning\.maxIterations must be >= 1/);
  expect(invalid.stderr).not.toMatch(/\n\s+at /);
});
