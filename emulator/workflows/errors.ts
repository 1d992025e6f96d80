import type { RuntimeValue, WfMap } from './values';
import { fromJs } from './values';
import type { ErrorTag } from '../../workflows/facts/error-tags';

// The documented tags are a Workflows fact, declared with the others; re-exported for the interpreter's modules.
export { Tag, type ErrorTag } from '../../workflows/facts/error-tags';

/**
 * A Workflows error in flight. `value` is exactly what an `except` block binds to its `as` variable:
 * a map with `tags`/`message`(/`code`) for built-in errors, or whatever a `raise` step raised.
 */
export class WorkflowError extends Error {
  constructor(readonly value: RuntimeValue) {
    super(describeError(value));
    this.name = 'WorkflowError';
  }
}

function describeError(value: RuntimeValue): string {
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
  const out: WfMap = new Map<string, RuntimeValue>([
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
export function errorTags(value: RuntimeValue): string[] {
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
