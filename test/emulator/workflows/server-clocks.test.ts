import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VirtualClock, startExecutionsServer } from '../../../emulator/workflows';
import type { Clock, ExecutionsServer } from '../../../emulator/workflows';

/** The server's token on every request, as a client of `bqtune emulator` sends it. */
const fetch = (url: string, init: RequestInit = {}) =>
  globalThis.fetch(url, {
    ...init,
    headers: {
      authorization: 'Bearer test-token-0123456789abcdef',
      ...(init.headers as Record<string, string>),
    },
  });

/** Separate executions of one local Executions API do not share a virtual clock. */
const parent = 'projects/p/locations/us-central1/workflows/sleeper';
const source = `
main:
  params: [args]
  steps:
    - nap:
        call: sys.sleep
        args:
          seconds: \${args.seconds}
    - done:
        return: \${sys.now()}
`;

async function runOn(server: ExecutionsServer, seconds: number): Promise<number> {
  const res = await fetch(`${server.url}/v1/${parent}/executions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ argument: JSON.stringify({ seconds }) }),
  });
  const { name } = (await res.json()) as { name: string };
  for (let i = 0; i < 500; i++) {
    const ex = (await (await fetch(`${server.url}/v1/${name}`)).json()) as { state: string; result?: string };
    if (ex.state === 'SUCCEEDED') return JSON.parse(ex.result as string) as number;
    if (ex.state !== 'ACTIVE') throw new Error(`execution ${ex.state}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('execution did not finish');
}

async function twoRuns(clock: Clock | (() => Clock)): Promise<[number, number]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-clocks-'));
  fs.writeFileSync(path.join(dir, 'sleeper.yaml'), source);
  const server = await startExecutionsServer({
    token: 'test-token-0123456789abcdef',
    port: 0,
    workflowsDir: dir,
    clock,
  });
  try {
    return [await runOn(server, 100_000), await runOn(server, 10)];
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('with a clock factory each execution starts on its own clock', async () => {
  expect(await twoRuns(() => new VirtualClock(1000))).toEqual([101_000, 1010]);
});

test('a single clock is shared: the second execution starts where the first left it', async () => {
  expect(await twoRuns(new VirtualClock(1000))).toEqual([101_000, 101_010]);
});
