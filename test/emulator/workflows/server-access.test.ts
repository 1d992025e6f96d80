import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ExecutionsServer } from '../../../emulator/workflows';
import { VirtualClock, startExecutionsServer } from '../../../emulator/workflows';
import { maxRequestBodyBytes } from '../../../emulator/workflows/server';

/* Each way in that a web page, another user or a malformed request could use is tried over loopback. */

const token = 'access-test-token-0123456789';
const parent = 'projects/p1/locations/us-central1/workflows/echo';
let dir: string;
let server: ExecutionsServer;
let sessionsOpened = 0;
const admitted: unknown[] = [];

interface Reply {
  status: number;
  body: { error?: { code: number; status: string; message: string } } & Record<string, unknown>;
}

/** One raw HTTP request, every header as given (the official client would fix them up). */
function request(
  method: string,
  pathAndQuery: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; port?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port ?? server.port,
        method,
        path: pathAndQuery,
        headers: { authorization: `Bearer ${token}`, ...options.headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] }),
        );
      },
    );
    // The server may answer and close before a refused body is fully sent.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
    );
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };
const create = (body: unknown, headers: Record<string, string> = json) =>
  request('POST', `/v1/${parent}/executions`, { headers, body: JSON.stringify(body) });
const listAll = async () =>
  (await request('GET', `/v1/${parent}/executions?pageSize=1000`)).body.executions as unknown[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-access-'));
  fs.writeFileSync(
    path.join(dir, 'echo.yaml'),
    'main:\n  params: [args]\n  steps:\n    - r:\n        return: ${args}\n',
  );
  server = await startExecutionsServer({
    port: 0,
    workflowsDir: dir,
    token,
    clock: new VirtualClock(),
    admit: (_workflow, argument) => {
      if ((argument as { refuse?: boolean } | null)?.refuse) throw new Error('argument.runId: refused');
      admitted.push(argument);
    },
    openSession: async () => {
      sessionsOpened++;
      return { connectors: new Map(), release: async () => undefined };
    },
  });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a request without the token, or with a wrong one, is 401 UNAUTHENTICATED', async () => {
  for (const authorization of ['', 'Bearer wrong-token-0123456789ab', `Basic ${token}`, `Bearer ${token}x`]) {
    const reply = await request('GET', `/v1/${parent}/executions`, { headers: { authorization } });
    expect(reply.status).toBe(401);
    expect(reply.body.error?.status).toBe('UNAUTHENTICATED');
  }
  expect((await request('GET', `/v1/${parent}/executions`)).status).toBe(200);
});

test('a Host that is not a loopback name is refused (DNS rebinding), with the token or not', async () => {
  for (const host of [
    'evil.example.com',
    `evil.example.com:${server.port}`,
    '127.0.0.1.nip.io',
    '10.0.0.1',
  ]) {
    const reply = await request('GET', `/v1/${parent}/executions`, { headers: { host } });
    expect(reply.status).toBe(403);
    expect(reply.body.error?.message).toContain('is not a loopback name');
  }
  for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, '[::1]'])
    expect((await request('GET', `/v1/${parent}/executions`, { headers: { host } })).status).toBe(200);
});

test('a request carrying an Origin (a web page) is refused and starts nothing', async () => {
  const before = (await listAll()).length;
  const reply = await create({ argument: '{}' }, { ...json, origin: 'http://evil.example.com' });
  expect(reply.status).toBe(403);
  expect(reply.body.error).toMatchObject({ status: 'PERMISSION_DENIED', code: 403 });
  const same = await create({ argument: '{}' }, { ...json, origin: `http://127.0.0.1:${server.port}` });
  expect(same.status).toBe(403);
  expect(await listAll()).toHaveLength(before);
});

test('only application/json bodies: text/plain and form posts (what a page can send) start nothing', async () => {
  const before = (await listAll()).length;
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const reply = await create({ argument: '{}' }, { 'content-type': type });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ status: 'INVALID_ARGUMENT' });
  }
  expect((await create({ argument: '{}' }, {})).status).toBe(400);
  expect(await listAll()).toHaveLength(before);
  expect(
    (await create({ argument: '{}' }, { 'content-type': 'application/json; charset=utf-8' })).status,
  ).toBe(200);
});

test('a body over the limit is refused unread, declared or streamed', async () => {
  const big = JSON.stringify({ argument: JSON.stringify({ pad: 'x'.repeat(maxRequestBodyBytes) }) });
  const before = (await listAll()).length;
  const declared = await request('POST', `/v1/${parent}/executions`, { headers: json, body: big });
  expect(declared.status).toBe(400);
  expect(declared.body.error?.message).toBe(`request body larger than ${maxRequestBodyBytes} bytes`);
  const chunked = await request('POST', `/v1/${parent}/executions`, {
    headers: { ...json, 'transfer-encoding': 'chunked' },
    body: big,
  });
  expect(chunked.status).toBe(400);
  expect(await listAll()).toHaveLength(before);
});

test('argument must be a JSON string; unknown fields and bad labels are INVALID_ARGUMENT', async () => {
  for (const body of [
    { argument: { n: 1 } },
    { argument: 5 },
    { argument: null },
    { argumnet: '{}' },
    { labels: { a: 1 } },
    { labels: ['a'] },
  ]) {
    const reply = await create(body);
    expect(reply.status).toBe(400);
    expect(reply.body.error?.status).toBe('INVALID_ARGUMENT');
  }
  expect((await create({ argument: { n: 1 } })).body.error?.message).toBe(
    `Invalid value at 'execution.argument' (TYPE_STRING), {"n":1}`,
  );
});

test('admit runs before anything is opened or written; a refusal is INVALID_ARGUMENT with its message', async () => {
  const opened = sessionsOpened;
  const before = (await listAll()).length;
  const reply = await create({ argument: '{"refuse": true}' });
  expect(reply.status).toBe(400);
  expect(reply.body.error).toEqual({
    code: 400,
    status: 'INVALID_ARGUMENT',
    message: 'argument.runId: refused',
  });
  expect(sessionsOpened).toBe(opened);
  expect(await listAll()).toHaveLength(before);
  expect((await create({ argument: '{"ok": 1}' })).status).toBe(200);
  expect(sessionsOpened).toBe(opened + 1);
  expect(admitted).toContainEqual({ ok: 1 });
});

test('pageSize and pageToken: negative, non-numeric or foreign values are 400; pages walk every execution once', async () => {
  for (const query of [
    'pageSize=-5',
    'pageSize=abc',
    'pageSize=1.5',
    'pageSize=99999999999',
    'pageToken=abc',
    'pageToken=0',
    'view=EVERYTHING',
    'pageSize=1&pageSize=2',
  ]) {
    const reply = await request('GET', `/v1/${parent}/executions?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error?.status).toBe('INVALID_ARGUMENT');
  }
  for (let i = 0; i < 3; i++) expect((await create({ argument: `{"i": ${i}}` })).status).toBe(200);
  const all = (await listAll()) as { name: string }[];
  const seen: string[] = [];
  let pageToken: string | undefined;
  for (let pages = 0; pages <= all.length; pages++) {
    const query = `pageSize=1${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
    const reply = await request('GET', `/v1/${parent}/executions?${query}`);
    expect(reply.status).toBe(200);
    seen.push(...(reply.body.executions as { name: string }[]).map((e) => e.name));
    pageToken = reply.body.nextPageToken as string | undefined;
    if (pageToken === undefined) break;
  }
  expect(seen).toEqual(all.map((e) => e.name));
  // A token is good only for the call that issued it: not with another view or another workflow.
  const first = await request('GET', `/v1/${parent}/executions?pageSize=1`);
  const issued = encodeURIComponent(first.body.nextPageToken as string);
  expect((await request('GET', `/v1/${parent}/executions?pageToken=${issued}&view=FULL`)).status).toBe(400);
  const other = parent.replace('/echo', '/echo2');
  fs.writeFileSync(path.join(dir, 'echo2.yaml'), 'main:\n  steps:\n    - r:\n        return: 1\n');
  expect((await request('GET', `/v1/${other}/executions?pageToken=${issued}`)).status).toBe(400);
});

test('malformed percent-encoding in the path or the query is 400, not 500', async () => {
  for (const p of [
    `/v1/${parent}/executions/%E0%A4%A`,
    `/v1/${parent}/executions?pageSize=%ZZ`,
    `/v1/projects/%/x`,
  ]) {
    const reply = await request('GET', p);
    expect(reply.status).toBe(400);
    expect(reply.body.error?.message).toMatch(/not valid percent-encoding/);
  }
});

test('execution history survives a restart; one that was running is not shown as running', async () => {
  const historyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-history-'));
  fs.writeFileSync(
    path.join(dir, 'wait.yaml'),
    'main:\n  steps:\n    - s:\n        call: sys.sleep\n        args:\n          seconds: 3600\n',
  );
  const waitParent = parent.replace('/echo', '/wait');
  const first = await startExecutionsServer({
    port: 0,
    workflowsDir: dir,
    token,
    historyDir,
    clock: new VirtualClock(),
  });
  const done = await request('POST', `/v1/${parent}/executions`, {
    port: first.port,
    headers: json,
    body: '{"argument":"{\\"n\\":7}"}',
  });
  const waiting = await startExecutionsServer({ port: 0, workflowsDir: dir, token, historyDir });
  const active = await request('POST', `/v1/${waitParent}/executions`, {
    port: waiting.port,
    headers: json,
    body: '{}',
  });
  expect(active.body.state).toBe('ACTIVE');
  // The record as a crash would leave it: written when the execution started, never finished.
  const crashed = JSON.parse(
    fs.readFileSync(path.join(historyDir, `${String(active.body.name).split('/').pop()}.json`), 'utf8'),
  );
  await first.close();
  await waiting.close();
  fs.writeFileSync(
    path.join(historyDir, 'crashed.json'),
    JSON.stringify({ ...crashed, name: `${waitParent}/executions/crashed` }),
  );

  const again = await startExecutionsServer({ port: 0, workflowsDir: dir, token, historyDir });
  try {
    const got = await request('GET', `/v1/${done.body.name as string}`, { port: again.port });
    expect(got.body).toMatchObject({ state: 'SUCCEEDED', result: '{"n":7}', argument: '{"n":7}' });
    const cancelled = await request('GET', `/v1/${active.body.name as string}`, { port: again.port });
    expect(cancelled.body.state).toBe('CANCELLED');
    const lost = await request('GET', `/v1/${waitParent}/executions/crashed`, { port: again.port });
    expect(lost.body.state).toBe('FAILED');
    expect(JSON.parse((lost.body.error as unknown as { payload: string }).payload)).toEqual({
      message: 'the emulator stopped while this execution ran',
    });
  } finally {
    await again.close();
    fs.rmSync(historyDir, { recursive: true, force: true });
  }
});
