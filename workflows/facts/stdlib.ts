/**
 * The Cloud Workflows standard library, declared once: every function's argument names (in the positional
 * order expressions use), how many of them are required, what it returns and where it may be called. The
 * DSL's checks and the local interpreter both read this table; a test fails if either side knows a function
 * that is not here. Sources: the standard-library reference pages
 * (https://cloud.google.com/workflows/docs/reference/stdlib/overview) and the expression helpers page
 * (https://cloud.google.com/workflows/docs/reference/stdlib/expression-helpers).
 */

/** A Workflows type name as `get_type()` reports it; `number` is integer or double, `any` is any value. */
export type ResultType =
  'any' | 'boolean' | 'bytes' | 'double' | 'integer' | 'list' | 'map' | 'null' | 'number' | 'string';

/**
 * Where a function may be used: `helper` (expression helper, no module prefix, expressions only),
 * `pure` (expressions and `call` steps) or `blocking` (`call` steps only: HTTP, sleep, log, callbacks).
 */
export type FunctionKind = 'blocking' | 'helper' | 'pure';

export interface FunctionFact {
  readonly kind: FunctionKind;
  /** Required argument names, in positional order. */
  readonly required: readonly string[];
  /** Optional argument names, after the required ones. */
  readonly optional: readonly string[];
  readonly returns: ResultType;
}

function fact<
  const K extends FunctionKind,
  const R extends readonly string[],
  const O extends readonly string[] = readonly [],
>(
  kind: K,
  returns: ResultType,
  required: R,
  optional?: O,
): { readonly kind: K; readonly returns: ResultType; readonly required: R; readonly optional: O } {
  return { kind, returns, required, optional: optional ?? ([] as unknown as O) };
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

export const FUNCTIONS = {
  // Expression helpers.
  int: fact('helper', 'integer', ['value']),
  double: fact('helper', 'double', ['value']),
  string: fact('helper', 'string', ['value']),
  keys: fact('helper', 'list', ['map']),
  len: fact('helper', 'integer', ['value']),
  default: fact('helper', 'any', ['value', 'fallback']),
  if: fact('helper', 'any', ['condition', 'if_true', 'if_false']),
  get_type: fact('helper', 'string', ['value']),

  // Blocking: `call` steps only.
  'http.get': fact('blocking', 'map', ['url'], httpGetOptional),
  'http.post': fact('blocking', 'map', ['url'], httpOptional),
  'http.put': fact('blocking', 'map', ['url'], httpOptional),
  'http.patch': fact('blocking', 'map', ['url'], httpOptional),
  'http.delete': fact('blocking', 'map', ['url'], httpOptional),
  'http.request': fact('blocking', 'map', ['method', 'url'], httpOptional),
  'sys.log': fact('blocking', 'null', [], ['data', 'severity', 'text', 'json', 'timeout']),
  'sys.sleep': fact('blocking', 'null', ['seconds']),
  'sys.sleep_until': fact('blocking', 'null', ['time']),
  'events.create_callback_endpoint': fact('blocking', 'map', [], ['http_callback_method']),
  'events.await_callback': fact('blocking', 'map', ['callback'], ['timeout']),

  // Pure: expressions and `call` steps.
  'base64.decode': fact('pure', 'bytes', ['data'], ['padding']),
  'base64.encode': fact('pure', 'string', ['data'], ['padding']),
  'hash.compute_checksum': fact('pure', 'bytes', ['data', 'algorithm']),
  'hash.compute_hmac': fact('pure', 'bytes', ['key', 'data', 'algorithm']),
  'http.default_retry_predicate': fact('pure', 'boolean', ['exception']),
  'http.default_retry_predicate_non_idempotent': fact('pure', 'boolean', ['exception']),
  'json.decode': fact('pure', 'any', ['data']),
  'json.encode': fact('pure', 'bytes', ['data'], ['indent']),
  'json.encode_to_string': fact('pure', 'string', ['data'], ['indent']),
  'list.concat': fact('pure', 'list', ['objs', 'val']),
  'list.prepend': fact('pure', 'list', ['objs', 'val']),
  'map.get': fact('pure', 'any', ['map', 'keys']),
  'map.delete': fact('pure', 'map', ['map', 'key']),
  'map.merge': fact('pure', 'map', ['first', 'second']),
  'map.merge_nested': fact('pure', 'map', ['first', 'second']),
  'math.abs': fact('pure', 'number', ['x']),
  'math.max': fact('pure', 'number', ['x', 'y']),
  'math.min': fact('pure', 'number', ['x', 'y']),
  'retry.always': fact('pure', 'boolean', ['exception']),
  'retry.never': fact('pure', 'boolean', ['exception']),
  'sys.get_env': fact('pure', 'string', ['name'], ['default']),
  'sys.now': fact('pure', 'double', []),
  'text.decode': fact('pure', 'string', ['data'], ['charset']),
  'text.encode': fact('pure', 'bytes', ['text'], ['charset']),
  'text.find_all': fact('pure', 'list', ['source', 'substr']),
  'text.find_all_regex': fact('pure', 'list', ['source', 'regexp']),
  'text.match_regex': fact('pure', 'boolean', ['source', 'regexp']),
  'text.replace_all': fact('pure', 'string', ['source', 'substr', 'repl']),
  // https://cloud.google.com/workflows/docs/reference/stdlib/text/replace_all_regex
  'text.replace_all_regex': fact('pure', 'string', ['source', 'regexp', 'repl']),
  'text.split': fact('pure', 'list', ['source', 'separator']),
  'text.substring': fact('pure', 'string', ['source', 'start', 'end']),
  'text.to_lower': fact('pure', 'string', ['source']),
  'text.to_upper': fact('pure', 'string', ['source']),
  'text.url_decode': fact('pure', 'string', ['source']),
  'text.url_encode': fact('pure', 'string', ['source']),
  'text.url_encode_plus': fact('pure', 'string', ['source']),
  'time.format': fact('pure', 'string', ['seconds'], ['timezone']),
  'time.parse': fact('pure', 'double', ['value']),
  'uuid.generate': fact('pure', 'string', []),
} as const satisfies Record<string, FunctionFact>;

export type FunctionName = keyof typeof FUNCTIONS;

/**
 * Names of the standard library that are values, not functions: the retry policies and the default backoff
 * (`retry: ${http.default_retry}`, `backoff: ${retry.default_backoff}`). Functions can be referenced as values
 * too (`predicate: ${http.default_retry_predicate}`).
 */
export const NAMED_VALUES = [
  'http.default_retry',
  'http.default_retry_non_idempotent',
  'retry.default_backoff',
] as const;

export type NamedValue = (typeof NAMED_VALUES)[number];

/**
 * Module prefixes of the standard library. A dotted name under one of them must be in the tables above, and
 * no variable may be named after one: `text.match_regex(...)` would then read the variable.
 */
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

/** The fact of a function, or undefined (own properties only, so `toString` is not a function). */
export function functionFact(name: string): FunctionFact | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? (FUNCTIONS as Record<string, FunctionFact>)[name] : undefined;
}
