import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ExecutionsServer } from '../../../emulator/workflows';
import { VirtualClock, startExecutionsServer } from '../../../emulator/workflows';
import { CallbackHub } from '../../../emulator/workflows/callbacks';
import { run } from './run-helper';

/** The server's token on every request, as a client of `bqtune emulator` sends it. */
const fetch = (url: string, init: RequestInit = {}) =>
  globalThis.fetch(url, {
    ...init,
    headers: {
      authorization: 'Bearer test-token-0123456789abcdef',
      ...(init.headers as Record<string, string>),
    },
  });

/** Callbacks through `bqtune emulator`'s Executions API: the workflow tells the test its URL over HTTP. */
const callbackWorkflow = `
main:
  params: [args]
  steps:
    - create:
        call: events.create_callback_endpoint
        args:
          http_callback_method: POST
        result: endpoint
    - tell:
        call: http.post
        args:
          url: \${args.notify}
          body:
            url: \${endpoint.url}
    - wait:
        try:
          call: events.await_callback
          args:
            callback: \${endpoint}
            timeout: \${args.timeout}
          result: request
        except:
          as: e
          steps:
            - timed_out:
                return:
                  tags: \${e.tags}
    - done:
        return:
          method: \${request.http_request.method}
          body: \${request.http_request.body}
          query: \${request.http_request.query}
          type: \${request.type}
`;

const parent = 'projects/p1/locations/us-central1/workflows/callback';
let dir: string;
let server: ExecutionsServer;
let notify: http.Server;
let notifyUrl: string;
const announced: ((url: string) => void)[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-callbacks-'));
  fs.writeFileSync(path.join(dir, 'callback.yaml'), callbackWorkflow);
  server = await startExecutionsServer({
    token: 'test-token-0123456789abcdef',
    port: 0,
    workflowsDir: dir,
    clock: () => new VirtualClock(),
  });
  notify = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
      const { url } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { url: string };
      announced.shift()?.(url);
    });
  });
  await new Promise<void>((resolve) => notify.listen(0, '127.0.0.1', resolve));
  notifyUrl = `http://127.0.0.1:${(notify.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => notify.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(timeout: number): Promise<{ name: string; callbackUrl: Promise<string> }> {
  const callbackUrl = new Promise<string>((resolve) => announced.push(resolve));
  const res = await fetch(`${server.url}/v1/${parent}/executions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ argument: JSON.stringify({ notify: notifyUrl, timeout }) }),
  });
  const created = (await res.json()) as { name: string };
  return { name: created.name, callbackUrl };
}

async function settle(name: string): Promise<{ state: string; result?: string; error?: unknown }> {
  for (let i = 0; i < 500; i++) {
    const ex = (await (await fetch(`${server.url}/v1/${name}`)).json()) as { state: string; result?: string };
    if (ex.state !== 'ACTIVE') return ex;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`execution ${name} did not finish`);
}

describe('callbacks served by the local Executions API', () => {
  test('a POST to the callback URL reaches events.await_callback with its body, query and method', async () => {
    const { name, callbackUrl } = await start(60);
    const url = await callbackUrl;
    expect(url.startsWith(`${server.url}/v1/${name}/callbacks/`)).toBe(true);
    const wrong = await fetch(url, { method: 'PUT', body: '{}' });
    expect(wrong.status).toBe(405);
    const res = await fetch(`${url}?step=approve&step=again`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ approved: true, n: 3 }),
    });
    expect(res.status).toBe(200);
    const done = await settle(name);
    expect(done.state).toBe('SUCCEEDED');
    expect(JSON.parse(done.result as string)).toEqual({
      method: 'POST',
      body: { approved: true, n: 3 },
      query: { step: ['approve', 'again'] },
      type: 'HTTP',
    });
    // The endpoint is gone with its execution.
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  test('no callback within the timeout raises TimeoutError, which except catches', async () => {
    const { name, callbackUrl } = await start(0.2);
    await callbackUrl;
    const done = await settle(name);
    expect(JSON.parse(done.result as string)).toEqual({ tags: ['TimeoutError'] });
  });

  test('an unknown callback URL is a 404', async () => {
    const res = await fetch(`${server.url}/v1/${parent}/executions/none/callbacks/none`, { method: 'POST' });
    expect(res.status).toBe(404);
  });
});

describe('callbacks in the interpreter', () => {
  test('a run without a callback server says callbacks need bqtune emulator', async () => {
    const res = await run('- create:\n    call: events.create_callback_endpoint\n    result: e\n');
    expect(res.error).toMatchObject({ tags: ['SystemError'] });
    expect((res.error as { message: string }).message).toContain('bqtune emulator');
  });

  test('a request that arrived before await_callback is kept for it; await_callback checks its arguments', async () => {
    const hub = new CallbackHub(() => 'http://127.0.0.1:9');
    const execution = 'projects/p/locations/l/workflows/w/executions/e1';
    const callbacks = hub.forExecution(execution);
    const url = callbacks.create('GET');
    const id = url.split('/callbacks/')[1];
    expect(
      hub.deliver(`${execution}/callbacks/${id}`, {
        method: 'GET',
        url: '/x',
        headers: {},
        query: {},
        body: null,
        receivedAt: new Date(0),
      }),
    ).toBe('delivered');
    const ok = await run(
      `- wait:\n    call: events.await_callback\n    args:\n      callback:\n        url: ${url}\n    result: r\n- done:\n    return: \${r.http_request.method}\n`,
      { callbacks },
    );
    expect(ok.result).toBe('GET');
    const bad = await run(
      '- wait:\n    call: events.await_callback\n    args:\n      callback: nope\n      timeout: 5\n',
      { callbacks },
    );
    expect(bad.error).toMatchObject({ tags: ['TypeError'] });
  });
});
