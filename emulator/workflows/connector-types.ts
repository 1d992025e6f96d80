/**
 * The contract between the Workflows interpreter and the services it can call as connectors
 * (`googleapis.bigquery.v2.jobs.insert`, ...). The interpreter owns the registry; emulated services
 * (the BigQuery emulator) register handlers under the connector's full call name.
 */

/** A Workflows error value: a map with `tags`, `message` and, where Google sets one, `code`. */
export interface WorkflowsErrorValue {
  tags: string[];
  message: string;
  code?: number;
  [key: string]: unknown;
}

/** Raised by a handler to surface a Workflows error (HttpError, OperationError, ...) to the workflow. */
export class ConnectorError extends Error {
  constructor(readonly value: WorkflowsErrorValue) {
    super(value.message);
    this.name = 'ConnectorError';
  }
}

/** `connector_params.polling_policy`: how a long-running operation is polled (seconds). */
export interface PollingPolicy {
  initialDelay: number;
  multiplier: number;
  maxDelay: number;
}

export interface ConnectorContext {
  /** The `connector_params` map of the call step, if any (timeout, polling_policy, skip_polling, ...). */
  connectorParams: Record<string, unknown>;
  /** Virtual-clock aware sleep, so polling takes no real time in tests. */
  sleep(seconds: number): Promise<void>;
  /** Current virtual time in epoch seconds. */
  now(): number;
  /** Built-in environment of the execution (GOOGLE_CLOUD_PROJECT_ID, ...). */
  env: Record<string, string>;
  /*
   * The fields below are always set by the interpreter; they are optional so that handlers can be
   * driven directly in tests with only the fields above.
   */
  /** The connector's full name, e.g. `googleapis.bigquery.v2.jobs.insert`. */
  connector?: string;
  /** Seconds the call may take before the workflow gets a TimeoutError (`connector_params.timeout`). */
  timeout?: number;
  /** `connector_params.polling_policy`, with Google's defaults filled in. */
  pollingPolicy?: PollingPolicy;
  /** `connector_params.skip_polling`: return the operation as soon as it is started. */
  skipPolling?: boolean;
  /** Aborted when the execution is cancelled. */
  signal?: AbortSignal;
  /**
   * Runs `work` after the call has answered (a job inserted with `skip_polling`): its host work holds the
   * virtual clock and its `sleep` lets virtual time pass, without the call's timeout. Absent when a handler
   * is driven directly; the handler then runs the work before answering.
   */
  background?(work: (clock: JobClock) => Promise<void>): void;
  /**
   * Waits until `done` settles or `seconds` of virtual time have passed, whichever comes first; true when
   * `done` came first (`jobs.query`'s `timeoutMs`). Absent when a handler is driven directly.
   */
  waitFor?(done: Promise<unknown>, seconds: number): Promise<boolean>;
}

/** The clock a background job sees: virtual seconds. */
export interface JobClock {
  sleep(seconds: number): Promise<void>;
  now(): number;
}

/**
 * A connector handler gets the call step's evaluated `args` map and returns the value stored in `result`.
 * Long-running connectors return their final resource; handlers that model polling may use ctx.sleep.
 */
export type ConnectorHandler = (args: Record<string, unknown>, ctx: ConnectorContext) => Promise<unknown>;

export type ConnectorRegistry = Map<string, ConnectorHandler>;
