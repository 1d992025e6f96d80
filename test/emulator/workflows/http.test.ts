import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { VirtualClock } from '../../../emulator/workflows';
import { failure, result, run } from './run-helper';

/* http.* against a real server on loopback; nothing leaves the machine. */

let server: http.Server;
let base: string;
let flakyCalls = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/echo') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-Custom': 'yes' });
        res.end(
          JSON.stringify({
            method: req.method,
            query: Object.fromEntries(url.searchParams),
            auth: req.headers['x-token'] ?? null,
            contentType: req.headers['content-type'] ?? null,
            body: Buffer.concat(chunks).toString('utf8'),
            ratio: 1.5,
          }),
        );
      } else if (url.pathname === '/text') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('plain body');
      } else if (url.pathname === '/slow') {
        setTimeout(() => {
          res.writeHead(200);
          res.end('late');
        }, 2000);
      } else if (url.pathname === '/cut') {
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '100' });
        res.write('partial');
        setTimeout(() => res.destroy(), 10);
      } else if (url.pathname === '/flaky') {
        flakyCalls++;
        res.writeHead(flakyCalls < 3 ? 503 : 200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ call: flakyCalls }));
      } else {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'not here' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('http.post sends JSON bodies, headers and query; JSON responses are decoded; header names lowercased', async () => {
  const src = `
- p:
    call: http.post
    args:
      url: ${base}/echo
      query:
        q: a b
      headers:
        X-Token: t1
      body:
        n: 1
    result: r
- out:
    return: \${[r.code, r.body, r.headers["x-custom"]]}
`;
  expect(await result(src)).toEqual([
    200,
    {
      method: 'POST',
      query: { q: 'a b' },
      auth: 't1',
      contentType: 'application/json',
      body: '{"n":1}',
      ratio: 1.5,
    },
    'yes',
  ]);
});

test('http.get of text gives a string body; http.request takes the method', async () => {
  expect(
    await result(
      `- g:\n    call: http.get\n    args:\n      url: ${base}/text\n    result: r\n- o:\n    return: \${r.body}\n`,
    ),
  ).toBe('plain body');
  const src = `- d:\n    call: http.request\n    args:\n      method: DELETE\n      url: ${base}/echo\n    result: r\n- o:\n    return: \${r.body.method}\n`;
  expect(await result(src)).toBe('DELETE');
});

test('a non-2xx answer is an HttpError with code, headers and body', async () => {
  const err = await failure(`- g:\n    call: http.get\n    args:\n      url: ${base}/missing\n`);
  expect(err).toMatchObject({
    tags: ['HttpError'],
    code: 404,
    body: { error: 'not here' },
    message: 'HTTP server responded with error code 404',
  });
  expect(err.headers).toMatchObject({ 'content-type': 'application/json' });
});

test('nothing listening is a ConnectionFailedError', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const err = await failure(`- g:\n    call: http.get\n    args:\n      url: http://127.0.0.1:${port}/\n`);
  expect(err.tags).toEqual(['ConnectionFailedError']);
});

test('a request slower than its timeout is a TimeoutError', async () => {
  const err = await failure(
    `- g:\n    call: http.get\n    args:\n      url: ${base}/slow\n      timeout: 0.2\n`,
  );
  expect(err.tags).toEqual(['TimeoutError']);
});

test('a connection that breaks in the middle of the answer is a ConnectionError', async () => {
  const err = await failure(`- g:\n    call: http.get\n    args:\n      url: ${base}/cut\n`);
  expect(err.tags).toEqual(['ConnectionError']);
});

test('${http.default_retry} retries 503 answers and the retry re-runs the whole try block', async () => {
  flakyCalls = 0;
  const src = `
- init:
    assign:
      - tries: 0
- t:
    try:
      steps:
        - count:
            assign:
              - tries: \${tries + 1}
        - g:
            call: http.get
            args:
              url: ${base}/flaky
            result: r
    retry: \${http.default_retry}
- o:
    return: \${[tries, r.body.call]}
`;
  const res = await run(src, { clock: new VirtualClock() });
  expect(res.result).toEqual([3, 3]);
  expect(res.virtualSeconds).toBeCloseTo(2.25, 6);
});
