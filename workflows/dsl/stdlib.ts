/**
 * Standard-library names of Cloud Workflows, with their argument names in declaration order.
 * Sources: the stdlib reference pages and the ts2workflows typings derived from them.
 */
export interface FunctionSignature {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

function sig<const R extends readonly string[], const O extends readonly string[] = readonly []>(
  required: R,
  optional?: O,
): { readonly required: R; readonly optional: O } {
  return { required, optional: optional ?? ([] as unknown as O) };
}

// http.get carries no body.
const httpGetOptional = [
  'timeout',
  'headers',
  'query',
  'auth',
  'private_service_name',
  'ca_certificate',
] as const;
const httpOptional = [
  'timeout',
  'body',
  'headers',
  'query',
  'auth',
  'private_service_name',
  'ca_certificate',
] as const;

/** Functions that block the execution: allowed in `call` steps only, never inside an expression. */
export const BLOCKING_FUNCTIONS = {
  'http.get': sig(['url'], httpGetOptional),
  'http.post': sig(['url'], httpOptional),
  'http.put': sig(['url'], httpOptional),
  'http.patch': sig(['url'], httpOptional),
  'http.delete': sig(['url'], httpOptional),
  'http.request': sig(['method', 'url'], httpOptional),
  'sys.log': sig([], ['data', 'severity', 'text', 'json', 'timeout']),
  'sys.sleep': sig(['seconds']),
  'sys.sleep_until': sig(['time']),
  'events.create_callback_endpoint': sig([], ['http_callback_method']),
  'events.await_callback': sig(['callback'], ['timeout']),
} as const satisfies Record<string, FunctionSignature>;

/** Functions usable both in expressions (positional arguments) and in `call` steps (named arguments). */
export const PURE_FUNCTIONS = {
  'base64.decode': sig(['data'], ['padding']),
  'base64.encode': sig(['data'], ['padding']),
  'hash.compute_checksum': sig(['data', 'algorithm']),
  'hash.compute_hmac': sig(['key', 'data', 'algorithm']),
  'json.decode': sig(['data']),
  'json.encode': sig(['data'], ['indent']),
  'json.encode_to_string': sig(['data'], ['indent']),
  'list.concat': sig(['objs', 'val']),
  'list.prepend': sig(['objs', 'val']),
  'map.get': sig(['map', 'keys']),
  'map.delete': sig(['map', 'key']),
  'map.merge': sig(['first', 'second']),
  'map.merge_nested': sig(['first', 'second']),
  'math.abs': sig(['x']),
  'math.max': sig(['x', 'y']),
  'math.min': sig(['x', 'y']),
  'sys.get_env': sig(['name'], ['default']),
  'sys.now': sig([]),
  'text.decode': sig(['data'], ['charset']),
  'text.encode': sig(['text'], ['charset']),
  'text.find_all': sig(['source', 'substr']),
  'text.find_all_regex': sig(['source', 'regexp']),
  'text.match_regex': sig(['source', 'regexp']),
  'text.replace_all': sig(['source', 'substr', 'repl']),
  'text.replace_all_regex': sig(['source', 'substr', 'repl']),
  'text.split': sig(['source', 'separator']),
  'text.substring': sig(['source', 'start', 'end']),
  'text.to_lower': sig(['source']),
  'text.to_upper': sig(['source']),
  'text.url_decode': sig(['source']),
  'text.url_encode': sig(['source']),
  'text.url_encode_plus': sig(['source']),
  'time.format': sig(['seconds'], ['timezone']),
  'time.parse': sig(['value']),
  'uuid.generate': sig([]),
} as const satisfies Record<string, FunctionSignature>;

/** Expression helpers (no module prefix); expressions only. */
export const EXPRESSION_HELPERS = {
  int: sig(['value']),
  double: sig(['value']),
  string: sig(['value']),
  keys: sig(['map']),
  len: sig(['value']),
  default: sig(['value', 'fallback']),
  if: sig(['condition', 'if_true', 'if_false']),
  get_type: sig(['value']),
} as const satisfies Record<string, FunctionSignature>;

/** Named values of the standard library that are used as `${name}`: retry policies, predicates, backoff. */
export const BUILTIN_VALUES = [
  'http.default_retry',
  'http.default_retry_non_idempotent',
  'http.default_retry_predicate',
  'http.default_retry_predicate_non_idempotent',
  'retry.always',
  'retry.never',
  'retry.default_backoff',
] as const;

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

/** Module prefixes of the standard library; a dotted name under one of them must be in the tables above. */
export const STDLIB_MODULES = [
  'base64',
  'events',
  'experimental',
  'hash',
  'http',
  'json',
  'list',
  'map',
  'math',
  'retry',
  'sys',
  'text',
  'time',
  'uuid',
] as const;

export const CONNECTOR_PREFIX = 'googleapis.';
