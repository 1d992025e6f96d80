import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { CallbackHub } from './callbacks';
import type { Clock } from './clock';
import type { ConnectorRegistry } from './connector-types';
import { parseJson } from './json-values';
import type { Value } from './values';
import { LIMITS } from '../../workflows/facts';
import type { RunResult, RunningExecution } from './run';
import { parseWorkflowSource, runWorkflow } from './run';
import { writeFileAtomic } from './write-atomic';

/** What an execution runs against; opened when it starts and released when it has ended. */
export interface ExecutionSession {
  connectors: ConnectorRegistry;
  /** Called once the execution has ended, before `release`, e.g. to record it. */
  finished?(execution: FinishedExecution): Promise<void>;
  release(): Promise<void>;
}

export interface FinishedExecution {
  workflow: string;
  executionId: string;
  /** The argument as JSON text ('' when none was given). */
  argument: string;
  startTime: Date;
  endTime: Date;
  outcome: RunResult;
}

export interface ExecutionsServerOptions {
  /** TCP port to listen on; 0 (the default) picks a free port. */
  port?: number;
  /** A loopback address; the server never listens elsewhere. Default `127.0.0.1`. */
  host?: '127.0.0.1' | '::1';
  /** Every `NAME.yaml` / `NAME.yml` / `NAME.json` here is served as workflow NAME. */
  workflowsDir: string;
  /** The bearer token every request must carry (`Authorization: Bearer TOKEN`). */
  token: string;
  /** Opens what each execution needs (default: no connectors). */
  openSession?: () => Promise<ExecutionSession>;
  /**
   * Checks an execution's argument before anything is written or started; throw to refuse the request
   * with 400 INVALID_ARGUMENT and the error's message. What it returns is called if the execution then
   * does not start after all. Default: every argument is admitted.
   */
  admit?: (workflow: string, argument: unknown) => (() => void) | void;
  /**
   * Where each execution's record is kept (one JSON file per execution), so history survives a restart.
   * Default: none, records live in memory only.
   */
  historyDir?: string;
  /**
   * The clock of each execution. A factory gives every execution its own clock (a shared virtual clock
   * would let one execution's sleeps advance another's time); a single clock is shared by all. Default:
   * the real clock.
   */
  clock?: Clock | (() => Clock);
  /**
   * Added to each execution's environment, over GOOGLE_CLOUD_PROJECT_ID and GOOGLE_CLOUD_LOCATION (taken
   * from the request's path); default nothing added.
   */
  env?: Record<string, string>;
}

export interface ExecutionsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type State = 'ACTIVE' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** An execution's record as kept on disk and served. */
interface StoredExecution {
  name: string;
  workflow: string;
  startTime: string;
  endTime?: string;
  state: State;
  argument: string;
  callLogLevel: string;
  labels: Record<string, string>;
  result?: string;
  error?: { payload: string; context?: string; step?: string; routine?: string };
}

interface Live {
  running?: RunningExecution;
  controller: AbortController;
  done: Promise<void>;
}

class HttpFailure extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new HttpFailure(400, 'INVALID_ARGUMENT', message);

/**
 * The largest request body read: an argument is at most 32 KiB of JSON text, which JSON-escaping as a
 * string can grow up to six times (`\u0000`), plus labels. Longer bodies are refused unread.
 */
export const maxRequestBodyBytes = 256 * 1024;

/** Host names that can only mean this machine: a DNS name pointing here (rebinding) is refused. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Fields of the Execution resource (https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions#Execution). */
const EXECUTION_FIELDS = new Set([
  'name',
  'startTime',
  'endTime',
  'duration',
  'state',
  'argument',
  'result',
  'error',
  'workflowRevisionId',
  'callLogLevel',
  'status',
  'labels',
  'stateError',
  'createTime',
  'disableConcurrencyQuotaOverflowBuffering',
]);

const WORKFLOW_PATH = /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/workflows\/([^/]+))\/executions$/;
const EXECUTION_PATH =
  /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/workflows\/([^/]+)\/executions\/([^/:]+))(:cancel)?$/;

function findSource(dir: string, workflow: string): { text: string; file: string } {
  if (!/^[A-Za-z0-9_-]+$/.test(workflow)) throw invalid(`invalid workflow id ${workflow}`);
  for (const ext of ['.yaml', '.yml', '.json']) {
    const file = path.join(dir, workflow + ext);
    if (fs.existsSync(file)) return { text: fs.readFileSync(file, 'utf8'), file };
  }
  throw new HttpFailure(
    404,
    'NOT_FOUND',
    `workflow ${workflow} not found (no ${workflow}.yaml in the workflows folder)`,
  );
}

/** The Execution resource in proto3 JSON, as the v1 REST API returns it. */
function toResource(r: StoredExecution, live: Live | undefined, full: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: r.name,
    startTime: r.startTime,
    state: r.state,
    workflowRevisionId: '000001-000',
  };
  if (r.endTime) {
    out.endTime = r.endTime;
    out.duration = `${((Date.parse(r.endTime) - Date.parse(r.startTime)) / 1000).toFixed(3)}s`;
  }
  if (!full) return out;
  out.argument = r.argument;
  out.callLogLevel = r.callLogLevel;
  out.labels = r.labels;
  if (r.state === 'SUCCEEDED') out.result = r.result ?? 'null';
  if (r.error) {
    out.error = {
      payload: r.error.payload,
      context: r.error.context,
      stackTrace: {
        elements: r.error.step ? [{ step: r.error.step, routine: r.error.routine, position: {} }] : [],
      },
    };
  }
  out.status = { currentSteps: live?.running && r.state === 'ACTIVE' ? live.running.currentSteps() : [] };
  return out;
}

function outcomeFields(outcome: RunResult): Pick<StoredExecution, 'result' | 'error'> {
  if (outcome.state === 'SUCCEEDED') return { result: outcome.resultJson ?? 'null' };
  // The step where the uncaught error arose, not the last one that raised (and was perhaps caught).
  const failed = outcome.failedStep;
  return {
    error: {
      payload: outcome.errorJson ?? 'null',
      context: (outcome.deployErrors ?? []).join('\n') || undefined,
      step: failed?.step,
      routine: failed?.routine,
    },
  };
}

/** A header's single value; a repeated one is refused rather than guessed at. */
function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  if (Array.isArray(value)) throw invalid(`header ${name} is repeated`);
  return value;
}

/** Refuses what a browser page or a rebinding DNS name could send, then anything without the token. */
function checkAccess(req: http.IncomingMessage, token: Buffer): void {
  const host = header(req, 'host');
  const hostName = host === undefined ? '' : host.replace(/:\d+$/, '').toLowerCase();
  if (!LOOPBACK_HOSTS.has(hostName)) {
    throw new HttpFailure(403, 'PERMISSION_DENIED', `Host ${host ?? '(none)'} is not a loopback name`);
  }
  if (req.headers.origin !== undefined) {
    throw new HttpFailure(403, 'PERMISSION_DENIED', 'cross-origin requests are refused (Origin header)');
  }
  const auth = /^Bearer (\S+)$/.exec(header(req, 'authorization') ?? '');
  const given = Buffer.from(auth?.[1] ?? '');
  if (!auth || given.length !== token.length || !timingSafeEqual(given, token)) {
    throw new HttpFailure(
      401,
      'UNAUTHENTICATED',
      'missing or wrong bearer token (see the emulator token file)',
    );
  }
}

const CALLBACK_PATH =
  /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/workflows\/[^/]+\/executions\/[^/:]+\/callbacks\/[^/]+)$/;

/** A callback body, at most the execution argument size limit. */
async function readRaw(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > LIMITS.argumentBytes) {
      throw new HttpFailure(
        413,
        'INVALID_ARGUMENT',
        `the callback body exceeds ${LIMITS.argumentBytes} bytes`,
      );
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const type = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw invalid(`Content-Type must be application/json, got ${type || '(none)'}`);
  }
  const declared = Number(header(req, 'content-length') ?? 0);
  const tooLarge = () => invalid(`request body larger than ${maxRequestBodyBytes} bytes`);
  if (declared > maxRequestBodyBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > maxRequestBodyBytes) throw tooLarge();
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw invalid('the request body must be a JSON object');
  }
}

/** The Execution of a create request, its fields checked as the REST API's JSON parser would. */
function executionInput(body: Record<string, unknown>) {
  for (const key of Object.keys(body)) {
    if (!EXECUTION_FIELDS.has(key)) {
      throw invalid(
        `Invalid JSON payload received. Unknown name "${key}" at 'execution': Cannot find field.`,
      );
    }
  }
  const { argument = '', callLogLevel = 'CALL_LOG_LEVEL_UNSPECIFIED', labels = {} } = body;
  if (typeof argument !== 'string') {
    throw invalid(`Invalid value at 'execution.argument' (TYPE_STRING), ${JSON.stringify(argument)}`);
  }
  if (typeof callLogLevel !== 'string') {
    throw invalid(`Invalid value at 'execution.call_log_level', ${JSON.stringify(callLogLevel)}`);
  }
  if (
    typeof labels !== 'object' ||
    labels === null ||
    Array.isArray(labels) ||
    Object.values(labels).some((v) => typeof v !== 'string')
  ) {
    throw invalid(`Invalid value at 'execution.labels': expected a map of strings`);
  }
  return { argument, callLogLevel, labels: labels as Record<string, string> };
}

/** Percent-decoding that refuses malformed escapes instead of passing them through. */
function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw invalid(`${what} is not valid percent-encoding: ${text.slice(0, 100)}`);
  }
}

/** The query parameters, each decoded strictly; a repeated one is refused. */
function queryParams(search: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq), 'a query parameter name');
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1), `query parameter ${key}`);
    if (out.has(key)) throw invalid(`query parameter ${key} is repeated`);
    out.set(key, value);
  }
  return out;
}

/** `view` as a name or its enum number; BASIC unless FULL (https://cloud.google.com/workflows/docs/reference/executions/rest/v1/ExecutionView). */
function isFullView(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '' || value === 'EXECUTION_VIEW_UNSPECIFIED' || value === '0')
    return fallback;
  if (value === 'BASIC' || value === '1') return false;
  if (value === 'FULL' || value === '2') return true;
  throw invalid(
    `Invalid value at 'view' (type.googleapis.com/google.cloud.workflows.executions.v1.ExecutionView), "${value}"`,
  );
}

interface PageToken {
  offset: number;
  parent: string;
  full: boolean;
}

const encodeToken = (t: PageToken) => Buffer.from(JSON.stringify(t)).toString('base64url');

/** Only a token this server issued for the same list call (same parent and view) is accepted. */
function decodeToken(text: string, parent: string, full: boolean): number {
  let token: Partial<PageToken> | undefined;
  try {
    token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<PageToken>;
  } catch {
    token = undefined;
  }
  if (
    !token ||
    !Number.isInteger(token.offset) ||
    (token.offset as number) < 0 ||
    token.parent !== parent ||
    token.full !== full
  ) {
    throw invalid(`Invalid page token ${JSON.stringify(text.slice(0, 100))}`);
  }
  return token.offset as number;
}

/**
 * `pageSize`: a non-negative int32; 0 or absent means 100; above the view's maximum (1000 BASIC, 100
 * FULL) it is coerced down (https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions/list).
 * A negative or non-integer value is refused (the page is silent on it; the stricter reading).
 */
function pageSize(value: string | undefined, full: boolean): number {
  if (value === undefined || value === '') return 100;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2 ** 31 - 1) {
    throw invalid(`Invalid value at 'page_size' (TYPE_INT32), "${value}": expected a non-negative integer`);
  }
  return Math.min(Number(value) || 100, full ? 100 : 1000);
}

function readHistory(dir: string | undefined): StoredExecution[] {
  if (dir === undefined || !fs.existsSync(dir)) return [];
  const out: StoredExecution[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    try {
      out.push(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as StoredExecution);
    } catch {
      // A record that cannot be read is left on disk for a person to look at, and not served.
    }
  }
  return out;
}

/**
 * A local Workflows Executions API (v1 REST): create, get, list and cancel executions of the workflow
 * files in a folder, so `ExecutionsClient` (REST fallback) works against it unchanged. It listens on
 * loopback only and answers only requests with the bearer token, a loopback Host and no Origin.
 */
export async function startExecutionsServer(opts: ExecutionsServerOptions): Promise<ExecutionsServer> {
  if (opts.token.length < 16) throw new Error('the Executions API token must be at least 16 characters');
  const token = Buffer.from(opts.token);
  const executions = new Map<string, StoredExecution>();
  const live = new Map<string, Live>();
  let baseUrl = '';
  const callbacks = new CallbackHub(() => baseUrl);

  /** A request to a callback URL: handed to the execution's events.await_callback. */
  const deliverCallback = async (name: string, req: http.IncomingMessage, url: URL) => {
    const raw = await readRaw(req);
    const type = req.headers['content-type'] ?? '';
    let body: Value = raw.length === 0 ? null : raw.toString('utf8');
    if (typeof body === 'string' && /\bjson\b/i.test(type)) {
      try {
        body = parseJson(body);
      } catch {
        throw new HttpFailure(400, 'INVALID_ARGUMENT', 'the callback body is not valid JSON');
      }
    }
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const outcome = callbacks.deliver(name, {
      method: req.method ?? 'GET',
      url: `${url.pathname}${url.search}`,
      headers,
      query,
      body,
      receivedAt: new Date(),
    });
    if (outcome === 'not-found') throw new HttpFailure(404, 'NOT_FOUND', `callback ${name} not found`);
    if (outcome === 'wrong-method') {
      throw new HttpFailure(405, 'FAILED_PRECONDITION', `callback ${name} does not accept ${req.method}`);
    }
    return {};
  };

  const save = (r: StoredExecution) => {
    if (opts.historyDir === undefined) return;
    fs.mkdirSync(opts.historyDir, { recursive: true });
    writeFileAtomic(path.join(opts.historyDir, `${r.name.split('/').pop()}.json`), JSON.stringify(r));
  };

  for (const r of readHistory(opts.historyDir)) {
    if (r.state === 'ACTIVE') {
      // Nothing carries an execution across a restart: it ended when the process that ran it did.
      Object.assign(r, {
        state: 'FAILED',
        endTime: r.startTime,
        error: { payload: JSON.stringify({ message: 'the emulator stopped while this execution ran' }) },
      });
      save(r);
    }
    executions.set(r.name, r);
  }

  const create = async (parent: string, workflow: string, body: Record<string, unknown>) => {
    const { text, file } = findSource(opts.workflowsDir, workflow);
    const parsed = parseWorkflowSource(text, { fileName: path.basename(file) });
    if (!parsed.program) {
      throw new HttpFailure(
        400,
        'FAILED_PRECONDITION',
        `workflow ${workflow} is invalid: ${parsed.deployErrors.join('; ')}`,
      );
    }
    const input = executionInput(body);
    if (Buffer.byteLength(input.argument) > LIMITS.argumentBytes)
      throw invalid('argument is larger than 32 KB');
    let argumentValue: unknown = null;
    if (input.argument !== '') {
      try {
        parseJson(input.argument);
        argumentValue = JSON.parse(input.argument);
      } catch (e) {
        throw invalid(`argument is not valid JSON: ${(e as Error).message}`);
      }
    }
    let withdraw: (() => void) | void;
    try {
      withdraw = opts.admit?.(workflow, argumentValue);
    } catch (e) {
      throw invalid((e as Error).message);
    }
    const id = randomUUID();
    const controller = new AbortController();
    const startTime = new Date();
    const record: StoredExecution = {
      name: `${parent}/executions/${id}`,
      workflow,
      startTime: startTime.toISOString(),
      state: 'ACTIVE',
      ...input,
    };
    const session = opts.openSession
      ? await opts.openSession().catch((e: unknown) => {
          withdraw?.();
          throw new HttpFailure(503, 'UNAVAILABLE', (e as Error).message);
        })
      : undefined;
    const state: Live = { controller, done: Promise.resolve() };
    const project = /^projects\/([^/]+)/.exec(parent)?.[1] ?? 'local-project';
    const location = /locations\/([^/]+)/.exec(parent)?.[1] ?? 'us-central1';
    const finish = async (outcome: RunResult) => {
      const endTime = new Date();
      try {
        await session?.finished?.({
          workflow,
          executionId: id,
          argument: input.argument,
          startTime,
          endTime,
          outcome,
        });
      } catch (e) {
        process.emitWarning(`recording execution ${id} failed: ${(e as Error).message}`);
      }
      await session?.release();
      Object.assign(record, {
        state: outcome.state,
        endTime: endTime.toISOString(),
        ...outcomeFields(outcome),
      });
      save(record);
      live.delete(record.name);
    };
    state.done = runWorkflow(parsed.program, {
      argumentJson: input.argument,
      connectors: session?.connectors,
      clock: typeof opts.clock === 'function' ? opts.clock() : opts.clock,
      signal: controller.signal,
      callbacks: callbacks.forExecution(record.name),
      fileName: path.basename(file),
      executionId: id,
      env: { GOOGLE_CLOUD_PROJECT_ID: project, GOOGLE_CLOUD_LOCATION: location, ...opts.env },
      onStart: (running) => (state.running = running),
    })
      .catch((e: unknown): RunResult => ({
        state: 'FAILED',
        steps: 0,
        virtualSeconds: 0,
        events: [],
        errorJson: JSON.stringify({ tags: ['SystemError'], message: String((e as Error).message ?? e) }),
      }))
      .then((outcome) => {
        callbacks.close(record.name);
        return finish(outcome);
      })
      .catch((e: unknown) =>
        process.emitWarning(`execution ${id} did not end cleanly: ${(e as Error).message}`),
      );
    executions.set(record.name, record);
    live.set(record.name, state);
    save(record);
    return toResource(record, state, true);
  };

  const handle = async (req: http.IncomingMessage): Promise<unknown> => {
    checkAccess(req, token);
    const raw = req.url ?? '/';
    const queryAt = raw.indexOf('?');
    const p = decode(queryAt < 0 ? raw : raw.slice(0, queryAt), 'the path');
    // A callback needs the token too: on Google a callback request must carry credentials allowed to send it.
    // Its query is the caller's own (repeated names included), handed to the workflow as it came.
    const cb = CALLBACK_PATH.exec(p);
    if (cb) return deliverCallback(cb[1], req, new URL(raw, 'http://localhost'));
    const params = queryParams(queryAt < 0 ? '' : raw.slice(queryAt));
    const wf = WORKFLOW_PATH.exec(p);
    if (wf && req.method === 'POST') {
      return create(wf[1], wf[2], await readBody(req));
    }
    if (wf && req.method === 'GET') {
      findSource(opts.workflowsDir, wf[2]);
      const full = isFullView(params.get('view'), false);
      const size = pageSize(params.get('pageSize'), full);
      const tokenText = params.get('pageToken');
      const offset = tokenText ? decodeToken(tokenText, wf[1], full) : 0;
      const all = [...executions.values()]
        .filter((r) => r.name.startsWith(`${wf[1]}/executions/`))
        .sort((a, b) => b.startTime.localeCompare(a.startTime));
      const page = all.slice(offset, offset + size);
      const out: Record<string, unknown> = {
        executions: page.map((r) => toResource(r, live.get(r.name), full)),
      };
      if (offset + size < all.length)
        out.nextPageToken = encodeToken({ offset: offset + size, parent: wf[1], full });
      return out;
    }
    const ex = EXECUTION_PATH.exec(p);
    if (ex) {
      const record = executions.get(ex[1]);
      if (!record) throw new HttpFailure(404, 'NOT_FOUND', `execution ${ex[1]} not found`);
      if (ex[4] === ':cancel' && req.method === 'POST') {
        await readBody(req);
        const running = live.get(record.name);
        if (record.state !== 'ACTIVE' || !running) {
          throw new HttpFailure(400, 'FAILED_PRECONDITION', `execution is already ${record.state}`);
        }
        running.controller.abort();
        await running.done;
        return toResource(record, undefined, true);
      }
      if (!ex[4] && req.method === 'GET') {
        return toResource(record, live.get(record.name), isFullView(params.get('view'), true));
      }
    }
    throw new HttpFailure(404, 'NOT_FOUND', `no route for ${req.method} ${p}`);
  };

  const server = http.createServer((req, res) => {
    handle(req).then(
      (body) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      },
      (e: unknown) => {
        const f =
          e instanceof HttpFailure ? e : new HttpFailure(500, 'INTERNAL', String((e as Error).message ?? e));
        // A refused request may still be sending its body; the connection is not reused.
        res.writeHead(f.code, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        res.end(JSON.stringify({ error: { code: f.code, message: f.message, status: f.status } }));
      },
    );
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: baseUrl,
    port,
    close: async () => {
      for (const l of live.values()) l.controller.abort();
      await Promise.all([...live.values()].map((l) => l.done));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
