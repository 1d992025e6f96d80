import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExecutionsClient } from '@google-cloud/workflows';
import { OAuth2Client } from 'google-auth-library';
import type { ExecutionsServer } from '../../../emulator/workflows';
import { VirtualClock, startExecutionsServer } from '../../../emulator/workflows';

/* The official client, in REST fallback mode, driving the local Executions API on loopback. */

/** jest's module sandbox cannot run gaxios' dynamic import of node-fetch; hand it Node's fetch instead. */
const token = 'test-token-0123456789abcdef';

function fakeAuth(accessToken = token): OAuth2Client {
  const auth = new OAuth2Client({ transporterOptions: { fetchImplementation: fetch } });
  auth.setCredentials({ access_token: accessToken });
  return auth;
}

type ClientOptions = NonNullable<ConstructorParameters<typeof ExecutionsClient>[0]>;

function localClient(port: number, accessToken = token): ExecutionsClient {
  return new ExecutionsClient({
    fallback: true,
    protocol: 'http',
    apiEndpoint: '127.0.0.1',
    port,
    // google-gax bundles its own google-auth-library release; the two OAuth2Client types differ only nominally.
    authClient: fakeAuth(accessToken) as unknown as ClientOptions['authClient'],
  } as ClientOptions);
}

let dir: string;
let server: ExecutionsServer;
let client: ExecutionsClient;
const parent = 'projects/p1/locations/europe-west1/workflows/tune-and-evaluate';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-server-'));
  fs.writeFileSync(
    path.join(dir, 'tune-and-evaluate.yaml'),
    `main:
  params: [args]
  steps:
    - check:
        switch:
          - condition: \${map.get(args, "mode") == "fail"}
            raise:
              message: asked to fail
              code: 7
          - condition: \${map.get(args, "mode") == "wait"}
            call: sys.sleep
            args:
              seconds: 3600
    - r:
        return:
          project: \${sys.get_env("GOOGLE_CLOUD_PROJECT_ID")}
          location: \${sys.get_env("GOOGLE_CLOUD_LOCATION")}
          double: \${args.n * 2}
`,
  );
  fs.writeFileSync(path.join(dir, 'broken.yaml'), '- a:\n    asign: 1\n');
  server = await startExecutionsServer({ port: 0, workflowsDir: dir, token, clock: new VirtualClock() });
  client = localClient(server.port);
});

afterAll(async () => {
  await client.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function settle(name: string) {
  for (let i = 0; i < 200; i++) {
    const [ex] = await client.getExecution({ name });
    if (ex.state !== 'ACTIVE') return ex;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`execution ${name} did not finish`);
}

test('create, then get: SUCCEEDED with the result as a JSON string', async () => {
  const [created] = await client.createExecution({
    parent,
    execution: { argument: JSON.stringify({ n: 21 }) },
  });
  expect(created.name).toMatch(new RegExp(`^${parent}/executions/[0-9a-f-]+$`));
  const done = await settle(created.name as string);
  expect(done.state).toBe('SUCCEEDED');
  expect(JSON.parse(done.result as string)).toEqual({ project: 'p1', location: 'europe-west1', double: 42 });
  expect(done.argument).toBe('{"n":21}');
});

test('a failing workflow: FAILED with the error map in error.payload and the failing step', async () => {
  const [created] = await client.createExecution({ parent, execution: { argument: '{"mode": "fail"}' } });
  const done = await settle(created.name as string);
  expect(done.state).toBe('FAILED');
  expect(JSON.parse(done.error?.payload as string)).toEqual({ message: 'asked to fail', code: 7 });
  expect(done.error?.stackTrace?.elements?.[0]).toMatchObject({ step: 'check', routine: 'main' });
});

test('cancel: an execution waiting in a sleep becomes CANCELLED; status shows its current steps while active', async () => {
  const waiting = await startExecutionsServer({ port: 0, workflowsDir: dir, token });
  const c = localClient(waiting.port);
  try {
    const [created] = await c.createExecution({ parent, execution: { argument: '{"mode": "wait"}' } });
    await new Promise((r) => setTimeout(r, 50));
    const [active] = await c.getExecution({ name: created.name });
    expect(active.state).toBe('ACTIVE');
    expect(active.status?.currentSteps).toEqual([{ routine: 'main', step: 'check' }]);
    const [cancelled] = await c.cancelExecution({ name: created.name });
    expect(cancelled.state).toBe('CANCELLED');
  } finally {
    await c.close();
    await waiting.close();
  }
});

test('list: newest first, BASIC view without argument or result', async () => {
  const [executions] = await client.listExecutions({ parent });
  expect(executions.length).toBeGreaterThanOrEqual(2);
  const starts = executions.map((e) => Number(e.startTime?.seconds ?? 0) * 1e9 + (e.startTime?.nanos ?? 0));
  expect([...starts].sort((a, b) => b - a)).toEqual(starts);
  expect(executions.every((e) => !e.result && !e.argument)).toBe(true);
});

test('unknown workflows and executions are NOT_FOUND; invalid sources FAILED_PRECONDITION', async () => {
  await expect(
    client.createExecution({ parent: 'projects/p/locations/l/workflows/nope', execution: {} }),
  ).rejects.toThrow(/workflow nope not found/);
  await expect(client.getExecution({ name: `${parent}/executions/missing` })).rejects.toThrow(/not found/);
  await expect(
    client.createExecution({ parent: 'projects/p/locations/l/workflows/broken', execution: {} }),
  ).rejects.toThrow(/unknown step field 'asign'/);
  await expect(client.createExecution({ parent, execution: { argument: '{not json' } })).rejects.toThrow(
    /argument is not valid JSON/,
  );
});
