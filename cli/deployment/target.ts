import { localConnection, localDataset, localLocation, localProject } from '../local/environment';
import type { StackOutputs } from './stack-outputs';

/** Where a run executes (the workflow) and what its SQL addresses (project, location, dataset, connection). */
export interface TriggerTarget {
  project: string;
  /** The workflow's region (stack output `region`). */
  region: string;
  workflow: string;
  /** The BigQuery location (stack output `location`). */
  location: string;
  dataset: string;
  connection: string;
}

/**
 * The flags that name a target field by field (`--project`, ...). Each absent flag is taken from the stack
 * output named in `outputFor`, else, for a local endpoint, from `localTarget` (resolveTarget).
 */
export interface TargetFlags {
  project?: string;
  region?: string;
  workflow?: string;
  location?: string;
  dataset?: string;
  connection?: string;
}

/** What the local Executions API (`bqtune emulator`) runs against when nothing else is said. */
export const localTarget: TriggerTarget = {
  project: localProject,
  region: 'us-central1',
  workflow: 'tune-and-evaluate',
  location: localLocation,
  dataset: localDataset,
  connection: localConnection,
};

const outputFor: Record<keyof TriggerTarget, keyof StackOutputs> = {
  project: 'project',
  region: 'region',
  workflow: 'workflowName',
  location: 'location',
  dataset: 'dataset',
  connection: 'connection',
};

/** Each field from its flag, else the stack output, else (for the local endpoint) the local default. */
export function resolveTarget(
  flags: TargetFlags,
  outputs: StackOutputs,
  fallback?: TriggerTarget,
): TriggerTarget {
  const target: Partial<TriggerTarget> = {};
  const missing: string[] = [];
  for (const field of Object.keys(outputFor) as (keyof TriggerTarget)[]) {
    const value = flags[field] ?? outputs[outputFor[field]] ?? fallback?.[field];
    if (value === undefined) missing.push(`--${field} (stack output ${outputFor[field]})`);
    else target[field] = value;
  }
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')}: pass --stack NAME, --outputs FILE or the flags`);
  }
  return target as TriggerTarget;
}
