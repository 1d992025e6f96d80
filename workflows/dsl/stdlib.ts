import { FUNCTIONS, NAMED_VALUES, type FunctionFact, type FunctionKind } from '../facts';

/**
 * The standard library as the DSL sees it: the one table of Workflows facts (`workflows/facts/`), split by
 * where a function may be used, with literal argument names so that a misspelt argument fails to compile.
 */
export type FunctionSignature = Pick<FunctionFact, 'required' | 'optional'>;

type Facts = typeof FUNCTIONS;
type OfKind<K extends FunctionKind> = {
  [N in keyof Facts as Facts[N]['kind'] extends K ? N : never]: Facts[N];
};

function ofKind<K extends FunctionKind>(kind: K): OfKind<K> {
  return Object.fromEntries(Object.entries(FUNCTIONS).filter(([, f]) => f.kind === kind)) as OfKind<K>;
}

/** Functions that block the execution: allowed in `call` steps only, never inside an expression. */
export const BLOCKING_FUNCTIONS = ofKind('blocking');

/** Functions usable both in expressions (positional arguments) and in `call` steps (named arguments). */
export const PURE_FUNCTIONS = ofKind('pure');

/** Expression helpers (no module prefix); expressions only. */
export const EXPRESSION_HELPERS = ofKind('helper');

/** Functions that take one error map: usable as a retry `predicate` by reference. */
type RetryPredicate = {
  [N in keyof Facts]: Facts[N]['required'] extends readonly ['exception'] ? N : never;
}[keyof Facts];

const RETRY_PREDICATES = Object.entries(FUNCTIONS)
  .filter(([, f]) => f.required.length === 1 && f.required[0] === 'exception')
  .map(([name]) => name as RetryPredicate);

/**
 * Standard-library names used as `${name}`: the named values (retry policies, backoff) and the functions a
 * retry predicate may reference.
 */
export const BUILTIN_VALUES: readonly (RetryPredicate | (typeof NAMED_VALUES)[number])[] = [
  ...NAMED_VALUES,
  ...RETRY_PREDICATES,
];

export type BlockingFunction = keyof typeof BLOCKING_FUNCTIONS;
export type PureFunction = keyof typeof PURE_FUNCTIONS;
export type ExpressionHelper = keyof typeof EXPRESSION_HELPERS;
export type StdlibCallName = BlockingFunction | PureFunction;
export type BuiltinValue = (typeof BUILTIN_VALUES)[number];

type Signature<F extends StdlibCallName> = F extends BlockingFunction
  ? (typeof BLOCKING_FUNCTIONS)[F]
  : F extends PureFunction
    ? (typeof PURE_FUNCTIONS)[F]
    : never;

/** Named arguments of a stdlib function, required ones required: typos fail at compile time. */
export type StdlibArgs<F extends StdlibCallName, V> = {
  readonly [K in Signature<F>['required'][number]]: V;
} & {
  readonly [K in Signature<F>['optional'][number]]?: V;
};

/** Signature of a function callable from a `call` step, or undefined when it is not a stdlib name. */
export function callSignature(name: string): FunctionSignature | undefined {
  return lookup(BLOCKING_FUNCTIONS, name) ?? lookup(PURE_FUNCTIONS, name);
}

/** Own-property lookup, so that names like `toString` are not found on the prototype. */
export function lookup<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

export { STDLIB_MODULES } from '../facts';

export const CONNECTOR_PREFIX = 'googleapis.';
