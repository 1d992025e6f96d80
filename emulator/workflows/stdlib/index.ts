import type { FnImplementations, FnTable } from '../functions';
import { functionTable } from '../functions';
import { codec } from './codec';
import { collections } from './collections';
import { events } from './events';
import { helpers } from './helpers';
import { http } from './http';
import { sys } from './sys';
import { text } from './text';

/** Every implemented built-in, by the name used in `call:` and in expressions. */
export const implementations: FnImplementations = {
  ...helpers,
  ...text,
  ...collections,
  ...codec,
  ...sys,
  ...http,
  ...events,
};

/** The built-ins with their signatures from the table of Workflows facts. */
export const builtins: FnTable = functionTable(implementations);
