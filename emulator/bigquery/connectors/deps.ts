import type { Engine } from '../engine';
import type { FaultInjector } from '../faults';
import type { ModelCatalog } from '../models';
import type { Warehouse } from '../warehouse';

/** What the connector handlers read and update: the emulator's engine, storage, catalogs and counters. */
export interface ConnectorDeps {
  engine: Engine;
  warehouse: Warehouse;
  catalog: ModelCatalog;
  faults: FaultInjector;
  /** Counters the emulator reports: jobs inserted, jobs that ended with an error, every job id in order. */
  stats: { jobs: number; failedJobs: number; jobIds: string[] };
}
