import type { Command } from 'commander';

/** The flags that say where runs and champions are read: the local state folder, or a BigQuery dataset. */
export interface WarehouseFlags {
  stateDir: string;
  /** `--stack`: read the dataset from this Pulumi stack's outputs; absent: the local state (unless --outputs or --project). */
  stack?: string;
  /** `--outputs`: the same, from a file saved with `pulumi stack output --json`; absent: not read. */
  outputs?: string;
  /** `--project`; absent: the stack output `project` (and, without a stack, the local state). */
  project?: string;
  /** `--location`; absent: the stack output `location`. */
  location?: string;
  /** `--dataset`; absent: the stack output `dataset`. */
  dataset?: string;
}

/** True when the flags name a BigQuery dataset rather than the local state. */
export const isRemoteTarget = (flags: WarehouseFlags): boolean =>
  flags.stack !== undefined || flags.outputs !== undefined || flags.project !== undefined;

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
