import path from 'node:path';
import { stackOutputs } from '../deployment/stack-outputs';
import { bigQueryWarehouse, openLocalWarehouse, type PipelineWarehouse } from './warehouse';
import { isRemoteTarget, type WarehouseFlags } from './warehouse-flags';

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
