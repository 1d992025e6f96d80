import { Tag, wfError } from '../errors';
import type { FnImplementations } from '../functions';

const unsupported = (name: string) => () => {
  throw wfError(
    Tag.SystemError,
    `${name} is not available in the local emulator (callbacks need Google's endpoint)`,
  );
};

export const events: FnImplementations = {
  'events.create_callback_endpoint': unsupported('events.create_callback_endpoint'),
  'events.await_callback': unsupported('events.await_callback'),
};
