import { Expr, isIdentifier, toExpr } from './expr';
import type { ValueInput } from './expr';
import type { StdlibArgs, StdlibCallName } from './stdlib';
import type { Subworkflow } from './workflow';

/** A step name, a step object, or one of the reserved targets. */
export type JumpTarget = 'end' | 'break' | 'continue' | (string & Record<never, never>) | Step;

export const RESERVED_TARGETS = ['end', 'break', 'continue'] as const;

interface Named {
  readonly name: string;
}

interface Jumps {
  readonly next?: JumpTarget;
}

/** Assignment target: a variable name, a dotted path (`a.b.c`), or a member/index chain on `v(...)`. */
export type AssignTarget = string | Expr;

export interface AssignStep extends Named, Jumps {
  readonly kind: 'assign';
  readonly entries: readonly (readonly [AssignTarget, ValueInput])[];
}

export interface ConnectorParams {
  /** Seconds the whole connector call may take. */
  readonly timeout?: number | Expr;
  readonly pollingPolicy?: {
    readonly initialDelay?: number | Expr;
    readonly multiplier?: number | Expr;
    readonly maxDelay?: number | Expr;
  };
  readonly skipPolling?: boolean | Expr;
  readonly scopes?: string | readonly string[];
}

export interface CallStep extends Named, Jumps {
  readonly kind: 'call';
  /** A stdlib function, a connector (`googleapis.…`) or a subworkflow name. */
  readonly fn: string;
  readonly args?: { readonly [name: string]: ValueInput };
  readonly result?: string;
  readonly connectorParams?: ConnectorParams;
}

export interface SwitchCondition {
  readonly condition: Expr | boolean;
  readonly next?: JumpTarget;
  readonly steps?: readonly Step[];
  readonly return?: ValueInput;
  readonly raise?: ValueInput;
}

export interface SwitchStep extends Named, Jumps {
  readonly kind: 'switch';
  readonly conditions: readonly SwitchCondition[];
}

/** A `for` loop body: iterate `in` a list or over an inclusive numeric `range`. */
export type ForLoop = {
  readonly value: string;
  readonly index?: string;
  readonly steps: readonly Step[];
} & (
  | { readonly in: ValueInput; readonly range?: never }
  | { readonly range: readonly [ValueInput, ValueInput]; readonly in?: never }
);

export interface ForStep extends Named, Jumps {
  readonly kind: 'for';
  readonly loop: ForLoop;
}

export interface Branch extends Named {
  readonly steps: readonly Step[];
}

export interface ParallelOptions extends Jumps {
  /** Parent variables the branches may assign; they must exist before the parallel step. Default none. */
  readonly shared?: readonly string[];
  /** How many branches or iterations run at once; default: Workflows' own limit (LIMITS.parallelConcurrency). */
  readonly concurrencyLimit?: number | Expr;
  /**
   * `continueAll`, the default and the only policy Google's parallel-steps page
   * (https://cloud.google.com/workflows/docs/reference/syntax/parallel-steps) supports: writing it or leaving
   * it out is the same. A failed branch or iteration does not stop the others; once all have ended the step
   * raises one UnhandledBranchError whose `branches` lists `{id, error}` per failure (`id`: branch name or
   * iteration index), which an `except` around the step sees together with every shared write. A branch
   * cannot `return` or `next: end`, and a parallel for cannot `break` (deploy errors; `continue` ends one
   * iteration).
   */
  readonly exceptionPolicy?: 'continueAll';
}

export interface ParallelStep extends Named, ParallelOptions {
  readonly kind: 'parallel';
  readonly branches?: readonly Branch[];
  readonly for?: ForLoop;
}

export interface Backoff {
  readonly initialDelay: number | Expr;
  readonly maxDelay: number | Expr;
  readonly multiplier: number | Expr;
}

/**
 * A retry block. `predicate` is an expression such as builtin('http.default_retry_predicate'), or a
 * subworkflow (object or name) taking the error as its single parameter and returning a boolean.
 */
export interface RetryConfig {
  readonly predicate: Expr | Subworkflow | string;
  readonly maxRetries: number | Expr;
  readonly backoff: Backoff;
}

/** A policy expression (builtin('http.default_retry')) or a retry block. */
export type Retry = Expr | RetryConfig;

export interface ExceptBlock {
  readonly as?: string;
  readonly steps: readonly Step[];
}

export interface TryStep extends Named, Jumps {
  readonly kind: 'try';
  readonly steps: readonly Step[];
  readonly retry?: Retry;
  readonly except?: ExceptBlock;
}

export interface RaiseStep extends Named {
  readonly kind: 'raise';
  readonly value: ValueInput;
}

export interface ReturnStep extends Named {
  readonly kind: 'return';
  readonly value: ValueInput;
}

export interface StepsStep extends Named, Jumps {
  readonly kind: 'steps';
  readonly steps: readonly Step[];
}

export interface JumpStep extends Named {
  readonly kind: 'jump';
  readonly next: JumpTarget;
}

export type Step =
  | AssignStep
  | CallStep
  | SwitchStep
  | ForStep
  | ParallelStep
  | TryStep
  | RaiseStep
  | ReturnStep
  | StepsStep
  | JumpStep;

const STEP_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function checkName(name: string, what = 'step'): void {
  if (!STEP_NAME.test(name)) {
    throw new Error(`invalid ${what} name ${JSON.stringify(name)}: use letters, digits, '_' or '-'`);
  }
  if ((RESERVED_TARGETS as readonly string[]).includes(name)) {
    throw new Error(`${what} name ${JSON.stringify(name)} is reserved for jumps`);
  }
}

function checkVariable(name: string, where: string): void {
  if (!isIdentifier(name)) throw new Error(`${where}: invalid variable name ${JSON.stringify(name)}`);
}

/**
 * Checks a value at construction time: everything must lift to an Expr, and a map key cannot start with
 * `${` because Workflows would read it as an expression key.
 */
function checkValue(value: ValueInput, where: string): void {
  try {
    toExpr(value);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`, { cause: e });
  }
  visitKeys(value, where);
}

function visitKeys(value: ValueInput, where: string): void {
  if (value instanceof Expr || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    (value as readonly ValueInput[]).forEach((item, i) => visitKeys(item, `${where}[${i}]`));
    return;
  }
  for (const [k, x] of Object.entries(value as Record<string, ValueInput | undefined>)) {
    if (x === undefined) continue;
    if (k.trimStart().startsWith('${')) {
      throw new Error(`${where}: map key ${JSON.stringify(k)} would be read as an expression key`);
    }
    visitKeys(x, `${where}.${k}`);
  }
}

const TARGET_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * assign('init', { project: fn('sys.get_env', 'GOOGLE_CLOUD_PROJECT_ID'), rows: [] })
 * Entries are written in order; use the list form for targets that are expressions:
 * assign('put', [[v('m').at(v('key')), 1]]).
 */
export function assign(
  name: string,
  entries: { readonly [target: string]: ValueInput } | readonly (readonly [AssignTarget, ValueInput])[],
  options: Jumps = {},
): AssignStep {
  checkName(name);
  const list = Array.isArray(entries)
    ? (entries as readonly (readonly [AssignTarget, ValueInput])[])
    : Object.entries(entries as Record<string, ValueInput>);
  for (const [target, value] of list) {
    if (typeof target === 'string' && (!TARGET_PATH.test(target) || !isIdentifier(target.split('.')[0]))) {
      throw new Error(
        `step ${name}: invalid assignment target ${JSON.stringify(target)}; use v(...).at(...)`,
      );
    }
    if (target instanceof Expr && !isAssignable(target)) {
      throw new Error(`step ${name}: assignment target ${target.source} is not a variable, member or index`);
    }
    checkValue(value, `step ${name}, ${typeof target === 'string' ? target : target.source}`);
  }
  return { kind: 'assign', name, entries: list, ...options };
}

function isAssignable(target: Expr): boolean {
  let node = target.node;
  while (node.kind === 'member' || node.kind === 'index') node = node.object;
  return node.kind === 'var';
}

/** Options of a call step; for a stdlib function given as a literal, `args` is typed from its signature. */
export type CallOptions<F extends string> = Omit<CallStep, 'kind' | 'name' | 'fn' | 'args'> & {
  readonly args?: F extends StdlibCallName
    ? StdlibArgs<F, ValueInput>
    : { readonly [name: string]: ValueInput | undefined };
};

/**
 * call('get_job', 'googleapis.bigquery.v2.jobs.get', { args: { projectId, jobId }, result: 'job' })
 * `fn` is a stdlib name, a connector, or a subworkflow (its object or its name).
 */
export function call<F extends string>(
  name: string,
  fn: F | Subworkflow,
  options: CallOptions<F> = {},
): CallStep {
  checkName(name);
  if (options.result !== undefined) checkVariable(options.result, `step ${name}, result`);
  const { args, ...rest } = options;
  // Arguments given as undefined are left out, so optional ones can be written inline.
  const given = Object.entries((args ?? {}) as Record<string, ValueInput | undefined>).filter(
    (entry): entry is [string, ValueInput] => entry[1] !== undefined,
  );
  for (const [arg, value] of given) checkValue(value, `step ${name}, arg ${arg}`);
  return {
    kind: 'call',
    name,
    fn: typeof fn === 'string' ? fn : fn.name,
    ...(args !== undefined ? { args: Object.fromEntries(given) } : {}),
    ...rest,
  };
}

/** One branch of a switch: when(v('n').gt(0), { next: 'positive' }), or with steps / return / raise. */
export function when(condition: Expr | boolean, body: Omit<SwitchCondition, 'condition'>): SwitchCondition {
  if (body.return !== undefined) checkValue(body.return, 'switch condition return');
  if (body.raise !== undefined) checkValue(body.raise, 'switch condition raise');
  return { condition, ...body };
}

export function switchStep(
  name: string,
  conditions: readonly SwitchCondition[],
  options: Jumps = {},
): SwitchStep {
  checkName(name);
  return { kind: 'switch', name, conditions, ...options };
}

function checkLoop(loop: ForLoop, name: string): void {
  checkVariable(loop.value, `step ${name}, loop value`);
  if (loop.index !== undefined) checkVariable(loop.index, `step ${name}, loop index`);
  if (loop.in !== undefined) checkValue(loop.in, `step ${name}, in`);
  else loop.range.forEach((bound) => checkValue(bound, `step ${name}, range`));
}

function forStep(name: string, full: ForLoop, options: Jumps): ForStep {
  checkName(name);
  checkLoop(full, name);
  return { kind: 'for', name, loop: full, ...options };
}

/** forIn('each_table', { value: 'table', in: v('tables') }, [ ...steps ]) */
export function forIn(
  name: string,
  loop: { readonly value: string; readonly index?: string; readonly in: ValueInput },
  steps: readonly Step[],
  options: Jumps = {},
): ForStep {
  return forStep(name, { ...loop, steps }, options);
}

/** forRange('retry_loop', { value: 'i', range: [1, v('n')] }, [ ...steps ]); both ends inclusive. */
export function forRange(
  name: string,
  loop: {
    readonly value: string;
    readonly index?: string;
    readonly range: readonly [ValueInput, ValueInput];
  },
  steps: readonly Step[],
  options: Jumps = {},
): ForStep {
  return forStep(name, { ...loop, steps }, options);
}

export function branch(name: string, steps: readonly Step[]): Branch {
  checkName(name, 'branch');
  return { name, steps };
}

/** parallel('load', [branch('train', [...]), branch('eval', [...])], { shared: ['counts'] }) */
export function parallel(
  name: string,
  branches: readonly Branch[],
  options: ParallelOptions = {},
): ParallelStep {
  checkName(name);
  options.shared?.forEach((s) => checkVariable(s, `step ${name}, shared`));
  return { kind: 'parallel', name, branches, ...options };
}

/** parallelFor('score', { value: 'row', in: v('rows') }, [ ...steps ], { concurrencyLimit: 5 }) */
export function parallelFor(
  name: string,
  loop: { readonly value: string; readonly index?: string } & (
    | { readonly in: ValueInput; readonly range?: never }
    | { readonly range: readonly [ValueInput, ValueInput]; readonly in?: never }
  ),
  steps: readonly Step[],
  options: ParallelOptions = {},
): ParallelStep {
  checkName(name);
  const full = { ...loop, steps } as ForLoop;
  checkLoop(full, name);
  options.shared?.forEach((s) => checkVariable(s, `step ${name}, shared`));
  return { kind: 'parallel', name, for: full, ...options };
}

/** tryStep('load', [ ...steps ], { retry: builtin('http.default_retry'), except: { as: 'e', steps: [...] } }) */
export function tryStep(
  name: string,
  steps: readonly Step[],
  options: { readonly retry?: Retry; readonly except?: ExceptBlock } & Jumps = {},
): TryStep {
  checkName(name);
  if (options.except?.as !== undefined) checkVariable(options.except.as, `step ${name}, except.as`);
  return { kind: 'try', name, steps, ...options };
}

export function raiseStep(name: string, value: ValueInput): RaiseStep {
  checkName(name);
  checkValue(value, `step ${name}, raise`);
  return { kind: 'raise', name, value };
}

export function returnStep(name: string, value: ValueInput): ReturnStep {
  checkName(name);
  checkValue(value, `step ${name}, return`);
  return { kind: 'return', name, value };
}

/** A named group of steps; variables assigned inside stay visible afterwards. */
export function group(name: string, steps: readonly Step[], options: Jumps = {}): StepsStep {
  checkName(name);
  return { kind: 'steps', name, steps, ...options };
}

/** A step that only jumps. */
export function jump(name: string, next: JumpTarget): JumpStep {
  checkName(name);
  return { kind: 'jump', name, next };
}

export function targetName(target: JumpTarget): string {
  return typeof target === 'string' ? target : target.name;
}
