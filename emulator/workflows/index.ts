export { parseWorkflowSource, runWorkflow } from './run';
export type { ParseResult, RunOptions, RunResult, RunningExecution } from './run';
export { RealClock, VirtualClock } from './clock';
export type { Clock } from './clock';
export type { ExecutionEvent } from './events';
export { ConnectorError } from './connector-types';
export { pollUntilDone } from './connector-polling';
export type {
  ConnectorContext,
  ConnectorHandler,
  ConnectorRegistry,
  PollingPolicy,
  WorkflowsErrorValue,
} from './connector-types';
export { startExecutionsServer } from './server';
export type { ExecutionsServer, ExecutionsServerOptions } from './server';
export type { Program } from './program';
