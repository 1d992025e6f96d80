import { FUNCTIONS, functionFact } from '../../workflows/facts';
import type { ExecutionCallbacks } from './callbacks';
import type { Clock } from './clock';
import type { RuntimeValue } from './values';

/** What a standard-library function may use from the running execution. */
export interface FnContext {
  clock: Clock;
  env: Record<string, string>;
  signal: AbortSignal;
  log(severity: string, payload: RuntimeValue): void;
  httpFetch: typeof fetch;
  /** The execution's callback endpoints, when a callback server runs (`bqtune emulator`). */
  callbacks?: ExecutionCallbacks;
}

/**
 * The code of a built-in function: arguments arrive in the positional order of its fact (omitted optional
 * ones as `undefined`); it returns the result or raises a WorkflowError.
 */
export type FnRun = (
  args: (RuntimeValue | undefined)[],
  ctx: FnContext,
) => RuntimeValue | Promise<RuntimeValue>;

/** The implementations of one group of functions, by name. Each name must be in the table of facts. */
export type FnImplementations = Record<string, FnRun>;

/**
 * A built-in function as the interpreter runs it: its signature from the one table of Workflows facts
 * (`workflows/facts/stdlib.ts`) and its implementation. `params` are the argument names of a `call` step, in
 * the positional order used inside expressions; the first `required` of them must be given. Blocking
 * functions (HTTP, sleep, log, callbacks) may only be used from `call` steps, as on Google.
 */
export interface FnSpec {
  params: readonly string[];
  required: number;
  blocking: boolean;
  run: FnRun;
}

export type FnTable = Record<string, FnSpec>;

/**
 * Joins implementations with their facts. Throws (at load time) when an implementation has no fact, so the
 * interpreter cannot know a function the DSL's checks do not.
 */
export function functionTable(implementations: FnImplementations): FnTable {
  const table: FnTable = {};
  for (const [name, run] of Object.entries(implementations)) {
    const fact = functionFact(name);
    if (!fact) throw new Error(`built-in ${name} is not in the table of Workflows facts`);
    table[name] = {
      params: [...fact.required, ...fact.optional],
      required: fact.required.length,
      blocking: fact.kind === 'blocking',
      run,
    };
  }
  return table;
}

/** The argument names of a function in the table of facts, in positional order. */
export function paramsOf(name: keyof typeof FUNCTIONS): readonly string[] {
  const fact = FUNCTIONS[name];
  return [...fact.required, ...fact.optional];
}
