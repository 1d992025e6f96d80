import fs from 'node:fs';
import path from 'node:path';
import type { RunResult, RunningExecution } from '../run';
import { writeFileAtomic } from '../write-atomic';
import { invalid } from './requests';

export type State = 'ACTIVE' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** An execution's record as kept on disk and served. */
export interface StoredExecution {
  name: string;
  workflow: string;
  startTime: string;
  endTime?: string;
  state: State;
  argument: string;
  callLogLevel: string;
  labels: Record<string, string>;
  result?: string;
  error?: { payload: string; context?: string; step?: string; routine?: string };
}

/** What the server holds of an execution while it runs. */
export interface Live {
  running?: RunningExecution;
  controller: AbortController;
  done: Promise<void>;
}

/** Fields of the Execution resource (https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions#Execution). */
const EXECUTION_FIELDS = new Set([
  'name',
  'startTime',
  'endTime',
  'duration',
  'state',
  'argument',
  'result',
  'error',
  'workflowRevisionId',
  'callLogLevel',
  'status',
  'labels',
  'stateError',
  'createTime',
  'disableConcurrencyQuotaOverflowBuffering',
]);

/** The Execution resource in proto3 JSON, as the v1 REST API returns it. */
export function toResource(
  record: StoredExecution,
  live: Live | undefined,
  full: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: record.name,
    startTime: record.startTime,
    state: record.state,
    workflowRevisionId: '000001-000',
  };
  if (record.endTime) {
    out.endTime = record.endTime;
    out.duration = `${((Date.parse(record.endTime) - Date.parse(record.startTime)) / 1000).toFixed(3)}s`;
  }
  if (!full) return out;
  out.argument = record.argument;
  out.callLogLevel = record.callLogLevel;
  out.labels = record.labels;
  if (record.state === 'SUCCEEDED') out.result = record.result ?? 'null';
  if (record.error) {
    out.error = {
      payload: record.error.payload,
      context: record.error.context,
      stackTrace: {
        elements: record.error.step
          ? [{ step: record.error.step, routine: record.error.routine, position: {} }]
          : [],
      },
    };
  }
  out.status = {
    currentSteps: live?.running && record.state === 'ACTIVE' ? live.running.currentSteps() : [],
  };
  return out;
}

/** The result or error an execution's record keeps of how it ended. */
export function outcomeFields(outcome: RunResult): Pick<StoredExecution, 'result' | 'error'> {
  if (outcome.state === 'SUCCEEDED') return { result: outcome.resultJson ?? 'null' };
  // The step where the uncaught error arose, not the last one that raised (and was perhaps caught).
  const failed = outcome.failedStep;
  return {
    error: {
      payload: outcome.errorJson ?? 'null',
      context: (outcome.deployErrors ?? []).join('\n') || undefined,
      step: failed?.step,
      routine: failed?.routine,
    },
  };
}

/** The Execution of a create request, its fields checked as the REST API's JSON parser would. */
export function executionInput(body: Record<string, unknown>) {
  for (const key of Object.keys(body)) {
    if (!EXECUTION_FIELDS.has(key)) {
      throw invalid(
        `Invalid JSON payload received. Unknown name "${key}" at 'execution': Cannot find field.`,
      );
    }
  }
  const { argument = '', callLogLevel = 'CALL_LOG_LEVEL_UNSPECIFIED', labels = {} } = body;
  if (typeof argument !== 'string') {
    throw invalid(`Invalid value at 'execution.argument' (TYPE_STRING), ${JSON.stringify(argument)}`);
  }
  if (typeof callLogLevel !== 'string') {
    throw invalid(`Invalid value at 'execution.call_log_level', ${JSON.stringify(callLogLevel)}`);
  }
  if (
    typeof labels !== 'object' ||
    labels === null ||
    Array.isArray(labels) ||
    Object.values(labels).some((v) => typeof v !== 'string')
  ) {
    throw invalid(`Invalid value at 'execution.labels': expected a map of strings`);
  }
  return { argument, callLogLevel, labels: labels as Record<string, string> };
}

function readHistory(dir: string | undefined): StoredExecution[] {
  if (dir === undefined || !fs.existsSync(dir)) return [];
  const out: StoredExecution[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    try {
      out.push(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as StoredExecution);
    } catch {
      // A record that cannot be read is left on disk for a person to look at, and not served.
    }
  }
  return out;
}

/**
 * Every execution the server knows, by name, kept in `dir` (one JSON file each, written atomically) when
 * one is given so history survives a restart. An execution that was ACTIVE when the last server stopped is
 * FAILED on loading: nothing carries an execution across a restart.
 */
export class ExecutionHistory {
  private readonly records = new Map<string, StoredExecution>();

  constructor(private readonly dir: string | undefined) {
    for (const r of readHistory(dir)) {
      if (r.state === 'ACTIVE') {
        Object.assign(r, {
          state: 'FAILED',
          endTime: r.startTime,
          error: { payload: JSON.stringify({ message: 'the emulator stopped while this execution ran' }) },
        });
        this.save(r);
      }
      this.records.set(r.name, r);
    }
  }

  /** Writes the record as it is now (a no-op without a history folder). */
  save(record: StoredExecution): void {
    if (this.dir === undefined) return;
    fs.mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(path.join(this.dir, `${record.name.split('/').pop()}.json`), JSON.stringify(record));
  }

  /** Adds a new execution's record and writes it. */
  add(record: StoredExecution): void {
    this.records.set(record.name, record);
    this.save(record);
  }

  get(name: string): StoredExecution | undefined {
    return this.records.get(name);
  }

  /** The executions of a workflow (`projects/P/locations/L/workflows/W`), newest first. */
  ofWorkflow(parent: string): StoredExecution[] {
    return [...this.records.values()]
      .filter((r) => r.name.startsWith(`${parent}/executions/`))
      .sort((a, b) => b.startTime.localeCompare(a.startTime));
  }
}
