import fs from 'node:fs';
import path from 'node:path';
import { createBigQueryEmulator, type BigQueryEmulator, type FaultConfig } from '../../emulator/bigquery';
import { addNullableColumnsDdl, createTableDdl, pipelineTables } from '../../bigquery';

/**
 * The embedded stand-in for what `pulumi up` provisions on Google Cloud: one project, one dataset with the
 * pipeline tables, one Vertex connection and one bucket. State lives under `<stateDir>/warehouse/` and
 * persists between runs, so a finished tuning or a stored prediction is reused like it would be on Google.
 */
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

export async function openLocalEnvironment(
  stateDir: string,
  faults?: FaultConfig,
): Promise<LocalEnvironment> {
  const warehouseDir = path.join(stateDir, 'warehouse');
  const gcsDir = path.join(stateDir, 'gcs');
  fs.mkdirSync(warehouseDir, { recursive: true });
  fs.mkdirSync(path.join(gcsDir, localBucket), { recursive: true });
  const bigquery = await createBigQueryEmulator({
    dataDir: warehouseDir,
    gcsDir,
    projectId: localProject,
    connections: [localConnection],
    datasets: [`${localProject}.${localDataset}`],
    faults,
  });
  for (const table of pipelineTables) {
    const dataset = { project: localProject, dataset: localDataset };
    await bigquery.query(createTableDdl(table, dataset).text);
    // A state folder made by an earlier version gets the columns added since.
    await bigquery.query(addNullableColumnsDdl(table, dataset).text);
  }
  return { bigquery, gcsDir, warehouseDir, close: () => bigquery.close() };
}

/** Copies a local file into the stand-in bucket under `gcsDir` and returns its `gs://` URI. */
export function uploadToLocalBucket(gcsDir: string, file: string, objectName: string): string {
  const target = path.join(gcsDir, localBucket, objectName);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
  return `gs://${localBucket}/${objectName}`;
}
