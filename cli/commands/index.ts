import type { Command } from 'commander';
import { register as champion } from './champion';
import { register as check } from './check';
import { register as compile } from './compile';
import { register as emulator } from './emulator';
import { register as init } from './init';
import { register as predict } from './predict';
import { register as prune } from './prune';
import { register as report } from './report';
import { register as run } from './run';
import { register as runs } from './runs';
import { register as schemas } from './schemas';
import { register as trigger } from './trigger';
import { register as workflow } from './workflow';

/** Every sub-command registers itself on the root program; one entry per file in this folder. */
export type Register = (program: Command) => void;

export const commands: Register[] = [
  init,
  check,
  run,
  predict,
  runs,
  champion,
  report,
  prune,
  trigger,
  emulator,
  workflow,
  compile,
  schemas,
];
