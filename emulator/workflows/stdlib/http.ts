import { errorTags, errorValue, Tag, wfError, WorkflowError } from '../errors';
import type { FnContext, FnImplementations, FnRun } from '../functions';
import { paramsOf } from '../functions';
import { encodeJson, parseJson } from '../json-values';
import { scalarText } from '../operators';
import type { RuntimeValue, WfMap } from '../values';
import { isMap } from '../values';
import { map, num, optional, str } from './args';
import { CALL_DEFAULTS, LIMITS } from '../../../workflows/facts';

function queryString(fnName: string, query: WfMap): string {
  const params = new URLSearchParams();
  for (const [k, v] of query) {
    for (const item of Array.isArray(v) ? v : [v]) {
      const textValue = scalarText(item);
      if (textValue === undefined)
        throw wfError(Tag.TypeError, `${fnName}: query value for ${k} must be a scalar`);
      params.append(k, textValue);
    }
  }
  return params.toString();
}

function requestBody(
  fnName: string,
  body: RuntimeValue,
  headers: Record<string, string>,
): string | Uint8Array | undefined {
  if (body === null) return undefined;
  if (body instanceof Uint8Array) return body;
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  if (typeof body === 'string' && type !== undefined && !type.includes('json')) return body;
  if (type === undefined) headers['Content-Type'] = 'application/json';
  try {
    return encodeJson(body);
  } catch (e) {
    throw wfError(Tag.TypeError, `${fnName}: body is not JSON-encodable: ${(e as Error).message}`);
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code;
}

async function request(
  fnName: string,
  method: string,
  args: Record<string, RuntimeValue | undefined>,
  ctx: FnContext,
): Promise<RuntimeValue> {
  const url = new URL(str(fnName, 'url', args.url));
  const q = optional(args.query, (x) => map(fnName, 'query', x));
  if (q) url.search = [url.search.slice(1), queryString(fnName, q)].filter(Boolean).join('&');
  const headers: Record<string, string> = {};
  for (const [k, v] of optional(args.headers, (x) => map(fnName, 'headers', x)) ?? new Map()) {
    const textValue = scalarText(v);
    if (textValue === undefined) throw wfError(Tag.TypeError, `${fnName}: header ${k} must be a scalar`);
    headers[k] = textValue;
  }
  const body = requestBody(fnName, args.body ?? null, headers);
  const timeout = Number(
    optional(args.timeout, (x) => num(fnName, 'timeout', x)) ?? CALL_DEFAULTS.httpTimeoutSeconds,
  );
  if (timeout <= 0 || timeout > LIMITS.httpTimeoutSeconds) {
    throw wfError(
      Tag.ValueError,
      `${fnName}: timeout must be between 0 and ${LIMITS.httpTimeoutSeconds} seconds`,
    );
  }
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(timeout * 1000)]);
  const transportError = (error: unknown) => {
    if (ctx.signal.aborted) return error;
    if ((error as Error).name === 'TimeoutError')
      return wfError(Tag.TimeoutError, `${fnName}: ${url.host} timed out`);
    const code = causeCode(error);
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return wfError(Tag.ConnectionFailedError, `${fnName}: cannot connect to ${url.host} (${code})`);
    }
    return wfError(
      Tag.ConnectionError,
      `${fnName}: connection to ${url.host} failed: ${(error as Error).message}`,
    );
  };
  let res: Response;
  let raw: Uint8Array;
  // The request's host time is not the workflow's virtual time: the clock stays still while it runs.
  const release = ctx.clock.hold();
  try {
    res = await ctx.httpFetch(url, { method, headers, body, signal });
    raw = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw transportError(e);
  } finally {
    release();
  }
  if (raw.length > LIMITS.httpResponseBytes) {
    throw wfError(
      Tag.ResourceLimitError,
      `${fnName}: response of ${raw.length} bytes exceeds the 2 MB limit`,
    );
  }
  const responseHeaders: WfMap = new Map();
  res.headers.forEach((v, k) => responseHeaders.set(k.toLowerCase(), v));
  const type = res.headers.get('content-type') ?? '';
  let decoded: RuntimeValue = raw;
  if (/json/i.test(type)) {
    try {
      decoded = parseJson(Buffer.from(raw).toString('utf8'));
    } catch {
      decoded = Buffer.from(raw).toString('utf8');
    }
  } else if (type === '' || /^text\/|xml|x-www-form-urlencoded/i.test(type)) {
    decoded = Buffer.from(raw).toString('utf8');
  }
  const response: WfMap = new Map<string, RuntimeValue>([
    ['body', decoded],
    ['code', BigInt(res.status)],
    ['headers', responseHeaders],
  ]);
  if (res.status < 200 || res.status >= 300) {
    const error = errorValue(Tag.HttpError, `HTTP server responded with error code ${res.status}`);
    for (const [k, v] of response) error.set(k, v);
    throw new WorkflowError(error);
  }
  return response;
}

function verb(name: 'http.get' | 'http.delete' | 'http.post' | 'http.put' | 'http.patch'): FnRun {
  const params = paramsOf(name);
  const method = name.slice('http.'.length).toUpperCase();
  return (args, ctx) => request(name, method, named(params, args), ctx);
}

function named(
  params: readonly string[],
  args: (RuntimeValue | undefined)[],
): Record<string, RuntimeValue | undefined> {
  return Object.fromEntries(params.map((p, i) => [p, args[i]]));
}

function errorCode(error: RuntimeValue): bigint | undefined {
  if (!isMap(error)) return undefined;
  const code = error.get('code');
  return typeof code === 'bigint' ? code : typeof code === 'number' ? BigInt(Math.trunc(code)) : undefined;
}

/** http.default_retry_predicate: 429, 502, 503, 504 and connection/timeout errors. */
function defaultRetryPredicate(error: RuntimeValue): boolean {
  const tags = errorTags(error);
  const transient: string[] = [Tag.ConnectionError, Tag.ConnectionFailedError, Tag.TimeoutError];
  if (tags.some((t) => transient.includes(t))) return true;
  const code = errorCode(error);
  return tags.includes(Tag.HttpError) && code !== undefined && [429n, 502n, 503n, 504n].includes(code);
}

/** http.default_retry_predicate_non_idempotent: only responses that say the request was not processed. */
function nonIdempotentRetryPredicate(error: RuntimeValue): boolean {
  const code = errorCode(error);
  return errorTags(error).includes(Tag.HttpError) && code !== undefined && [429n, 503n].includes(code);
}

const predicateArg =
  (name: string, run: (e: RuntimeValue) => boolean): FnRun =>
  ([e]) => {
    if (e === undefined) throw wfError(Tag.TypeError, `${name}: missing argument`);
    return run(e);
  };

export const http: FnImplementations = {
  'http.get': verb('http.get'),
  'http.delete': verb('http.delete'),
  'http.post': verb('http.post'),
  'http.put': verb('http.put'),
  'http.patch': verb('http.patch'),
  'http.request': ([m, ...rest], ctx) => {
    // Every argument after `method`, in the fact's order.
    const method = str('http.request', 'method', m).toUpperCase();
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(method)) {
      throw wfError(Tag.ValueError, `http.request: unsupported method ${method}`);
    }
    return request('http.request', method, named(paramsOf('http.request').slice(1), rest), ctx);
  },
  'http.default_retry_predicate': predicateArg('http.default_retry_predicate', defaultRetryPredicate),
  'http.default_retry_predicate_non_idempotent': predicateArg(
    'http.default_retry_predicate_non_idempotent',
    nonIdempotentRetryPredicate,
  ),
  'retry.always': predicateArg('retry.always', () => true),
  'retry.never': predicateArg('retry.never', () => false),
};
