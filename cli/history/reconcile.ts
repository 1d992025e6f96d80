import type { ExecutionsClient } from '@google-cloud/workflows';
import { executionView } from '../deployment/executions';
import type { RecordedRun } from './recorded-runs';

/**
 * A run's latest row says `running` until the workflow records an outcome, so an execution that failed
 * outside the recorded part, was cancelled, or vanished would show `running` forever. Its execution's state
 * (https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions#state)
 * tells what became of it.
 */
export interface ExecutionState {
  /** ACTIVE, QUEUED, SUCCEEDED, FAILED, CANCELLED, UNAVAILABLE or STATE_UNSPECIFIED. */
  state: string;
  /** The execution's error payload, for a failed one. */
  error?: string;
}

/** `missing`: the Executions API answered NOT_FOUND (executions are kept for a limited time). */
export type ExecutionLookup = (name: string) => Promise<ExecutionState | 'missing'>;

/**
 * The run as it really ended: a `running` run whose execution ended is `failed`, `cancelled` or `abandoned`,
 * with the reason as its error. Runs with an outcome, still active or without a recorded execution are
 * returned as they are.
 */
export function reconcileRun(run: RecordedRun, execution: ExecutionState | 'missing'): RecordedRun {
  if (run.status !== 'running') return run;
  const ended = (status: string, error: string): RecordedRun => ({ ...run, status, error });
  if (execution === 'missing') {
    return ended('abandoned', `its execution ${run.execution} no longer exists and recorded no outcome`);
  }
  switch (execution.state) {
    case 'FAILED':
      return ended(
        'failed',
        `its execution failed without recording it: ${execution.error ?? 'no error given'}`,
      );
    case 'CANCELLED':
      return ended('cancelled', 'its execution was cancelled before it recorded an outcome');
    case 'SUCCEEDED':
      return ended('abandoned', 'its execution ended without recording an outcome');
    default:
      return run;
  }
}

/** Reconciles every `running` run that names its execution, asking the Executions API once per run. */
export async function reconcileRuns(
  runs: readonly RecordedRun[],
  lookup: ExecutionLookup,
): Promise<RecordedRun[]> {
  return Promise.all(
    runs.map(async (run) =>
      run.status === 'running' && run.execution ? reconcileRun(run, await lookup(run.execution)) : run,
    ),
  );
}

/** NOT_FOUND as the client reports it: the gRPC code, or the HTTP status in REST mode. */
const notFound = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return code === 5 || code === 404;
};

/** Reads an execution's state with the Executions API (executions.get). */
export function executionsLookup(client: ExecutionsClient): ExecutionLookup {
  return async (name) => {
    try {
      const [execution] = await client.getExecution({ name });
      const view = executionView(execution);
      return { state: view.state, error: view.error?.payload };
    } catch (error) {
      if (notFound(error)) return 'missing';
      throw error;
    }
  };
}
