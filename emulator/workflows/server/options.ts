import type { Clock } from '../clock';
import type { ConnectorRegistry } from '../connector-types';
import type { RunResult } from '../run';

/** What an execution runs against; opened when it starts and released when it has ended. */
export interface ExecutionSession {
  connectors: ConnectorRegistry;
  /** Called once the execution has ended, before `release`, e.g. to record it. */
  finished?(execution: FinishedExecution): Promise<void>;
  release(): Promise<void>;
}

export interface FinishedExecution {
  workflow: string;
  executionId: string;
  /** The argument as JSON text ('' when none was given). */
  argument: string;
  startTime: Date;
  endTime: Date;
  outcome: RunResult;
}

export interface ExecutionsServerOptions {
  /** TCP port to listen on; 0 (the default) picks a free port. */
  port?: number;
  /** A loopback address; the server never listens elsewhere. Default `127.0.0.1`. */
  host?: '127.0.0.1' | '::1';
  /** Every `NAME.yaml` / `NAME.yml` / `NAME.json` here is served as workflow NAME. */
  workflowsDir: string;
  /** The bearer token every request must carry (`Authorization: Bearer TOKEN`). */
  token: string;
  /** Opens what each execution needs (default: no connectors). */
  openSession?: () => Promise<ExecutionSession>;
  /**
   * Checks an execution's argument before anything is written or started; throw to refuse the request
   * with 400 INVALID_ARGUMENT and the error's message. What it returns is called if the execution then
   * does not start after all. Default: every argument is admitted.
   */
  admit?: (workflow: string, argument: unknown) => (() => void) | void;
  /**
   * Where each execution's record is kept (one JSON file per execution), so history survives a restart.
   * Default: none, records live in memory only.
   */
  historyDir?: string;
  /**
   * The clock of each execution. A factory gives every execution its own clock (a shared virtual clock
   * would let one execution's sleeps advance another's time); a single clock is shared by all. Default:
   * the real clock.
   */
  clock?: Clock | (() => Clock);
  /**
   * Added to each execution's environment, over GOOGLE_CLOUD_PROJECT_ID and GOOGLE_CLOUD_LOCATION (taken
   * from the request's path); default nothing added.
   */
  env?: Record<string, string>;
}

export interface ExecutionsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
