import { LIMITS } from '../../facts';
import { targetName } from '../steps';
import type { Workflow } from '../workflow';
import type { Routine } from './routines';
import { blocksOf, nextTargets, walk } from './walk';
import type { Visit } from './walk';
import type { Violation } from './violation';

// Names the DSL has always exported for the limits; the values live in the one table of Workflows facts.
export const MAX_ASSIGNMENTS = LIMITS.assignmentsPerStep;
export const MAX_CONDITIONS = LIMITS.conditionsPerSwitch;
export const MIN_BRANCHES = LIMITS.minParallelBranches;
export const MAX_BRANCHES = LIMITS.parallelBranches;
export const MAX_PARALLEL_DEPTH = LIMITS.parallelNestingDepth;

/** Workflow-level rules: main's parameter count and subworkflow names. */
export function checkRoutines(wf: Workflow): Violation[] {
  const out: Violation[] = [];
  if (wf.main.params.length > 1) {
    out.push({ path: 'main', message: `main takes at most one parameter, got ${wf.main.params.length}` });
  }
  const seen = new Set<string>();
  for (const sub of wf.subworkflows) {
    if (seen.has(sub.name)) out.push({ path: sub.name, message: `subworkflow ${sub.name} is defined twice` });
    seen.add(sub.name);
  }
  return out;
}

/** Step names, jump targets, size limits and parallel nesting of one routine. */
export function checkStructure(routine: Routine): Violation[] {
  const out: Violation[] = [];
  const firstPath = new Map<string, Visit>();
  const visits: Visit[] = [];
  const paramNames = new Set<string>();
  for (const p of routine.params) {
    if (paramNames.has(p.name))
      out.push({ path: routine.name, message: `parameter ${p.name} is listed twice` });
    paramNames.add(p.name);
  }
  if (routine.steps.length === 0)
    out.push({ path: routine.name, message: 'a routine needs at least one step' });

  walk(routine.steps, routine.name, (visit) => {
    visits.push(visit);
    const { step, path } = visit;
    const earlier = firstPath.get(step.name);
    if (earlier) out.push({ path, message: `step name ${step.name} is already used at ${earlier.path}` });
    else firstPath.set(step.name, visit);
    out.push(...limits(visit));
    for (const block of blocksOf(step, path)) {
      if (block.steps.length === 0)
        out.push({ path: block.path, message: `${block.kind} block has no steps` });
      // Branch names are step names too (each branch is a step holding `steps`).
      if (block.branch) {
        const other = firstPath.get(block.branch.name);
        if (other)
          out.push({
            path: block.path,
            message: `step name ${block.branch.name} is already used at ${other.path}`,
          });
        else firstPath.set(block.branch.name, { ...visit, path: block.path, region: block.path });
      }
    }
  });

  for (const visit of visits) {
    for (const target of nextTargets(visit.step).map(targetName)) {
      if (target === 'end') continue;
      if (target === 'break' || target === 'continue') {
        if (!visit.inLoop)
          out.push({ path: visit.path, message: `next: ${target} is only allowed inside a for loop` });
        continue;
      }
      const dest = firstPath.get(target);
      if (!dest) out.push({ path: visit.path, message: `next: ${target} names no step in ${routine.name}` });
      else if (dest.region !== visit.region) {
        out.push({ path: visit.path, message: `next: ${target} jumps across a parallel branch boundary` });
      }
    }
  }
  return out;
}

function limits({ step, path, parallelDepth }: Visit): Violation[] {
  const out: Violation[] = [];
  if (step.kind === 'assign' && (step.entries.length === 0 || step.entries.length > MAX_ASSIGNMENTS)) {
    out.push({ path, message: `assign has ${step.entries.length} entries; allowed 1 to ${MAX_ASSIGNMENTS}` });
  }
  if (step.kind === 'switch' && (step.conditions.length === 0 || step.conditions.length > MAX_CONDITIONS)) {
    out.push({
      path,
      message: `switch has ${step.conditions.length} conditions; allowed 1 to ${MAX_CONDITIONS}`,
    });
  }
  if (step.kind === 'parallel') {
    if (parallelDepth + 1 > MAX_PARALLEL_DEPTH) {
      out.push({
        path,
        message: `parallel steps are nested ${parallelDepth + 1} deep; at most ${MAX_PARALLEL_DEPTH}`,
      });
    }
    const n = step.branches?.length;
    if (step.branches && step.for) out.push({ path, message: 'parallel takes branches or for, not both' });
    if (!step.branches && !step.for) out.push({ path, message: 'parallel needs branches or for' });
    if (n !== undefined && (n < MIN_BRANCHES || n > MAX_BRANCHES)) {
      out.push({ path, message: `parallel has ${n} branches; allowed ${MIN_BRANCHES} to ${MAX_BRANCHES}` });
    }
    const limit = step.concurrencyLimit;
    if (typeof limit === 'number' && (!Number.isInteger(limit) || limit < 1)) {
      out.push({ path, message: `concurrency_limit must be a positive integer, got ${limit}` });
    }
    if (step.shared && new Set(step.shared).size !== step.shared.length) {
      out.push({ path, message: 'shared lists a variable twice' });
    }
  }
  return out;
}
