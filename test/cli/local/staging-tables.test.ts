import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { stagingTableHours } from '../../../bigquery';
import {
  localBucket,
  localConnection,
  localDataset,
  localProject,
  type LocalEnvironment,
} from '../../../cli/local/environment';
import { runLocally } from '../../../cli/local/run-locally';
import { readRecordedRun } from '../../../cli/history/recorded-runs';
import { localWarehouse } from '../../../cli/history/warehouse';
import { loadReportData } from '../../../cli/report/data';
import { examplesExpiredLine } from '../../../cli/report/html';
import { createBigQueryEmulator } from '../../../emulator/bigquery';
import { bqtuneBin } from '../../support/bin';
import { exampleVariant, tempDir } from './fixtures';

/*
 * A run of the pipeline leaves its staging tables carrying BigQuery's expiration: the loaded examples are
 * dropped by the run itself, the prompts tables expire stagingTableHours after they were made. With the
 * emulator's clock moved past that they are not found, no longer stored, and the report still renders,
 * saying so in one line; `runs show` reads the same.
 */

const runId = 'run_staging';
const hour = 3_600_000;

const bqtune = (args: string[]) =>
  spawnSync(process.execPath, [bqtuneBin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

/** The state folder's warehouse on an emulator whose clock reads `clock.now` (epoch ms). */
async function openAt(stateDir: string, clock: { now: number }): Promise<LocalEnvironment> {
  const warehouseDir = path.join(stateDir, 'warehouse');
  const gcsDir = path.join(stateDir, 'gcs');
  const bigquery = await createBigQueryEmulator({
    dataDir: warehouseDir,
    gcsDir,
    projectId: localProject,
    connections: [localConnection],
    datasets: [`${localProject}.${localDataset}`],
    now: () => clock.now,
  });
  return { bigquery, gcsDir, warehouseDir, close: () => bigquery.close() };
}

/** The Table resource's expirationTime (epoch ms), or the HTTP status tables.get answered with. */
async function expiration(env: LocalEnvironment, tableId: string): Promise<number | { status: number }> {
  const get = env.bigquery.connectors.get('googleapis.bigquery.v2.tables.get')!;
  const ctx = { connectorParams: {}, env: {}, sleep: async () => undefined, now: () => 0 };
  try {
    const table = (await get({ projectId: localProject, datasetId: localDataset, tableId }, ctx)) as {
      expirationTime?: string;
    };
    return Number(table.expirationTime);
  } catch (error) {
    return { status: (error as { value: { code: number } }).value.code };
  }
}

async function storedTables(stateDir: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path.join(stateDir, 'warehouse', 'warehouse.duckdb'));
  const connection = await instance.connect();
  const names = (await connection.runAndReadAll('SELECT table_name FROM duckdb_tables()'))
    .getRowsJson()
    .map((r) => String(r[0]));
  connection.closeSync();
  instance.closeSync();
  return names;
}

test('staging tables expire after the run; the report then says the example rows expired', async () => {
  const stateDir = tempDir('staging');
  const config = exampleVariant(tempDir('staging-config'));
  const before = Date.now();
  const { runDir, summary } = await runLocally({ configFile: config, stateDir, runId });
  const after = Date.now();
  expect(summary.tuned).toBeDefined();
  const shownBefore = bqtune(['runs', 'show', runId, '--json', '--state-dir', stateDir]);
  expect(shownBefore.status).toBe(0);

  const clock = { now: after };
  const env = await openAt(stateDir, clock);
  const report = () => loadReportData(runDir, { warehouse: localWarehouse(env) });
  try {
    // The loaded examples are gone once the prompts were made; the prompts carry the expiration.
    expect(await expiration(env, `train_${runId}`)).toEqual({ status: 404 });
    expect(await expiration(env, `eval_${runId}`)).toEqual({ status: 404 });
    const expirations: number[] = [];
    for (const table of [`train_prompts_${runId}`, `eval_prompts_${runId}`]) {
      const at = await expiration(env, table);
      expect(typeof at).toBe('number');
      expect(at).toBeGreaterThanOrEqual(before + stagingTableHours * hour);
      expect(at).toBeLessThanOrEqual(after + stagingTableHours * hour);
      expirations.push(at as number);
    }
    // The shared tables never expire.
    expect(await expiration(env, 'predictions')).toBeNaN();

    const fresh = await report();
    expect(fresh.examplesExpired).toBe(false);
    expect(fresh.changed.length).toBeGreaterThan(0);
    const recorded = await readRecordedRun(localWarehouse(env), runId);

    // Just before the first expiration everything reads; at the last one nothing does.
    clock.now = Math.min(...expirations) - 1;
    expect((await report()).changed).toEqual(fresh.changed);
    clock.now = Math.max(...expirations);
    await expect(
      env.bigquery.query(
        `SELECT COUNT(*) AS n FROM \`${localProject}.${localDataset}.eval_prompts_${runId}\``,
      ),
    ).rejects.toMatchObject({ reason: 'notFound' });
    expect(await expiration(env, `eval_prompts_${runId}`)).toEqual({ status: 404 });
    expect(await expiration(env, `train_prompts_${runId}`)).toEqual({ status: 404 });

    const expired = await report();
    expect(expired.examplesExpired).toBe(true);
    expect(expired.changed).toEqual([]);
    // Metrics and the confusion matrices live in the evaluations table: still there.
    expect(expired.confusion).toEqual(fresh.confusion);
    expect(await readRecordedRun(localWarehouse(env), runId)).toEqual(recorded);
  } finally {
    await env.close();
  }
  expect((await storedTables(stateDir)).filter((t) => t.endsWith(runId))).toEqual([]);

  // As processes, on the real clock, over the warehouse the expired tables were dropped from.
  const written = bqtune(['report', runId, '--state-dir', stateDir]);
  expect(written.stderr).toBe('');
  expect(written.status).toBe(0);
  const html = fs.readFileSync(path.join(runDir, 'report.html'), 'utf8');
  expect(html.split(examplesExpiredLine).length - 1).toBe(1);
  expect(html).toContain('class="confusion"');
  const shownAfter = bqtune(['runs', 'show', runId, '--json', '--state-dir', stateDir]);
  expect(shownAfter.stderr).toBe('');
  expect(shownAfter.stdout).toBe(shownBefore.stdout);
  // Prune still removes the run: its tables are already gone.
  expect(fs.existsSync(path.join(stateDir, 'gcs', localBucket, runId))).toBe(true);
  const pruned = bqtune(['prune', '--keep', '0', '--state-dir', stateDir]);
  expect(pruned.stderr).toBe('');
  expect(pruned.stdout).toMatch(new RegExp(`^removed ${runId} `));
});
