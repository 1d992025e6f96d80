import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { LIMITS } from '../../../workflows/facts';
import type { CallbackHub } from '../callbacks';
import { parseJson } from '../json-values';
import type { Program } from '../program';
import type { RunResult } from '../run';
import { parseWorkflowSource, runWorkflow } from '../run';
import {
  executionInput,
  outcomeFields,
  toResource,
  type ExecutionHistory,
  type Live,
  type StoredExecution,
} from './execution-records';
import type { ExecutionSession, ExecutionsServerOptions } from './options';
import { HttpFailure, invalid } from './requests';
import { Tag } from '../errors';

/** What starting an execution needs of the server: its options, records, running executions, callbacks. */
export interface ServerState {
  options: ExecutionsServerOptions;
  history: ExecutionHistory;
  live: Map<string, Live>;
  callbacks: CallbackHub;
}

/**
 * The source of workflow `workflow`: `<dir>/<workflow>.yaml`, `.yml` or `.json`, the first that exists.
 * @throws HttpFailure 400 for an id that is not letters, digits, `_` and `-`; 404 when there is no file.
 */
export function findSource(dir: string, workflow: string): { text: string; file: string } {
  if (!/^[A-Za-z0-9_-]+$/.test(workflow)) throw invalid(`invalid workflow id ${workflow}`);
  for (const ext of ['.yaml', '.yml', '.json']) {
    const file = path.join(dir, workflow + ext);
    if (fs.existsSync(file)) return { text: fs.readFileSync(file, 'utf8'), file };
  }
  throw new HttpFailure(
    404,
    'NOT_FOUND',
    `workflow ${workflow} not found (no ${workflow}.yaml in the workflows folder)`,
  );
}

/** A create request that passed every check: the program, its file, the Execution fields, its withdrawal. */
interface AdmittedRequest {
  program: Program;
  file: string;
  input: ReturnType<typeof executionInput>;
  /** Undoes what `options.admit` reserved, when the execution does not start after all. */
  withdraw: (() => void) | void;
}

/**
 * Checks a create request before anything is written or started: the workflow deploys, the Execution body
 * has only its known fields, the argument is at most 32 KB of JSON, and `options.admit` accepts it.
 * @throws HttpFailure 400 (or 404 for an unknown workflow) naming what is wrong.
 */
function admitRequest(
  opts: ExecutionsServerOptions,
  workflow: string,
  body: Record<string, unknown>,
): AdmittedRequest {
  const { text, file } = findSource(opts.workflowsDir, workflow);
  const parsed = parseWorkflowSource(text, { fileName: path.basename(file) });
  if (!parsed.program) {
    throw new HttpFailure(
      400,
      'FAILED_PRECONDITION',
      `workflow ${workflow} is invalid: ${parsed.deployErrors.join('; ')}`,
    );
  }
  const input = executionInput(body);
  if (Buffer.byteLength(input.argument) > LIMITS.argumentBytes)
    throw invalid('argument is larger than 32 KB');
  let argumentValue: unknown = null;
  if (input.argument !== '') {
    try {
      parseJson(input.argument);
      argumentValue = JSON.parse(input.argument);
    } catch (e) {
      throw invalid(`argument is not valid JSON: ${(e as Error).message}`);
    }
  }
  try {
    return { program: parsed.program, file, input, withdraw: opts.admit?.(workflow, argumentValue) };
  } catch (e) {
    throw invalid((e as Error).message);
  }
}

/**
 * `executions.create`: admits the request (admitRequest), opens a session and starts the execution in the
 * background; it runs to its end (or cancellation), then its outcome is recorded and the session released.
 * https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions/create
 * @returns the new execution's FULL resource, ACTIVE.
 * @throws HttpFailure 400 for a workflow that does not deploy or a bad body or argument, 404 for an unknown
 *   workflow, 503 when the session cannot be opened.
 */
export async function startExecution(
  server: ServerState,
  parent: string,
  workflow: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { options: opts, history, live, callbacks } = server;
  const { program, file, input, withdraw } = admitRequest(opts, workflow, body);
  const id = randomUUID();
  const startTime = new Date();
  const record: StoredExecution = {
    name: `${parent}/executions/${id}`,
    workflow,
    startTime: startTime.toISOString(),
    state: 'ACTIVE',
    ...input,
  };
  const session = opts.openSession
    ? await opts.openSession().catch((e: unknown) => {
        withdraw?.();
        throw new HttpFailure(503, 'UNAVAILABLE', (e as Error).message);
      })
    : undefined;
  const state: Live = { controller: new AbortController(), done: Promise.resolve() };
  const project = /^projects\/([^/]+)/.exec(parent)?.[1] ?? 'local-project';
  const location = /locations\/([^/]+)/.exec(parent)?.[1] ?? 'us-central1';
  state.done = runWorkflow(program, {
    argumentJson: input.argument,
    connectors: session?.connectors,
    clock: typeof opts.clock === 'function' ? opts.clock() : opts.clock,
    signal: state.controller.signal,
    callbacks: callbacks.forExecution(record.name),
    fileName: path.basename(file),
    executionId: id,
    env: { GOOGLE_CLOUD_PROJECT_ID: project, GOOGLE_CLOUD_LOCATION: location, ...opts.env },
    onStart: (running) => (state.running = running),
  })
    .catch((e: unknown): RunResult => ({
      state: 'FAILED',
      steps: 0,
      virtualSeconds: 0,
      events: [],
      errorJson: JSON.stringify({ tags: [Tag.SystemError], message: String((e as Error).message ?? e) }),
    }))
    .then((outcome) => {
      callbacks.close(record.name);
      return endExecution(server, record, session, { startTime, outcome });
    })
    .catch((e: unknown) =>
      process.emitWarning(`execution ${id} did not end cleanly: ${(e as Error).message}`),
    );
  history.add(record);
  live.set(record.name, state);
  return toResource(record, state, true);
}

/**
 * After an execution has ended: the session hears of it (a failure to record is a warning, not an error),
 * is released, and the record takes the outcome and is written.
 */
async function endExecution(
  server: ServerState,
  record: StoredExecution,
  session: ExecutionSession | undefined,
  run: { startTime: Date; outcome: RunResult },
): Promise<void> {
  const endTime = new Date();
  const executionId = record.name.split('/').pop()!;
  try {
    await session?.finished?.({
      workflow: record.workflow,
      executionId,
      argument: record.argument,
      startTime: run.startTime,
      endTime,
      outcome: run.outcome,
    });
  } catch (e) {
    process.emitWarning(`recording execution ${executionId} failed: ${(e as Error).message}`);
  }
  await session?.release();
  Object.assign(record, {
    state: run.outcome.state,
    endTime: endTime.toISOString(),
    ...outcomeFields(run.outcome),
  });
  server.history.save(record);
  server.live.delete(record.name);
}
