import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExecutionsClient } from '@google-cloud/workflows';
import { OAuth2Client } from 'google-auth-library';
import { startExecutionsServer, type ExecutionsServer } from '../../../emulator/workflows';
import { executionsLookup, reconcileRun, reconcileRuns } from '../../../cli/history/reconcile';
import type { RecordedRun } from '../../../cli/history/recorded-runs';
import { recordedRun } from './recorded-run';

/** A run whose latest row says `running`, recorded by `execution`. */
const running = (runId: string, execution: string | null): RecordedRun =>
  recordedRun(runId, 'running', { execution });

type ClientOptions = NonNullable<ConstructorParameters<typeof ExecutionsClient>[0]>;

describe('runs left running are reconciled from their execution through the Executions API', () => {
  let dir: string;
  let server: ExecutionsServer;
  let client: ExecutionsClient;
  const parent = 'projects/p1/locations/us-central1/workflows/tune-and-evaluate';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reconcile-'));
    fs.writeFileSync(
      path.join(dir, 'tune-and-evaluate.yaml'),
      `main:
  params: [args]
  steps:
    - check:
        switch:
          - condition: \${args.mode == "fail"}
            raise:
              message: the connection to BigQuery broke
          - condition: \${args.mode == "wait"}
            call: sys.sleep
            args:
              seconds: 3600
    - r:
        return: done
`,
    );
    server = await startExecutionsServer({
      token: 'test-token-0123456789abcdef',
      port: 0,
      workflowsDir: dir,
    });
    // jest's module sandbox cannot run gaxios' dynamic import of node-fetch; hand it Node's fetch.
    const auth = new OAuth2Client({ transporterOptions: { fetchImplementation: fetch } });
    auth.setCredentials({ access_token: 'test-token-0123456789abcdef' });
    client = new ExecutionsClient({
      fallback: true,
      protocol: 'http',
      apiEndpoint: '127.0.0.1',
      port: server.port,
      authClient: auth as unknown as ClientOptions['authClient'],
    } as ClientOptions);
  });

  afterAll(async () => {
    await client.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(mode: string): Promise<string> {
    const [created] = await client.createExecution({
      parent,
      execution: { argument: JSON.stringify({ mode }) },
    });
    return created.name as string;
  }

  async function until(name: string, state: string): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const [e] = await client.getExecution({ name });
      if (e.state === state) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${name} never reached ${state}`);
  }

  test('failed, cancelled, vanished and finished executions end the run; an active one leaves it running', async () => {
    const failed = await start('fail');
    const cancelled = await start('wait');
    const active = await start('wait');
    const finished = await start('done');
    await until(failed, 'FAILED');
    await until(finished, 'SUCCEEDED');
    await until(active, 'ACTIVE');
    await client.cancelExecution({ name: cancelled });
    await until(cancelled, 'CANCELLED');
    const vanished = `${parent}/executions/0000-gone`;

    const runs = [
      running('run_failed', failed),
      running('run_cancelled', cancelled),
      running('run_active', active),
      running('run_vanished', vanished),
      running('run_finished', finished),
      running('run_unnamed', null),
      { ...running('run_done', failed), status: 'succeeded' },
    ];
    const reconciled = await reconcileRuns(runs, executionsLookup(client));
    expect(reconciled.map((r) => [r.runId, r.status])).toEqual([
      ['run_failed', 'failed'],
      ['run_cancelled', 'cancelled'],
      ['run_active', 'running'],
      ['run_vanished', 'abandoned'],
      ['run_finished', 'abandoned'],
      ['run_unnamed', 'running'],
      ['run_done', 'succeeded'],
    ]);
    expect(reconciled[0].error).toMatch(
      /^its execution failed without recording it: .*the connection to BigQuery broke/,
    );
    expect(reconciled[1].error).toBe('its execution was cancelled before it recorded an outcome');
    expect(reconciled[3].error).toBe(`its execution ${vanished} no longer exists and recorded no outcome`);
    expect(reconciled[4].error).toBe('its execution ended without recording an outcome');
    await client.cancelExecution({ name: active });
  });

  test('a run with an outcome is never rewritten, whatever its execution says', () => {
    const run = { ...running('run_x', 'e'), status: 'rejected' };
    expect(reconcileRun(run, { state: 'FAILED', error: 'x' })).toBe(run);
    expect(reconcileRun(run, 'missing')).toBe(run);
  });
});
