import * as path from 'node:path';
import type { Json } from '@duckdb/node-api';
import type { ConnectorRegistry } from '../workflows/connector-types';
import { createConnectors } from './connectors';
import { Engine, type StatementResult } from './engine';
import { FaultInjector, type FaultConfig } from './faults';
import { RoutineCatalog } from './routines';
import { ModelCatalog, parseConnection } from './models';
import {
  bindPlainValue,
  bindRestParameter,
  type BoundValue,
  type QueryParameter,
  type SchemaField,
} from './values';
import { Warehouse } from './warehouse';

export { BigQueryError, type ErrorReason } from './errors';
export type { FaultConfig } from './faults';
export type { QueryParameter, SchemaField } from './values';

export interface BigQueryEmulatorOptions {
  /** Run directory: holds `warehouse.duckdb` and `models/`, so a run can be inspected and reused. */
  dataDir: string;
  /** Stands in for Cloud Storage: `gs://bucket/object` is `<gcsDir>/bucket/object`. */
  gcsDir: string;
  /** Project of jobs and of `dataset.table` names without a project. */
  projectId: string;
  /** Connections that exist, as `PROJECT_ID.LOCATION.CONNECTION_ID`; default none. */
  connections?: string[];
  /** Datasets that exist, as `PROJECT_ID.DATASET_ID` or `DATASET_ID` (created if missing); default none. */
  datasets?: string[];
  /** Faults to inject into jobs and generation requests; default none. */
  faults?: FaultConfig;
  /**
   * The clock, in epoch milliseconds (default `Date.now`): what table expirations are compared with and
   * what CURRENT_TIMESTAMP/DATE/DATETIME/TIME read, once per statement. A test fixes it or moves it forward
   * to see a table expire.
   */
  now?: () => number;
}

export interface EmulatorStats {
  /** Generation requests sent to the local model (each row of each pass, failed ones included). */
  modelInvocations: number;
  invocationsByModel: Record<string, number>;
  /** Requests answered with a per-row error status (RESOURCE_EXHAUSTED or INVALID_ARGUMENT, injected). */
  rowFailures: number;
  jobs: number;
  failedJobs: number;
  /** Id of every job created, in order. */
  jobIds: string[];
}

export interface QueryResult {
  statementType: string;
  schema: SchemaField[];
  /** Rows as objects keyed by column name, values as DuckDB's JSON conversion gives them. */
  rows: Record<string, Json>[];
  numDmlAffectedRows?: number;
  ddlOperationPerformed?: string;
}

export interface BigQueryEmulator {
  connectors: ConnectorRegistry;
  /** Runs GoogleSQL directly (for tests and tools): params are plain values or REST query parameters. */
  query(sql: string, params?: Record<string, unknown> | QueryParameter[]): Promise<QueryResult>;
  stats: EmulatorStats;
  close(): Promise<void>;
}

function toResult(result: StatementResult): QueryResult {
  const schema = result.schema ?? [];
  return {
    statementType: result.statementType,
    schema,
    rows: (result.rows ?? []).map((row) => Object.fromEntries(schema.map((f, i) => [f.name, row[i]]))),
    numDmlAffectedRows: result.numDmlAffectedRows,
    ddlOperationPerformed: result.ddlOperationPerformed,
  };
}

/**
 * Opens (or creates) the emulator's warehouse under `options.dataDir`, creates the listed datasets and returns
 * the BigQuery connectors with a direct query entry point. Close it to release the DuckDB file.
 * @throws Error for a dataset that is not `PROJECT_ID.DATASET_ID` or `DATASET_ID`, a connection that is not
 *   `PROJECT_ID.LOCATION.CONNECTION_ID`, or an invalid fault configuration.
 */
export async function createBigQueryEmulator(options: BigQueryEmulatorOptions): Promise<BigQueryEmulator> {
  const faults = new FaultInjector(options.faults ?? {});
  const connections = (options.connections ?? []).map(parseConnection);
  const warehouse = await Warehouse.open(path.join(options.dataDir, 'warehouse.duckdb'), options.projectId);
  for (const dataset of options.datasets ?? []) {
    const parts = dataset.split('.');
    if (parts.length > 2 || parts.some((p) => p.length === 0))
      throw new Error(`datasets: ${JSON.stringify(dataset)} is not PROJECT_ID.DATASET_ID`);
    await warehouse.createDataset(
      parts.length === 2
        ? { projectId: parts[0], datasetId: parts[1] }
        : { projectId: options.projectId, datasetId: parts[0] },
    );
  }
  const catalog = new ModelCatalog(path.join(options.dataDir, 'models'));
  const stats: EmulatorStats = {
    modelInvocations: 0,
    invocationsByModel: {},
    rowFailures: 0,
    jobs: 0,
    failedJobs: 0,
    jobIds: [],
  };
  const routines = new RoutineCatalog(path.join(options.dataDir, 'routines'));
  const engine = new Engine({
    warehouse,
    catalog,
    routines,
    gcsDir: options.gcsDir,
    connections,
    faults,
    stats,
    now: options.now ?? Date.now,
  });
  // A table that expired while the warehouse was closed is gone before anyone reads it.
  await engine.dropExpired();
  const connectors = createConnectors({ engine, warehouse, catalog, faults, stats });
  return {
    connectors,
    stats,
    async query(sql, params = {}) {
      const named = new Map<string, BoundValue>();
      const positional: BoundValue[] = [];
      if (Array.isArray(params)) {
        params.forEach((p, i) => {
          if (p.name) named.set(p.name, bindRestParameter(p, `@${p.name}`));
          else positional.push(bindRestParameter(p, String(i + 1)));
        });
      } else {
        for (const [name, value] of Object.entries(params))
          named.set(name, bindPlainValue(value, `@${name}`));
      }
      const result = await engine.execute(sql, {
        params: named,
        positional,
        sleep: async () => undefined,
        now: () => Date.now() / 1000,
      });
      return toResult(result);
    },
    async close() {
      warehouse.close();
    },
  };
}
