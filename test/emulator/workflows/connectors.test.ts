import type { ConnectorContext, ConnectorHandler, ConnectorRegistry } from '../../../emulator/workflows';
import { ConnectorError, VirtualClock, pollUntilDone } from '../../../emulator/workflows';
import { failure, run } from './run-helper';

const INSERT = 'googleapis.bigquery.v2.jobs.insert';

const callInsert = (connectorParams = '') => `
- insert:
    call: ${INSERT}
    args:
      projectId: \${sys.get_env("GOOGLE_CLOUD_PROJECT_ID")}
      body:
        configuration:
          query:
            query: SELECT 1
            useLegacySql: false
${connectorParams}
    result: job
- r:
    return: \${job}
`;

/** A long-running job that finishes `jobSeconds` after it starts, polled per connector_params. */
function pollingJob(jobSeconds: number, seen: ConnectorContext[]): ConnectorHandler {
  return async (args, ctx) => {
    seen.push(ctx);
    const start = ctx.now();
    return pollUntilDone(ctx, async () => {
      const done = ctx.now() - start >= jobSeconds;
      return {
        done,
        value: done
          ? { status: { state: 'DONE' }, projectId: args.projectId, configuration: args.body }
          : { status: { state: 'RUNNING' } },
      };
    });
  };
}

test('a registered handler gets the evaluated args and its return value becomes the result', async () => {
  const seen: ConnectorContext[] = [];
  const connectors: ConnectorRegistry = new Map([[INSERT, pollingJob(0, seen)]]);
  const res = await run(callInsert(), { connectors, env: { GOOGLE_CLOUD_PROJECT_ID: 'p1' } });
  expect(res.result).toEqual({
    status: { state: 'DONE' },
    projectId: 'p1',
    configuration: { configuration: { query: { query: 'SELECT 1', useLegacySql: false } } },
  });
  expect(seen[0]).toMatchObject({
    connector: INSERT,
    timeout: 1800,
    skipPolling: false,
    connectorParams: {},
  });
});

test('connector_params: polling_policy is passed through and polling runs on the virtual clock', async () => {
  const seen: ConnectorContext[] = [];
  const params = `      connector_params:
        timeout: 3600
        polling_policy:
          initial_delay: 10
          multiplier: 2
          max_delay: 40`;
  const res = await run(callInsert(params), {
    connectors: new Map([[INSERT, pollingJob(100, seen)]]),
    clock: new VirtualClock(),
  });
  expect(res.state).toBe('SUCCEEDED');
  expect(seen[0].pollingPolicy).toEqual({ initialDelay: 10, multiplier: 2, maxDelay: 40 });
  // 10 + 20 + 40 + 40 = 110 virtual seconds, none of it real.
  expect(res.virtualSeconds).toBe(110);
  expect(seen[0].connectorParams).toEqual({
    timeout: 3600,
    polling_policy: { initial_delay: 10, multiplier: 2, max_delay: 40 },
  });
});

test('connector_params.timeout: a job that runs longer raises TimeoutError', async () => {
  const params = '      connector_params:\n        timeout: 30';
  const err = await failure(callInsert(params), {
    connectors: new Map([[INSERT, pollingJob(100, [])]]),
    clock: new VirtualClock(),
  });
  expect(err.tags).toEqual(['TimeoutError']);
  expect(err.message).toMatch(/30 seconds/);
});

test('connector_params.skip_polling reaches the handler', async () => {
  const res = await run(callInsert('      connector_params:\n        skip_polling: true'), {
    connectors: new Map([[INSERT, pollingJob(100, [])]]),
  });
  expect(res.result).toEqual({ status: { state: 'RUNNING' } });
});

test("a ConnectorError's value is the error the workflow sees, catchable by except", async () => {
  const failing: ConnectorHandler = async () => {
    throw new ConnectorError({
      tags: ['HttpError'],
      message: 'Not found: Table p:d.t',
      code: 404,
      body: { error: 'x' },
    });
  };
  const src = `
- t:
    try:
      call: ${INSERT}
      args:
        projectId: p
      result: job
    except:
      as: e
      steps:
        - r:
            return: \${e}
`;
  const res = await run(src, { connectors: new Map([[INSERT, failing]]) });
  expect(res.result).toEqual({
    tags: ['HttpError'],
    message: 'Not found: Table p:d.t',
    code: 404,
    body: { error: 'x' },
  });
});

test.each(['OperationError', 'ResponseTypeError'])(
  'connector errors tagged %s reach the workflow unchanged',
  async (tag) => {
    const failing: ConnectorHandler = async () => {
      throw new ConnectorError({
        tags: [tag],
        message: 'operation failed',
        operation: { name: 'op-1', done: true },
      });
    };
    const err = await failure(callInsert(), { connectors: new Map([[INSERT, failing]]) });
    expect(err).toEqual({
      tags: [tag],
      message: 'operation failed',
      operation: { name: 'op-1', done: true },
    });
  },
);

test('an unknown googleapis connector fails at call time with a clear message', async () => {
  const err = await failure(
    '- c:\n    call: googleapis.storage.v1.objects.get\n    args:\n      bucket: b\n',
  );
  expect(err.tags).toEqual(['SystemError']);
  expect(err.message).toMatch(
    /connector googleapis.storage.v1.objects.get is not available in the local emulator/,
  );
});

test('a handler that throws an ordinary error becomes a SystemError naming the connector', async () => {
  const broken: ConnectorHandler = async () => {
    throw new Error('disk full');
  };
  const err = await failure(callInsert(), { connectors: new Map([[INSERT, broken]]) });
  expect(err).toEqual({ tags: ['SystemError'], message: `connector ${INSERT} failed: disk full` });
});
