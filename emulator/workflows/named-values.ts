import type { RuntimeValue } from './values';
import { FuncRef } from './values';

/** retry.default_backoff: 1 s initial delay, 60 s maximum, multiplier 1.25 (stdlib reference). */
export const DEFAULT_BACKOFF = { initialDelay: 1, maxDelay: 60, multiplier: 1.25 };

/** The retry policies `${http.default_retry}` and `${http.default_retry_non_idempotent}` stand for. */
export const RETRY_POLICIES: Record<string, { predicate: string; maxRetries: number }> = {
  'http.default_retry': { predicate: 'http.default_retry_predicate', maxRetries: 5 },
  'http.default_retry_non_idempotent': {
    predicate: 'http.default_retry_predicate_non_idempotent',
    maxRetries: 5,
  },
};

/** Dotted names that are values rather than functions. */
export const NAMED_VALUES: Record<string, () => RuntimeValue> = {
  'http.default_retry': () => new FuncRef('http.default_retry'),
  'http.default_retry_non_idempotent': () => new FuncRef('http.default_retry_non_idempotent'),
  'retry.default_backoff': () =>
    new Map<string, RuntimeValue>([
      ['initial_delay', BigInt(DEFAULT_BACKOFF.initialDelay)],
      ['max_delay', BigInt(DEFAULT_BACKOFF.maxDelay)],
      ['multiplier', DEFAULT_BACKOFF.multiplier],
    ]),
};
