import type { Clock } from './clock';
import type { ConnectorContext, ConnectorRegistry, PollingPolicy } from './connector-types';
import { ConnectorError } from './connector-types';
import { Tag, wfError, WorkflowError } from './errors';
import { CALL_DEFAULTS } from '../../workflows/facts';
import type { RuntimeValue } from './values';
import { fromJs, isMap, isNumber, toJs, typeOf } from './values';

function seconds(name: string, value: RuntimeValue | undefined, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (!isNumber(value) || Number(value) <= 0) {
    throw wfError(Tag.TypeError, `connector_params.${name} must be a positive number, got ${typeOf(value)}`);
  }
  return Number(value);
}

function parseConnectorParams(raw: RuntimeValue | undefined): {
  connectorParams: Record<string, unknown>;
  timeout: number;
  pollingPolicy: PollingPolicy;
  skipPolling: boolean;
} {
  if (raw === undefined || raw === null) {
    return {
      connectorParams: {},
      timeout: CALL_DEFAULTS.connectorTimeoutSeconds,
      pollingPolicy: CALL_DEFAULTS.connectorPolling,
      skipPolling: false,
    };
  }
  if (!isMap(raw)) throw wfError(Tag.TypeError, `connector_params must be a map, got ${typeOf(raw)}`);
  const polling = raw.get('polling_policy');
  if (polling !== undefined && !isMap(polling))
    throw wfError(Tag.TypeError, 'connector_params.polling_policy must be a map');
  const skip = raw.get('skip_polling');
  if (skip !== undefined && typeof skip !== 'boolean')
    throw wfError(Tag.TypeError, 'connector_params.skip_polling must be a boolean');
  return {
    connectorParams: toJs(raw) as Record<string, unknown>,
    timeout: seconds('timeout', raw.get('timeout'), CALL_DEFAULTS.connectorTimeoutSeconds),
    pollingPolicy: {
      initialDelay: seconds(
        'polling_policy.initial_delay',
        polling?.get('initial_delay'),
        CALL_DEFAULTS.connectorPolling.initialDelay,
      ),
      multiplier: seconds(
        'polling_policy.multiplier',
        polling?.get('multiplier'),
        CALL_DEFAULTS.connectorPolling.multiplier,
      ),
      maxDelay: seconds(
        'polling_policy.max_delay',
        polling?.get('max_delay'),
        CALL_DEFAULTS.connectorPolling.maxDelay,
      ),
    },
    skipPolling: skip === true,
  };
}

/** Runs a `call: googleapis....` step against the registry, mapping handler failures to Workflows errors. */
export async function callConnector(
  name: string,
  args: Map<string, RuntimeValue>,
  registry: ConnectorRegistry,
  clock: Clock,
  env: Record<string, string>,
  signal: AbortSignal,
): Promise<RuntimeValue> {
  const handler = registry.get(name);
  if (!handler) {
    const known = [...registry.keys()].filter((k) => k.startsWith(name.split('.').slice(0, 3).join('.')));
    throw wfError(
      Tag.SystemError,
      `connector ${name} is not available in the local emulator` +
        (known.length > 0 ? ` (available: ${known.join(', ')})` : ''),
    );
  }
  const params = parseConnectorParams(args.get('connector_params'));
  const plainArgs: Record<string, unknown> = {};
  for (const [k, v] of args) if (k !== 'connector_params') plainArgs[k] = toJs(v);
  const started = clock.now();
  const overdue = () => clock.now() - started > params.timeout;
  // The handler's host work (DuckDB, the local model) holds the clock; only its own sleeps let time pass.
  let release = clock.hold();
  const timeoutError = () =>
    wfError(
      Tag.TimeoutError,
      `connector ${name} did not finish within ${params.timeout} seconds (connector_params.timeout)`,
    );
  const ctx: ConnectorContext = {
    ...params,
    connector: name,
    env,
    signal,
    now: () => clock.now(),
    sleep: async (s: number) => {
      release();
      try {
        await clock.sleep(s, signal);
      } finally {
        release = clock.hold();
      }
      if (overdue()) throw timeoutError();
    },
  };
  ctx.background = (work) => {
    let held = clock.hold();
    const jobClock = {
      now: () => clock.now(),
      sleep: async (s: number) => {
        held();
        try {
          await clock.sleep(s, signal);
        } finally {
          held = clock.hold();
        }
      },
    };
    // A background job's failure is recorded on the job by the handler; nothing may escape here.
    void work(jobClock)
      .catch(() => undefined)
      .finally(() => held());
  };
  ctx.waitFor = async (done, s) => {
    const timer = new AbortController();
    release();
    try {
      const finished = await Promise.race([
        done.then(
          () => true,
          () => true,
        ),
        clock.sleep(s, AbortSignal.any([signal, timer.signal])).then(
          () => false,
          () => false,
        ),
      ]);
      return finished;
    } finally {
      // A timer left behind would later move the clock for nobody.
      timer.abort();
      release = clock.hold();
    }
  };
  let result: unknown;
  try {
    result = await handler(plainArgs, ctx);
  } catch (e) {
    if (e instanceof ConnectorError) throw new WorkflowError(fromJs(e.value));
    if (e instanceof WorkflowError || signal.aborted) throw e;
    throw wfError(Tag.SystemError, `connector ${name} failed: ${(e as Error).message ?? String(e)}`);
  } finally {
    release();
  }
  if (overdue()) throw timeoutError();
  return fromJs(result);
}
