import type { FnTable } from '../functions';
import { codec } from './codec';
import { collections } from './collections';
import { events } from './events';
import { helpers } from './helpers';
import { http } from './http';
import { sys } from './sys';
import { text } from './text';

/** Every built-in function, by the name used in `call:` and in expressions. */
export const builtins: FnTable = {
  ...helpers,
  ...text,
  ...collections,
  ...codec,
  ...sys,
  ...http,
  ...events,
};
