import type { Branch, JumpTarget, Step } from '../steps';
import { child } from './violation';

/** A nested step list of a step, with what kind of block holds it. */
export interface Block {
  readonly kind: 'condition' | 'for' | 'branch' | 'parallel-for' | 'try' | 'except' | 'steps';
  readonly path: string;
  readonly steps: readonly Step[];
  readonly branch?: Branch;
}

/** The step lists nested directly in `step`, in source order; `path` is the step's own path. */
export function blocksOf(step: Step, path: string): Block[] {
  switch (step.kind) {
    case 'switch':
      return step.conditions.flatMap((c, i) =>
        c.steps
          ? [{ kind: 'condition' as const, path: child(path, `condition ${i + 1}`), steps: c.steps }]
          : [],
      );
    case 'for':
      return [{ kind: 'for', path, steps: step.loop.steps }];
    case 'parallel':
      if (step.for) return [{ kind: 'parallel-for', path, steps: step.for.steps }];
      return (step.branches ?? []).map((b) => ({
        kind: 'branch',
        path: child(path, b.name),
        steps: b.steps,
        branch: b,
      }));
    case 'try':
      return [
        { kind: 'try', path, steps: step.steps },
        ...(step.except
          ? [{ kind: 'except' as const, path: child(path, 'except'), steps: step.except.steps }]
          : []),
      ];
    case 'steps':
      return [{ kind: 'steps', path, steps: step.steps }];
    default:
      return [];
  }
}

export interface Visit {
  readonly step: Step;
  readonly path: string;
  /** Inside a `for` (or parallel `for`) body, not crossing a parallel branch. */
  readonly inLoop: boolean;
  /** Number of parallel steps enclosing this step. */
  readonly parallelDepth: number;
  /** Identifies the parallel branch or iteration the step runs in; jumps cannot cross it. */
  readonly region: string;
}

/** Pre-order walk over a routine's steps. */
export function walk(
  steps: readonly Step[],
  path: string,
  visit: (v: Visit) => void,
  context: Omit<Visit, 'step' | 'path'> = { inLoop: false, parallelDepth: 0, region: path },
): void {
  for (const step of steps) {
    const stepPath = child(path, step.name);
    visit({ step, path: stepPath, ...context });
    for (const block of blocksOf(step, stepPath)) {
      const inner =
        block.kind === 'branch' || block.kind === 'parallel-for'
          ? {
              inLoop: block.kind === 'parallel-for',
              parallelDepth: context.parallelDepth + 1,
              region: block.path,
            }
          : { ...context, inLoop: context.inLoop || block.kind === 'for' };
      walk(block.steps, block.path, visit, inner);
    }
  }
}

/** Jump targets named by the step itself and by its switch conditions. */
export function nextTargets(step: Step): JumpTarget[] {
  const own = 'next' in step && step.next !== undefined ? [step.next] : [];
  const inConditions =
    step.kind === 'switch' ? step.conditions.flatMap((c) => (c.next !== undefined ? [c.next] : [])) : [];
  return [...own, ...inConditions];
}
