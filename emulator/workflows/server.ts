import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CallbackHub } from './callbacks';
import type { Clock } from './clock';
import type { ConnectorRegistry } from './connector-types';
import { parseJson } from './json-values';
import type { Value } from './values';
import { LIMITS } from '../../workflows/facts';
import type { RunResult, RunningExecution } from './run';
import { parseWorkflowSource, runWorkflow } from './run';

export interface ExecutionsServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Every `NAME.yaml` / `NAME.yml` / `NAME.json` here is served as workflow NAME. */
  workflowsDir: string;
  connectors?: ConnectorRegistry;
  /**
   * The clock of each execution. A factory gives every execution its own clock (a shared virtual clock
   * would let one execution's sleeps advance another's time); a single clock is shared by all.
   */
  clock?: Clock | (() => Clock);
  env?: Record<string, string>;
}

export interface ExecutionsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type State = 'ACTIVE' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

interface Record_ {
  name: string;
  workflow: string;
  startTime: Date;
  endTime?: Date;
  state: State;
  argument: string;
  callLogLevel: string;
  labels: Record<string, string>;
  outcome?: RunResult;
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

const WORKFLOW_PATH = /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/workflows\/([^/]+))\/executions$/;
const CALLBACK_PATH =
  /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/workflows\/[^/]+\/executions\/[^/:]+\/callbacks\/[^/]+)$/;
const EXECUTION_PATH =
  /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/workflows\/([^/]+)\/executions\/([^/:]+))(:cancel)?$/;

function findSource(dir: string, workflow: string): { text: string; file: string } {
  if (!/^[A-Za-z0-9_-]+$/.test(workflow))
    throw new HttpFailure(400, 'INVALID_ARGUMENT', `invalid workflow id ${workflow}`);
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

function duration(r: Record_): string | undefined {
  if (!r.endTime) return undefined;
  return `${((r.endTime.getTime() - r.startTime.getTime()) / 1000).toFixed(3)}s`;
}

/** The Execution resource in proto3 JSON, as the v1 REST API returns it. */
function toResource(r: Record_, full: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: r.name,
    startTime: r.startTime.toISOString(),
    state: r.state,
    workflowRevisionId: '000001-000',
  };
  if (r.endTime) {
    out.endTime = r.endTime.toISOString();
    out.duration = duration(r);
  }
  if (!full) return out;
  out.argument = r.argument;
  out.callLogLevel = r.callLogLevel;
  out.labels = r.labels;
  if (r.state === 'SUCCEEDED') out.result = r.outcome?.resultJson ?? 'null';
  if ((r.state === 'FAILED' || r.state === 'CANCELLED') && r.outcome) {
    const failed = r.outcome.failedStep;
    out.error = {
      payload: r.outcome.errorJson ?? 'null',
      context: (r.outcome.deployErrors ?? []).join('\n') || undefined,
      stackTrace: {
        elements: failed ? [{ step: failed.step, routine: failed.routine, position: {} }] : [],
      },
    };
  }
  out.status = { currentSteps: r.running && r.state === 'ACTIVE' ? r.running.currentSteps() : [] };
  return out;
}

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
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw new HttpFailure(400, 'INVALID_ARGUMENT', 'the request body must be a JSON object');
  }
}

/**
 * A local Workflows Executions API (v1 REST): create, get, list and cancel executions of the workflow
 * files in a folder, so `ExecutionsClient` (REST fallback) works against it unchanged.
 */
export async function startExecutionsServer(opts: ExecutionsServerOptions): Promise<ExecutionsServer> {
  const executions = new Map<string, Record_>();
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
    const argument = typeof body.argument === 'string' ? body.argument : '';
    if (Buffer.byteLength(argument) > LIMITS.argumentBytes)
      throw new HttpFailure(400, 'INVALID_ARGUMENT', 'argument is larger than 32 KB');
    if (argument !== '') {
      try {
        parseJson(argument);
      } catch (e) {
        throw new HttpFailure(400, 'INVALID_ARGUMENT', `argument is not valid JSON: ${(e as Error).message}`);
      }
    }
    const id = randomUUID();
    const controller = new AbortController();
    const record: Record_ = {
      name: `${parent}/executions/${id}`,
      workflow,
      startTime: new Date(),
      state: 'ACTIVE',
      argument,
      callLogLevel: typeof body.callLogLevel === 'string' ? body.callLogLevel : 'CALL_LOG_LEVEL_UNSPECIFIED',
      labels: (body.labels as Record<string, string> | undefined) ?? {},
      controller,
      done: Promise.resolve(),
    };
    const project = /^projects\/([^/]+)/.exec(parent)?.[1] ?? 'local-project';
    const location = /locations\/([^/]+)/.exec(parent)?.[1] ?? 'us-central1';
    record.done = runWorkflow(parsed.program, {
      argumentJson: argument,
      connectors: opts.connectors,
      clock: typeof opts.clock === 'function' ? opts.clock() : opts.clock,
      signal: controller.signal,
      fileName: path.basename(file),
      executionId: id,
      env: { GOOGLE_CLOUD_PROJECT_ID: project, GOOGLE_CLOUD_LOCATION: location, ...opts.env },
      callbacks: callbacks.forExecution(record.name),
      onStart: (running) => (record.running = running),
    }).then(
      (outcome) => {
        callbacks.close(record.name);
        record.outcome = outcome;
        record.state = outcome.state;
        record.endTime = new Date();
      },
      (e: unknown) => {
        record.outcome = {
          state: 'FAILED',
          steps: 0,
          virtualSeconds: 0,
          events: [],
          errorJson: JSON.stringify({ tags: ['SystemError'], message: String((e as Error).message ?? e) }),
        };
        record.state = 'FAILED';
        record.endTime = new Date();
      },
    );
    executions.set(record.name, record);
    return toResource(record, true);
  };

  const handle = async (req: http.IncomingMessage): Promise<unknown> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = decodeURIComponent(url.pathname);
    const cb = CALLBACK_PATH.exec(p);
    if (cb) return deliverCallback(cb[1], req, url);
    const wf = WORKFLOW_PATH.exec(p);
    if (wf && req.method === 'POST') {
      const body = await readBody(req);
      return create(wf[1], wf[2], (body.execution as Record<string, unknown> | undefined) ?? body);
    }
    if (wf && req.method === 'GET') {
      findSource(opts.workflowsDir, wf[2]);
      const full = url.searchParams.get('view') === 'FULL' || url.searchParams.get('view') === '2';
      const pageSize = Math.min(Number(url.searchParams.get('pageSize') ?? 100) || 100, full ? 100 : 1000);
      const offset = Number(url.searchParams.get('pageToken') ?? 0) || 0;
      const all = [...executions.values()]
        .filter((r) => r.name.startsWith(`${wf[1]}/executions/`))
        .sort((a, b) => b.startTime.getTime() - a.startTime.getTime());
      const page = all.slice(offset, offset + pageSize);
      const out: Record<string, unknown> = { executions: page.map((r) => toResource(r, full)) };
      if (offset + pageSize < all.length) out.nextPageToken = String(offset + pageSize);
      return out;
    }
    const ex = EXECUTION_PATH.exec(p);
    if (ex) {
      const record = executions.get(ex[1]);
      if (!record) throw new HttpFailure(404, 'NOT_FOUND', `execution ${ex[1]} not found`);
      if (ex[4] === ':cancel' && req.method === 'POST') {
        if (record.state !== 'ACTIVE') {
          throw new HttpFailure(400, 'FAILED_PRECONDITION', `execution is already ${record.state}`);
        }
        record.controller.abort();
        await record.done;
        return toResource(record, true);
      }
      if (!ex[4] && req.method === 'GET') {
        const view = url.searchParams.get('view');
        return toResource(record, view !== 'BASIC' && view !== '1');
      }
    }
    throw new HttpFailure(404, 'NOT_FOUND', `no route for ${req.method} ${url.pathname}`);
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
        res.writeHead(f.code, { 'content-type': 'application/json; charset=utf-8' });
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
  baseUrl = `http://${host}:${port}`;
  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      for (const r of executions.values()) if (r.state === 'ACTIVE') r.controller.abort();
      await Promise.all([...executions.values()].map((r) => r.done));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
