import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runLocally } from '../../cli/local/run-locally';
import { bqtuneBin } from '../support/bin';
import { exampleVariant, tempDir } from './local/fixtures';

/* `bqtune prune`: old runs' folders, staging tables and uploads go; history, models and newer runs stay. */

const bqtune = (args: string[]) =>
  spawnSync(process.execPath, [bqtuneBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

/**
 * Every table in the warehouse file, read with DuckDB itself rather than through the emulator, in a child
 * process so that no lock on the file outlives the read.
 */
function tables(state: string): string[] {
  const duckdb = require.resolve('@duckdb/node-api');
  const file = path.join(state, 'warehouse', 'warehouse.duckdb');
  const script = `require(${JSON.stringify(duckdb)}).DuckDBInstance.create(${JSON.stringify(file)})
    .then((i) => i.connect())
    .then((c) => c.runAndReadAll('SELECT table_name FROM information_schema.tables ORDER BY 1'))
    .then((r) => process.stdout.write(JSON.stringify(r.getRows().map((row) => row[0]))));`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout) as string[];
}

test('prune --keep 1 removes the older run whole and leaves the newer one and the shared tables', async () => {
  const state = tempDir('prune');
  const config = exampleVariant(tempDir('prune-config'));
  await runLocally({ configFile: config, stateDir: state, runId: 'run_old' });
  await runLocally({ configFile: config, stateDir: state, runId: 'run_new' });
  const before = tables(state);
  expect(before.filter((t) => t.endsWith('_run_old')).length).toBeGreaterThan(0);

  const dry = bqtune(['prune', '--keep', '1', '--dry-run', '--state-dir', state]);
  expect(dry.status).toBe(0);
  expect(dry.stdout).toMatch(/^would remove run_old \(\d+\.\d MB\)\n$/);
  expect(tables(state)).toEqual(before);
  expect(fs.existsSync(path.join(state, 'runs', 'run_old'))).toBe(true);

  const pruned = bqtune(['prune', '--keep', '1', '--state-dir', state]);
  expect(pruned.stderr).toBe('');
  expect(pruned.stdout).toMatch(/^removed run_old \(\d+\.\d MB\)\n$/);
  const after = tables(state);
  expect(after.filter((t) => t.includes('run_old'))).toEqual([]);
  expect(after).toEqual(before.filter((t) => !t.endsWith('_run_old')));
  expect(after.filter((t) => t.endsWith('_run_new')).length).toBeGreaterThan(0);
  expect(fs.readdirSync(path.join(state, 'runs'))).toEqual(['run_new']);
  expect(fs.readdirSync(path.join(state, 'gcs', 'bqtune-local-data'))).toEqual(['run_new']);

  const again = bqtune(['prune', '--keep', '1', '--state-dir', state]);
  expect(again.stdout).toBe('nothing to prune\n');
  const recent = bqtune(['prune', '--older-than', '1', '--state-dir', state]);
  expect(recent.stdout).toBe('nothing to prune\n');
});

test('prune needs to be told what to keep; counts must be non-negative integers', () => {
  const state = tempDir('prune-flags');
  const none = bqtune(['prune', '--state-dir', state]);
  expect(none.status).toBe(1);
  expect(none.stderr).toBe('bqtune: say what to keep: --keep N (newest runs) and/or --older-than DAYS\n');
  const bad = bqtune(['prune', '--keep', '-1', '--state-dir', state]);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toBe('bqtune: --keep must be a non-negative integer, got -1\n');
});
