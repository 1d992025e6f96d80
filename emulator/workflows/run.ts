import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { checkProgram } from './checks';
import type { ExecutionCallbacks } from './callbacks';
import type { Clock } from './clock';
import { RealClock } from './clock';
import type { ConnectorRegistry } from './connector-types';
import { CancelledError, errorValue, Tag, WorkflowError } from './errors';
import type { ExecutionEvent } from './events';
import { Interpreter } from './interpreter';
import { encodeJson, parseJson } from './json-values';
import { readProgram } from './parse-source';
import type { Program } from './program';
import { builtins } from './stdlib';
import type { RuntimeValue } from './values';
import { fromJs, toJs } from './values';

export interface ParseResult {
  program?: Program;
  /** What Google would reject at deploy time; the program must not run when this is non-empty. */
  deployErrors: string[];
}

/** Parses and statically checks a YAML or JSON workflow source. */
export function parseWorkflowSource(text: string, opts: { fileName?: string } = {}): ParseResult {
  const fileName = opts.fileName ?? 'workflow.yaml';
  const { program, deployErrors } = readProgram(text, fileName);
  if (!program || deployErrors.length > 0) return { program: undefined, deployErrors };
  const errors = checkProgram(program, builtins);
  return errors.length > 0 ? { deployErrors: errors } : { program, deployErrors: [] };
}

export interface RunOptions {
  /**
   * The execution argument as a plain JavaScript value (integers arrive as integers). Default: none, so
   * `main`'s parameter is unset (as an execution started without an argument).
   */
  argument?: unknown;
  /** The execution argument as JSON text; keeps `1` and `1.0` apart. Wins over `argument` unless empty; default none. */
  argumentJson?: string;
  /** Handlers of `googleapis.*` connector calls, by full name; default none (every connector call fails). */
  connectors?: ConnectorRegistry;
  /** Time as the execution sees it; default the real clock (`sys.sleep` really waits). */
  clock?: Clock;
  /**
   * Overrides or adds to the built-in environment (GOOGLE_CLOUD_PROJECT_ID `local-project`,
   * GOOGLE_CLOUD_LOCATION `us-central1`, ...); default the built-in environment alone.
   */
  env?: Record<string, string>;
  /** Called with each event as it happens; default none. */
  onEvent?: (event: ExecutionEvent) => void;
  /** What `http.*` calls send requests with; default the global `fetch`. */
  httpFetch?: typeof fetch;
  /** Cancels the execution when aborted (it ends CANCELLED); default none. */
  signal?: AbortSignal;
  /**
   * Names the workflow in GOOGLE_CLOUD_WORKFLOW_ID (without its `.yaml`/`.json`) and in deploy errors when
   * running a source text; default `workflow`.
   */
  fileName?: string;
  /** GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID; default a random UUID. */
  executionId?: string;
  /** Set by the caller to watch `status.currentSteps` while the run is in progress; default none. */
  onStart?: (running: RunningExecution) => void;
  /** The execution's callback endpoints (`bqtune emulator` serves them); without them callbacks fail. */
  callbacks?: ExecutionCallbacks;
  /** Keep every event in the result (default true; long benchmarks turn it off). */
  keepEvents?: boolean;
}

export interface RunningExecution {
  currentSteps(): { routine: string; step: string }[];
}

export interface RunResult {
  state: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  result?: unknown;
  /** The result as exact JSON text (integers beyond 2^53 and doubles like 1.0 preserved). */
  resultJson?: string;
  /** The error value (a map with tags and message, or what `raise` raised) as plain JavaScript. */
  error?: unknown;
  errorJson?: string;
  /**
   * The step where the uncaught error arose (not a step whose error an `except` handled before), as the
   * Executions API's stack trace names it.
   */
  failedStep?: { routine: string; step: string };
  deployErrors?: string[];
  steps: number;
  virtualSeconds: number;
  events: ExecutionEvent[];
}

function builtinEnv(fileName: string, executionId: string): Record<string, string> {
  return {
    GOOGLE_CLOUD_PROJECT_ID: 'local-project',
    GOOGLE_CLOUD_PROJECT_NUMBER: '000000000000',
    GOOGLE_CLOUD_LOCATION: 'us-central1',
    GOOGLE_CLOUD_WORKFLOW_ID: path.basename(fileName).replace(/\.(ya?ml|json)$/i, ''),
    GOOGLE_CLOUD_WORKFLOW_REVISION_ID: '000001-000',
    GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID: executionId,
  };
}

function safeJson(value: RuntimeValue): string {
  try {
    return encodeJson(value);
  } catch {
    return encodeJson(null);
  }
}

/** Runs a workflow source or parsed program to completion. Never throws for workflow failures. */
export async function runWorkflow(source: string | Program, opts: RunOptions = {}): Promise<RunResult> {
  const events: ExecutionEvent[] = [];
  const clock = opts.clock ?? new RealClock();
  const startedAt = clock.now();
  const base = { steps: 0, virtualSeconds: 0, events };
  let program: Program;
  if (typeof source === 'string') {
    const parsed = parseWorkflowSource(source, { fileName: opts.fileName });
    if (!parsed.program) {
      const error = errorValue(Tag.ValueError, `deploy errors: ${parsed.deployErrors.join('; ')}`);
      return {
        ...base,
        state: 'FAILED',
        deployErrors: parsed.deployErrors,
        error: toJs(error),
        errorJson: encodeJson(error),
      };
    }
    program = parsed.program;
  } else {
    program = source;
  }
  const executionId = opts.executionId ?? randomUUID();
  const keep = opts.keepEvents ?? true;
  const controller = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  // Every sleeping branch of a parallel step listens on it; their number is bounded by the parallel limits.
  setMaxListeners(0, signal, controller.signal);
  const interpreter = new Interpreter(program, {
    builtins,
    connectors: opts.connectors ?? new Map(),
    clock,
    env: { ...builtinEnv(opts.fileName ?? 'workflow', executionId), ...opts.env },
    signal,
    httpFetch: opts.httpFetch ?? fetch,
    callbacks: opts.callbacks,
    emit: (e) => {
      if (keep) events.push(e);
      opts.onEvent?.(e);
    },
  });
  opts.onStart?.({ currentSteps: () => [...interpreter.active].map((a) => ({ ...a })) });
  const finish = () => ({ steps: interpreter.steps, virtualSeconds: clock.now() - startedAt, events });
  try {
    let argument: RuntimeValue | undefined;
    if (opts.argumentJson !== undefined && opts.argumentJson !== '') argument = parseJson(opts.argumentJson);
    else if (opts.argument !== undefined) argument = fromJs(opts.argument);
    const result = await interpreter.run(argument);
    let resultJson: string;
    try {
      resultJson = encodeJson(result);
    } catch (e) {
      const error = errorValue(
        Tag.TypeError,
        `the workflow result is not JSON-encodable: ${(e as Error).message}`,
      );
      return { ...finish(), state: 'FAILED', error: toJs(error), errorJson: encodeJson(error) };
    }
    return { ...finish(), state: 'SUCCEEDED', result: toJs(result), resultJson };
  } catch (e) {
    if (e instanceof CancelledError || signal.aborted) {
      const error = errorValue(Tag.SystemError, 'Execution was cancelled');
      return { ...finish(), state: 'CANCELLED', error: toJs(error), errorJson: encodeJson(error) };
    }
    if (e instanceof WorkflowError) {
      const failedStep = interpreter.originOf(e);
      return {
        ...finish(),
        state: 'FAILED',
        error: toJs(e.value),
        errorJson: safeJson(e.value),
        ...(failedStep ? { failedStep } : {}),
      };
    }
    if (e instanceof SyntaxError) {
      const error = errorValue(Tag.ValueError, `the execution argument is not valid JSON: ${e.message}`);
      return { ...finish(), state: 'FAILED', error: toJs(error), errorJson: encodeJson(error) };
    }
    throw e;
  } finally {
    controller.abort();
  }
}
