import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackHub } from '../callbacks';
import { deliverCallback } from './callback-delivery';
import { ExecutionHistory, toResource, type Live } from './execution-records';
import { listPage, isFullView } from './list-pages';
import type { ExecutionsServer, ExecutionsServerOptions } from './options';
import { checkAccess, decode, HttpFailure, queryParams, readBody } from './requests';
import { findSource, startExecution, type ServerState } from './start-execution';

export type {
  ExecutionSession,
  ExecutionsServer,
  ExecutionsServerOptions,
  FinishedExecution,
} from './options';
export { maxRequestBodyBytes } from './requests';

const WORKFLOW_PATH = /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/workflows\/([^/]+))\/executions$/;
const EXECUTION_PATH =
  /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/workflows\/([^/]+)\/executions\/([^/:]+))(:cancel)?$/;

const CALLBACK_PATH =
  /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/workflows\/[^/]+\/executions\/[^/:]+\/callbacks\/[^/]+)$/;

/**
 * A local Workflows Executions API (v1 REST): create, get, list and cancel executions of the workflow
 * files in a folder, so `ExecutionsClient` (REST fallback) works against it unchanged. It listens on
 * loopback only and answers only requests with the bearer token, a loopback Host and no Origin.
 */
export async function startExecutionsServer(opts: ExecutionsServerOptions): Promise<ExecutionsServer> {
  if (opts.token.length < 16) throw new Error('the Executions API token must be at least 16 characters');
  const token = Buffer.from(opts.token);
  let baseUrl = '';
  const state: ServerState = {
    options: opts,
    history: new ExecutionHistory(opts.historyDir),
    live: new Map<string, Live>(),
    callbacks: new CallbackHub(() => baseUrl),
  };
  const server = http.createServer((req, res) => {
    route(state, token, req).then(
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
  const { live } = state;
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

/**
 * Answers one request once it has passed the access checks: a callback delivery, or executions.create,
 * list, get or cancel. https://cloud.google.com/workflows/docs/reference/executions/rest
 * @returns the JSON body of the 200 answer.
 * @throws HttpFailure with the status of the refusal (401/403 access, 400 bad request, 404 no route, ...).
 */
async function route(state: ServerState, token: Buffer, req: http.IncomingMessage): Promise<unknown> {
  checkAccess(req, token);
  const raw = req.url ?? '/';
  const queryAt = raw.indexOf('?');
  const p = decode(queryAt < 0 ? raw : raw.slice(0, queryAt), 'the path');
  // A callback needs the token too: on Google a callback request must carry credentials allowed to send it.
  // Its query is the caller's own (repeated names included), handed to the workflow as it came.
  const cb = CALLBACK_PATH.exec(p);
  if (cb) return deliverCallback(state.callbacks, cb[1], req, new URL(raw, 'http://localhost'));
  const params = queryParams(queryAt < 0 ? '' : raw.slice(queryAt));
  const wf = WORKFLOW_PATH.exec(p);
  if (wf && req.method === 'POST') {
    return startExecution(state, wf[1], wf[2], await readBody(req));
  }
  if (wf && req.method === 'GET') {
    findSource(state.options.workflowsDir, wf[2]);
    return listPage(state.history, state.live, wf[1], params);
  }
  const ex = EXECUTION_PATH.exec(p);
  if (ex) {
    const record = state.history.get(ex[1]);
    if (!record) throw new HttpFailure(404, 'NOT_FOUND', `execution ${ex[1]} not found`);
    if (ex[4] === ':cancel' && req.method === 'POST') {
      await readBody(req);
      const running = state.live.get(record.name);
      if (record.state !== 'ACTIVE' || !running) {
        throw new HttpFailure(400, 'FAILED_PRECONDITION', `execution is already ${record.state}`);
      }
      running.controller.abort();
      await running.done;
      return toResource(record, undefined, true);
    }
    if (!ex[4] && req.method === 'GET') {
      return toResource(record, state.live.get(record.name), isFullView(params.get('view'), true));
    }
  }
  throw new HttpFailure(404, 'NOT_FOUND', `no route for ${req.method} ${p}`);
}
