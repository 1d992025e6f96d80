import type { Clock } from './clock';
import type { Value } from './values';

/** What a standard-library function may use from the running execution. */
export interface FnContext {
  clock: Clock;
  env: Record<string, string>;
  signal: AbortSignal;
  log(severity: string, payload: Value): void;
  httpFetch: typeof fetch;
}

/**
 * A built-in function. `params` are the argument names of a `call` step, in the positional order used
 * inside expressions; the first `required` of them must be given. Blocking functions (HTTP, sleep, log)
 * may only be used from `call` steps, as on Google.
 */
export interface FnSpec {
  params: string[];
  required: number;
  blocking?: boolean;
  run(args: (Value | undefined)[], ctx: FnContext): Value | Promise<Value>;
}

export type FnTable = Record<string, FnSpec>;

export function fn(
  params: string[],
  run: FnSpec['run'],
  opts: { required?: number; blocking?: boolean } = {},
): FnSpec {
  return { params, run, required: opts.required ?? params.length, blocking: opts.blocking };
}
