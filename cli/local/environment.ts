/**
 * The embedded stand-in for what `pulumi up` provisions on Google Cloud: one project, one dataset with the
 * pipeline tables, one Vertex connection and one bucket. State lives under `<stateDir>/warehouse/` and
 * persists between runs, so a finished tuning or a stored prediction is reused like it would be on Google.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBigQueryEmulator, type BigQueryEmulator, type FaultConfig } from '../../emulator/bigquery';
import { addNullableColumnsDdl, createTableDdl, pipelineTables } from '../../bigquery';
import { describeHolder, isLockConflict, recordHolder, type StateHolder } from './state-holder';

/** The project id of local runs: the emulator's project, and the project of every local table and model. */
export const localProject = 'bqtune-local';
export const localLocation = 'US';
export const localDataset = 'bqtune';
export const localConnection = `${localProject}.us.vertex`;
export const localBucket = 'bqtune-local-data';

export interface LocalEnvironment {
  bigquery: BigQueryEmulator;
  /** Folder that stands in for Cloud Storage: `gs://bucket/x` is `<gcsDir>/bucket/x`. */
  gcsDir: string;
  warehouseDir: string;
  close(): Promise<void>;
}

/** How long an open waits for another process's short hold (a `runs show`, a `champion`) to end. */
const lockWaitMs = 3000;

/**
 * Opens the state folder's warehouse for this process, creating the pipeline tables if missing. While
 * another process holds it, waits up to `lockWait` ms (default `lockWaitMs`), then fails with one line
 * naming that process (its `cause` is DuckDB's error, which names the holder's PID).
 */
export async function openLocalEnvironment(
  stateDir: string,
  faults?: FaultConfig,
  holder: StateHolder = { command: `bqtune ${process.argv[2] ?? ''}`.trim() },
  lockWait = lockWaitMs,
): Promise<LocalEnvironment> {
  const warehouseDir = path.join(stateDir, 'warehouse');
  const gcsDir = path.join(stateDir, 'gcs');
  fs.mkdirSync(warehouseDir, { recursive: true });
  fs.mkdirSync(path.join(gcsDir, localBucket), { recursive: true });
  const open = () =>
    createBigQueryEmulator({
      dataDir: warehouseDir,
      gcsDir,
      projectId: localProject,
      connections: [localConnection],
      datasets: [`${localProject}.${localDataset}`],
      faults,
    });
  let bigquery: BigQueryEmulator | undefined;
  for (const deadline = Date.now() + lockWait; bigquery === undefined;) {
    try {
      bigquery = await open();
    } catch (error) {
      if (!isLockConflict(error)) throw error;
      if (Date.now() >= deadline) throw new Error(describeHolder(stateDir, error), { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const release = recordHolder(stateDir, holder);
  try {
    for (const table of pipelineTables) {
      const dataset = { project: localProject, dataset: localDataset };
      await bigquery.query(createTableDdl(table, dataset).text);
      // A state folder made by an earlier version gets the columns added since.
      await bigquery.query(addNullableColumnsDdl(table, dataset).text);
    }
  } catch (error) {
    await bigquery.close();
    release();
    throw error;
  }
  const opened = bigquery;
  return {
    bigquery: opened,
    gcsDir,
    warehouseDir,
    close: async () => {
      await opened.close();
      release();
    },
  };
}

/** Copies a local file into the stand-in bucket under `gcsDir` and returns its `gs://` URI. */
export function uploadToLocalBucket(gcsDir: string, file: string, objectName: string): string {
  const target = path.join(gcsDir, localBucket, objectName);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
  return `gs://${localBucket}/${objectName}`;
}
