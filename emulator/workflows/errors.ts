import type { Value, WfMap } from './values';
import { fromJs } from './values';

/**
 * The error tags Google documents (Workflows error types page); every runtime error we produce carries one
 * of these. Code names a tag through this table (`Tag.TypeError`), so a misspelt tag does not compile.
 */
export const Tag = {
  AuthError: 'AuthError',
  ConnectionError: 'ConnectionError',
  ConnectionFailedError: 'ConnectionFailedError',
  HttpError: 'HttpError',
  IndexError: 'IndexError',
  KeyError: 'KeyError',
  OperationError: 'OperationError',
  ParallelNestingError: 'ParallelNestingError',
  RecursionError: 'RecursionError',
  ResourceLimitError: 'ResourceLimitError',
  ResponseTypeError: 'ResponseTypeError',
  SystemError: 'SystemError',
  TimeoutError: 'TimeoutError',
  TypeError: 'TypeError',
  UnhandledBranchError: 'UnhandledBranchError',
  ValueError: 'ValueError',
  ZeroDivisionError: 'ZeroDivisionError',
} as const;

export type ErrorTag = (typeof Tag)[keyof typeof Tag];

/**
 * A Workflows error in flight. `value` is exactly what an `except` block binds to its `as` variable:
 * a map with `tags`/`message`(/`code`) for built-in errors, or whatever a `raise` step raised.
 */
export class WorkflowError extends Error {
  constructor(readonly value: Value) {
    super(describeError(value));
    this.name = 'WorkflowError';
  }
}

function describeError(value: Value): string {
  if (typeof value === 'string') return value;
  if (value instanceof Map) {
    const tags = value.get('tags');
    const message = value.get('message');
    const tagText = Array.isArray(tags) ? tags.join(', ') : '';
    return [tagText, typeof message === 'string' ? message : ''].filter(Boolean).join(': ') || 'error';
  }
  return String(value);
}

export function errorValue(
  tag: ErrorTag | ErrorTag[],
  message: string,
  extra: Record<string, unknown> = {},
): WfMap {
  const tags = Array.isArray(tag) ? tag : [tag];
  const out: WfMap = new Map<string, Value>([
    ['message', message],
    ['tags', [...tags]],
  ]);
  for (const [k, v] of Object.entries(extra)) out.set(k, fromJs(v));
  return out;
}

export function wfError(
  tag: ErrorTag | ErrorTag[],
  message: string,
  extra: Record<string, unknown> = {},
): WorkflowError {
  return new WorkflowError(errorValue(tag, message, extra));
}

/** Tags of an error value, for predicates and for telling built-in errors apart. */
export function errorTags(value: Value): string[] {
  if (!(value instanceof Map)) return [];
  const tags = value.get('tags');
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/** Thrown when an execution is cancelled; not catchable by `except`. */
export class CancelledError extends Error {
  constructor() {
    super('execution cancelled');
    this.name = 'CancelledError';
  }
}
