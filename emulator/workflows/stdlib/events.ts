import { Tag, wfError } from '../errors';
import type { FnImplementations } from '../functions';
import { isMap, isNumber, typeOf } from '../values';
import { optional, str } from './args';
import { CALL_DEFAULTS } from '../../../workflows/facts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

/**
 * Callbacks (https://cloud.google.com/workflows/docs/creating-callback-endpoints). The endpoints are served by
 * `bqtune emulator` on loopback; a run without it has nowhere to receive a callback and says so.
 */
export const events: FnImplementations = {
  // https://cloud.google.com/workflows/docs/reference/stdlib/events/create_callback_endpoint
  'events.create_callback_endpoint': ([m], ctx) => {
    const method = (
      optional(m, (x) => str('events.create_callback_endpoint', 'http_callback_method', x)) ?? 'POST'
    ).toUpperCase();
    if (!METHODS.includes(method)) {
      throw wfError(
        Tag.ValueError,
        `events.create_callback_endpoint: unsupported http_callback_method ${method}`,
      );
    }
    if (!ctx.callbacks) {
      throw wfError(
        Tag.SystemError,
        'events.create_callback_endpoint: callbacks are served by `bqtune emulator`; this run has no callback server',
      );
    }
    return new Map([['url', ctx.callbacks.create(method)]]);
  },
  // https://cloud.google.com/workflows/docs/reference/stdlib/events/await_callback
  'events.await_callback': async ([cb, t], ctx) => {
    if (cb === undefined || !isMap(cb))
      throw wfError(
        Tag.TypeError,
        `events.await_callback: callback must be a map, got ${typeOf(cb ?? null)}`,
      );
    const url = cb.get('url');
    if (typeof url !== 'string')
      throw wfError(Tag.TypeError, 'events.await_callback: callback.url must be a string');
    const timeout =
      optional(t, (x) => {
        if (!isNumber(x))
          throw wfError(Tag.TypeError, `events.await_callback: timeout must be a number, got ${typeOf(x)}`);
        return Number(x);
      }) ?? CALL_DEFAULTS.awaitCallbackTimeoutSeconds;
    if (!(timeout > 0)) throw wfError(Tag.ValueError, 'events.await_callback: timeout must be positive');
    if (!ctx.callbacks) {
      throw wfError(Tag.SystemError, 'events.await_callback: callbacks are served by `bqtune emulator`');
    }
    // An outside request, not workflow time: the virtual clock stays still while waiting for it.
    const release = ctx.clock.hold();
    try {
      const request = await ctx.callbacks.wait(url, timeout, ctx.signal);
      if (!request)
        throw wfError(
          Tag.TimeoutError,
          `events.await_callback: no callback received within ${timeout} seconds`,
        );
      return request;
    } finally {
      release();
    }
  },
};
