import { CALL_DEFAULTS } from '../../workflows/facts';
import type { ConnectorContext } from './connector-types';

/**
 * Polls a long-running operation the way Google's connectors do: check, then wait by the call's
 * `connector_params.polling_policy` (initial delay, growing by the multiplier up to the maximum) until
 * `check` reports done. With `skip_polling` the first answer is returned as it is. Waiting goes through
 * `ctx.sleep`, so it is instant on a virtual clock and ends in a TimeoutError past `connector_params.timeout`.
 */
export async function pollUntilDone<T>(
  ctx: ConnectorContext,
  check: () => Promise<{ done: boolean; value: T }>,
): Promise<T> {
  let state = await check();
  if (ctx.skipPolling) return state.value;
  const policy = ctx.pollingPolicy ?? CALL_DEFAULTS.connectorPolling;
  let delay = policy.initialDelay;
  while (!state.done) {
    await ctx.sleep(delay);
    delay = Math.min(delay * policy.multiplier, policy.maxDelay);
    state = await check();
  }
  return state.value;
}
