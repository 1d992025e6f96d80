import type { Workflow } from '../workflow';
import { checkCalls, subworkflowTable } from './calls';
import { checkPatterns } from './patterns';
import { routinesOf } from './routines';
import { checkScopes } from './scope';
import { checkRoutines, checkStructure } from './structure';
import type { Violation } from './violation';

/** Every static-check violation of the workflow, routine by routine, in source order. */
export function validateWorkflow(wf: Workflow): Violation[] {
  const routines = routinesOf(wf);
  const subs = subworkflowTable(routines);
  return [
    ...checkRoutines(wf),
    ...routines.flatMap((r) => [
      ...checkStructure(r),
      ...checkCalls(r, subs),
      ...checkPatterns(r),
      ...checkScopes(r),
    ]),
  ];
}

export type { Violation } from './violation';
export { MAX_ASSIGNMENTS, MAX_BRANCHES, MAX_CONDITIONS, MAX_PARALLEL_DEPTH, MIN_BRANCHES } from './structure';
