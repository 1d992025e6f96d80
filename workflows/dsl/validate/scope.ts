import { toExpr, v } from '../expr';
import type { Expr } from '../expr';
import type { ValueInput } from '../expr';
import { STDLIB_MODULES } from '../stdlib';
import { targetName } from '../steps';
import type { AssignTarget, ForLoop, Step } from '../steps';
import type { Routine } from './routines';
import { ownValues } from './values';
import { blocksOf, nextTargets, walk } from './walk';
import { child } from './violation';
import type { Violation } from './violation';

/*
 * Definedness and scoping, in the spirit of the deploy-time analysis of Workflows.
 *
 * Rule: a read is reported only when NO path from the start of the routine assigns the name. Names are
 * tracked as "possibly assigned": the outcomes of switch conditions, try bodies and loop bodies are
 * merged by union. Jumps (`next: <step>`) create paths this walk in source order does not follow, so
 * from the first step (in source order) that is a jump target onwards, reads in that routine are not
 * checked: undecidable, skipped rather than reported falsely. `next: end|break|continue` only remove
 * paths and never hide an assignment, so they do not stop the check. A sequential `for` body can be
 * reached again from its own end, so names assigned anywhere in the body count as assigned throughout
 * it (an iteration may read what an earlier one wrote).
 *
 * Scopes: a routine starts with its parameters only. Names first assigned inside a for body, an except
 * block or a parallel branch/iteration (and the loop value/index, the except `as`) are local to that
 * block; reading them afterwards is a deploy error on Google, reported with the block it belonged to.
 * Inside a parallel step, assigning a variable of the enclosing scope requires listing it in `shared`.
 */

interface ParallelFrame {
  readonly step: string;
  readonly outer: ReadonlySet<string>;
  readonly shared: ReadonlySet<string>;
}

class ScopeAnalysis {
  readonly out: Violation[] = [];
  private readonly targets: Set<string>;
  private readonly expired = new Map<string, string>();
  private readonly parallels: ParallelFrame[] = [];
  private readonly loopValues: string[] = [];
  private stopped = false;

  constructor(routine: Routine) {
    this.targets = jumpTargets(routine);
    for (const p of routine.params) this.notModule(p.name, routine.name, 'has a parameter');
    this.block(routine.steps, new Set(routine.params.map((p) => p.name)), routine.name);
  }

  /**
   * A variable named after a stdlib module shadows it: `text.match_regex(...)` would then look up a key of
   * the variable. Workflows resolves the variable first, so the DSL refuses such names.
   */
  private notModule(name: string, path: string, verb: string): void {
    if (!(STDLIB_MODULES as readonly string[]).includes(name)) return;
    const message = `${verb} ${name}, the name of a standard-library module (it would hide ${name}.* functions); rename the variable`;
    if (!this.out.some((o) => o.path === path && o.message === message)) this.out.push({ path, message });
  }

  /** Analyses a step list starting from `defined` (mutated) and returns it. */
  private block(steps: readonly Step[], defined: Set<string>, path: string): Set<string> {
    for (const step of steps) this.step(step, defined, child(path, step.name));
    return defined;
  }

  /** Checks the variables `value` reads (a list of values is itself a value). */
  private read(value: ValueInput, defined: ReadonlySet<string>, path: string): void {
    if (this.stopped) return;
    for (const name of toExpr(value).reads) {
      if (defined.has(name)) continue;
      const local = this.expired.get(name);
      const message = local
        ? `reads ${name}, which is local to ${local} and no longer exists here`
        : `reads ${name} before any assignment`;
      if (!this.out.some((o) => o.path === path && o.message === message)) this.out.push({ path, message });
    }
  }

  private write(name: string, defined: Set<string>, path: string): void {
    this.notModule(name, path, 'assigns');
    for (const frame of this.parallels) {
      if (frame.outer.has(name) && !frame.shared.has(name)) {
        this.out.push({
          path,
          message: `assigns ${name}, a variable from outside parallel step ${frame.step}, without listing it in shared`,
        });
      }
    }
    defined.add(name);
  }

  /** Runs a nested scope; names it creates expire afterwards with a description of the block. */
  private scoped(
    steps: readonly Step[],
    defined: Set<string>,
    locals: readonly string[],
    what: string,
    path: string,
  ): void {
    const inner = new Set([...defined, ...locals]);
    this.block(steps, inner, path);
    for (const name of inner) if (!defined.has(name)) this.expired.set(name, what);
  }

  private loop(loop: ForLoop, defined: Set<string>, what: string, path: string, sequential: boolean): void {
    if (this.loopValues.includes(loop.value)) {
      this.out.push({ path, message: `loop value ${loop.value} is already the value of an enclosing loop` });
    }
    this.loopValues.push(loop.value);
    const locals = loop.index === undefined ? [loop.value] : [loop.value, loop.index];
    for (const name of locals) this.notModule(name, path, 'loops with');
    if (sequential) locals.push(...assignedIn(loop.steps));
    this.scoped(loop.steps, defined, locals, what, path);
    this.loopValues.pop();
  }

  private step(step: Step, defined: Set<string>, path: string): void {
    if (this.targets.has(step.name)) this.stopped = true;
    switch (step.kind) {
      case 'assign':
        for (const [target, value] of step.entries) {
          this.read(value, defined, path);
          this.assignTo(target, defined, path);
        }
        return;
      case 'call':
        this.read(ownValues(step), defined, path);
        if (step.result !== undefined) this.write(step.result, defined, path);
        return;
      case 'switch': {
        const before = new Set(defined);
        step.conditions.forEach((c, i) => {
          this.read(ownValues({ ...step, conditions: [c] }), before, path);
          if (c.steps) {
            const outcome = this.block(c.steps, new Set(before), child(path, `condition ${i + 1}`));
            outcome.forEach((n) => defined.add(n));
          }
        });
        return;
      }
      case 'for':
        this.read(ownValues(step), defined, path);
        this.loop(step.loop, defined, `for loop ${step.name}`, path, true);
        return;
      case 'parallel':
        this.parallel(step, defined, path);
        return;
      case 'try':
        this.read(ownValues(step), defined, path);
        this.block(step.steps, defined, path);
        if (step.except) {
          const locals = step.except.as === undefined ? [] : [step.except.as];
          for (const name of locals) this.notModule(name, path, 'catches into');
          this.scoped(
            step.except.steps,
            defined,
            locals,
            `the except block of ${step.name}`,
            child(path, 'except'),
          );
        }
        return;
      case 'raise':
      case 'return':
        this.read(step.value, defined, path);
        return;
      case 'steps':
        this.block(step.steps, defined, path);
        return;
      case 'jump':
        return;
    }
  }

  private parallel(step: Extract<Step, { kind: 'parallel' }>, defined: Set<string>, path: string): void {
    this.read(ownValues(step), defined, path);
    const shared = step.shared ?? [];
    if (!this.stopped) {
      for (const name of shared) {
        if (!defined.has(name))
          this.out.push({
            path,
            message: `shared variable ${name} is not assigned before the parallel step`,
          });
      }
    }
    this.parallels.push({ step: step.name, outer: new Set(defined), shared: new Set(shared) });
    if (step.for) this.loop(step.for, defined, `parallel for ${step.name}`, path, false);
    for (const block of blocksOf(step, path).filter((b) => b.branch)) {
      this.scoped(
        block.steps,
        defined,
        [],
        `branch ${block.branch?.name} of parallel step ${step.name}`,
        block.path,
      );
    }
    this.parallels.pop();
  }

  private assignTo(target: AssignTarget, defined: Set<string>, path: string): void {
    if (typeof target === 'string') {
      const root = target.split('.')[0];
      // `a.b = x` updates a member of `a`, which must exist.
      if (root !== target) this.read(v(root), defined, path);
      this.write(root, defined, path);
      return;
    }
    this.read(target, defined, path);
    this.write(rootOf(target), defined, path);
  }
}

function rootOf(target: Expr): string {
  let node = target.node;
  while (node.kind === 'member' || node.kind === 'index') node = node.object;
  if (node.kind !== 'var') throw new Error(`assignment target ${target.source} has no variable`);
  return node.name;
}

/** Names written anywhere in the steps (assignment roots, call results), nested blocks included. */
function assignedIn(steps: readonly Step[]): string[] {
  const names: string[] = [];
  walk(steps, '', ({ step }) => {
    if (step.kind === 'assign') {
      for (const [target] of step.entries)
        names.push(typeof target === 'string' ? target.split('.')[0] : rootOf(target));
    }
    if (step.kind === 'call' && step.result !== undefined) names.push(step.result);
  });
  return names;
}

function jumpTargets(routine: Routine): Set<string> {
  const names = new Set<string>();
  walk(routine.steps, routine.name, ({ step }) => {
    for (const t of nextTargets(step).map(targetName))
      if (t !== 'end' && t !== 'break' && t !== 'continue') names.add(t);
  });
  return names;
}

export function checkScopes(routine: Routine): Violation[] {
  return new ScopeAnalysis(routine).out;
}
