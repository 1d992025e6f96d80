import { Tag, wfError } from '../errors';
import type { FnTable } from '../functions';
import { fn } from '../functions';

/** Callbacks need a public endpoint that Google hosts; the local emulator says so instead of hanging. */
const unsupported = (name: string, params: string[]) =>
  fn(
    params,
    () => {
      throw wfError(
        Tag.SystemError,
        `${name} is not available in the local emulator (callbacks need Google's endpoint)`,
      );
    },
    { required: 0, blocking: true },
  );

export const events: FnTable = {
  'events.create_callback_endpoint': unsupported('events.create_callback_endpoint', ['http_callback_method']),
  'events.await_callback': unsupported('events.await_callback', ['callback', 'timeout']),
};
