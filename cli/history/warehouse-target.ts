import type { Command } from 'commander';
import path from 'node:path';
import { stackOutputs } from '../deployment/stack-outputs';
import { bigQueryWarehouse, openLocalWarehouse, type PipelineWarehouse } from './warehouse';

export interface WarehouseFlags {
  stateDir: string;
  stack?: string;
  outputs?: string;
  project?: string;
  location?: string;
  dataset?: string;
}

/** True when the flags name a BigQuery dataset rather than the local state. */
export const isRemoteTarget = (flags: WarehouseFlags): boolean =>
  flags.stack !== undefined || flags.outputs !== undefined || flags.project !== undefined;

/**
 * The local warehouse of --state-dir, unless a stack (--stack, --outputs) or --project names a BigQuery
 * dataset; then project, location and dataset come from the flags or the stack outputs.
 */
export async function openWarehouse(flags: WarehouseFlags): Promise<PipelineWarehouse> {
  if (!isRemoteTarget(flags)) return openLocalWarehouse(path.resolve(flags.stateDir));
  const outputs = stackOutputs(flags);
  const target = {
    project: flags.project ?? outputs.project,
    location: flags.location ?? outputs.location,
    dataset: flags.dataset ?? outputs.dataset,
  };
  const { project, location, dataset } = target;
  if (project === undefined || location === undefined || dataset === undefined) {
    const missing = Object.keys(target).filter((k) => target[k as keyof typeof target] === undefined);
    throw new Error(
      `missing ${missing.map((k) => `--${k}`).join(', ')}: pass --stack NAME, --outputs FILE or the flags`,
    );
  }
  return bigQueryWarehouse({ project, location, dataset });
}

/** The options `openWarehouse` reads. */
export function addWarehouseOptions(command: Command): Command {
  return command
    .option('--state-dir <dir>', 'local state (see `bqtune run`)', '.bqtune')
    .option('--stack <name>', 'use the BigQuery dataset of this Pulumi stack instead')
    .option('--outputs <file>', 'or of a file saved with `pulumi stack output --json`')
    .option('--project <id>', 'or name it: Google Cloud project (stack output project)')
    .option('--location <location>', 'BigQuery location (stack output location)')
    .option('--dataset <id>', 'pipeline dataset (stack output dataset)');
}

/** Opens the warehouse for `use` and closes it after, whatever happens. */
export async function withWarehouse<T>(
  flags: WarehouseFlags,
  use: (warehouse: PipelineWarehouse) => Promise<T>,
): Promise<T> {
  const warehouse = await openWarehouse(flags);
  try {
    return await use(warehouse);
  } finally {
    await warehouse.close();
  }
}
